import type { ErrorCode } from '@tack/contracts';
import { errorBodySchema, LIMITS, timeZoneSchema, weekdaySchema } from '@tack/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LazyAuth } from '../auth.ts';
import { errorBody, STATUS } from '../errors.ts';
import { toHeaders } from '../plugins/actor.ts';
import { typed } from './types.ts';

// Only the user is returned: the session token stays in its httpOnly cookie.
const authUser = z.object({ id: z.string(), email: z.string(), name: z.string() });
const authResult = z.object({ user: authUser });
const signedOut = z.object({ success: z.boolean() });
const revoked = z.object({ status: z.boolean() });

const signUpBody = z
  .strictObject({
    email: z.email().max(LIMITS.emailMax),
    password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    timeZone: timeZoneSchema.optional().describe('IANA time zone, e.g. Europe/Berlin (default UTC)'),
    weekStart: weekdaySchema.optional().describe('The first day of the week (default monday)'),
    rememberMe: z.boolean().optional(),
    callbackURL: z.string().max(2000).optional(),
  })
  .meta({ id: 'SignUp' });

const signInBody = z
  .strictObject({
    email: z.email().max(LIMITS.emailMax),
    password: z.string().min(1).max(LIMITS.passwordMax),
    rememberMe: z.boolean().optional(),
    callbackURL: z.string().max(2000).optional(),
  })
  .meta({ id: 'SignIn' });

const changePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1).max(LIMITS.passwordMax),
    newPassword: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
    revokeOtherSessions: z.boolean().optional().describe('End every other session (default false)'),
  })
  .meta({ id: 'ChangePassword' });

function codeFor(status: number, authCode: string | undefined): ErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (authCode?.includes('ALREADY_EXISTS')) return 'CONFLICT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

/** Hands the request to better-auth and answers with its response, errors in Tack's shape. */
async function forward(auth: LazyAuth, origin: string, req: FastifyRequest, reply: FastifyReply) {
  const headers = toHeaders(req.headers);
  headers.delete('content-length');
  const init: RequestInit = { method: req.method, headers };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    headers.set('content-type', 'application/json');
    try {
      init.body = JSON.stringify(req.body ?? {});
    } catch {
      // A body nested thousands deep (the wildcard route has no schema to refuse it) overflows the stack.
      return reply
        .code(STATUS.VALIDATION_FAILED)
        .type('application/json')
        .send(errorBody('VALIDATION_FAILED', 'The request body is nested too deeply'));
    }
  }
  const res = await (await auth()).handler(new Request(new URL(req.url, origin), init));
  const cookies = res.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  const text = await res.text();
  if (res.status >= 400) {
    let authError: { code?: string; message?: string } = {};
    try {
      authError = JSON.parse(text) as typeof authError;
    } catch {}
    const code = codeFor(res.status, authError.code);
    const message = authError.message || 'The request could not be completed';
    return reply.code(STATUS[code]).type('application/json').send(errorBody(code, message));
  }
  reply.code(res.status).header('cache-control', 'no-store');
  return text ? reply.send(JSON.parse(text)) : reply.send();
}

export async function authRoutes(
  app: FastifyInstance,
  opts: { auth: LazyAuth; origin: string; authRateLimit: number },
) {
  const r = typed(app);
  const { auth, origin } = opts;
  const limited = { rateLimit: { max: opts.authRateLimit, timeWindow: '1 minute' } };
  const errors = { 400: errorBodySchema, 401: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema };

  r.post(
    '/api/auth/sign-up/email',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Create an account with email and password; signs in (session cookie)',
        body: signUpBody,
        response: { 200: authResult, ...errors },
      },
    },
    (req, reply) => forward(auth, origin, req, reply),
  );

  r.post(
    '/api/auth/sign-in/email',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password (session cookie)',
        body: signInBody,
        response: { 200: authResult, ...errors },
      },
    },
    (req, reply) => forward(auth, origin, req, reply),
  );

  r.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 200: signedOut, ...errors } } },
    (req, reply) => forward(auth, origin, req, reply),
  );

  r.post(
    '/api/auth/revoke-sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: end every session of this person',
        response: { 200: revoked, ...errors },
      },
    },
    (req, reply) => forward(auth, origin, req, reply),
  );

  r.post(
    '/api/auth/change-password',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Change the password (session cookie; needs the current one); optionally end every other session',
        body: changePasswordBody,
        response: { 200: authResult, ...errors },
      },
    },
    (req, reply) => forward(auth, origin, req, reply),
  );

  // Nothing else of better-auth's is reachable: its other endpoints (update-user, change-email,
  // list-sessions, …) would skip Tack's own rules (PATCH /api/v1/me holds the name's) and are not offered.
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: limited,
    handler: (_req, reply) => reply.code(STATUS.NOT_FOUND).send(errorBody('NOT_FOUND', 'No such endpoint')),
  });
}
