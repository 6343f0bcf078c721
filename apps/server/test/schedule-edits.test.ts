// Schedule versions after edits, weekly-review adjustments and Loop re-imports; area names.
// Found by a walk-through: a re-import replaced the whole schedule history, an edit "from today"
// stopped applying on the date of a later version, any date before the practice's start was taken,
// and two areas could share a name.
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days, type LoopHabit, loopBackup } from './portability.fixtures.ts';
import { movableClock, type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;
type Version = { effectiveFrom: string; frequency: Json };
interface PracticeJson {
  id: string;
  name: string;
  schedule: Version;
  scheduleHistory: Version[];
}
interface ErrorJson {
  error: { code: string; message: string; details?: { issues?: { path: string; message: string }[] } };
}

const daily = { kind: 'times', times: 1, days: 1 };
const monThu = { kind: 'weekdays', weekdays: ['monday', 'thursday'] };
const threeInSeven = { kind: 'times', times: 3, days: 7 };

describe.each(testDialects())('schedule versions and area names on $name', (dialect) => {
  let t: TestServer;
  const clock = movableClock('2026-11-21T10:00:00Z'); // a Saturday; week 47 began on Monday 2026-11-16

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (who: Person, method: string, path: string, body?: unknown) =>
    t.call(method, path, { cookie: who.cookie, ...(body === undefined ? {} : { body }) });
  const create = async (who: Person, body: Json) => {
    const res = await call(who, 'POST', '/api/v1/practices', body);
    expect(res.status, res.text).toBe(201);
    return res.json<{ practice: PracticeJson }>().practice;
  };
  const get = async (who: Person, id: string) =>
    (await call(who, 'GET', `/api/v1/practices/${id}`)).json<{ practice: PracticeJson }>().practice;
  const editSchedule = (who: Person, id: string, effectiveFrom: string, frequency: Json) =>
    call(who, 'PATCH', `/api/v1/practices/${id}`, { schedule: { effectiveFrom, frequency } });
  const adjustInReview = async (who: Person, week: string, practiceId: string, frequency: Json) => {
    const res = await call(who, 'POST', `/api/v1/reviews/${week}/complete`, {
      decisions: [{ practiceId, decision: 'adjust', frequency }],
    });
    expect(res.status, res.text).toBe(200);
  };
  const importLoop = async (who: Person, bytes: Uint8Array) => {
    const res = await fetch(`${t.url}/api/v1/imports/loop`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return JSON.parse(text) as { practicesCreated: number; practicesUpdated: number; warnings: string[] };
  };

  describe('a Loop re-import', () => {
    const habits: LoopHabit[] = [
      { id: 1, name: 'Meditate', position: 0, uuid: 'uuid-meditate' },
      { id: 2, name: 'Run', freqNum: 3, freqDen: 7, position: 1, uuid: 'uuid-run' },
    ];
    const reps = [
      ...days('2026-09-01', 60).map((date) => ({ habit: 1, date, value: 2 })),
      ...days('2026-10-01', 20)
        .filter((_, i) => i % 2 === 0)
        .map((date) => ({ habit: 2, date, value: 2 })),
    ];

    it('keeps the schedule versions made in Tack and by a review, and adds check-ins', async () => {
      const ann = await t.signUp('Ann');
      expect(await importLoop(ann, loopBackup(habits, reps))).toMatchObject({ practicesCreated: 2 });
      const list = (await call(ann, 'GET', '/api/v1/practices')).json<{ practices: PracticeJson[] }>().practices;
      const meditate = list.find((p) => p.name === 'Meditate')!;
      expect(meditate.scheduleHistory).toEqual([{ effectiveFrom: '2026-09-01', frequency: daily }]);

      // Edited in Tack, then adjusted by the review of week 47 (from next Monday).
      expect((await editSchedule(ann, meditate.id, '2026-10-01', monThu)).status).toBe(200);
      await adjustInReview(ann, '2026-W47', meditate.id, threeInSeven);
      const history = [
        { effectiveFrom: '2026-09-01', frequency: daily },
        { effectiveFrom: '2026-10-01', frequency: monThu },
        { effectiveFrom: '2026-11-23', frequency: threeInSeven },
      ];
      expect((await get(ann, meditate.id)).scheduleHistory).toEqual(history);
      const streaksBefore = (await call(ann, 'GET', `/api/v1/practices/${meditate.id}/strength`)).json<Json>().streaks;

      // The same file again: nothing about the schedule changes.
      expect(await importLoop(ann, loopBackup(habits, reps))).toMatchObject({
        practicesCreated: 0,
        practicesUpdated: 2,
      });
      expect((await get(ann, meditate.id)).scheduleHistory).toEqual(history);
      expect((await call(ann, 'GET', `/api/v1/practices/${meditate.id}/strength`)).json<Json>().streaks).toEqual(
        streaksBefore,
      );

      // A newer file: more check-ins, an earlier first day and a changed frequency. The start moves
      // back; the frequency is not applied over the review's version from next Monday (a warning says so).
      const newer = loopBackup(
        habits.map((h) => (h.id === 1 ? { ...h, freqNum: 5, freqDen: 7 } : h)),
        [...reps, { habit: 1, date: '2026-08-20', value: 2 }, { habit: 1, date: '2026-11-20', value: 2 }],
      );
      const s = await importLoop(ann, newer);
      expect(s.warnings.some((w) => w.includes('"Meditate"') && w.includes('2026-11-23'))).toBe(true);
      expect((await get(ann, meditate.id)).scheduleHistory).toEqual([
        { effectiveFrom: '2026-08-20', frequency: daily },
        ...history.slice(1),
      ]);
      const checkins = (await call(ann, 'GET', `/api/v1/practices/${meditate.id}/checkins`)).json<{
        checkins: { date: string }[];
      }>().checkins;
      expect(checkins.map((c) => c.date)).toEqual(expect.arrayContaining(['2026-08-20', '2026-11-20']));
    });

    it("adds a version from today when Loop's frequency changed, keeping the earlier ones", async () => {
      const bea = await t.signUp('Bea');
      await importLoop(bea, loopBackup(habits, reps));
      const run = (await call(bea, 'GET', '/api/v1/practices'))
        .json<{ practices: PracticeJson[] }>()
        .practices.find((p) => p.name === 'Run')!;
      expect(run.scheduleHistory).toEqual([{ effectiveFrom: '2026-10-01', frequency: threeInSeven }]);
      await importLoop(
        bea,
        loopBackup(
          habits.map((h) => (h.id === 2 ? { ...h, freqNum: 2 } : h)),
          reps,
        ),
      );
      expect((await get(bea, run.id)).scheduleHistory).toEqual([
        { effectiveFrom: '2026-10-01', frequency: threeInSeven },
        { effectiveFrom: '2026-11-21', frequency: { kind: 'times', times: 2, days: 7 } },
      ]);
      // The file it came from again: no further version.
      await importLoop(
        bea,
        loopBackup(
          habits.map((h) => (h.id === 2 ? { ...h, freqNum: 2 } : h)),
          reps,
        ),
      );
      expect((await get(bea, run.id)).scheduleHistory).toHaveLength(2);
    });
  });

  describe('a schedule edit "from D"', () => {
    it('replaces versions dated D or later: a review adjustment from next week, then an edit from today', async () => {
      const cy = await t.signUp('Cy');
      const p = await create(cy, { name: 'Read', frequency: daily, startDate: '2026-11-02' });
      await adjustInReview(cy, '2026-W47', p.id, threeInSeven);
      expect((await get(cy, p.id)).scheduleHistory.map((v) => v.effectiveFrom)).toEqual(['2026-11-02', '2026-11-23']);
      const res = await editSchedule(cy, p.id, '2026-11-21', monThu);
      expect(res.status, res.text).toBe(200);
      expect(res.json<{ practice: PracticeJson }>().practice.scheduleHistory).toEqual([
        { effectiveFrom: '2026-11-02', frequency: daily },
        { effectiveFrom: '2026-11-21', frequency: monThu },
      ]);
      // Next Monday, the edit still applies (the old schedule does not come back).
      clock.set('2026-11-23T10:00:00Z');
      try {
        expect((await get(cy, p.id)).schedule).toEqual({ effectiveFrom: '2026-11-21', frequency: monThu });
      } finally {
        clock.set('2026-11-21T10:00:00Z');
      }
    });

    it('a review adjustment replaces a later edit too, and keeps the earlier versions', async () => {
      const di = await t.signUp('Di');
      const p = await create(di, { name: 'Stretch', frequency: daily, startDate: '2026-11-02' });
      expect((await editSchedule(di, p.id, '2026-11-10', monThu)).status).toBe(200);
      expect((await editSchedule(di, p.id, '2026-11-30', daily)).status).toBe(200);
      await adjustInReview(di, '2026-W47', p.id, threeInSeven);
      expect((await get(di, p.id)).scheduleHistory).toEqual([
        { effectiveFrom: '2026-11-02', frequency: daily },
        { effectiveFrom: '2026-11-10', frequency: monThu },
        { effectiveFrom: '2026-11-23', frequency: threeInSeven },
      ]);
    });

    it('applies from today for a practice made "tomorrow" in a zone further east', async () => {
      const ed = await t.signUp('Ed');
      await call(ed, 'PATCH', '/api/v1/me', { timeZone: 'Pacific/Kiritimati' }); // UTC+14: already 2026-11-22
      const p = await create(ed, { name: 'Walk', frequency: daily });
      expect(p.scheduleHistory).toEqual([{ effectiveFrom: '2026-11-22', frequency: daily }]);
      await call(ed, 'PATCH', '/api/v1/me', { timeZone: 'UTC' });
      const res = await editSchedule(ed, p.id, '2026-11-21', monThu);
      expect(res.status, res.text).toBe(200);
      expect(res.json<{ practice: PracticeJson }>().practice.scheduleHistory).toEqual([
        { effectiveFrom: '2026-11-21', frequency: monThu },
      ]);
    });

    it("refuses a date before the practice's start with a 400 on schedule.effectiveFrom", async () => {
      const flo = await t.signUp('Flo');
      const p = await create(flo, { name: 'Journal', frequency: daily, startDate: '2026-09-27' });
      const res = await editSchedule(flo, p.id, '2019-01-01', monThu);
      expect(res.status).toBe(400);
      const { error } = res.json<ErrorJson>();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.issues).toEqual([
        { path: 'schedule.effectiveFrom', message: "must be on or after the practice's start, 2026-09-27" },
      ]);
      expect((await get(flo, p.id)).scheduleHistory).toEqual([{ effectiveFrom: '2026-09-27', frequency: daily }]);
      expect((await editSchedule(flo, p.id, '2026-09-26', monThu)).status).toBe(400);
      // On the start itself: it replaces the first version.
      const ok = await editSchedule(flo, p.id, '2026-09-27', monThu);
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json<{ practice: PracticeJson }>().practice.scheduleHistory).toEqual([
        { effectiveFrom: '2026-09-27', frequency: monThu },
      ]);
    });
  });

  describe('area names', () => {
    it('refuses a name the person already uses (trimmed, any case) with 409, among live areas only', async () => {
      const gus = await t.signUp('Gus');
      const hal = await t.signUp('Hal');
      const make = (who: Person, name: string) => call(who, 'POST', '/api/v1/areas', { name });
      const health = await make(gus, 'Health');
      expect(health.status, health.text).toBe(201);
      const healthId = health.json<{ area: { id: string } }>().area.id;
      const twin = await make(gus, '  health ');
      expect(twin.status).toBe(409);
      expect(twin.json<ErrorJson>().error).toMatchObject({
        code: 'CONFLICT',
        message: 'You already have an area called "Health"',
      });
      const work = await make(gus, 'Work');
      const workId = work.json<{ area: { id: string } }>().area.id;
      const rename = await call(gus, 'PATCH', `/api/v1/areas/${workId}`, { name: 'HEALTH' });
      expect(rename.status).toBe(409);
      expect(rename.json<ErrorJson>().error.code).toBe('CONFLICT');
      // Its own name in another case is fine; so is another person's same name.
      expect((await call(gus, 'PATCH', `/api/v1/areas/${healthId}`, { name: 'health' })).status).toBe(200);
      expect((await make(hal, 'Health')).status).toBe(201);
      // A deleted area's name is free again.
      expect((await call(gus, 'DELETE', `/api/v1/areas/${healthId}`)).status).toBeLessThan(300);
      expect((await make(gus, 'Health')).status).toBe(201);
      const names = (await call(gus, 'GET', '/api/v1/areas')).json<{ areas: { name: string }[] }>().areas;
      expect(names.map((a) => a.name).sort()).toEqual(['Health', 'Work']);
    });
  });
});
