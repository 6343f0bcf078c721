// Crash safety: kill -9 the real server in the middle of a stream of check-ins, start it again on
// the same data: every check-in that was acknowledged (2xx) is there. SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, skipUnlessPg } from '../support/pg.ts';
import { startServer } from '../support/server.ts';
import { missingCheckins, newLog, personWithPractices, streamCheckins } from './checkin-stream.ts';

describe.each(['sqlite', 'postgres'] as const)('crash safety on %s', (dialect) => {
  it('keeps every acknowledged check-in across kill -9 and a restart', async (ctx) => {
    if (dialect === 'postgres') skipUnlessPg(ctx);
    const env: Record<string, string> = { TACK_RATE_LIMIT: '1000000', TACK_LOG_LEVEL: 'warn' };
    if (dialect === 'postgres') env.DATABASE_URL = await freshPgDatabase('crash');
    const server = await startServer({ env });
    try {
      const person = await personWithPractices(server.url, 5);
      for (let round = 0; round < 2; round++) {
        const log = newLog();
        let killed = false;
        const stream = streamCheckins(server, person, {
          workers: 6,
          stop: () => killed && log.failures.get('network') !== undefined && (log.failures.get('network') ?? 0) > 12,
          maxMs: 15_000,
          log,
          offset: round * 2_000,
        });
        // Kill it while check-ins are in flight.
        const deadline = Date.now() + 10_000;
        while (log.acked.size < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        const exit = await server.kill9();
        killed = true;
        expect(exit.signal).toBe('SIGKILL');
        await stream;
        expect(log.acked.size).toBeGreaterThan(50);
        expect(log.unexpected).toEqual([]);
        await server.restart();
        expect(await missingCheckins(server.url, person, log.acked)).toEqual([]);
      }
    } finally {
      await server.dispose();
    }
  });
});
