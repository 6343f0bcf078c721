import {
  createTokenResponseSchema,
  createTokenSchema,
  errorBodySchema,
  idParamsSchema,
  meResponseSchema,
  setupStatusSchema,
  tokenListSchema,
  updateMeSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { VERSION } from '../version.ts';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export async function accountRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);

  r.get(
    '/api/v1/setup',
    {
      schema: {
        tags: ['account'],
        summary: 'Whether this install still needs its first account',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needsFirstAccount: await services.accounts.needsFirstAccount(), version: VERSION }),
  );

  r.get(
    '/api/v1/me',
    { schema: { tags: ['account'], summary: 'The signed-in person', response: { 200: meResponseSchema, ...errors } } },
    async (req) => ({ user: await services.accounts.me(await req.actor()) }),
  );

  r.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['account'],
        summary: 'Change name, time zone or week start',
        body: updateMeSchema,
        response: { 200: meResponseSchema, ...errors },
      },
    },
    async (req) => ({ user: await services.accounts.updateMe(await req.actor(), req.body) }),
  );

  r.get(
    '/api/v1/tokens',
    { schema: { tags: ['tokens'], summary: 'Personal API tokens', response: { 200: tokenListSchema, ...errors } } },
    async (req) => ({ tokens: await services.accounts.listTokens(await req.actor()) }),
  );

  r.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal API token (the secret is returned once)',
        body: createTokenSchema,
        response: { 201: createTokenResponseSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await services.accounts.createToken(await req.actor(), req.body)),
  );

  r.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token',
        params: idParamsSchema,
        response: { 204: z.null().describe('Revoked'), ...errors },
      },
    },
    async (req, reply) => {
      await services.accounts.revokeToken(await req.actor(), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
