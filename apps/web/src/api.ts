import { createClient, TackApiError } from '@tack/client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

/** The one API client of the web app: same origin, session cookie. */
export const api = createClient();

export const queryKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  /** The sign-in page's "already signed in?" check; separate so a stale profile never skips sign-in. */
  meProbe: ['me', 'probe'] as const,
  tokens: ['tokens'] as const,
};

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TackApiError && error.status === 401;
}

/** A human sentence for any error, for the general error region of a form or page. */
export function errorMessage(error: unknown): string {
  if (error instanceof TackApiError) {
    if (error.status === 0) return 'Tack could not reach the server. Check your connection and try again.';
    if (error.status === 429 || error.code === 'RATE_LIMITED')
      return 'Too many attempts in a short time. Please wait a minute and try again.';
    return error.message || 'Something went wrong. Please try again.';
  }
  return 'Something went wrong. Please try again.';
}

export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof TackApiError ? error.fieldMessage(path) : undefined;
}

type UnauthorizedListener = () => void;
let unauthorizedListener: UnauthorizedListener | undefined;

/** The router registers how to react when any call answers 401 (send the person to sign-in). */
export function onUnauthorized(listener: UnauthorizedListener): void {
  unauthorizedListener = listener;
}

function handleError(error: unknown): void {
  if (isUnauthorized(error)) unauthorizedListener?.();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // The /me query is the session probe: the route guard decides what its 401 means.
    onError: (error, query) => (query.queryKey[0] === queryKeys.me[0] ? undefined : handleError(error)),
  }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => {
        if (error instanceof TackApiError && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
