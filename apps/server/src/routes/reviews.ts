import {
  errorBodySchema,
  progressQuerySchema,
  progressSchema,
  reviewAnswersSchema,
  reviewBodySchema,
  reviewListQuerySchema,
  reviewListSchema,
  weekParamSchema,
} from '@tack/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const weekRule =
  "`week` is an ISO week (2026-W47: your week containing that ISO week's Monday) or a date (your week containing it); weeks start on your week start, in your time zone.";

export async function reviewRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.reviews;
  const tags = ['reviews'];

  r.get(
    '/api/v1/reviews',
    {
      schema: {
        tags,
        summary: "Your saved reviews with each week's numbers, oldest first (from/to filter by week start)",
        querystring: reviewListQuerySchema,
        response: { 200: reviewListSchema, ...errors },
      },
    },
    async (req) => ({ reviews: await svc.list(await req.actor(), req.query.from, req.query.to) }),
  );

  r.get(
    '/api/v1/reviews/:week',
    {
      schema: {
        tags,
        summary: "A week's review, pre-filled from what happened (created as a draft the first time)",
        description: weekRule,
        params: weekParamSchema,
        response: { 200: reviewBodySchema, ...errors },
      },
    },
    async (req) => ({ review: await svc.get(await req.actor(), req.params.week) }),
  );

  r.put(
    '/api/v1/reviews/:week',
    {
      schema: {
        tags,
        summary: 'Save the draft: fields sent replace the saved ones, others stay',
        description: weekRule,
        params: weekParamSchema,
        body: reviewAnswersSchema,
        response: { 200: reviewBodySchema, ...errors },
      },
    },
    async (req) => ({ review: await svc.update(await req.actor(), req.params.week, req.body) }),
  );

  r.post(
    '/api/v1/reviews/:week/complete',
    {
      schema: {
        tags,
        summary: "Complete the review: applies keep/adjust/drop and freezes the week's numbers",
        description: `${weekRule} Adjust adds a schedule version from the week after the reviewed one (or today, when that has passed); drop archives the practice.`,
        params: weekParamSchema,
        body: reviewAnswersSchema.optional(),
        response: { 200: reviewBodySchema, ...errors },
      },
    },
    async (req) => ({ review: await svc.complete(await req.actor(), req.params.week, req.body ?? {}) }),
  );

  r.get(
    '/api/v1/reviews/:week/markdown',
    {
      schema: {
        tags,
        summary: 'The review as Markdown',
        description: weekRule,
        params: weekParamSchema,
        produces: ['text/markdown'],
        response: { 200: z.string().describe('Markdown'), ...errors },
      },
    },
    async (req, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      const { filename, text } = await svc.markdown(await req.actor(), req.params.week);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(text);
    },
  );

  r.get(
    '/api/v1/progress',
    {
      schema: {
        tags,
        summary: 'Recognising effort: what you tried, not only what you achieved',
        querystring: progressQuerySchema,
        response: { 200: progressSchema, ...errors },
      },
    },
    async (req) => svc.progress(await req.actor(), req.query),
  );
}
