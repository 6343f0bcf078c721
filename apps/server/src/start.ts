import { createServer } from 'node:net';
import type { Clock } from '@tack/core';
import { migrateToLatest, type OpenDatabase, openDatabase } from '@tack/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** The database it serves from (tests read it directly). */
  database: OpenDatabase;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

/** A port that is free right now (for TACK_PORT=0, so the origin is known before listening). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Thrown when the port cannot be used; the message says what to do. */
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `TACK_PORT: ${host}:${port} is already in use. Stop the other program or choose another port with TACK_PORT.`,
    );
    this.name = 'PortInUseError';
  }
}

export async function startServer(config: Config, options: { clock?: Clock } = {}): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPool,
  });
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(database.db);
    const port = config.port === 0 ? await freePort(config.host) : config.port;
    const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
    const origin = config.publicUrl ?? `http://${hostForUrl === '0.0.0.0' ? '127.0.0.1' : hostForUrl}:${port}`;
    app = await buildApp({ config, database, origin, clock: options.clock });
    // Deleted practices are kept 30 days, then purged: at start and every six hours.
    const purge = () =>
      running.services.practices.purgeDeleted().catch((err: unknown) => running.log.warn({ err }, 'purge failed'));
    const running = app;
    const timer = setInterval(purge, 6 * 3600_000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await database.close();
    });
    try {
      await app.listen({ host: config.host, port });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(config.host, port);
      throw err;
    }
    void purge();
    return { url: origin, app: running, database, close: () => running.close() };
  } catch (err) {
    if (app) await app.close().catch(() => {});
    else await database.close().catch(() => {});
    throw err;
  }
}
