import { adviceSchema, advisorAnswersSchema, errorBodySchema } from '@tack/contracts';
import type { FastifyInstance } from 'fastify';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema };

export async function advisorRoutes(app: FastifyInstance, { services }: RouteDeps) {
  typed(app).post(
    '/api/v1/advisor',
    {
      schema: {
        tags: ['advisor'],
        summary:
          'Which kind of goal fits: learningGoal, performanceGoal, intention or experimentFirst, with reasons ' +
          'naming the rule (R1–R9) and its source, and at least one if-then plan',
        body: advisorAnswersSchema,
        response: { 200: adviceSchema, ...errors },
      },
    },
    async (req) => services.advisor.advise(await req.actor(), req.body),
  );
}
