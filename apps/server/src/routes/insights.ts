import { errorBodySchema, insightKeyParamsSchema, insightListSchema } from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };

export async function insightRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.insights;
  const tags = ['insights'];

  r.get(
    '/api/v1/insights',
    {
      schema: {
        tags,
        summary: 'Pitfalls Tack notices now (P1–P5), each with the numbers behind it',
        response: { 200: insightListSchema, ...errors },
      },
    },
    async (req) => svc.list(await req.actor()),
  );

  r.post(
    '/api/v1/insights/:key/dismiss',
    {
      schema: {
        tags,
        summary: 'Hide an insight until its condition clears and comes back',
        params: insightKeyParamsSchema,
        response: { 204: z.null().describe('Dismissed'), ...errors },
      },
    },
    async (req, reply) => {
      await svc.dismiss(await req.actor(), req.params.key);
      return reply.code(204).send(null);
    },
  );
}
