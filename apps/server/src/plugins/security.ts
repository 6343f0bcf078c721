import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for these options, computed once. Tack's are the same on every response
 * (no per-request nonces), and building helmet's middleware on every request, as @fastify/helmet
 * does, cost about 5 % of a check-in's CPU time.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return Object.freeze(headers);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's pages set inline styles (Swagger UI): its CSP allows them, and nothing else changes. */
    inlineStyles?: boolean;
  }
}

/** Security headers (a strict CSP) and per-address rate limits. */
export const securityPlugin = fp(
  async (app: FastifyInstance, opts: { rateLimit: number; https: boolean }) => {
    const headersWith = (styleSrc: string[]) =>
      securityHeaders({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc,
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
          },
        },
        strictTransportSecurity: opts.https ? {} : false,
        crossOriginEmbedderPolicy: false,
      });
    const headers = headersWith(["'self'"]);
    const withInlineStyles = headersWith(["'self'", "'unsafe-inline'"]);
    app.addHook('onRequest', (req, reply, done) => {
      reply.headers(req.routeOptions.config.inlineStyles ? withInlineStyles : headers);
      done();
    });
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} seconds`,
      }),
    });
  },
  { name: 'tack-security' },
);
