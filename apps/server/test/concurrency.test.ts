// Sign-ups and sign-ins arriving while check-in transactions are open: on SQLite, Tack and better-auth
// share one connection, and better-auth's statements must queue behind an open transaction (not run
// inside it, nor fail to begin their own).
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

describe.each(testDialects())('concurrent requests on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let practiceId = '';

  beforeAll(async () => {
    t = await startTestServer(dialect);
    ann = await t.signUp('Ann');
    const res = await t.call('POST', '/api/v1/practices', {
      cookie: ann.cookie,
      body: { name: 'Run', frequency: { kind: 'times', times: 1, days: 1 }, startDate: '2026-01-01' },
    });
    expect(res.status, res.text).toBe(201);
    practiceId = res.json<{ practice: { id: string } }>().practice.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every sign-up, sign-in and check-in sent at once', async () => {
    const statuses = ['done', 'skipped', 'notDone'];
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      const date = `2026-02-${String((i % 28) + 1).padStart(2, '0')}`;
      work.push(
        t
          .call('PUT', `/api/v1/practices/${practiceId}/checkins/${date}`, {
            cookie: ann.cookie,
            body: { status: statuses[i % 3], note: `n${i}` },
          })
          .then((r) => expect(r.status, r.text).toBe(200)),
      );
      if (i % 4 === 0) work.push(t.signUp(`P${i}`));
      if (i % 4 === 2) {
        work.push(
          t
            .call('POST', '/api/auth/sign-in/email', { body: { email: ann.email, password: ann.password } })
            .then((r) => expect(r.status, r.text).toBe(200)),
        );
      }
    }
    await Promise.all(work);
    const list = await t.call('GET', `/api/v1/practices/${practiceId}/checkins?from=2026-02-01&to=2026-02-28`, {
      cookie: ann.cookie,
    });
    expect(list.json<{ checkins: unknown[] }>().checkins).toHaveLength(28);
  });
});
