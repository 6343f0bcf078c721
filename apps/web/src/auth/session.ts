import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../api.ts';

export function useSetup() {
  return useQuery({ queryKey: queryKeys.setup, queryFn: api.setup, staleTime: 60_000 });
}

/** The signed-in person. A 401 here means "signed out"; the route guard handles it. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.me.get, select: (r) => r.user });
}

/**
 * On sign-in and sign-up: is this browser already signed in? Uses its own cache entry, so a stale
 * profile left from before signing out never skips the form.
 */
export function useSignedInProbe() {
  return useQuery({ queryKey: queryKeys.meProbe, queryFn: api.me.get, retry: false, staleTime: 0 });
}

/** Pages reachable without a session. A 401 on these is an answer, not a reason to redirect. */
export const PUBLIC_PATHS = ['/sign-in', '/sign-up', '/welcome'];

/** Only same-app paths are followed after signing in (no open redirects). */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/today';
  if (PUBLIC_PATHS.some((p) => next === p || next.startsWith(`${p}?`))) return '/today';
  return next;
}

/** Router state carried to the sign-in page to explain why the person is there. */
export interface SignInState {
  notice?: string;
}

export function readNotice(state: unknown): string | undefined {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string')
    return state.notice;
  return undefined;
}
