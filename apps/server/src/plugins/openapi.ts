import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../version.ts';

/** OpenAPI 3.1 generated from the same zod schemas the routes validate with. */
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
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { docExpansion: 'list' } });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'tack-openapi' },
);
