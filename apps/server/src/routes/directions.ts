import {
  addAnswerSchema,
  answerParamsSchema,
  confirmQuerySchema,
  createDirectionSchema,
  directionListSchema,
  directionSchema,
  discoveryListQuerySchema,
  errorBodySchema,
  idParamsSchema,
  makePracticeSchema,
  practiceSchema,
  updateDirectionSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const directionBody = z.object({ direction: directionSchema });

export async function directionRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.directions;
  const tags = ['directions'];

  r.get(
    '/api/v1/directions',
    {
      schema: {
        tags,
        summary: 'Directions: the kind of person I want to be (?state=deleted: the deleted ones)',
        querystring: discoveryListQuerySchema,
        response: { 200: directionListSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return { directions: await (req.query.state === 'deleted' ? svc.listDeleted(actor) : svc.list(actor)) };
    },
  );
  r.post(
    '/api/v1/directions',
    {
      schema: {
        tags,
        summary: 'Create a direction',
        body: createDirectionSchema,
        response: { 201: directionBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ direction: await svc.create(await req.actor(), req.body) }),
  );
  r.get(
    '/api/v1/directions/:id',
    {
      schema: {
        tags,
        summary: 'One direction with its answers',
        params: idParamsSchema,
        response: { 200: directionBody, ...errors },
      },
    },
    async (req) => ({ direction: await svc.get(await req.actor(), req.params.id) }),
  );
  r.patch(
    '/api/v1/directions/:id',
    {
      schema: {
        tags,
        summary: 'Rename or redescribe a direction',
        params: idParamsSchema,
        body: updateDirectionSchema,
        response: { 200: directionBody, ...errors },
      },
    },
    async (req) => ({ direction: await svc.update(await req.actor(), req.params.id, req.body) }),
  );
  r.delete(
    '/api/v1/directions/:id',
    {
      schema: {
        tags,
        summary: 'Delete (soft); with answers or experiments it needs ?confirm=true',
        params: idParamsSchema,
        querystring: confirmQuerySchema,
        response: { 200: directionBody, ...errors },
      },
    },
    async (req) => ({
      direction: await svc.remove(await req.actor(), req.params.id, req.query.confirm === 'true'),
    }),
  );
  r.post(
    '/api/v1/directions/:id/restore',
    {
      schema: {
        tags,
        summary:
          'Restore a deleted direction as it was (with its answers and experiment links); not deleted: returned unchanged',
        params: idParamsSchema,
        response: { 200: directionBody, ...errors },
      },
    },
    async (req) => ({ direction: await svc.restore(await req.actor(), req.params.id) }),
  );
  r.post(
    '/api/v1/directions/:id/answers',
    {
      schema: {
        tags,
        summary: 'Add an answer to "what would such a person do this week?"',
        params: idParamsSchema,
        body: addAnswerSchema,
        response: { 201: directionBody, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ direction: await svc.addAnswer(await req.actor(), req.params.id, req.body.text) }),
  );
  r.delete(
    '/api/v1/directions/:id/answers/:answerId',
    {
      schema: {
        tags,
        summary: 'Remove an answer (a practice made from it stays)',
        params: answerParamsSchema,
        response: { 200: directionBody, ...errors },
      },
    },
    async (req) => ({ direction: await svc.removeAnswer(await req.actor(), req.params.id, req.params.answerId) }),
  );
  r.post(
    '/api/v1/directions/:id/answers/:answerId/practice',
    {
      schema: {
        tags,
        summary: 'Turn an answer into a practice in one step (and link it)',
        params: answerParamsSchema,
        body: makePracticeSchema,
        response: { 201: z.object({ practice: practiceSchema, direction: directionSchema }), ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.answerToPractice(await req.actor(), req.params.id, req.params.answerId, req.body)),
  );
}
