import {
  createMilestoneSchema,
  dropMilestoneSchema,
  errorBodySchema,
  idParamsSchema,
  milestoneMapQuerySchema,
  milestoneMapSchema,
  milestoneSchema,
  updateMilestoneSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const milestoneBody = z.object({ milestone: milestoneSchema });

export async function milestoneRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.milestones;
  const tags = ['milestones'];

  r.get(
    '/api/v1/milestones',
    {
      schema: {
        tags,
        summary: "A goal's or a direction's milestone map: the original plan beside the current one",
        querystring: milestoneMapQuerySchema,
        response: { 200: milestoneMapSchema, ...errors },
      },
    },
    async (req) => svc.map(await req.actor(), req.query),
  );
  r.post(
    '/api/v1/milestones',
    {
      schema: {
        tags,
        summary: 'Add a checkpoint to a goal or a direction',
        body: createMilestoneSchema,
        response: { 201: milestoneBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ milestone: await svc.create(await req.actor(), req.body) }),
  );
  r.get(
    '/api/v1/milestones/:id',
    {
      schema: { tags, summary: 'One checkpoint', params: idParamsSchema, response: { 200: milestoneBody, ...errors } },
    },
    async (req) => ({ milestone: await svc.get(await req.actor(), req.params.id) }),
  );
  r.patch(
    '/api/v1/milestones/:id',
    {
      schema: {
        tags,
        summary: 'Move or change a checkpoint; old and new values are kept with the reason',
        params: idParamsSchema,
        body: updateMilestoneSchema,
        response: { 200: milestoneBody, ...errors },
      },
    },
    async (req) => ({ milestone: await svc.update(await req.actor(), req.params.id, req.body) }),
  );
  r.post(
    '/api/v1/milestones/:id/drop',
    {
      schema: {
        tags,
        summary: 'Drop a checkpoint, with the reason (it stays in the original plan)',
        params: idParamsSchema,
        body: dropMilestoneSchema,
        response: { 200: milestoneBody, ...errors },
      },
    },
    async (req) => ({ milestone: await svc.drop(await req.actor(), req.params.id, req.body.reason) }),
  );
  r.post(
    '/api/v1/milestones/:id/reach',
    {
      schema: {
        tags,
        summary: 'Mark a checkpoint reached',
        params: idParamsSchema,
        response: { 200: milestoneBody, ...errors },
      },
    },
    async (req) => ({ milestone: await svc.reach(await req.actor(), req.params.id) }),
  );
  r.post(
    '/api/v1/milestones/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Undo "reached": the checkpoint is open again',
        description: 'Only a reached checkpoint can be reopened (409 otherwise); the history keeps both steps.',
        params: idParamsSchema,
        response: { 200: milestoneBody, ...errors },
      },
    },
    async (req) => ({ milestone: await svc.reopen(await req.actor(), req.params.id) }),
  );
}
