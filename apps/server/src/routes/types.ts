import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Services } from '../services.ts';

export interface RouteDeps {
  services: Services;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * A reply serializer that checks and stringifies each object once: a service that hands back the
 * same object while it is unchanged (the cached Today) is then served without redoing either.
 */
export function serializeOnce<S extends z.ZodType>(schema: S): (payload: unknown) => string {
  const done = new WeakMap<object, string>();
  return (payload) => {
    const key = payload as object;
    let body = done.get(key);
    if (body === undefined) {
      body = JSON.stringify(schema.parse(payload));
      done.set(key, body);
    }
    return body;
  };
}
