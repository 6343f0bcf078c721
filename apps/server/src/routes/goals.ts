import {
  advisorAnswersSchema,
  confirmQuerySchema,
  createGoalSchema,
  errorBodySchema,
  goalAdviceSchema,
  goalListQuerySchema,
  goalListSchema,
  goalRevisionListSchema,
  goalSchema,
  idParamsSchema,
  updateGoalSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const goalBody = z.object({ goal: goalSchema });

export async function goalRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.goals;
  const tags = ['goals'];

  r.get(
    '/api/v1/goals',
    {
      schema: {
        tags,
        summary: 'Goals (?state=deleted: the deleted ones, most recently deleted first)',
        querystring: goalListQuerySchema,
        response: { 200: goalListSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return {
        goals: await (req.query.state === 'deleted' ? svc.listDeleted(actor, req.query) : svc.list(actor, req.query)),
      };
    },
  );
  r.post(
    '/api/v1/goals',
    {
      schema: {
        tags,
        summary:
          'Create a performance goal (SMART metric, date, key results) or a learning goal (strategies, evidence)',
        body: createGoalSchema,
        response: { 201: goalBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ goal: await svc.create(await req.actor(), req.body) }),
  );
  r.get(
    '/api/v1/goals/:id',
    { schema: { tags, summary: 'One goal', params: idParamsSchema, response: { 200: goalBody, ...errors } } },
    async (req) => ({ goal: await svc.get(await req.actor(), req.params.id) }),
  );
  r.patch(
    '/api/v1/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal; every edit is a revision with its reason (what changed, what I learned)',
        params: idParamsSchema,
        body: updateGoalSchema,
        response: { 200: goalBody, ...errors },
      },
    },
    async (req) => ({ goal: await svc.update(await req.actor(), req.params.id, req.body) }),
  );
  r.delete(
    '/api/v1/goals/:id',
    {
      schema: {
        tags,
        summary: 'Delete (soft); a goal with revisions needs ?confirm=true',
        params: idParamsSchema,
        querystring: confirmQuerySchema,
        response: { 200: goalBody, ...errors },
      },
    },
    async (req) => ({ goal: await svc.remove(await req.actor(), req.params.id, req.query.confirm === 'true') }),
  );
  r.post(
    '/api/v1/goals/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted goal as it was (with its revisions); not deleted: returned unchanged',
        params: idParamsSchema,
        response: { 200: goalBody, ...errors },
      },
    },
    async (req) => ({ goal: await svc.restore(await req.actor(), req.params.id) }),
  );
  r.get(
    '/api/v1/goals/:id/revisions',
    {
      schema: {
        tags,
        summary: 'The timeline of changes: each with its reason and the full before/after',
        params: idParamsSchema,
        response: { 200: goalRevisionListSchema, ...errors },
      },
    },
    async (req) => ({ revisions: await svc.revisions(await req.actor(), req.params.id) }),
  );
  r.post(
    '/api/v1/goals/:id/advice',
    {
      schema: {
        tags: ['advisor'],
        summary: '"Should this still be a performance goal?": the advisor read against this goal\'s kind',
        params: idParamsSchema,
        body: advisorAnswersSchema,
        response: { 200: goalAdviceSchema, ...errors },
      },
    },
    async (req) => services.advisor.adviseGoal(await req.actor(), req.params.id, req.body),
  );
}
