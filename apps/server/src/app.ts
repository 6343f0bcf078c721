import { randomUUID } from 'node:crypto';
import { LIMITS } from '@tack/contracts';
import { type Clock, invalid, systemClock } from '@tack/core';
import type { OpenDatabase } from '@tack/db';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createAuth } from './auth.ts';
import type { Config } from './config.ts';
import { errorHandler } from './errors.ts';
import { actorPlugin } from './plugins/actor.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { securityPlugin } from './plugins/security.ts';
import { webPlugin } from './plugins/web.ts';
import { accountRoutes } from './routes/account.ts';
import { advisorRoutes } from './routes/advisor.ts';
import { authRoutes } from './routes/auth.ts';
import { chainRoutes } from './routes/chains.ts';
import { directionRoutes } from './routes/directions.ts';
import { experimentRoutes } from './routes/experiments.ts';
import { feedRoutes } from './routes/feed.ts';
import { goalRoutes } from './routes/goals.ts';
import { healthRoutes } from './routes/health.ts';
import { insightRoutes } from './routes/insights.ts';
import { intentionRoutes } from './routes/intentions.ts';
import { milestoneRoutes } from './routes/milestones.ts';
import { portabilityRoutes } from './routes/portability.ts';
import { practiceRoutes } from './routes/practices.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { createServices, type Services } from './services.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export interface BuildOptions {
  config: Config;
  database: OpenDatabase;
  /** The origin people reach this server at, e.g. http://127.0.0.1:8080. */
  origin: string;
  clock?: Clock;
}

/** Every route, in one list: the access-matrix test is generated from what this registers. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export async function buildApp({
  config,
  database,
  origin,
  clock = systemClock,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // One line per request instead of Fastify's two, written after the answer (the onResponse hook below).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // JSON only: a text body is refused with 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  // An empty body sent as JSON is no body (many HTTP clients send the header on every POST); anything else
  // goes to Fastify's own parser, which refuses __proto__ and constructor keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (text === '') return done(null, undefined);
    parseJson(req, text, (err, value) => {
      // Valid JSON refused all the same: it has a __proto__ or constructor key. Say so.
      if (err && isJson(text)) done(invalid('body', 'may not use the keys "__proto__" or "constructor"'), undefined);
      else done(err, value);
    });
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      { method: req.method, path: loggedPath(req.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });

  // A write that takes no body refuses one with fields, rather than dropping them unread: a client that sends
  // `{"confirm":true}` instead of `?confirm=true` learns so. An empty `{}` is no body, as many clients send it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/v1/') || route.schema?.body || !methods.some((m) => WRITES.has(m))) return;
    const hooks = route.preValidation;
    route.preValidation = [...(hooks ? (Array.isArray(hooks) ? hooks : [hooks]) : []), refuseBody];
  });

  const services = createServices(database, clock);
  app.decorate('services', services);
  const auth = createAuth(config, database, origin);
  const origins = trustedOrigins(origin);

  await app.register(securityPlugin, { rateLimit: config.rateLimit, https: origin.startsWith('https://') });
  await app.register(openapiPlugin);
  await app.register(actorPlugin, { auth, services, origins });
  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { auth, origin, authRateLimit: config.authRateLimit });
  await app.register(accountRoutes, { services });
  await app.register(practiceRoutes, { services });
  await app.register(portabilityRoutes, { services });
  await app.register(directionRoutes, { services });
  await app.register(experimentRoutes, { services });
  await app.register(goalRoutes, { services });
  await app.register(intentionRoutes, { services });
  await app.register(advisorRoutes, { services });
  await app.register(chainRoutes, { services });
  await app.register(milestoneRoutes, { services });
  await app.register(reviewRoutes, { services });
  await app.register(insightRoutes, { services });
  await app.register(feedRoutes, { services });
  await app.register(webPlugin, { webDir: config.webDir });
  return app;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuseBody(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) {
  const body = req.body;
  const empty = body == null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
  done(empty ? undefined : invalid('body', 'this request takes no body'));
}

/**
 * The path as it goes into the log: no query string (sign-in links and the like carry secrets
 * there), and the secret of a calendar feed or a password-reset link replaced by "…".
 */
export function loggedPath(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return path
    .replace(/^(\/api\/v1\/feed\/)[^/]+\.ics$/, '$1….ics')
    .replace(/^(\/api\/auth\/reset-password\/)[^/]+/, '$1…');
}

/** The origin itself, and on loopback the same port under the other loopback name. */
export function trustedOrigins(origin: string): string[] {
  const u = new URL(origin);
  const out = [u.origin];
  if (u.hostname === '127.0.0.1') out.push(`${u.protocol}//localhost:${u.port}`);
  if (u.hostname === 'localhost') out.push(`${u.protocol}//127.0.0.1:${u.port}`);
  return out;
}
