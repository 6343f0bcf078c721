import { LIMITS } from '@tack/contracts';
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock, type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;
const issuesOf = (body: unknown) =>
  ((body as { error?: { details?: { issues?: { path: string }[] } } }).error?.details?.issues ?? []).map((i) => i.path);

describe.each(testDialects())('practices on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let bob: Person;
  const clock = movableClock();

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
    ann = await t.signUp('Ann');
    bob = await t.signUp('Bob');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (who: Person, body: Json) => {
    const res = await t.call('POST', '/api/v1/practices', { cookie: who.cookie, body });
    expect(res.status, res.text).toBe(201);
    return res.json<{ practice: { id: string } & Json }>().practice;
  };
  const checkin = (who: Person, id: string, date: string, body: Json = {}) =>
    t.call('PUT', `/api/v1/practices/${id}/checkins/${date}`, { cookie: who.cookie, body });

  it('creates every schedule kind and a measurable practice, and lists them', async () => {
    const daily = await create(ann, { name: 'Move 30 minutes', frequency: { kind: 'times', times: 1, days: 1 } });
    expect(daily).toMatchObject({ state: 'active', kind: 'boolean', schedule: { effectiveFrom: '2026-11-21' } });
    await create(ann, { name: 'Run', frequency: { kind: 'weekdays', weekdays: ['monday', 'thursday'] } });
    await create(ann, { name: 'Call parents', frequency: { kind: 'interval', everyDays: 3 } });
    const words = await create(ann, {
      name: 'Write',
      kind: 'measurable',
      unit: 'words',
      target: 200,
      frequency: { kind: 'times', times: 1, days: 1 },
      ifThen: { cue: 'it is 7am', action: 'I open the notebook' },
      why: 'Thinking on paper',
    });
    expect(words).toMatchObject({ kind: 'measurable', target: 200, targetType: 'atLeast', unit: 'words' });
    const list = await t.call('GET', '/api/v1/practices', { cookie: ann.cookie });
    expect(list.json<{ practices: { name: string }[] }>().practices.map((p) => p.name)).toEqual([
      'Move 30 minutes',
      'Run',
      'Call parents',
      'Write',
    ]);
    expect((await t.call('GET', '/api/v1/practices', { cookie: bob.cookie })).body).toEqual({ practices: [] });
  });

  it('rejects bad practices with the field named', async () => {
    const cases: Array<[Json, string]> = [
      [{ name: 'x', frequency: { kind: 'times', times: 0, days: 1 } }, 'frequency.times'],
      [{ name: 'x', frequency: { kind: 'times', times: 5, days: 3 } }, 'frequency.times'],
      [{ name: 'x', frequency: { kind: 'weekdays', weekdays: [] } }, 'frequency.weekdays'],
      [{ name: 'x', frequency: { kind: 'interval', everyDays: 0 } }, 'frequency.everyDays'],
      [{ name: '', frequency: { kind: 'interval', everyDays: 2 } }, 'name'],
      [{ name: 'x', kind: 'measurable', frequency: { kind: 'interval', everyDays: 2 } }, 'target'],
      [{ name: 'x', target: 3, frequency: { kind: 'interval', everyDays: 2 } }, 'target'],
      [{ name: 'x', kind: 'measurable', target: 0, frequency: { kind: 'interval', everyDays: 2 } }, 'target'],
      [{ name: 'x', color: 'red', frequency: { kind: 'interval', everyDays: 2 } }, 'color'],
      [{ name: 'x', frequency: { kind: 'interval', everyDays: 2 }, extra: 1 }, 'extra'],
    ];
    for (const [body, path] of cases) {
      const res = await t.call('POST', '/api/v1/practices', { cookie: ann.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(issuesOf(res.body), JSON.stringify(body)).toContain(path);
    }
    // zod's own wording ("Too big: expected string to have <=80 characters") is said in plain words.
    const messages = async (body: Json) => {
      const res = await t.call('POST', '/api/v1/practices', { cookie: ann.cookie, body });
      expect(res.status).toBe(400);
      return (res.body as { error: { message: string } }).error.message;
    };
    const daily = { kind: 'times', times: 1, days: 1 };
    expect(await messages({ name: 'x'.repeat(LIMITS.nameMax + 1), frequency: daily })).toBe(
      `name: at most ${LIMITS.nameMax} characters`,
    );
    expect(await messages({ name: '', frequency: daily })).toBe('name: must not be empty');
    expect(await messages({ name: 'x', frequency: { kind: 'interval', everyDays: 'two' } })).toBe(
      'frequency.everyDays: must be a number',
    );
    expect(await messages({ frequency: daily })).toBe('name: required');
    expect(await messages({ name: 'x', frequency: { kind: 'daily' } })).toBe(
      'frequency.kind: must be one of: times, weekdays, interval',
    );
    // A body with a __proto__ key is refused by name, not called "not valid JSON".
    const proto = await t.call('POST', '/api/v1/practices', {
      cookie: ann.cookie,
      rawBody: '{"name":"x","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.status).toBe(400);
    expect(proto.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('__proto__') },
    });
    const empty = await t.call('POST', '/api/v1/practices', {
      cookie: ann.cookie,
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: 'body: must be an object' } });
    // A write that takes no body refuses fields rather than dropping them unread; `{}` and no body are fine.
    const cat = await t.signUp('Cat');
    const target = await create(cat, { name: 'Bodyless', frequency: daily });
    const archive = (body?: unknown) =>
      t.call('POST', `/api/v1/practices/${target.id}/archive`, { cookie: cat.cookie, body });
    expect((await archive({ state: 'archived' })).body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: 'body: this request takes no body' },
    });
    expect((await archive([1])).status).toBe(400);
    expect((await t.call('GET', `/api/v1/practices/${target.id}`, { cookie: cat.cookie })).body).toMatchObject({
      practice: { state: 'active' },
    });
    expect((await archive({})).status).toBe(200);
    expect((await t.call('POST', `/api/v1/practices/${target.id}/restore`, { cookie: cat.cookie })).status).toBe(200);
    const removal = await t.call('DELETE', `/api/v1/practices/${target.id}`, {
      cookie: cat.cookie,
      body: { confirm: true },
    });
    expect(removal.body).toMatchObject({ error: { message: 'body: this request takes no body' } });
    expect(await messages({ name: 'x', frequency: daily, kind: 'count' })).toBe(
      'kind: must be one of: boolean, measurable',
    );
    // Dates from 2000 to 2999: a year-1 start made every score replay two thousand years.
    expect(await messages({ name: 'x', frequency: daily, startDate: '0001-01-01' })).toBe(
      'startDate: must be a date from 2000-01-01 to 2999-12-31',
    );
    expect(await messages({ name: 'x', frequency: daily, startDate: '2026-02-30' })).toBe(
      'startDate: must be a real date as YYYY-MM-DD',
    );
  });

  it('records check-ins idempotently and rejects bad ones without losing anything', async () => {
    const p = await create(ann, { name: 'Stretch', frequency: { kind: 'times', times: 1, days: 1 } });
    const first = await checkin(ann, p.id, '2026-11-20', { note: 'felt good', energy: 2 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ checkin: { status: 'done', note: 'felt good', energy: 2 } });
    const created = first.json<{ checkin: { createdAt: string } }>().checkin.createdAt;
    clock.set('2026-11-21T11:00:00Z');
    const again = await checkin(ann, p.id, '2026-11-20', { note: 'felt good', energy: 2 });
    expect(again.json<{ checkin: { updatedAt: string } }>().checkin.updatedAt).toBe(created);
    const changed = await checkin(ann, p.id, '2026-11-20', { status: 'skipped' });
    expect(changed.body).toMatchObject({
      checkin: { status: 'skipped', note: 'felt good', energy: 2, createdAt: created },
    });
    expect(changed.json<{ checkin: { updatedAt: string } }>().checkin.updatedAt).not.toBe(created);

    for (const [date, body, path] of [
      ['2026-11-22', {}, 'date'],
      ['2026-11-19', { value: 3 }, 'value'],
      ['2026-11-19', { energy: 3 }, 'energy'],
      ['2026-11-19', { energy: -3 }, 'energy'],
      ['2026-11-19', { energy: 1.5 }, 'energy'],
      ['2026-11-19', { status: 'maybe' }, 'status'],
      ['2026-13-40', {}, 'date'],
    ] as const) {
      const res = await checkin(ann, p.id, date, body);
      expect(res.status, `${date} ${JSON.stringify(body)}`).toBe(400);
      expect(issuesOf(res.body)).toContain(path);
    }
    const measurable = await create(ann, {
      name: 'Pages',
      kind: 'measurable',
      target: 10,
      unit: 'pages',
      frequency: { kind: 'times', times: 1, days: 1 },
    });
    for (const [body, path] of [
      [{ value: -1 }, 'value'],
      [{ value: 'ten' }, 'value'],
      [{}, 'value'],
      [{ status: 'skipped', value: 5 }, 'value'],
    ] as const) {
      const res = await checkin(ann, measurable.id, '2026-11-21', body);
      expect(res.status).toBe(400);
      expect(issuesOf(res.body)).toContain(path);
    }
    const huge = await checkin(ann, measurable.id, '2026-11-21', { value: 1e12 });
    expect((huge.body as { error: { message: string } }).error.message).toBe('value: at most 1000000000');
    expect((await checkin(ann, measurable.id, '2026-11-21', { value: 12 })).body).toMatchObject({
      checkin: { value: 12 },
    });
    // Skipping a day that had an amount clears the amount.
    expect((await checkin(ann, measurable.id, '2026-11-21', { status: 'skipped' })).body).toMatchObject({
      checkin: { status: 'skipped', value: null },
    });
    // "At most 0" is a limit of none; "at least 0" is refused, also when changed later.
    const none = await create(ann, {
      name: 'Cigarettes',
      kind: 'measurable',
      target: 0,
      targetType: 'atMost',
      frequency: { kind: 'times', times: 1, days: 1 },
    });
    const flip = await t.call('PATCH', `/api/v1/practices/${none.id}`, {
      cookie: ann.cookie,
      body: { targetType: 'atLeast' },
    });
    expect(flip.status).toBe(400);
    expect(issuesOf(flip.body)).toContain('target');
    const zero = await t.call('PATCH', `/api/v1/practices/${measurable.id}`, {
      cookie: ann.cookie,
      body: { target: 0 },
    });
    expect(zero.status).toBe(400);
    const list = await t.call('GET', `/api/v1/practices/${p.id}/checkins?from=2026-11-01&to=2026-11-30`, {
      cookie: ann.cookie,
    });
    expect(list.json<{ checkins: unknown[] }>().checkins).toHaveLength(1);
    clock.set('2026-11-21T10:00:00Z');
  });

  it("hides another person's practices and check-ins behind 404", async () => {
    const p = await create(ann, { name: 'Private', frequency: { kind: 'times', times: 1, days: 1 } });
    await checkin(ann, p.id, '2026-11-21');
    const attempts: Array<[string, string, Json | undefined]> = [
      ['GET', `/api/v1/practices/${p.id}`, undefined],
      ['PATCH', `/api/v1/practices/${p.id}`, { name: 'Mine now' }],
      ['DELETE', `/api/v1/practices/${p.id}`, undefined],
      ['POST', `/api/v1/practices/${p.id}/archive`, {}],
      ['POST', `/api/v1/practices/${p.id}/restore`, {}],
      ['POST', `/api/v1/practices/${p.id}/pause`, {}],
      ['POST', `/api/v1/practices/${p.id}/resume`, {}],
      ['GET', `/api/v1/practices/${p.id}/checkins`, undefined],
      ['PUT', `/api/v1/practices/${p.id}/checkins/2026-11-20`, {}],
      ['DELETE', `/api/v1/practices/${p.id}/checkins/2026-11-21`, undefined],
      ['GET', `/api/v1/practices/${p.id}/strength`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await t.call(method, path, { cookie: bob.cookie, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    const batch = await t.call('POST', '/api/v1/checkins/batch', { cookie: bob.cookie, body: { practiceIds: [p.id] } });
    expect(batch.status).toBe(400);
    const mine = await t.call('GET', `/api/v1/practices/${p.id}`, { cookie: ann.cookie });
    expect(mine.body).toMatchObject({ practice: { name: 'Private' } });
    expect((await t.call('GET', `/api/v1/practices/${p.id}/checkins`, { cookie: ann.cookie })).text).toContain(
      '2026-11-21',
    );
  });

  it('matches Loop: a daily practice done for 20 days ends at 0.655747', async () => {
    const p = await create(ann, {
      name: 'Loop case',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-10-01',
    });
    for (let d = 1; d <= 20; d++) await checkin(ann, p.id, `2026-11-${String(d).padStart(2, '0')}`);
    const s = await t.call('GET', `/api/v1/practices/${p.id}/strength?from=2026-11-01&to=2026-11-20`, {
      cookie: ann.cookie,
    });
    const body = s.json<{ points: { date: string; score: number }[]; streaks: { current: { length: number } } }>();
    expect(body.points).toHaveLength(20);
    // Loop publishes six decimals: match within 1e-6.
    expect(Math.abs((body.points.at(-1)?.score ?? 0) - 0.655747)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs((body.points[0]?.score ?? 0) - 0.051922)).toBeLessThanOrEqual(1e-6);
    expect(body.streaks.current.length).toBe(20);
    // Scores past today only fade: at most a year of them (ten years of 2989–2999 blocked the server for seconds).
    const far = await t.call('GET', `/api/v1/practices/${p.id}/strength?from=2990-01-01&to=2999-12-31`, {
      cookie: ann.cookie,
    });
    expect(far.status).toBe(400);
    expect(issuesOf(far.body)).toEqual(['to']);
  });

  it('keeps Today and strength right when a past check-in or the schedule changes (cache invalidation)', async () => {
    const p = await create(ann, {
      name: 'Cached',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-08-01',
    });
    for (let d = 1; d <= 60; d += 1) {
      const date = new Date(Date.UTC(2026, 7, d)).toISOString().slice(0, 10);
      await checkin(ann, p.id, date);
    }
    const strengthNow = async () =>
      (
        await t.call('GET', `/api/v1/practices/${p.id}/strength?from=2026-11-21&to=2026-11-21`, { cookie: ann.cookie })
      ).json<{
        current: number;
      }>().current;
    const todayStrength = async () =>
      (await t.call('GET', '/api/v1/today', { cookie: ann.cookie }))
        .json<{ items: { practice: { id: string }; strength: number }[] }>()
        .items.find((i) => i.practice.id === p.id)?.strength;
    // Warm the cache, then change history far back: both views must move together.
    const before = await todayStrength();
    expect(before).toBeCloseTo(await strengthNow(), 9);
    expect(await todayStrength()).toBeCloseTo(before ?? -1, 9);
    await t.call('DELETE', `/api/v1/practices/${p.id}/checkins/2026-08-10`, { cookie: ann.cookie });
    for (let d = 1; d <= 10; d++)
      await checkin(ann, p.id, `2026-09-${String(d).padStart(2, '0')}`, { status: 'notDone' });
    const after = await todayStrength();
    expect(after).toBeLessThan(before ?? 0);
    expect(after).toBeCloseTo(await strengthNow(), 9);
    await t.call('PATCH', `/api/v1/practices/${p.id}`, {
      cookie: ann.cookie,
      body: { schedule: { frequency: { kind: 'times', times: 3, days: 7 }, effectiveFrom: '2026-09-01' } },
    });
    const afterSchedule = await todayStrength();
    expect(afterSchedule).not.toBeCloseTo(after ?? 0, 6);
    expect(afterSchedule).toBeCloseTo(await strengthNow(), 9);
  });

  it('versions schedules from a chosen date without rewriting earlier strength', async () => {
    const p = await create(ann, {
      name: 'Versioned',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-10-01',
    });
    for (let d = 1; d <= 20; d++) await checkin(ann, p.id, `2026-10-${String(d).padStart(2, '0')}`);
    const series = async () =>
      (
        await t.call('GET', `/api/v1/practices/${p.id}/strength?from=2026-10-01&to=2026-11-21`, { cookie: ann.cookie })
      ).json<{
        points: { date: string; score: number }[];
      }>().points;
    const old = await series();
    const res = await t.call('PATCH', `/api/v1/practices/${p.id}`, {
      cookie: ann.cookie,
      body: { schedule: { frequency: { kind: 'weekdays', weekdays: ['monday'] }, effectiveFrom: '2026-11-01' } },
    });
    expect(res.body).toMatchObject({
      practice: {
        schedule: { effectiveFrom: '2026-11-01', frequency: { kind: 'weekdays' } },
        scheduleHistory: [{ effectiveFrom: '2026-10-01' }, { effectiveFrom: '2026-11-01' }],
      },
    });
    const now = await series();
    for (let i = 0; i < old.length; i++) {
      if (old[i]!.date < '2026-11-01') expect(now[i]!.score).toBeCloseTo(old[i]!.score, 12);
    }
    expect(now.at(-1)!.score).not.toBeCloseTo(old.at(-1)!.score, 6);
  });

  it('pauses hold the score, archive hides, delete is soft and restorable', async () => {
    const p = await create(ann, {
      name: 'Lifecycle',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-11-01',
    });
    for (let d = 1; d <= 10; d++) await checkin(ann, p.id, `2026-11-${String(d).padStart(2, '0')}`);
    const paused = await t.call('POST', `/api/v1/practices/${p.id}/pause`, {
      cookie: ann.cookie,
      body: { from: '2026-11-11' },
    });
    expect(paused.body).toMatchObject({ practice: { state: 'paused', pauses: [{ from: '2026-11-11', to: null }] } });
    const s = (
      await t.call('GET', `/api/v1/practices/${p.id}/strength?from=2026-11-10&to=2026-11-21`, { cookie: ann.cookie })
    ).json<{ points: { score: number }[]; explanation: string }>();
    expect(new Set(s.points.map((pt) => pt.score.toFixed(12))).size).toBe(1);
    expect(s.explanation).toMatch(/Paused/);
    const today = await t.call('GET', '/api/v1/today', { cookie: ann.cookie });
    expect(
      today
        .json<{ items: { practice: { id: string }; paused: boolean; due: boolean }[] }>()
        .items.find((i) => i.practice.id === p.id),
    ).toMatchObject({ paused: true, due: false });
    const overlap = await t.call('POST', `/api/v1/practices/${p.id}/pause`, {
      cookie: ann.cookie,
      body: { from: '2026-11-15' },
    });
    expect(overlap.status).toBe(409);
    expect(
      (await t.call('POST', `/api/v1/practices/${p.id}/resume`, { cookie: ann.cookie, body: {} })).body,
    ).toMatchObject({
      practice: { state: 'active', pauses: [{ from: '2026-11-11', to: '2026-11-20' }] },
    });
    // No body, but a JSON content type (many HTTP clients send it on every POST): taken as no body.
    const archive = await t.call('POST', `/api/v1/practices/${p.id}/archive`, {
      cookie: ann.cookie,
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(archive.status, archive.text).toBe(200);
    expect(archive.body).toMatchObject({ practice: { state: 'archived' } });
    const archived = await t.call('GET', '/api/v1/practices?state=archived', { cookie: ann.cookie });
    expect(archived.text).toContain(p.id);
    expect((await t.call('GET', '/api/v1/practices', { cookie: ann.cookie })).text).not.toContain(p.id);
    await t.call('POST', `/api/v1/practices/${p.id}/restore`, { cookie: ann.cookie, body: {} });
    const deleted = await t.call('DELETE', `/api/v1/practices/${p.id}`, { cookie: ann.cookie });
    expect(deleted.body).toMatchObject({
      practice: { state: 'deleted', purgeAfter: expect.stringMatching(/^2026-12-21/) },
    });
    expect((await t.call('GET', '/api/v1/practices?state=deleted', { cookie: ann.cookie })).text).toContain(p.id);
    const restored = await t.call('POST', `/api/v1/practices/${p.id}/restore`, { cookie: ann.cookie, body: {} });
    expect(restored.body).toMatchObject({ practice: { state: 'active' } });
    expect(
      (await t.call('GET', `/api/v1/practices/${p.id}/checkins`, { cookie: ann.cookie })).json<{
        checkins: unknown[];
      }>().checkins,
    ).toHaveLength(10);
  });

  it('checks off a whole area at once, all or nothing', async () => {
    const area = (await t.call('POST', '/api/v1/areas', { cookie: ann.cookie, body: { name: 'Morning' } })).json<{
      area: { id: string };
    }>().area;
    const a = await create(ann, { name: 'Water', areaId: area.id, frequency: { kind: 'times', times: 1, days: 1 } });
    const b = await create(ann, { name: 'Meditate', areaId: area.id, frequency: { kind: 'times', times: 1, days: 1 } });
    const bad = await t.call('POST', '/api/v1/checkins/batch', {
      cookie: ann.cookie,
      body: { practiceIds: [a.id, 'no-such-id'] },
    });
    expect(bad.status).toBe(400);
    expect(issuesOf(bad.body)).toContain('practiceIds.1');
    expect((await t.call('GET', `/api/v1/practices/${a.id}/checkins`, { cookie: ann.cookie })).body).toEqual({
      checkins: [],
    });
    const ok = await t.call('POST', '/api/v1/checkins/batch', {
      cookie: ann.cookie,
      body: { practiceIds: [a.id, b.id] },
    });
    expect(ok.json<{ checkins: unknown[] }>().checkins).toHaveLength(2);
    const today = await t.call('GET', '/api/v1/today', { cookie: ann.cookie });
    const items = today.json<{ items: { practice: { areaId: string | null }; checkin: { status: string } | null }[] }>()
      .items;
    expect(items.filter((i) => i.practice.areaId === area.id).every((i) => i.checkin?.status === 'done')).toBe(true);
    expect((await t.call('DELETE', `/api/v1/areas/${area.id}`, { cookie: bob.cookie })).status).toBe(404);
  });
});

describe.each(testDialects())('local dates across the date line on $name', (dialect) => {
  // 2026-11-21 10:30 UTC is already 2026-11-22 in Kiritimati (UTC+14), still 2026-11-20 23:30 in Pago Pago (UTC−11).
  const clock = movableClock('2026-11-21T10:30:00Z');
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['Pacific/Kiritimati', '2026-11-22', '2026-11-23'],
    ['Pacific/Pago_Pago', '2026-11-20', '2026-11-21'],
    ['UTC', '2026-11-21', '2026-11-22'],
  ])('%s: today is %s and %s is the future', async (zone, today, tomorrow) => {
    const p = await t.signUp('Zoned');
    await t.call('PATCH', '/api/v1/me', { cookie: p.cookie, body: { timeZone: zone } });
    const created = await t.call('POST', '/api/v1/practices', {
      cookie: p.cookie,
      body: { name: 'Walk', frequency: { kind: 'times', times: 1, days: 1 } },
    });
    const id = created.json<{ practice: { id: string; schedule: { effectiveFrom: string } } }>().practice.id;
    expect(created.json<{ practice: { schedule: { effectiveFrom: string } } }>().practice.schedule.effectiveFrom).toBe(
      today,
    );
    expect((await t.call('GET', '/api/v1/today', { cookie: p.cookie })).body).toMatchObject({
      date: today,
      timeZone: zone,
    });
    expect(
      (await t.call('PUT', `/api/v1/practices/${id}/checkins/${today}`, { cookie: p.cookie, body: {} })).status,
    ).toBe(200);
    const future = await t.call('PUT', `/api/v1/practices/${id}/checkins/${tomorrow}`, { cookie: p.cookie, body: {} });
    expect(future.status).toBe(400);
    expect(issuesOf(future.body)).toEqual(['date']);
    // Moving to another zone keeps the history on the dates it was recorded.
    await t.call('PATCH', '/api/v1/me', { cookie: p.cookie, body: { timeZone: 'America/New_York' } });
    const list = await t.call('GET', `/api/v1/practices/${id}/checkins`, { cookie: p.cookie });
    expect(list.json<{ checkins: { date: string }[] }>().checkins.map((c) => c.date)).toEqual([today]);
  });
});
