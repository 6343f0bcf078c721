import {
  type Area,
  areaListSchema,
  areaSchema,
  type CheckinDto,
  type CreatePractice,
  type CreateTokenResponse,
  checkinListSchema,
  checkinSchema,
  createTokenResponseSchema,
  type ErrorCode,
  errorBodySchema,
  type FieldIssue,
  type FrequencyDto,
  type MeResponse,
  meResponseSchema,
  type Practice,
  practiceListSchema,
  practiceSchema,
  type SetupStatus,
  type StrengthDto,
  schedulePreviewSchema,
  setupStatusSchema,
  strengthSchema,
  type Today,
  type TokenList,
  todaySchema,
  tokenListSchema,
  type UpdateMe,
  type UpdatePractice,
  type UpsertCheckin,
} from '@tack/contracts';
import { z } from 'zod';
import { discoveryMethods } from './discovery.ts';
import { portabilityMethods } from './portability.ts';
import { reviewMethods } from './reviews.ts';

export type { MakePracticeInput, VerdictInput } from './discovery.ts';

const practiceBody = z.object({ practice: practiceSchema });
const checkinBody = z.object({ checkin: checkinSchema });
const areaBody = z.object({ area: areaSchema });
const enc = encodeURIComponent;

/** An error answered by the Tack server (or a network failure, with code INTERNAL and status 0). */
export class TackApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: { issues?: FieldIssue[] } & Record<string, unknown>;
  constructor(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'TackApiError';
    this.status = status;
    this.code = code;
    this.details = details ?? {};
  }
  /** Message of the issue at a field path, for forms. */
  fieldMessage(path: string): string | undefined {
    return this.details.issues?.find((i) => i.path === path)?.message;
  }
}

export interface ClientOptions {
  /** Server origin, e.g. http://127.0.0.1:8080. Empty for same-origin (the web app). */
  baseUrl?: string;
  /** Personal API token (CLI, scripts). The web app uses the session cookie instead. */
  token?: string;
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<S extends z.ZodType | undefined> {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  schema?: S;
  headers?: Record<string, string>;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
}

export function createClient(options: ClientOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<S extends z.ZodType | undefined = undefined>(
    method: Method,
    path: string,
    opts: RequestOptions<S> = {},
  ): Promise<S extends z.ZodType ? z.infer<S> : unknown> {
    const url = new URL(`${base}${path}`, base ? undefined : globalThis.location?.origin);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body, credentials: 'same-origin' });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new TackApiError(0, 'INTERNAL', `Could not reach the Tack server at ${url.origin}: ${reason}`);
    }
    const text = await res.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const e = parsed.data.error;
        throw new TackApiError(res.status, e.code, e.message, e.details);
      }
      throw new TackApiError(res.status, 'INTERNAL', `Unexpected ${res.status} answer from the server`);
    }
    if (!opts.schema) return json as S extends z.ZodType ? z.infer<S> : unknown;
    return opts.schema.parse(json) as S extends z.ZodType ? z.infer<S> : unknown;
  }

  return {
    request,
    ...discoveryMethods(request),
    ...portabilityMethods(request, {
      base,
      token: options.token,
      fetch: doFetch,
      fail: (status, code, message, details) => new TackApiError(status, code, message, details),
    }),
    ...reviewMethods(request, {
      base,
      token: options.token,
      fetch: doFetch,
      fail: (status, code, message, details) => new TackApiError(status, code, message, details),
    }),
    health: () => request('GET', '/healthz'),
    setup: (): Promise<SetupStatus> => request('GET', '/api/v1/setup', { schema: setupStatusSchema }),
    auth: {
      signUp: async (input: { email: string; password: string; name: string }) =>
        (await request('POST', '/api/auth/sign-up/email', { body: input })) as { user: AuthUser },
      signIn: async (input: { email: string; password: string; rememberMe?: boolean }) =>
        (await request('POST', '/api/auth/sign-in/email', { body: input })) as { user: AuthUser },
      signOut: async () => {
        await request('POST', '/api/auth/sign-out', { body: {} });
      },
      /** Needs the current password; `revokeOtherSessions` ends every other session too. */
      changePassword: async (input: { currentPassword: string; newPassword: string; revokeOtherSessions?: boolean }) =>
        (await request('POST', '/api/auth/change-password', { body: input })) as { user: AuthUser },
      /** Ends every session of this person, on every device (API tokens are separate). */
      signOutEverywhere: async () => {
        await request('POST', '/api/auth/revoke-sessions', { body: {} });
      },
    },
    me: {
      get: (): Promise<MeResponse> => request('GET', '/api/v1/me', { schema: meResponseSchema }),
      update: (patch: UpdateMe): Promise<MeResponse> =>
        request('PATCH', '/api/v1/me', { body: patch, schema: meResponseSchema }),
    },
    tokens: {
      list: (): Promise<TokenList> => request('GET', '/api/v1/tokens', { schema: tokenListSchema }),
      create: (name: string): Promise<CreateTokenResponse> =>
        request('POST', '/api/v1/tokens', { body: { name }, schema: createTokenResponseSchema }),
      revoke: async (id: string) => {
        await request('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
      },
    },
    today: (date?: string): Promise<Today> => request('GET', '/api/v1/today', { query: { date }, schema: todaySchema }),
    practices: {
      list: async (state?: 'active' | 'paused' | 'archived' | 'deleted' | 'all'): Promise<Practice[]> =>
        (await request('GET', '/api/v1/practices', { query: { state }, schema: practiceListSchema })).practices,
      get: async (id: string): Promise<Practice> =>
        (await request('GET', `/api/v1/practices/${enc(id)}`, { schema: practiceBody })).practice,
      create: async (input: Partial<CreatePractice> & Pick<CreatePractice, 'name' | 'frequency'>): Promise<Practice> =>
        (await request('POST', '/api/v1/practices', { body: input, schema: practiceBody })).practice,
      update: async (id: string, patch: UpdatePractice): Promise<Practice> =>
        (await request('PATCH', `/api/v1/practices/${enc(id)}`, { body: patch, schema: practiceBody })).practice,
      remove: async (id: string): Promise<Practice> =>
        (await request('DELETE', `/api/v1/practices/${enc(id)}`, { schema: practiceBody })).practice,
      archive: async (id: string): Promise<Practice> =>
        (await request('POST', `/api/v1/practices/${enc(id)}/archive`, { body: {}, schema: practiceBody })).practice,
      restore: async (id: string): Promise<Practice> =>
        (await request('POST', `/api/v1/practices/${enc(id)}/restore`, { body: {}, schema: practiceBody })).practice,
      pause: async (id: string, range: { from?: string; to?: string | null } = {}): Promise<Practice> =>
        (await request('POST', `/api/v1/practices/${enc(id)}/pause`, { body: range, schema: practiceBody })).practice,
      resume: async (id: string, on?: string): Promise<Practice> =>
        (await request('POST', `/api/v1/practices/${enc(id)}/resume`, { body: on ? { on } : {}, schema: practiceBody }))
          .practice,
      preview: async (frequency: FrequencyDto, from?: string) =>
        (
          await request('GET', '/api/v1/practices/schedule-preview', {
            query: { frequency: JSON.stringify(frequency), from },
            schema: schedulePreviewSchema,
          })
        ).days,
      strength: (id: string, range: { from?: string; to?: string } = {}): Promise<StrengthDto> =>
        request('GET', `/api/v1/practices/${enc(id)}/strength`, { query: range, schema: strengthSchema }),
    },
    checkins: {
      list: async (practiceId: string, range: { from?: string; to?: string } = {}): Promise<CheckinDto[]> =>
        (
          await request('GET', `/api/v1/practices/${enc(practiceId)}/checkins`, {
            query: range,
            schema: checkinListSchema,
          })
        ).checkins,
      put: async (practiceId: string, date: string, input: UpsertCheckin): Promise<CheckinDto> =>
        (
          await request('PUT', `/api/v1/practices/${enc(practiceId)}/checkins/${enc(date)}`, {
            body: input,
            schema: checkinBody,
          })
        ).checkin,
      remove: async (practiceId: string, date: string) => {
        await request('DELETE', `/api/v1/practices/${enc(practiceId)}/checkins/${enc(date)}`);
      },
      batch: async (input: { date?: string; practiceIds: string[]; status?: 'done' | 'skipped' | 'notDone' }) =>
        (await request('POST', '/api/v1/checkins/batch', { body: input, schema: checkinListSchema })).checkins,
    },
    areas: {
      list: async (): Promise<Area[]> => (await request('GET', '/api/v1/areas', { schema: areaListSchema })).areas,
      create: async (name: string): Promise<Area> =>
        (await request('POST', '/api/v1/areas', { body: { name }, schema: areaBody })).area,
      update: async (id: string, patch: { name?: string; position?: number }): Promise<Area> =>
        (await request('PATCH', `/api/v1/areas/${enc(id)}`, { body: patch, schema: areaBody })).area,
      remove: async (id: string) => {
        await request('DELETE', `/api/v1/areas/${enc(id)}`);
      },
    },
  };
}

export type TackClient = ReturnType<typeof createClient>;
