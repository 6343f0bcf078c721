import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;
const issuesOf = (body: unknown) =>
  ((body as { error?: { details?: { issues?: { path: string }[] } } }).error?.details?.issues ?? []).map((i) => i.path);

interface ReviewJson {
  id: string;
  weekStart: string;
  weekEnd: string;
  isoWeek: string;
  status: string;
  answers: Json;
  who5Score: number | null;
  applied: Array<{ practiceId: string; decision: string; effectiveFrom: string | null }>;
  summary: {
    planned: number;
    done: number;
    checkins: number;
    practices: Array<{
      practiceId: string;
      name: string;
      planned: number;
      done: number;
      skipped: number;
      pausedDays: number;
      amount: number | null;
      strengthStart: number;
      strengthEnd: number;
    }>;
    energy: Array<{ date: string; average: number; marks: number }>;
    notes: Array<{ date: string; practice: string; note: string }>;
  };
}

// Saturday 2026-11-21, 10:00 UTC. Monday weeks: this week is 2026-11-16 … 2026-11-22 (2026-W47).
describe.each(testDialects())('weekly reviews on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let bob: Person;
  const ids: Record<string, string> = {};

  const call = (who: Person, method: string, path: string, body?: unknown) =>
    t.call(method, path, body === undefined ? { cookie: who.cookie } : { cookie: who.cookie, body });
  const review = async (who: Person, week: string) => {
    const res = await call(who, 'GET', `/api/v1/reviews/${week}`);
    expect(res.status, res.text).toBe(200);
    return res.json<{ review: ReviewJson }>().review;
  };

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, fixedClock('2026-11-21T10:00:00Z'));
    ann = await t.signUp('Ann');
    bob = await t.signUp('Bob');
    const create = async (body: Json) => {
      const res = await call(ann, 'POST', '/api/v1/practices', body);
      expect(res.status, res.text).toBe(201);
      return res.json<{ practice: { id: string } }>().practice.id;
    };
    ids.run = await create({
      name: 'Run',
      frequency: { kind: 'weekdays', weekdays: ['monday', 'thursday'] },
      startDate: '2026-11-02',
    });
    ids.read = await create({ name: 'Read', frequency: { kind: 'times', times: 1, days: 1 }, startDate: '2026-11-09' });
    ids.sit = await create({
      name: 'Sit',
      kind: 'measurable',
      unit: 'minutes',
      target: 10,
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-11-09',
    });
    const checkin = async (id: string, date: string, body: Json) => {
      const res = await call(ann, 'PUT', `/api/v1/practices/${id}/checkins/${date}`, body);
      expect(res.status, res.text).toBe(200);
    };
    await checkin(ids.run!, '2026-11-09', { status: 'done' });
    await checkin(ids.run!, '2026-11-16', { status: 'done', energy: 1, note: 'Slow but fun' });
    await checkin(ids.run!, '2026-11-19', { status: 'skipped' });
    for (const d of ['2026-11-16', '2026-11-17', '2026-11-18'])
      await checkin(ids.read!, d, { status: 'done', energy: -1 });
    await checkin(ids.sit!, '2026-11-17', { status: 'done', value: 15 });
    await checkin(ids.sit!, '2026-11-18', { status: 'done', value: 20 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('pre-fills a draft from what happened in the week', async () => {
    const r = await review(ann, '2026-W47');
    expect(r).toMatchObject({ weekStart: '2026-11-16', weekEnd: '2026-11-22', isoWeek: '2026-W47', status: 'draft' });
    const by = new Map(r.summary.practices.map((p) => [p.name, p]));
    // Saturday: planned counts Monday to Saturday while the week is under way (Sunday is still to come).
    expect(by.get('Run')).toMatchObject({ planned: 2, done: 1, skipped: 1, amount: null });
    expect(by.get('Read')).toMatchObject({ planned: 6, done: 3, skipped: 0 });
    expect(by.get('Sit')).toMatchObject({ planned: 6, done: 2, amount: 35 });
    expect(by.get('Read')!.strengthEnd).toBeGreaterThan(by.get('Read')!.strengthStart);
    expect(r.summary).toMatchObject({ planned: 14, done: 6, checkins: 7 });
    expect(r.summary.energy).toEqual([
      { date: '2026-11-16', average: 0, marks: 2 },
      { date: '2026-11-17', average: -1, marks: 1 },
      { date: '2026-11-18', average: -1, marks: 1 },
    ]);
    expect(r.summary.notes).toEqual([
      expect.objectContaining({ date: '2026-11-16', practice: 'Run', note: 'Slow but fun' }),
    ]);
    // The same week by a date inside it: the same review, not a second one.
    expect((await review(ann, '2026-11-19')).id).toBe(r.id);
  });

  it('saves drafts as the person goes, and keeps what was not sent', async () => {
    let res = await call(ann, 'PUT', '/api/v1/reviews/2026-W47', { line: 'A slow week', who5: [3, 3, 3, 3, 3] });
    expect(res.status, res.text).toBe(200);
    expect(res.json<{ review: ReviewJson }>().review).toMatchObject({ status: 'draft', who5Score: 60 });
    res = await call(ann, 'PUT', '/api/v1/reviews/2026-W47', { energised: 'Running with Sam', compared: false });
    expect(res.json<{ review: ReviewJson }>().review.answers).toMatchObject({
      line: 'A slow week',
      energised: 'Running with Sam',
      who5: [3, 3, 3, 3, 3],
      compared: false,
    });
    expect((await review(ann, '2026-W47')).answers).toMatchObject({
      line: 'A slow week',
      energised: 'Running with Sam',
    });
  });

  it('names the field of a bad answer or week', async () => {
    const cases: Array<[string, string, Json | undefined, string]> = [
      ['PUT', '2026-W47', { who5: [3, 3, 6, 3, 3] }, 'who5.2'],
      ['PUT', '2026-W47', { who5: [3, 3, -1, 3, 3] }, 'who5.2'],
      ['PUT', '2026-W47', { who5: [3, 3, 2.5, 3, 3] }, 'who5.2'],
      ['PUT', '2026-W47', { who5: [3, 3] }, 'who5'],
      ['PUT', '2026-W47', { decisions: [{ practiceId: 'nope', decision: 'keep' }] }, 'decisions.0.practiceId'],
      ['PUT', '2026-W47', { nonsense: 1 }, 'nonsense'],
      ['GET', '2026-W60', undefined, 'week'],
      ['GET', '2025-W53', undefined, 'week'],
      ['GET', 'last-week', undefined, 'week'],
      ['GET', '2026-02-30', undefined, 'week'],
      ['POST', '2026-W49/complete', {}, 'week'],
      ['GET', '2026-W49', undefined, 'week'],
    ];
    for (const [method, week, body, path] of cases) {
      const res = await call(ann, method, `/api/v1/reviews/${week}`, body);
      expect(res.status, `${method} ${week} ${JSON.stringify(body)}: ${res.text}`).toBe(400);
      expect(issuesOf(res.body), res.text).toContain(path);
    }
    // 2026 has a week 53 (it starts on a Thursday); it is in the past only from late December.
    expect((await call(ann, 'GET', '/api/v1/reviews/2026-W53')).status).toBe(400);
    // Weeks from 2000 on: year 0000 used to open (and save) a draft.
    for (const week of ['0000-W01', '1999-12-31']) {
      const old = await call(ann, 'PUT', `/api/v1/reviews/${week}`, {});
      expect(old.status, old.text).toBe(400);
      expect(old.json<{ error: { message: string } }>().error.message).toBe('week: must be a week from 2000 to 2999');
    }
    const adjustWithoutSchedule = await call(ann, 'PUT', '/api/v1/reviews/2026-W47', {
      decisions: [{ practiceId: ids.read, decision: 'adjust' }],
    });
    expect(issuesOf(adjustWithoutSchedule.body)).toContain('decisions.0.frequency');
  });

  it("completes: adjust adds next week's schedule, drop archives, and the review is frozen", async () => {
    const res = await call(ann, 'POST', '/api/v1/reviews/2026-W47/complete', {
      decisions: [
        { practiceId: ids.run, decision: 'keep' },
        { practiceId: ids.read, decision: 'adjust', frequency: { kind: 'times', times: 3, days: 7 } },
        { practiceId: ids.sit, decision: 'drop', reason: 'Not for me right now' },
      ],
      smallThing: 'Lay out the running shoes on Sunday',
    });
    expect(res.status, res.text).toBe(200);
    const r = res.json<{ review: ReviewJson }>().review;
    expect(r.status).toBe('completed');
    expect(r.applied).toEqual([
      { practiceId: ids.run, decision: 'keep', effectiveFrom: null },
      { practiceId: ids.read, decision: 'adjust', effectiveFrom: '2026-11-23' },
      { practiceId: ids.sit, decision: 'drop', effectiveFrom: '2026-11-21' },
    ]);
    const read = (await call(ann, 'GET', `/api/v1/practices/${ids.read}`)).json<{ practice: Json }>().practice;
    expect(read.scheduleHistory).toEqual([
      { effectiveFrom: '2026-11-09', frequency: { kind: 'times', times: 1, days: 1 } },
      { effectiveFrom: '2026-11-23', frequency: { kind: 'times', times: 3, days: 7 } },
    ]);
    const sit = (await call(ann, 'GET', `/api/v1/practices/${ids.sit}`)).json<{ practice: Json }>().practice;
    expect(sit.state).toBe('archived');
    // Frozen: the numbers stay as they were when completed; no more edits.
    expect((await review(ann, '2026-W47')).summary.practices.find((p) => p.name === 'Sit')).toMatchObject({ done: 2 });
    expect((await call(ann, 'PUT', '/api/v1/reviews/2026-W47', { line: 'x' })).status).toBe(409);
    expect((await call(ann, 'POST', '/api/v1/reviews/2026-W47/complete', {})).status).toBe(409);
  });

  it('can be done late for a past week, and lists the history with its numbers', async () => {
    const res = await call(ann, 'POST', '/api/v1/reviews/2026-11-09/complete', {
      line: 'First week back',
      compared: true,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json<{ review: ReviewJson }>().review).toMatchObject({ weekStart: '2026-11-09', isoWeek: '2026-W46' });
    const list = await call(ann, 'GET', '/api/v1/reviews?from=2026-11-01&to=2026-11-30');
    expect(list.status, list.text).toBe(200);
    expect(list.json<{ reviews: Json[] }>().reviews).toEqual([
      expect.objectContaining({
        weekStart: '2026-11-09',
        isoWeek: '2026-W46',
        status: 'completed',
        line: 'First week back',
        // A past week counts its whole seven days: Run twice, Read and Sit daily.
        planned: 16,
      }),
      expect.objectContaining({ weekStart: '2026-11-16', status: 'completed', planned: 14, done: 6, checkins: 7 }),
    ]);
    const only = await call(ann, 'GET', '/api/v1/reviews?from=2026-11-10');
    expect(only.json<{ reviews: Json[] }>().reviews.map((r) => r.weekStart)).toEqual(['2026-11-16']);
    expect((await call(ann, 'GET', '/api/v1/reviews?from=2026-12-01&to=2026-11-01')).status).toBe(400);
  });

  it('exports a review as Markdown', async () => {
    const res = await call(ann, 'GET', '/api/v1/reviews/2026-W47/markdown');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.text).toContain('# Weekly review: 2026-11-16 to 2026-11-22 (2026-W47)');
    expect(res.text).toContain('| Run | 2 | 1 | 1 | 0 |');
    expect(res.text).toContain('| Sit | 6 | 2 (35 minutes) |');
    expect(res.text).toContain('- Read: adjust to 3× in 7 days (new schedule from 2026-11-23)');
    expect(res.text).toContain('- Sit: drop: Not for me right now');
    expect(res.text).toContain('Lay out the running shoes on Sunday');
    expect(res.text).toContain('WHO-5: 60 of 100');
    expect(res.text).toContain('Did you compare yourself with others this week? No.');
    expect((await call(ann, 'GET', '/api/v1/reviews/2026-W40/markdown')).status).toBe(404);
  });

  it("keeps each person's reviews their own", async () => {
    const mine = await review(bob, '2026-W47');
    const anns = await review(ann, '2026-W47');
    expect(mine.id).not.toBe(anns.id);
    expect(mine.answers).toEqual({});
    expect(mine.summary.practices).toEqual([]);
    // Ann's completed past review is not Bob's: he has none for that week.
    expect((await call(bob, 'GET', '/api/v1/reviews/2026-W46/markdown')).status).toBe(404);
    const list = (await call(bob, 'GET', '/api/v1/reviews')).json<{ reviews: Json[] }>().reviews;
    expect(list.map((r) => r.weekStart)).toEqual(['2026-11-16']);
    // Ann's practice in Bob's review is "no such practice", and nothing of Ann's changes.
    const res = await call(bob, 'POST', '/api/v1/reviews/2026-W47/complete', {
      decisions: [{ practiceId: ids.run, decision: 'drop' }],
    });
    expect(res.status).toBe(400);
    expect(issuesOf(res.body)).toContain('decisions.0.practiceId');
    expect((await call(ann, 'GET', `/api/v1/practices/${ids.run}`)).json<{ practice: Json }>().practice.state).toBe(
      'active',
    );
    expect((await call(bob, 'GET', '/api/v1/reviews/2026-W47')).json<{ review: ReviewJson }>().review.status).toBe(
      'draft',
    );
  });

  it("keys weeks by the person's week start: 2026-W47 is the Sunday week holding its Monday", async () => {
    const carl = await t.signUp('Carl');
    expect((await call(carl, 'PATCH', '/api/v1/me', { weekStart: 'sunday' })).status).toBe(200);
    const r = await review(carl, '2026-W47');
    expect(r).toMatchObject({ weekStart: '2026-11-15', weekEnd: '2026-11-21', isoWeek: '2026-W47' });
    expect((await review(carl, '2026-11-21')).id).toBe(r.id);
    expect((await review(carl, '2026-11-14')).weekStart).toBe('2026-11-08');
  });

  it('keeps completed reviews reachable after the week start changes', async () => {
    const dana = await t.signUp('Dana');
    // Reviewed with Monday weeks: W45 (2026-11-02) completed, W46 (2026-11-09) left as a draft.
    const done = await call(dana, 'POST', '/api/v1/reviews/2026-W45/complete', { line: 'Monday weeks' });
    expect(done.status, done.text).toBe(200);
    expect((await call(dana, 'PUT', '/api/v1/reviews/2026-11-09', { line: 'half done' })).status).toBe(200);
    expect((await call(dana, 'PATCH', '/api/v1/me', { weekStart: 'sunday' })).status).toBe(200);

    // The completed week opens by its ISO week, its first day or any day in it; no empty draft beside it.
    for (const week of ['2026-W45', '2026-11-02', '2026-11-05', '2026-11-08']) {
      expect(await review(dana, week), week).toMatchObject({
        weekStart: '2026-11-02',
        status: 'completed',
        answers: { line: 'Monday weeks' },
      });
    }
    // The old draft opens by its first day; the ISO week and other days follow the Sunday weeks.
    expect(await review(dana, '2026-11-09')).toMatchObject({ weekStart: '2026-11-09', answers: { line: 'half done' } });
    expect((await review(dana, '2026-W46')).weekStart).toBe('2026-11-08');
    // This week always follows the new week start.
    expect((await review(dana, '2026-11-21')).weekStart).toBe('2026-11-15');
    expect((await review(dana, '2026-W47')).weekStart).toBe('2026-11-15');
    const list = (await call(dana, 'GET', '/api/v1/reviews')).json<{ reviews: Json[] }>().reviews;
    expect(list.map((r) => [r.weekStart, r.status])).toEqual([
      ['2026-11-02', 'completed'],
      ['2026-11-08', 'draft'],
      ['2026-11-09', 'draft'],
      ['2026-11-15', 'draft'],
    ]);
  });

  it('brings in experiment notes and intentions, and records the intention answer in its history', async () => {
    const dee = await t.signUp('Dee');
    const post = async (path: string, body: Json) => {
      const res = await call(dee, 'POST', path, body);
      expect(res.status, res.text).toBe(201);
      return res.json<Record<string, { id: string }>>();
    };
    const direction = (await post('/api/v1/directions', { name: 'Writing' })).direction!.id;
    const experiment = (
      await post('/api/v1/experiments', {
        directionId: direction,
        hypothesis: 'Mornings suit me',
        startDate: '2026-11-09',
      })
    ).experiment!.id;
    await post(`/api/v1/experiments/${experiment}/notes`, {
      tag: 'energises',
      text: 'Quiet house',
      date: '2026-11-17',
    });
    await post(`/api/v1/experiments/${experiment}/notes`, { tag: 'drains', text: 'Too early', date: '2026-11-10' });
    const intention = (await post('/api/v1/intentions', { statement: 'Lead with curiosity' })).intention!.id;

    const r = await review(dee, '2026-W47');
    expect(r.summary).toMatchObject({
      experimentNotes: [
        {
          experimentId: experiment,
          hypothesis: 'Mornings suit me',
          date: '2026-11-17',
          tag: 'energises',
          text: 'Quiet house',
        },
      ],
      intentions: [{ id: intention, statement: 'Lead with curiosity' }],
    });
    const foreign = await call(bob, 'PUT', '/api/v1/reviews/2026-W47', {
      intentions: [{ intentionId: intention, answer: 'x' }],
    });
    expect(foreign.status).toBe(400);
    expect(issuesOf(foreign.body)).toContain('intentions.0.intentionId');

    const done = await call(dee, 'POST', '/api/v1/reviews/2026-W47/complete', {
      intentions: [{ intentionId: intention, answer: 'Asked before judging in the Monday meeting' }],
    });
    expect(done.status, done.text).toBe(200);
    const weeks = await call(dee, 'GET', `/api/v1/intentions/${intention}/weeks`);
    expect(weeks.status, weeks.text).toBe(200);
    expect(weeks.json<{ weeks: Json[] }>().weeks).toEqual([
      expect.objectContaining({ isoWeek: '2026-W47', answer: 'Asked before judging in the Monday meeting' }),
    ]);
    const md = await call(dee, 'GET', '/api/v1/reviews/2026-W47/markdown');
    expect(md.text).toContain('- Lead with curiosity: Asked before judging in the Monday meeting');
    expect(md.text).toContain('- Experiment "Mornings suit me", 2026-11-17, energises: Quiet house');
    const progress = (await call(dee, 'GET', '/api/v1/progress?from=2026-11-01&to=2026-11-21')).json();
    expect(progress).toMatchObject({ experimentsRun: 1, experimentsDecided: 0, notes: [] });
  });

  it('counts effort, not only results', async () => {
    const res = await call(ann, 'GET', '/api/v1/progress?from=2026-11-01&to=2026-11-21');
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-21',
      checkins: 7,
      practiceMinutes: 35,
      practicesStarted: 3,
      lessonsRecorded: 2,
      experimentsRun: 0,
      experimentsDecided: 0,
      strategiesTried: 0,
    });
    const bobs = (await call(bob, 'GET', '/api/v1/progress')).json();
    expect(bobs).toMatchObject({ checkins: 0, practiceMinutes: 0, practicesStarted: 0, lessonsRecorded: 0 });
  });
});
