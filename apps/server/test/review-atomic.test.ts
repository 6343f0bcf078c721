// Completing a review writes in one transaction: when any part fails (here a database trigger refuses
// the intention answer, the last write before the review is saved), no decision is applied and the
// review stays a draft; once the cause is gone, completing works.
import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;

describe.each(testDialects())('completing a review is all or nothing on $name', (dialect) => {
  let t: TestServer;
  let cat: Person;
  const call = async (method: string, path: string, body?: unknown) =>
    t.call(method, path, body === undefined ? { cookie: cat.cookie } : { cookie: cat.cookie, body });

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, fixedClock('2026-11-21T10:00:00Z'));
    cat = await t.signUp('Cat');
  });
  afterAll(async () => {
    await t?.close();
  });

  const refuseIntentionAnswers = async (on: boolean) => {
    const { db, dialect: kind } = t.server.database;
    if (kind === 'sqlite') {
      await sql
        .raw(
          on
            ? "CREATE TRIGGER refuse_answers BEFORE INSERT ON intention_week BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
            : 'DROP TRIGGER refuse_answers',
        )
        .execute(db);
    } else if (on) {
      await sql
        .raw(
          `CREATE FUNCTION refuse_answers() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql;
           CREATE TRIGGER refuse_answers BEFORE INSERT ON intention_week FOR EACH ROW EXECUTE FUNCTION refuse_answers();`,
        )
        .execute(db);
    } else {
      await sql.raw('DROP TRIGGER refuse_answers ON intention_week; DROP FUNCTION refuse_answers();').execute(db);
    }
  };

  it('applies no decision when a later write fails, and everything once it succeeds', async () => {
    const create = async (body: Json) => {
      const res = await call('POST', '/api/v1/practices', body);
      expect(res.status, res.text).toBe(201);
      return res.json<{ practice: { id: string } }>().practice.id;
    };
    const read = await create({
      name: 'Read',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-11-09',
    });
    const sit = await create({ name: 'Sit', frequency: { kind: 'times', times: 1, days: 1 }, startDate: '2026-11-09' });
    const intention = await call('POST', '/api/v1/intentions', { statement: 'Lead with curiosity' });
    expect(intention.status, intention.text).toBe(201);
    const intentionId = intention.json<{ intention: { id: string } }>().intention.id;
    const body = {
      decisions: [
        { practiceId: read, decision: 'adjust', frequency: { kind: 'times', times: 3, days: 7 } },
        { practiceId: sit, decision: 'drop', reason: 'Not now' },
      ],
      intentions: [{ intentionId, answer: 'Asked before judging' }],
    };
    const practice = async (id: string) =>
      (await call('GET', `/api/v1/practices/${id}`)).json<{ practice: Json }>().practice;

    await refuseIntentionAnswers(true);
    const failed = await call('POST', '/api/v1/reviews/2026-W47/complete', body);
    await refuseIntentionAnswers(false);
    expect(failed.status, failed.text).toBe(500);
    expect(failed.json<{ error: { code: string } }>().error.code).toBe('INTERNAL');
    expect((await practice(read)).scheduleHistory).toEqual([
      { effectiveFrom: '2026-11-09', frequency: { kind: 'times', times: 1, days: 1 } },
    ]);
    expect((await practice(sit)).state).toBe('active');
    const draft = await call('GET', '/api/v1/reviews/2026-W47');
    expect(draft.json<{ review: { status: string } }>().review.status).toBe('draft');

    const done = await call('POST', '/api/v1/reviews/2026-W47/complete', body);
    expect(done.status, done.text).toBe(200);
    expect((await practice(read)).scheduleHistory).toHaveLength(2);
    expect((await practice(sit)).state).toBe('archived');
    const weeks = await call('GET', `/api/v1/intentions/${intentionId}/weeks`);
    expect(weeks.text).toContain('Asked before judging');
  });
});
