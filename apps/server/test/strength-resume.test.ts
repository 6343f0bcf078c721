// The strength series resumes from a saved checkpoint instead of replaying the whole history; the
// answer must be exactly the one a full replay gives (the first request, with no checkpoints yet).
import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

describe.each(testDialects())('strength series from checkpoints on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let id = '';

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, fixedClock('2026-11-21T10:00:00Z'));
    ann = await t.signUp('Ann');
    const res = await t.call('POST', '/api/v1/practices', {
      cookie: ann.cookie,
      body: { name: 'Run', frequency: { kind: 'times', times: 3, days: 7 }, startDate: '2026-03-01' },
    });
    id = res.json<{ practice: { id: string } }>().practice.id;
    const day = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 265; i++) {
      if (i % 7 === 1 || i % 7 === 4 || (i % 11 === 0 && i > 100)) {
        const date = new Date(day + i * 86_400_000).toISOString().slice(0, 10);
        const put = await t.call('PUT', `/api/v1/practices/${id}/checkins/${date}`, {
          cookie: ann.cookie,
          body: { status: i % 13 === 0 ? 'skipped' : 'done' },
        });
        expect(put.status, put.text).toBe(200);
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the same series, score, explanation and streaks resumed as replayed', async () => {
    const { db } = t.server.database;
    const checkpoints = async () =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from strength_checkpoint where practice_id = ${id}`.execute(db))
          .rows[0]?.n,
      );
    for (const query of ['', '?from=2026-07-01&to=2026-08-15', '?from=2026-11-01']) {
      await sql`delete from strength_checkpoint where practice_id = ${id}`.execute(db);
      const replayed = await t.call('GET', `/api/v1/practices/${id}/strength${query}`, { cookie: ann.cookie });
      expect(replayed.status, replayed.text).toBe(200);
      expect(await checkpoints()).toBeGreaterThan(20);
      const resumed = await t.call('GET', `/api/v1/practices/${id}/strength${query}`, { cookie: ann.cookie });
      expect(resumed.json(), query).toEqual(replayed.json());
    }
  });

  it('gives the same weekly review numbers resumed from checkpoints as replayed', async () => {
    const { db } = t.server.database;
    for (const week of ['2026-W47', '2026-W30']) {
      await sql`delete from strength_checkpoint where practice_id = ${id}`.execute(db);
      const replayed = await t.call('GET', `/api/v1/reviews/${week}`, { cookie: ann.cookie });
      expect(replayed.status, replayed.text).toBe(200);
      // The strength series saves checkpoints; the review then resumes from one before its week.
      await t.call('GET', `/api/v1/practices/${id}/strength`, { cookie: ann.cookie });
      const resumed = await t.call('GET', `/api/v1/reviews/${week}`, { cookie: ann.cookie });
      const summary = (r: typeof resumed) => r.json<{ review: { summary: unknown } }>().review.summary;
      expect(summary(resumed), week).toEqual(summary(replayed));
      expect(JSON.stringify(summary(resumed))).toMatch(/"strengthEnd":0\.[1-9]/);
    }
  });

  it('drops checkpoints when a past check-in changes or goes, so resumed numbers stay right', async () => {
    const { db } = t.server.database;
    const strength = async () => {
      // A range after the changes: the series resumes from a checkpoint saved before it.
      const res = await t.call('GET', `/api/v1/practices/${id}/strength?from=2026-10-01`, { cookie: ann.cookie });
      expect(res.status, res.text).toBe(200);
      return res.json();
    };
    const changes: Array<[string, string, unknown]> = [
      ['PUT', '2026-04-13', { status: 'notDone' }], // was done: a history change
      ['DELETE', '2026-05-04', undefined], // a done day removed
      ['PUT', '2026-06-02', { status: 'done' }], // a new one in the past
    ];
    for (const [method, date, body] of changes) {
      await strength(); // saves checkpoints over the whole history
      const res = await t.call(method, `/api/v1/practices/${id}/checkins/${date}`, { cookie: ann.cookie, body });
      expect([200, 204], res.text).toContain(res.status);
      const resumed = await strength();
      await sql`delete from strength_checkpoint where practice_id = ${id}`.execute(db);
      expect(resumed, `${method} ${date}`).toEqual(await strength());
    }
  });
});
