import { errorBodySchema, healthSchema } from '@tack/contracts';
import { type OpenDatabase, pingDatabase } from '@tack/db';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.ts';
import { typed } from './types.ts';

export async function healthRoutes(app: FastifyInstance, { database }: { database: OpenDatabase }) {
  typed(app).get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: healthSchema, 503: errorBodySchema },
      },
    },
    async (req, reply) => {
      try {
        await pingDatabase(database.db);
      } catch (err) {
        req.log.warn({ err }, 'health check: database unavailable');
        return sendError(reply, 'DATABASE_UNAVAILABLE', 'The database is unavailable');
      }
      return { status: 'ok' as const, database: database.dialect };
    },
  );
}
