import {
  addNoteSchema,
  confirmQuerySchema,
  createExperimentSchema,
  errorBodySchema,
  experimentListQuerySchema,
  experimentListSchema,
  experimentSchema,
  idParamsSchema,
  learningListSchema,
  noteParamsSchema,
  updateExperimentSchema,
  updateNoteSchema,
  verdictBodySchema,
  verdictResultSchema,
} from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const experimentBody = z.object({ experiment: experimentSchema });

export async function experimentRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.experiments;
  const tags = ['experiments'];

  r.get(
    '/api/v1/experiments',
    {
      schema: {
        tags,
        summary: 'Experiments, by start date (?state=deleted: the deleted ones, most recently deleted first)',
        querystring: experimentListQuerySchema,
        response: { 200: experimentListSchema, ...errors },
      },
    },
    async (req) => {
      const { directionId, state } = req.query;
      const actor = await req.actor();
      return {
        experiments: await (state === 'deleted' ? svc.listDeleted(actor, directionId) : svc.list(actor, directionId)),
      };
    },
  );
  r.post(
    '/api/v1/experiments',
    {
      schema: {
        tags,
        summary:
          'Start an experiment in a direction (default six weeks). 409 with {currentExperimentId, decisionDate} ' +
          'while another one in the direction runs: decide that one now, or start after its decision date',
        body: createExperimentSchema,
        response: { 201: experimentBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ experiment: await svc.create(await req.actor(), req.body) }),
  );
  r.get(
    '/api/v1/experiments/:id',
    {
      schema: { tags, summary: 'One experiment', params: idParamsSchema, response: { 200: experimentBody, ...errors } },
    },
    async (req) => ({ experiment: await svc.get(await req.actor(), req.params.id) }),
  );
  r.patch(
    '/api/v1/experiments/:id',
    {
      schema: {
        tags,
        summary: 'Change the hypothesis, practices or length (until the verdict)',
        params: idParamsSchema,
        body: updateExperimentSchema,
        response: { 200: experimentBody, ...errors },
      },
    },
    async (req) => ({ experiment: await svc.update(await req.actor(), req.params.id, req.body) }),
  );
  r.delete(
    '/api/v1/experiments/:id',
    {
      schema: {
        tags,
        summary: 'Delete (soft); with notes or a verdict it needs ?confirm=true',
        params: idParamsSchema,
        querystring: confirmQuerySchema,
        response: { 200: experimentBody, ...errors },
      },
    },
    async (req) => ({
      experiment: await svc.remove(await req.actor(), req.params.id, req.query.confirm === 'true'),
    }),
  );
  r.post(
    '/api/v1/experiments/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted experiment as it was (with its notes and verdict); not deleted: returned unchanged',
        params: idParamsSchema,
        response: { 200: experimentBody, ...errors },
      },
    },
    async (req) => ({ experiment: await svc.restore(await req.actor(), req.params.id) }),
  );
  r.post(
    '/api/v1/experiments/:id/notes',
    {
      schema: {
        tags,
        summary: 'Note what energises or drains, while it runs',
        params: idParamsSchema,
        body: addNoteSchema,
        response: { 201: experimentBody, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ experiment: await svc.addNote(await req.actor(), req.params.id, req.body) }),
  );
  r.patch(
    '/api/v1/experiments/:id/notes/:noteId',
    {
      schema: {
        tags,
        summary: 'Correct a note: its text or its energises/drains tag',
        params: noteParamsSchema,
        body: updateNoteSchema,
        response: { 200: experimentBody, ...errors },
      },
    },
    async (req) => ({
      experiment: await svc.updateNote(await req.actor(), req.params.id, req.params.noteId, req.body),
    }),
  );
  r.delete(
    '/api/v1/experiments/:id/notes/:noteId',
    {
      schema: {
        tags,
        summary: 'Remove a note for good',
        params: noteParamsSchema,
        response: { 200: experimentBody, ...errors },
      },
    },
    async (req) => ({ experiment: await svc.removeNote(await req.actor(), req.params.id, req.params.noteId) }),
  );
  r.post(
    '/api/v1/experiments/:id/verdict',
    {
      schema: {
        tags,
        summary:
          'The verdict: deepen (optionally with a goal), adjust (returns the new experiment) or letGo ' +
          '(a completed discovery, never a failure)',
        params: idParamsSchema,
        body: verdictBodySchema,
        response: { 200: verdictResultSchema, ...errors },
      },
    },
    async (req) => svc.decide(await req.actor(), req.params.id, req.body),
  );
  r.get(
    '/api/v1/learnings',
    {
      schema: {
        tags,
        summary: 'What I learned: every experiment verdict, newest first',
        response: { 200: learningListSchema, ...errors },
      },
    },
    async (req) => ({ learnings: await svc.learnings(await req.actor()) }),
  );
}
