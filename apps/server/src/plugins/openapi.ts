import swagger, { type StaticDocumentSpec } from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { sendError } from '../errors.ts';
import { VERSION } from '../version.ts';

const DOCS_PREFIX = '/api/docs';
/** Request headers the reference pages' answers depend on (conditional and partial requests, compression). */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-encoding', 'if-none-match', 'if-modified-since', 'range'];
/** Response headers that describe the connection, not the answer. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/**
 * OpenAPI 3.1 generated from the same zod schemas the routes validate with: the document at /api/openapi.json
 * (built on the first request and kept), the reference pages (Swagger UI) under /api/docs.
 */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Tack API',
          version: VERSION,
          description:
            'Adaptive goals: practices, experiments, reviews. Authenticate with a session cookie (web) or ' +
            '`Authorization: Bearer <token>` (a personal API token from Settings or `POST /api/v1/tokens`). ' +
            'Errors are `{"error":{"code","message","details"}}` with a stable code.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
            session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
          },
        },
        security: [{ bearer: [] }, { session: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

    // The reference pages load on their first visit, not at start: registered on the server itself,
    // @fastify/swagger-ui and its routes cost about 10 MiB of an idle server's memory (ADR 0009), for a page
    // few people open. They run on a small Fastify instance of their own, built then, with this server's
    // document; requests under /api/docs are passed to it, behind this server's headers and rate limit.
    let docs: Promise<FastifyInstance> | undefined;
    const docsApp = () => {
      docs ??= buildDocsApp(app.swagger() as StaticDocumentSpec['document']).catch((err: unknown) => {
        docs = undefined; // try again on the next visit
        throw err;
      });
      return docs;
    };
    const forward = async (req: FastifyRequest, reply: FastifyReply) => {
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const res = await (await docsApp()).inject({
        method: req.method === 'HEAD' ? 'HEAD' : 'GET',
        url: req.url,
        headers,
      });
      if (res.statusCode === 404)
        return sendError(reply, 'NOT_FOUND', `No such endpoint: ${req.method} ${req.url.split('?')[0]}`);
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) reply.header(name, value);
      }
      return reply.code(res.statusCode).send(res.rawPayload);
    };
    // Swagger UI sets inline styles, which the server's policy refuses elsewhere; these pages hold no one's data.
    const docsRoute = { schema: { hide: true }, config: { inlineStyles: true } };
    app.get(DOCS_PREFIX, docsRoute, forward);
    app.get(`${DOCS_PREFIX}/*`, docsRoute, forward);
  },
  { name: 'tack-openapi' },
);

async function buildDocsApp(document: StaticDocumentSpec['document']): Promise<FastifyInstance> {
  const { default: swaggerUi } = await import('@fastify/swagger-ui');
  const docs = Fastify({ logger: false });
  await docs.register(swagger, { mode: 'static', specification: { document } });
  await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: false, uiConfig: { docExpansion: 'list' } });
  await docs.ready();
  return docs;
}
