import {
  areaListSchema,
  areaSchema,
  batchCheckinSchema,
  checkinListSchema,
  checkinParamsSchema,
  checkinSchema,
  createAreaSchema,
  createPracticeSchema,
  dateRangeQuerySchema,
  errorBodySchema,
  frequencySchema,
  idParamsSchema,
  pauseBodySchema,
  plainIssueMessage,
  practiceListQuerySchema,
  practiceListSchema,
  practiceSchema,
  resumeBodySchema,
  schedulePreviewQuerySchema,
  schedulePreviewSchema,
  strengthSchema,
  todayQuerySchema,
  todaySchema,
  updateAreaSchema,
  updatePracticeSchema,
  upsertCheckinSchema,
} from '@tack/contracts';
import { invalid } from '@tack/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, serializeOnce, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const practiceBody = z.object({ practice: practiceSchema });
const noContent = { 204: z.null().describe('Done'), ...errors };
const todayJson = serializeOnce(todaySchema);

export async function practiceRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.practices;
  const tags = ['practices'];

  r.get(
    '/api/v1/practices',
    {
      schema: {
        tags,
        summary: 'List practices',
        querystring: practiceListQuerySchema,
        response: { 200: practiceListSchema, ...errors },
      },
    },
    async (req) => {
      const state = req.query.state;
      const filter = state === undefined ? 'live' : state === 'all' ? 'all' : state;
      return { practices: await svc.list(await req.actor(), filter) };
    },
  );

  r.post(
    '/api/v1/practices',
    {
      schema: {
        tags,
        summary: 'Create a practice',
        body: createPracticeSchema,
        response: { 201: practiceBody, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ practice: await svc.create(await req.actor(), req.body) }),
  );

  r.get(
    '/api/v1/practices/schedule-preview',
    {
      schema: {
        tags,
        summary: 'The next two weeks under a frequency (for the edit form)',
        querystring: schedulePreviewQuerySchema,
        response: { 200: schedulePreviewSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      let raw: unknown;
      try {
        raw = JSON.parse(req.query.frequency);
      } catch {
        throw invalid('frequency', 'must be JSON');
      }
      const parsed = frequencySchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(['frequency', ...(issue?.path ?? [])].join('.'), issue ? plainIssueMessage(issue) : 'invalid');
      }
      const from = req.query.from ?? (await svc.today(actor.userId));
      return { days: svc.preview(parsed.data, from) };
    },
  );

  r.get(
    '/api/v1/practices/:id',
    { schema: { tags, summary: 'One practice', params: idParamsSchema, response: { 200: practiceBody, ...errors } } },
    async (req) => ({ practice: await svc.get(await req.actor(), req.params.id) }),
  );

  r.patch(
    '/api/v1/practices/:id',
    {
      schema: {
        tags,
        summary: 'Change a practice; a new schedule applies from its effectiveFrom day on',
        params: idParamsSchema,
        body: updatePracticeSchema,
        response: { 200: practiceBody, ...errors },
      },
    },
    async (req) => ({ practice: await svc.update(await req.actor(), req.params.id, req.body) }),
  );

  r.delete(
    '/api/v1/practices/:id',
    {
      schema: {
        tags,
        summary: 'Delete (soft: restorable for 30 days, then purged)',
        params: idParamsSchema,
        response: { 200: practiceBody, ...errors },
      },
    },
    async (req) => ({ practice: await svc.remove(await req.actor(), req.params.id) }),
  );

  for (const [action, summary] of [
    ['archive', 'Archive: hidden, history kept'],
    ['restore', 'Restore an archived practice or a deleted one within 30 days'],
  ] as const) {
    r.post(
      `/api/v1/practices/:id/${action}`,
      { schema: { tags, summary, params: idParamsSchema, response: { 200: practiceBody, ...errors } } },
      async (req) => ({ practice: await svc[action](await req.actor(), req.params.id) }),
    );
  }

  r.post(
    '/api/v1/practices/:id/pause',
    {
      schema: {
        tags,
        summary: 'Pause over a date range (paused days count as neither done nor missed)',
        params: idParamsSchema,
        body: pauseBodySchema,
        response: { 200: practiceBody, ...errors },
      },
    },
    async (req) => ({ practice: await svc.pause(await req.actor(), req.params.id, req.body ?? {}) }),
  );

  r.post(
    '/api/v1/practices/:id/resume',
    {
      schema: {
        tags,
        summary: 'Resume a paused practice',
        params: idParamsSchema,
        body: resumeBodySchema,
        response: { 200: practiceBody, ...errors },
      },
    },
    async (req) => ({ practice: await svc.resume(await req.actor(), req.params.id, req.body ?? {}) }),
  );

  r.get(
    '/api/v1/practices/:id/checkins',
    {
      schema: {
        tags: ['checkins'],
        summary: 'Check-ins in a date range',
        params: idParamsSchema,
        querystring: dateRangeQuerySchema,
        response: { 200: checkinListSchema, ...errors },
      },
    },
    async (req) => ({
      checkins: await svc.listCheckins(await req.actor(), req.params.id, req.query.from, req.query.to),
    }),
  );

  r.put(
    '/api/v1/practices/:id/checkins/:date',
    {
      schema: {
        tags: ['checkins'],
        summary:
          'Record the check-in for a local date; writing again sets its status and value anew and keeps a note or energy left out',
        params: checkinParamsSchema,
        body: upsertCheckinSchema,
        response: { 200: z.object({ checkin: checkinSchema }), ...errors },
      },
    },
    async (req) => ({
      checkin: await svc.putCheckin(await req.actor(), req.params.id, req.params.date, req.body),
    }),
  );

  r.delete(
    '/api/v1/practices/:id/checkins/:date',
    { schema: { tags: ['checkins'], summary: 'Remove a check-in', params: checkinParamsSchema, response: noContent } },
    async (req, reply) => {
      await svc.deleteCheckin(await req.actor(), req.params.id, req.params.date);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/checkins/batch',
    {
      schema: {
        tags: ['checkins'],
        summary: 'Check off several practices at once (e.g. a whole area); all or nothing',
        body: batchCheckinSchema,
        response: { 200: checkinListSchema, ...errors },
      },
    },
    async (req) => ({ checkins: await svc.batchCheckin(await req.actor(), req.body) }),
  );

  r.get(
    '/api/v1/practices/:id/strength',
    {
      schema: {
        tags,
        summary: 'Strength per day (Loop Habit Tracker model), streaks and a plain-words explanation',
        params: idParamsSchema,
        querystring: dateRangeQuerySchema,
        response: { 200: strengthSchema, ...errors },
      },
    },
    async (req) => svc.strength(await req.actor(), req.params.id, req.query.from, req.query.to),
  );

  r.get(
    '/api/v1/today',
    {
      schema: {
        tags: ['today'],
        summary: "What is due today (in the person's time zone), with check-ins and strength",
        querystring: todayQuerySchema,
        response: { 200: todaySchema, ...errors },
      },
    },
    async (req, reply) => {
      const view = await svc.todayView(await req.actor(), req.query.date);
      reply.type('application/json; charset=utf-8').serializer(todayJson);
      return view;
    },
  );

  r.get(
    '/api/v1/areas',
    { schema: { tags: ['areas'], summary: 'Areas, in order', response: { 200: areaListSchema, ...errors } } },
    async (req) => ({ areas: await svc.listAreas(await req.actor()) }),
  );
  r.post(
    '/api/v1/areas',
    {
      schema: {
        tags: ['areas'],
        summary: 'Create an area',
        body: createAreaSchema,
        response: { 201: z.object({ area: areaSchema }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send({ area: await svc.createArea(await req.actor(), req.body) }),
  );
  r.patch(
    '/api/v1/areas/:id',
    {
      schema: {
        tags: ['areas'],
        summary: 'Rename or reorder an area',
        params: idParamsSchema,
        body: updateAreaSchema,
        response: { 200: z.object({ area: areaSchema }), ...errors },
      },
    },
    async (req) => ({ area: await svc.updateArea(await req.actor(), req.params.id, req.body) }),
  );
  r.delete(
    '/api/v1/areas/:id',
    {
      schema: {
        tags: ['areas'],
        summary: 'Remove an area (its practices stay, without an area)',
        params: idParamsSchema,
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.deleteArea(await req.actor(), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
