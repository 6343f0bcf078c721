import {
  confirmQuerySchema,
  createIntentionSchema,
  discoveryListQuerySchema,
  errorBodySchema,
  idParamsSchema,
  intentionListSchema,
  intentionSchema,
  intentionWeekListSchema,
  intentionWeekParamsSchema,
  intentionWeekSchema,
  putIntentionWeekSchema,
  updateIntentionSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const intentionBody = z.object({ intention: intentionSchema });

export async function intentionRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.intentions;
  const tags = ['intentions'];

  r.get(
    '/api/v1/intentions',
    {
      schema: {
        tags,
        summary: 'Intentions (?state=deleted: the deleted ones, most recently deleted first)',
        querystring: discoveryListQuerySchema,
        response: { 200: intentionListSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return { intentions: await (req.query.state === 'deleted' ? svc.listDeleted(actor) : svc.list(actor)) };
    },
  );
  r.post(
    '/api/v1/intentions',
    {
      schema: {
        tags,
        summary: 'Create an intention: a values-driven statement for a quarter, a year (a theme) or open-ended',
        body: createIntentionSchema,
        response: { 201: intentionBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ intention: await svc.create(await req.actor(), req.body) }),
  );
  r.get(
    '/api/v1/intentions/:id',
    { schema: { tags, summary: 'One intention', params: idParamsSchema, response: { 200: intentionBody, ...errors } } },
    async (req) => ({ intention: await svc.get(await req.actor(), req.params.id) }),
  );
  r.patch(
    '/api/v1/intentions/:id',
    {
      schema: {
        tags,
        summary: 'Change an intention',
        params: idParamsSchema,
        body: updateIntentionSchema,
        response: { 200: intentionBody, ...errors },
      },
    },
    async (req) => ({ intention: await svc.update(await req.actor(), req.params.id, req.body) }),
  );
  r.delete(
    '/api/v1/intentions/:id',
    {
      schema: {
        tags,
        summary: 'Delete (soft); with weekly answers it needs ?confirm=true',
        params: idParamsSchema,
        querystring: confirmQuerySchema,
        response: { 200: intentionBody, ...errors },
      },
    },
    async (req) => ({
      intention: await svc.remove(await req.actor(), req.params.id, req.query.confirm === 'true'),
    }),
  );
  r.post(
    '/api/v1/intentions/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted intention as it was (with its weekly answers); not deleted: returned unchanged',
        params: idParamsSchema,
        response: { 200: intentionBody, ...errors },
      },
    },
    async (req) => ({ intention: await svc.restore(await req.actor(), req.params.id) }),
  );
  r.get(
    '/api/v1/intentions/:id/weeks',
    {
      schema: {
        tags,
        summary: 'Weekly answers, newest week first',
        params: idParamsSchema,
        response: { 200: intentionWeekListSchema, ...errors },
      },
    },
    async (req) => ({ weeks: await svc.weeks(await req.actor(), req.params.id) }),
  );
  r.put(
    '/api/v1/intentions/:id/weeks/:isoWeek',
    {
      schema: {
        tags,
        summary: '"Where did I live this intention this week?" (one answer per ISO week; writing again replaces it)',
        params: intentionWeekParamsSchema,
        body: putIntentionWeekSchema,
        response: { 200: z.object({ week: intentionWeekSchema }), ...errors },
      },
    },
    async (req) => ({
      week: await svc.putWeek(await req.actor(), req.params.id, req.params.isoWeek, req.body.answer),
    }),
  );
}
