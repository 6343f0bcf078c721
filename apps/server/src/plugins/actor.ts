import { type Actor, type Authorized, authorizeSelf, DomainError } from '@tack/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { LazyAuth } from '../auth.ts';
import type { Services } from '../services.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person (session cookie or API token); throws UNAUTHENTICATED / TOKEN_INVALID. */
    actor(): Promise<Authorized<Actor>>;
  }
}

export function toHeaders(raw: FastifyRequest['headers']): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, String(value));
  }
  return headers;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const actorPlugin = fp(
  async (app: FastifyInstance, opts: { auth: LazyAuth; services: Services; origins: string[] }) => {
    app.decorateRequest('actor', async function (this: FastifyRequest) {
      const authorization = this.headers.authorization;
      if (authorization) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        if (!match?.[1]) throw new DomainError('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
        const actor = await opts.services.accounts.authenticateToken(match[1]);
        if (!actor) throw new DomainError('TOKEN_INVALID', 'The API token is invalid or has been revoked');
        return authorizeSelf(actor);
      }
      // Cookie sessions: a state-changing request from another site's page is refused.
      const origin = this.headers.origin;
      if (!SAFE_METHODS.has(this.method) && origin && !opts.origins.includes(origin)) {
        throw new DomainError('FORBIDDEN', 'Requests from another site are not allowed');
      }
      const session = await (await opts.auth()).api.getSession({ headers: toHeaders(this.headers) });
      if (!session) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
      return authorizeSelf({ userId: session.user.id });
    });
  },
  { name: 'tack-actor' },
);
