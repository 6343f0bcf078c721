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
            'Errors are `{"error":{"code","message","details"}}` with a stable code. ' +
            'Deleting what can be restored answers 200 with the item (`deletedAt` set; `POST …/restore` brings it ' +
            'back); removing what cannot (a check-in, an API token, the calendar feed) answers 204.',
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
      transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as OpenApiDocument),
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

type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};
type OpenApiDocument = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Json } };

/** Operations anyone may call: no token, no session (the feed's secret is in its path). */
const PUBLIC_OPERATIONS = new Set([
  'get /healthz',
  'get /api/v1/setup',
  'post /api/auth/sign-up/email',
  'post /api/auth/sign-in/email',
  'get /api/v1/feed/{secret}.ics',
]);

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'VALIDATION_FAILED or MALFORMED_JSON: the request is not right; `details.issues` names each field',
  '401': 'UNAUTHENTICATED or TOKEN_INVALID: no valid session or token',
  '403': 'FORBIDDEN',
  '404': "NOT_FOUND: no such item of yours (another person's items are not found either)",
  '409': 'CONFLICT or CONFIRMATION_REQUIRED: see the message and `details`',
  '413': 'PAYLOAD_TOO_LARGE: the body is over the limit',
  '415': 'UNSUPPORTED_MEDIA_TYPE: send the body as application/json',
  '429': 'RATE_LIMITED: too many requests; wait a minute (see the x-ratelimit-* and retry-after headers)',
  '503': 'DATABASE_UNAVAILABLE: try again shortly',
};

/** "/api/v1/practices/{id}/strength" with "get": getPracticesByIdStrength. */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((part) => part && part !== 'api' && part !== 'v1')
    .map((part) => {
      const param = /^\{(\w+)\}(.*)$/.exec(part);
      const word = param ? `by-${param[1]}${param[2]}` : part;
      return word
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('');
    });
  return method + words.join('');
}

/** Names of the component schemas the paths reach (directly or through other components). */
function reachableSchemas(doc: OpenApiDocument): Set<string> {
  const schemas = doc.components?.schemas ?? {};
  const seen = new Set<string>();
  const visit = (value: unknown) => {
    for (const match of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = decodeURIComponent(match[1]!);
      if (seen.has(name)) continue;
      seen.add(name);
      visit(schemas[name]);
    }
  };
  visit(doc.paths);
  return seen;
}

/**
 * What the generator leaves out or gets wrong, filled in once for every route: an operationId, no security on
 * public operations, errors always JSON (also where the answer is Markdown, CSV or iCalendar) with the codes
 * every route can give (413/415 with a body, 429, 503), and no component schema nothing refers to.
 */
export function finishDocument(doc: OpenApiDocument): OpenApiDocument {
  const errorSchema = { $ref: '#/components/schemas/Error' };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(operations)) {
      op.operationId ??= operationIdOf(method, path);
      if (PUBLIC_OPERATIONS.has(`${method} ${path}`)) op.security = [];
      op.responses ??= {};
      const responses = op.responses;
      const added = ['429', '503', ...(op.requestBody ? ['413', '415'] : [])];
      for (const status of added) responses[status] ??= { content: { 'application/json': { schema: errorSchema } } };
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) {
          response.content = {
            'application/json': { schema: response.content?.['application/json']?.schema ?? errorSchema },
          };
          if (!response.description || response.description === 'Default Response')
            response.description = ERROR_DESCRIPTIONS[status] ?? 'Error';
        } else if (response.description === 'Default Response') {
          response.description = status === '201' ? 'Created' : status === '204' ? 'No content' : 'OK';
        }
        // A CSV answer is text, whatever schema the JSON answer beside it has.
        const csv = response.content?.['text/csv'];
        if (csv) csv.schema = { type: 'string', description: 'CSV, one row per check-in' };
      }
    }
  }
  const schemas = doc.components?.schemas;
  if (schemas) {
    const used = reachableSchemas(doc);
    for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  }
  return doc;
}
