import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from '../errors.ts';

/** Serves the built web app, with the single-page fallback; unknown API paths get a JSON 404. */
export const webPlugin = fp(
  async (app: FastifyInstance, opts: { webDir: string }) => {
    const hasWeb = existsSync(join(opts.webDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: opts.webDir,
        // Files are looked up per request, so a rebuilt web app is served without a restart.
        wildcard: true,
        index: 'index.html',
        setHeaders(res, path) {
          res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    } else {
      app.log.warn({ webDir: opts.webDir }, 'web app not built; run `npm run build:web` (npm start does this)');
    }
    app.setNotFoundHandler((req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      // Pages fall back to the app; files (anything with an extension) and API paths get a real 404.
      const isPage =
        req.method === 'GET' && !path.startsWith('/api/') && path !== '/healthz' && !/\.[a-z0-9]+$/i.test(path);
      if (isPage && hasWeb) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return sendError(reply, 'NOT_FOUND', `No such endpoint: ${req.method} ${path}`);
    });
  },
  { name: 'tack-web' },
);
