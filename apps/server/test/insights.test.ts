import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;
interface InsightJson {
  key: string;
  pitfall: string;
  explanation: string;
  suggestion: string;
  source: string;
  subject: { kind: string; id: string | null };
  evidence: Array<{ label: string; value: unknown }>;
}
interface ListJson {
  insights: InsightJson[];
  dismissed: number;
  notes: string[];
}

// Saturday 2026-11-21. Monday weeks; the last three completed ones start 10-26, 11-02, 11-09.
describe.each(testDialects())('insights on $name', (dialect) => {
  let t: TestServer;

  const call = (who: Person, method: string, path: string, body?: unknown) =>
    t.call(method, path, body === undefined ? { cookie: who.cookie } : { cookie: who.cookie, body });
  const insights = async (who: Person) => {
    const res = await call(who, 'GET', '/api/v1/insights');
    expect(res.status, res.text).toBe(200);
    return res.json<ListJson>();
  };
  const practice = async (who: Person, body: Json) => {
    const res = await call(who, 'POST', '/api/v1/practices', body);
    expect(res.status, res.text).toBe(201);
    return res.json<{ practice: { id: string } }>().practice.id;
  };
  const checkin = async (who: Person, id: string, date: string, body: Json = {}) => {
    const res = await call(who, 'PUT', `/api/v1/practices/${id}/checkins/${date}`, body);
    expect(res.status, res.text).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, fixedClock('2026-11-21T10:00:00Z'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('P1: three weeks under half of the plan fires, with its numbers; dismissal lasts until it clears', async () => {
    const ann = await t.signUp('Ann');
    const bob = await t.signUp('Bob');
    const run = await practice(ann, {
      name: 'Run',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-10-26',
    });
    const swim = await practice(ann, {
      name: 'Swim',
      frequency: { kind: 'weekdays', weekdays: ['monday'] },
      startDate: '2026-10-26',
    });
    for (const d of ['2026-10-27', '2026-11-03', '2026-11-10']) await checkin(ann, run, d);
    for (const d of ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']) await checkin(ann, swim, d);

    let list = await insights(ann);
    expect(list.insights.map((i) => i.key)).toEqual([`P1-${run}`]);
    const p1 = list.insights[0]!;
    expect(p1).toMatchObject({ pitfall: 'P1', subject: { kind: 'practice', id: run } });
    expect(p1.explanation).toContain('3 of 21');
    expect(p1.evidence).toContainEqual({ label: 'week of 2026-11-09: done / planned', value: '1 / 7' });
    expect(p1.source).toContain('Ordóñez');

    // Another person: nothing of Ann's, and her insight's key is no insight of theirs.
    expect((await insights(bob)).insights).toEqual([]);
    const foreign = await call(bob, 'POST', `/api/v1/insights/P1-${run}/dismiss`);
    expect(foreign.status).toBe(404);
    expect(foreign.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');

    expect((await call(ann, 'POST', `/api/v1/insights/P1-${run}/dismiss`)).status).toBe(204);
    list = await insights(ann);
    expect(list).toMatchObject({ insights: [], dismissed: 1 });

    // The condition clears (a good week is backfilled)…
    for (const d of ['2026-11-11', '2026-11-12', '2026-11-13']) await checkin(ann, run, d);
    expect(await insights(ann)).toMatchObject({ insights: [], dismissed: 0 });
    // …and comes back: shown again.
    for (const d of ['2026-11-11', '2026-11-12', '2026-11-13']) {
      expect((await call(ann, 'DELETE', `/api/v1/practices/${run}/checkins/${d}`)).status).toBe(204);
    }
    list = await insights(ann);
    expect(list.insights.map((i) => i.key)).toEqual([`P1-${run}`]);
    expect(list.dismissed).toBe(0);

    expect((await call(ann, 'POST', '/api/v1/insights/P3/dismiss')).status).toBe(404);
    expect((await call(ann, 'POST', '/api/v1/insights/X1/dismiss')).status).toBe(400);
  });

  it('P3: one area takes over while another active area gets nothing', async () => {
    const carl = await t.signUp('Carl');
    const area = async (name: string) =>
      (await call(carl, 'POST', '/api/v1/areas', { name })).json<{ area: { id: string } }>().area.id;
    const work = await area('Work');
    const health = await area('Health');
    const focus = await practice(carl, {
      name: 'Deep work',
      areaId: work,
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-11-14',
    });
    const walk = await practice(carl, {
      name: 'Walk',
      areaId: health,
      frequency: { kind: 'weekdays', weekdays: ['monday'] },
      startDate: '2026-11-14',
    });
    for (const d of ['2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) {
      await checkin(carl, focus, d);
    }
    const list = await insights(carl);
    expect(list.insights.map((i) => i.key)).toEqual(['P3']);
    expect(list.insights[0]!.explanation).toContain('"Work" took 6 of your 6');
    expect(list.insights[0]!.evidence).toContainEqual({ label: 'check-ins in "Health"', value: 0 });
    // One walk is enough: the other area is not neglected any more.
    await checkin(carl, walk, '2026-11-16');
    expect((await insights(carl)).insights).toEqual([]);
  });

  it('P4 rest days: a daily routine kept every day is no strain; doing more than it every day for three weeks is', async () => {
    const eve = await t.signUp('Eve');
    const days = (from: string, to: string) => {
      const out: string[] = [];
      for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
        out.push(d.toISOString().slice(0, 10));
      }
      return out;
    };
    const meditate = await practice(eve, {
      name: 'Meditate',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-10-01',
    });
    for (const d of days('2026-10-01', '2026-11-20')) await checkin(eve, meditate, d);
    expect((await insights(eve)).insights).toEqual([]);

    const run = await practice(eve, {
      name: 'Run',
      frequency: { kind: 'times', times: 3, days: 7 },
      startDate: '2026-10-01',
    });
    for (const d of days('2026-10-31', '2026-11-20')) await checkin(eve, run, d);
    const list = await insights(eve);
    expect(list.insights.map((i) => i.key)).toEqual(['P4']);
    expect(list.insights[0]!.explanation).toContain('not had a day off in 21 days');
    expect(list.insights[0]!.evidence).toContainEqual({
      label: 'days with more than daily routines, of the last 21',
      value: 21,
    });

    // One day with only the routine is a rest day.
    expect((await call(eve, 'DELETE', `/api/v1/practices/${run}/checkins/2026-11-10`)).status).toBe(204);
    expect((await insights(eve)).insights).toEqual([]);
  });

  it('P4: energy falling three weeks in a row, and a low WHO-5; P5 after comparing in 3 of 4 reviews', async () => {
    const dana = await t.signUp('Dana');
    const write = await practice(dana, {
      name: 'Write',
      frequency: { kind: 'times', times: 2, days: 7 },
      startDate: '2026-10-19',
    });
    const marks: Array<[string, number]> = [
      ['2026-10-27', 2],
      ['2026-10-29', 1],
      ['2026-11-03', 0],
      ['2026-11-05', 0],
      ['2026-11-10', -1],
      ['2026-11-12', -2],
    ];
    for (const [d, energy] of marks) await checkin(dana, write, d, { energy });
    let list = await insights(dana);
    expect(list.insights.map((i) => i.key)).toEqual(['P4']);
    expect(list.insights[0]!.evidence).toContainEqual({ label: 'average energy, week of 2026-11-09', value: -1.5 });
    expect(list.insights[0]!.explanation).toContain('not a diagnosis');

    // Reviews: compared with others three times; WHO-5 low in the latest.
    for (const [week, compared] of [
      ['2026-W44', true],
      ['2026-W45', true],
      ['2026-W46', false],
    ] as const) {
      const res = await call(dana, 'POST', `/api/v1/reviews/${week}/complete`, { compared });
      expect(res.status, res.text).toBe(200);
    }
    expect((await insights(dana)).insights.map((i) => i.key)).toEqual(['P4']);
    const res = await call(dana, 'POST', '/api/v1/reviews/2026-W47/complete', {
      compared: true,
      who5: [2, 2, 2, 2, 2],
    });
    expect(res.status, res.text).toBe(200);
    list = await insights(dana);
    expect(list.insights.map((i) => i.key)).toEqual(['P4', 'P5']);
    expect(list.insights[0]!.evidence).toContainEqual({
      label: 'WHO-5 raw score, week of 2026-11-16 (0–25)',
      value: 10,
    });
    expect(list.insights[1]!.explanation).toContain('3 of your last 4');
  });

  it('P2: a goal never revised while its milestones slip', async () => {
    const eve = await t.signUp('Eve');
    const goal = await call(eve, 'POST', '/api/v1/goals', {
      kind: 'learning',
      title: 'Learn to run 10k',
      whatToLearn: 'Pacing',
    });
    expect(goal.status, goal.text).toBeLessThan(300);
    const goalId = goal.json<{ goal: { id: string } }>().goal.id;
    const milestone = await call(eve, 'POST', '/api/v1/milestones', {
      goalId,
      title: '5k without stopping',
      targetDate: '2026-11-25',
    });
    expect(milestone.status, milestone.text).toBeLessThan(300);
    const id = milestone.json<{ milestone: { id: string } }>().milestone.id;
    expect((await insights(eve)).insights).toEqual([]);
    for (const targetDate of ['2026-12-05', '2026-12-20']) {
      const moved = await call(eve, 'PATCH', `/api/v1/milestones/${id}`, { targetDate, reason: 'Had a cold' });
      expect(moved.status, moved.text).toBe(200);
    }
    const list = await insights(eve);
    expect(list.insights.map((i) => i.key)).toEqual([`P2-${goalId}`]);
    expect(list.insights[0]!.evidence).toContainEqual({ label: 'milestone slips', value: 2 });
  });
});
