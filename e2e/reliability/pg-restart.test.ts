// Database restarts: PostgreSQL (a small cluster of this test's own, on its own port, durable
// settings) is stopped hard and started again while check-ins stream in. The server keeps running,
// answers 503 DATABASE_UNAVAILABLE in the documented shape meanwhile, recovers by itself and loses
// nothing it acknowledged.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server.ts';
import { missingCheckins, newLog, personWithPractices, streamCheckins } from './checkin-stream.ts';
import { findPgBin, type PgCluster, startPgCluster } from './pg-cluster.ts';

const required = process.env.TACK_REQUIRE_ALL_TIERS === '1';

describe('PostgreSQL restart under load', () => {
  let cluster: PgCluster | undefined;
  beforeAll(async () => {
    if (!findPgBin() && !required) return;
    cluster = await startPgCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE tack_restart');
    await admin.end();
  });
  afterAll(() => cluster?.destroy());

  it('recovers without a restart of its own, reports 503 meanwhile and loses nothing acknowledged', async (ctx) => {
    if (!cluster) return ctx.skip('no PostgreSQL server binaries (apt-get install postgresql)');
    const pgc = cluster;
    const server = await startServer({
      env: {
        DATABASE_URL: pgc.url.replace(/\/postgres$/, '/tack_restart'),
        TACK_RATE_LIMIT: '1000000',
        TACK_LOG_LEVEL: 'error',
      },
    });
    try {
      const pid = server.process.pid;
      const person = await personWithPractices(server.url, 4);
      const log = newLog();
      let done = false;
      const stream = streamCheckins(server, person, { workers: 4, stop: () => done, maxMs: 45_000, log, offset: 0 });

      const waitFor = async (what: string, ok: () => boolean, ms: number) => {
        const until = Date.now() + ms;
        while (!ok()) {
          if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await waitFor('check-ins before the restart', () => log.acked.size >= 100, 15_000);
      const ackedBefore = log.acked.size;

      await pgc.stop('immediate'); // a crash of the database: recovery from WAL on start
      await new Promise((r) => setTimeout(r, 200));
      const alive = server.process.exitCode === null && server.process.signalCode === null;
      expect(alive, `the server died when the database went away:\n${server.output().stderr.slice(-3000)}`).toBe(true);
      const down = await fetch(`${server.url}/healthz`);
      const downBody = (await down.json()) as { error?: { code?: string; message?: string } };
      expect(down.status).toBe(503);
      expect(downBody.error?.code).toBe('DATABASE_UNAVAILABLE');
      expect(typeof downBody.error?.message).toBe('string');
      await waitFor('503s while the database is down', () => (log.failures.get('503') ?? 0) >= 5, 10_000);

      await pgc.start();
      const upBy = Date.now() + 20_000;
      let healthy = 0;
      while (Date.now() < upBy && healthy !== 200) {
        healthy = (await fetch(`${server.url}/healthz`)).status;
        if (healthy !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy, 'GET /healthz after the database came back').toBe(200);
      const ackedAtRecovery = log.acked.size;
      await waitFor('check-ins after the restart', () => log.acked.size >= ackedAtRecovery + 100, 15_000);
      done = true;
      await stream;

      expect(server.process.pid).toBe(pid);
      expect(server.process.exitCode).toBeNull();
      expect(log.failures.get('network') ?? 0).toBe(0);
      const unhandled = `${server.output().stdout}${server.output().stderr}`
        .split('\n')
        .filter((l) => l.includes('"level":50') && !l.includes('database unavailable'))
        .map((l) => l.slice(0, 1500));
      expect({ unexpected: log.unexpected, unhandled }).toEqual({ unexpected: [], unhandled: [] });
      expect(ackedBefore).toBeGreaterThan(0);
      expect(await missingCheckins(server.url, person, log.acked)).toEqual([]);
    } finally {
      await server.dispose();
    }
  });
});
