import {
  backupSchema,
  erasureRequestSchema,
  erasureStatusSchema,
  errorBodySchema,
  exportQuerySchema,
  importSummarySchema,
  LIMITS,
} from '@tack/contracts';
import { invalid } from '@tack/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorHandler, sendError } from '../errors.ts';
import { type RouteDeps, typed } from './types.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  415: errorBodySchema,
};

/** Content types an upload may be sent as; the body is read as bytes and recognised by its content. */
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
  'application/json',
  'application/x-sqlite3',
  'application/vnd.sqlite3',
];
const megabytes = Math.round(LIMITS.importBytes / 1024 / 1024);

function bytesOf(req: FastifyRequest): Uint8Array {
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw invalid('file', 'the upload is empty: send the file as the request body');
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function uploadErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(reply, 'PAYLOAD_TOO_LARGE', `The file is larger than ${megabytes} MB, the most one import takes`);
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendError(
      reply,
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the file as the raw body, with content type ${UPLOAD_TYPES.join(', ')}`,
    );
  }
  return errorHandler(err, req, reply);
}

/** Uploads (imports, restore): raw bodies up to LIMITS.importBytes, in their own context. */
async function uploadRoutes(app: FastifyInstance, { services }: RouteDeps) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: LIMITS.importBytes }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler(uploadErrors);
  const r = typed(app);
  const svc = services.portability;
  const tags = ['data'];
  const upload = {
    bodyLimit: LIMITS.importBytes,
  };
  // For the OpenAPI document only: the body is the file's bytes (checked by the service, not here).
  const file = z.unknown().meta({ type: 'string', format: 'binary', description: 'The file, as the raw request body' });

  r.post(
    '/api/v1/imports/loop',
    {
      ...upload,
      schema: {
        tags,
        summary: 'Import from Loop Habit Tracker: its database backup (.db) or CSV export (.zip), sent as the raw body',
        description:
          'Detected by content. Validated completely, then written in one transaction. Habits are matched on their uuid, ' +
          `so a re-import updates instead of duplicating. At most ${megabytes} MB.`,
        consumes: UPLOAD_TYPES,
        body: file,
        response: { 200: importSummarySchema, ...errors },
      },
    },
    async (req) => svc.importLoop(await req.actor(), bytesOf(req)),
  );

  r.post(
    '/api/v1/imports/habitica',
    {
      ...upload,
      schema: {
        tags,
        summary: "Import Habitica's user data export (userdata.json), sent as the raw body",
        description: `Habits and dailies become practices with their history; to-dos are listed as not mapped. At most ${megabytes} MB.`,
        consumes: UPLOAD_TYPES,
        body: file,
        response: { 200: importSummarySchema, ...errors },
      },
    },
    async (req) => svc.importHabitica(await req.actor(), bytesOf(req)),
  );

  r.post(
    '/api/v1/restore',
    {
      ...upload,
      schema: {
        tags,
        summary: 'Restore a Tack backup document into this (empty) account',
        description:
          'The document of GET /api/v1/export?format=json (format version 2; version 1 is still read). Validated ' +
          'completely (400 naming the JSON path of each problem), then written in one transaction. An account that ' +
          'already has practices, areas, discovery items or reviews answers 409.',
        consumes: UPLOAD_TYPES,
        body: file,
        response: { 200: importSummarySchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      let doc: unknown;
      try {
        doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(req)));
      } catch (err) {
        if (err instanceof Error && err.name === 'DomainError') throw err;
        throw invalid('file', 'not JSON: expected a Tack backup document');
      }
      return svc.restore(actor, doc);
    },
  );
}

export async function portabilityRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { services } = deps;
  await app.register(uploadRoutes, deps);
  const r = typed(app);
  const svc = services.portability;
  const tags = ['data'];

  r.get(
    '/api/v1/export',
    {
      schema: {
        tags,
        summary: 'Everything you own: the backup document (json) or one row per check-in (csv)',
        querystring: exportQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: backupSchema, ...errors },
      },
    },
    async (req, typedReply) => {
      // The body is sent as a ready string (a large backup is not run through the serializer).
      const reply: FastifyReply = typedReply as unknown as FastifyReply;
      const actor = await req.actor();
      // Named after the person's own today, not the server's.
      const day = await services.practices.today(actor.userId);
      if (req.query.format === 'csv') {
        const csv = await svc.exportCsv(actor);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="tack-checkins-${day}.csv"`)
          .send(csv);
      }
      const doc = await svc.exportJson(actor);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="tack-backup-${day}.json"`)
        .send(JSON.stringify(doc));
    },
  );

  r.get(
    '/api/v1/me/erasure',
    {
      schema: {
        tags,
        summary: 'Whether the account is scheduled for erasure',
        response: { 200: erasureStatusSchema, ...errors },
      },
    },
    async (req) => svc.erasureStatus(await req.actor()),
  );

  r.post(
    '/api/v1/me/erasure',
    {
      schema: {
        tags,
        summary: 'Schedule the erasure of your account and everything in it, 7 days from now (cancellable until then)',
        body: erasureRequestSchema,
        response: { 202: erasureStatusSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(202).send(await svc.requestErasure(await req.actor(), req.body.confirm)),
  );

  r.delete(
    '/api/v1/me/erasure',
    {
      schema: { tags, summary: 'Cancel a scheduled erasure', response: { 200: erasureStatusSchema, ...errors } },
    },
    async (req) => svc.cancelErasure(await req.actor()),
  );

  // The erasure job: accounts whose grace period is over are deleted, hourly and at start.
  const purge = () =>
    svc.purgeErasures().catch((err: unknown) => app.log.warn({ err }, 'account erasure purge failed'));
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(purge, 3600_000);
    timer.unref();
    void purge();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
