import { randomBytes, randomUUID } from 'node:crypto';
import { LIMITS } from '@tack/contracts';
import { getOrCreateSetting, type OpenDatabase } from '@tack/db';
import type { BetterAuthOptions, betterAuth } from 'better-auth';
import type { Config } from './config.ts';

const snake = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  userId: 'user_id',
  expiresAt: 'expires_at',
} as const;

/** better-auth over Tack's own tables (created by Tack's frozen migrations, snake_case columns). */
function authOptions(database: OpenDatabase, origin: string, secret: string) {
  return {
    appName: 'Tack',
    baseURL: origin,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [origin],
    telemetry: { enabled: false },
    // Tack's own Kysely: on SQLite its one connection is held for a whole transaction, and better-auth's
    // statements must queue behind it, not land inside it (or fail to begin their own).
    database: { db: database.db, type: database.dialect, transaction: true },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: LIMITS.passwordMin,
      maxPasswordLength: LIMITS.passwordMax,
      autoSignIn: true,
    },
    // Tack applies its own per-address limits on sign-in and sign-up (plugins/security.ts).
    rateLimit: { enabled: false },
    session: {
      modelName: 'session',
      fields: { ...snake, ipAddress: 'ip_address', userAgent: 'user_agent' },
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    user: {
      modelName: 'user',
      fields: { createdAt: snake.createdAt, updatedAt: snake.updatedAt, emailVerified: 'email_verified' },
      additionalFields: {
        // Taken at sign-up only (checked there by the route's schema); changed later through PATCH /api/v1/me.
        timeZone: { type: 'string', fieldName: 'time_zone', required: false, defaultValue: 'UTC', input: true },
        weekStart: { type: 'string', fieldName: 'week_start', required: false, defaultValue: 'monday', input: true },
      },
    },
    account: {
      modelName: 'account',
      fields: {
        ...snake,
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
      },
    },
    verification: {
      modelName: 'verification',
      fields: { createdAt: 'created_at', updatedAt: 'updated_at', expiresAt: 'expires_at' },
    },
    advanced: {
      database: { generateId: () => randomUUID() },
      useSecureCookies: origin.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
  } satisfies BetterAuthOptions;
}

export type Auth = ReturnType<typeof betterAuth<ReturnType<typeof authOptions>>>;

/**
 * better-auth, loaded on first use: it is about a third of the server's memory, and a server used
 * only with API tokens (the CLI, scripts) never needs it. The first sign-in or cookie request
 * waits for it once; a failure is not remembered, so the next request tries again.
 */
export function createAuth(config: Config, database: OpenDatabase, origin: string): () => Promise<Auth> {
  let loading: Promise<Auth> | undefined;
  const load = async (): Promise<Auth> => {
    const [{ betterAuth }, secret] = await Promise.all([
      import('better-auth'),
      config.secret ?? getOrCreateSetting(database.db, 'auth_secret', () => randomBytes(48).toString('base64url')),
    ]);
    return betterAuth(authOptions(database, origin, secret));
  };
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}

export type LazyAuth = ReturnType<typeof createAuth>;
