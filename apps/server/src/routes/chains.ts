import {
  addStepSchema,
  chainListSchema,
  chainSchema,
  confirmQuerySchema,
  createChainSchema,
  discoveryListQuerySchema,
  errorBodySchema,
  idParamsSchema,
  makePracticeSchema,
  practiceSchema,
  stepParamsSchema,
  updateStepSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const chainBody = z.object({ chain: chainSchema });

export async function chainRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.chains;
  const tags = ['chains'];

  r.get(
    '/api/v1/chains',
    {
      schema: {
        tags,
        summary: 'Backwards chains (?state=deleted: the deleted ones, most recently deleted first)',
        querystring: discoveryListQuerySchema,
        response: { 200: chainListSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return { chains: await (req.query.state === 'deleted' ? svc.listDeleted(actor) : svc.list(actor)) };
    },
  );
  r.post(
    '/api/v1/chains',
    {
      schema: {
        tags,
        summary: "Start a backwards chain from this week's small thing",
        body: createChainSchema,
        response: { 201: chainBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ chain: await svc.create(await req.actor(), req.body) }),
  );
  r.get(
    '/api/v1/chains/:id',
    {
      schema: {
        tags,
        summary: 'A chain: its steps and the timeline of weeks ending at this week',
        params: idParamsSchema,
        response: { 200: chainBody, ...errors },
      },
    },
    async (req) => ({ chain: await svc.get(await req.actor(), req.params.id) }),
  );
  r.delete(
    '/api/v1/chains/:id',
    {
      schema: {
        tags,
        summary: 'Delete (soft); a chain of more than one step needs ?confirm=true',
        params: idParamsSchema,
        querystring: confirmQuerySchema,
        response: { 200: chainBody, ...errors },
      },
    },
    async (req) => ({ chain: await svc.remove(await req.actor(), req.params.id, req.query.confirm === 'true') }),
  );
  r.post(
    '/api/v1/chains/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted chain as it was (with its steps); not deleted: returned unchanged',
        params: idParamsSchema,
        response: { 200: chainBody, ...errors },
      },
    },
    async (req) => ({ chain: await svc.restore(await req.actor(), req.params.id) }),
  );
  r.post(
    '/api/v1/chains/:id/steps',
    {
      schema: {
        tags,
        summary: 'Add the step for the week before the earliest one',
        params: idParamsSchema,
        body: addStepSchema,
        response: { 201: chainBody, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ chain: await svc.addStep(await req.actor(), req.params.id, req.body.text) }),
  );
  r.patch(
    '/api/v1/chains/:id/steps/:stepId',
    {
      schema: {
        tags,
        summary: 'Edit a step, make it a one-off task for its week, mark the task done',
        params: stepParamsSchema,
        body: updateStepSchema,
        response: { 200: chainBody, ...errors },
      },
    },
    async (req) => ({ chain: await svc.updateStep(await req.actor(), req.params.id, req.params.stepId, req.body) }),
  );
  r.delete(
    '/api/v1/chains/:id/steps/:stepId',
    {
      schema: {
        tags,
        summary: 'Remove a step (a practice made from it stays)',
        params: stepParamsSchema,
        response: { 200: chainBody, ...errors },
      },
    },
    async (req) => ({ chain: await svc.removeStep(await req.actor(), req.params.id, req.params.stepId) }),
  );
  r.post(
    '/api/v1/chains/:id/steps/:stepId/practice',
    {
      schema: {
        tags,
        summary:
          'Turn a step into a practice, from the first day of its week or today when that has passed (unless startDate is given)',
        params: stepParamsSchema,
        body: makePracticeSchema,
        response: { 201: z.object({ practice: practiceSchema, chain: chainSchema }), ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.stepToPractice(await req.actor(), req.params.id, req.params.stepId, req.body)),
  );
}
