// The Today view is cached per person while their data revision is unchanged. Every write that
// changes what Today shows must bump that revision: after each kind of write, the served Today
// (cached when nothing bumped) must equal one built afresh from the database by a service with no
// cache. A write path that forgets to bump fails here.
import { randomUUID } from 'node:crypto';
import { todaySchema } from '@tack/contracts';
import { authorizeSelf, type Clock, practicesService } from '@tack/core';
import { practiceStore, userState } from '@tack/db';
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

const clock: Clock = { now: () => new Date('2026-11-21T10:00:00Z') };
type Json = Record<string, unknown>;

describe.each(testDialects())('the cached Today view on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let bob: Person;
  let fresh: ReturnType<typeof practicesService>;

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
    ann = await t.signUp('Ann');
    bob = await t.signUp('Bob');
    const { db } = t.server.database;
    fresh = practicesService({
      store: practiceStore(db),
      clock,
      newId: randomUUID,
      timeZoneOf: async (userId) => (await userState(db, userId))?.timeZone ?? 'UTC',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (who: Person, method: string, path: string, body?: unknown, expected = [200, 201, 204]) => {
    const res = await t.call(method, path, { cookie: who.cookie, body });
    expect(expected, `${method} ${path}: ${res.text}`).toContain(res.status);
    return res.json<Json>();
  };
  const served = async (who: Person, date?: string) => call(who, 'GET', `/api/v1/today${date ? `?date=${date}` : ''}`);
  const built = async (who: Person, date?: string) =>
    JSON.parse(JSON.stringify(todaySchema.parse(await fresh.todayView(authorizeSelf({ userId: who.id }), date))));
  /** Reads Today (filling the cache), writes, then checks the served view against a fresh one. */
  const afterWrite = async (what: string, write: () => Promise<unknown>, who = ann) => {
    await served(who);
    await served(who, '2026-11-20');
    await write();
    expect(await served(who), what).toEqual(await built(who));
    expect(await served(who, '2026-11-20'), `${what} (yesterday)`).toEqual(await built(who, '2026-11-20'));
  };

  it('serves the same view again while nothing changed, and a new one after every kind of write', async () => {
    const daily = { kind: 'times', times: 1, days: 1 };
    let run = '';
    let area = '';
    await afterWrite('create a practice', async () => {
      run = (
        (await call(ann, 'POST', '/api/v1/practices', { name: 'Run', frequency: daily, startDate: '2026-11-01' }))
          .practice as Json
      ).id as string;
    });
    const first = await served(ann);
    expect(await served(ann)).toEqual(first);

    await afterWrite('check in', () => call(ann, 'PUT', `/api/v1/practices/${run}/checkins/2026-11-21`, {}));
    await afterWrite('add a note only', () =>
      call(ann, 'PUT', `/api/v1/practices/${run}/checkins/2026-11-21`, { note: 'felt good' }),
    );
    await afterWrite('change energy only', () =>
      call(ann, 'PUT', `/api/v1/practices/${run}/checkins/2026-11-21`, { energy: 2 }),
    );
    await afterWrite('check in yesterday', () =>
      call(ann, 'PUT', `/api/v1/practices/${run}/checkins/2026-11-20`, { status: 'skipped' }),
    );
    await afterWrite('remove a check-in', () => call(ann, 'DELETE', `/api/v1/practices/${run}/checkins/2026-11-20`));
    await afterWrite('create an area', async () => {
      area = ((await call(ann, 'POST', '/api/v1/areas', { name: 'Health' })).area as Json).id as string;
    });
    await afterWrite('rename an area', () => call(ann, 'PATCH', `/api/v1/areas/${area}`, { name: 'Body' }));
    await afterWrite('move a practice into an area', () =>
      call(ann, 'PATCH', `/api/v1/practices/${run}`, { areaId: area }),
    );
    await afterWrite('rename a practice', () => call(ann, 'PATCH', `/api/v1/practices/${run}`, { name: 'Run far' }));
    await afterWrite('change the schedule', () =>
      call(ann, 'PATCH', `/api/v1/practices/${run}`, {
        schedule: { frequency: { kind: 'interval', everyDays: 2 }, effectiveFrom: '2026-11-19' },
      }),
    );
    await afterWrite('pause', () => call(ann, 'POST', `/api/v1/practices/${run}/pause`, {}));
    await afterWrite('resume', () => call(ann, 'POST', `/api/v1/practices/${run}/resume`, {}));
    await afterWrite('batch check-in', () =>
      call(ann, 'POST', '/api/v1/checkins/batch', { practiceIds: [run], status: 'skipped' }),
    );
    await afterWrite('delete an area', () => call(ann, 'DELETE', `/api/v1/areas/${area}`));
    await afterWrite('archive', () => call(ann, 'POST', `/api/v1/practices/${run}/archive`));
    await afterWrite('unarchive', () => call(ann, 'POST', `/api/v1/practices/${run}/restore`));
    await afterWrite('delete', () => call(ann, 'DELETE', `/api/v1/practices/${run}`));
    await afterWrite('restore', () => call(ann, 'POST', `/api/v1/practices/${run}/restore`));
    await afterWrite('change time zone', () => call(ann, 'PATCH', '/api/v1/me', { timeZone: 'Pacific/Kiritimati' }));
  });

  it("keeps each person's view to themselves: Bob's writes and reads never show Ann's", async () => {
    await afterWrite(
      "Bob's practice",
      () => call(bob, 'POST', '/api/v1/practices', { name: 'Read', frequency: { kind: 'times', times: 1, days: 1 } }),
      bob,
    );
    const annToday = await served(ann);
    const bobToday = await served(bob);
    expect(JSON.stringify(bobToday)).not.toContain('Run far');
    expect(JSON.stringify(annToday)).not.toContain('"Read"');
    expect(annToday).toEqual(await built(ann));
  });
});
