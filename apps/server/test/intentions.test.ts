import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, expect400, expectAll404, type Json, movableClock } from './discovery-support.ts';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Intention = { id: string; horizon: Json; practiceIds: string[]; goalIds: string[] } & Json;
type Week = { isoWeek: string; answer: string; createdAt: string; updatedAt: string };

describe.each(testDialects())('intentions on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let bob: Person;
  const clock = movableClock();
  const call = caller(() => t);

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
    ann = await t.signUp('Ann');
    bob = await t.signUp('Bob');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (body: Json) =>
    (await call<{ intention: Intention }>(ann, 'POST', '/api/v1/intentions', body, 201)).intention;

  it('holds a statement with a quarter, a year theme or no horizon, linked to practices and goals', async () => {
    const p = (
      await call<{ practice: { id: string } }>(
        ann,
        'POST',
        '/api/v1/practices',
        { name: 'Ask one open question per meeting', frequency: { kind: 'weekdays', weekdays: ['monday'] } },
        201,
      )
    ).practice;
    const g = (
      await call<{ goal: { id: string } }>(
        ann,
        'POST',
        '/api/v1/goals',
        { kind: 'learning', title: 'Listen better', whatToLearn: 'Active listening' },
        201,
      )
    ).goal;
    const q = await create({
      statement: 'Lead with greater curiosity in team discussions',
      horizon: { kind: 'quarter', quarter: '2026-Q4' },
      practiceIds: [p.id],
      goalIds: [g.id],
    });
    expect(q).toMatchObject({
      horizon: { kind: 'quarter', quarter: '2026-Q4' },
      practiceIds: [p.id],
      goalIds: [g.id],
      question: 'Where did I live this intention this week?',
    });
    const y = await create({
      statement: 'Respond to challenges with calm and clarity',
      horizon: { kind: 'year', year: 2027, theme: 'Year of calm' },
    });
    expect(y.horizon).toEqual({ kind: 'year', year: 2027, theme: 'Year of calm' });
    expect((await create({ statement: 'Be kind' })).horizon).toEqual({ kind: 'open' });
    // A goal can serve an intention.
    const served = await call<{ goal: Json }>(
      ann,
      'POST',
      '/api/v1/goals',
      { kind: 'learning', title: 'Stay calm', whatToLearn: 'Breathing', intentionId: y.id },
      201,
    );
    expect(served.goal.intentionId).toBe(y.id);

    const changed = await call<{ intention: Intention }>(ann, 'PATCH', `/api/v1/intentions/${q.id}`, {
      horizon: { kind: 'open' },
      goalIds: [],
    });
    expect(changed.intention).toMatchObject({ horizon: { kind: 'open' }, goalIds: [], practiceIds: [p.id] });
    const { intentions } = await call<{ intentions: Intention[] }>(ann, 'GET', '/api/v1/intentions');
    expect(intentions).toHaveLength(3);
  });

  it('names the field for bad intentions', async () => {
    const cases: Array<[Json, string]> = [
      [{ statement: '' }, 'statement'],
      [{ statement: 'x', horizon: { kind: 'quarter', quarter: '2026-Q5' } }, 'horizon.quarter'],
      [{ statement: 'x', horizon: { kind: 'year', year: 2026 } }, 'horizon.theme'],
      [{ statement: 'x', horizon: { kind: 'decade' } }, 'horizon.kind'],
      [{ statement: 'x', practiceIds: ['nope'] }, 'practiceIds.0'],
      [{ statement: 'x', goalIds: ['nope'] }, 'goalIds.0'],
    ];
    for (const [body, path] of cases) await expect400(t, ann, 'POST', '/api/v1/intentions', body, path);
    // Quarters and years stay within the dates Tack takes (2000 to 2999), as every date does.
    const ranges: Array<[Json, string]> = [
      [{ kind: 'quarter', quarter: '0001-Q1' }, 'horizon.quarter: must be a quarter from 2000-Q1 to 2999-Q4'],
      [{ kind: 'quarter', quarter: '9999-Q4' }, 'horizon.quarter: must be a quarter from 2000-Q1 to 2999-Q4'],
      [{ kind: 'year', year: 1999, theme: 'x' }, 'horizon.year: must be a year from 2000 to 2999'],
      [{ kind: 'year', year: 3000, theme: 'x' }, 'horizon.year: must be a year from 2000 to 2999'],
      [{ kind: 'year', year: 2026.5, theme: 'x' }, 'horizon.year: must be a whole number'],
    ];
    for (const [horizon, message] of ranges) {
      const res = await t.call('POST', '/api/v1/intentions', { cookie: ann.cookie, body: { statement: 'x', horizon } });
      expect(res.status, JSON.stringify(horizon)).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toBe(message);
    }
    const far = await create({ statement: 'Far ahead', horizon: { kind: 'year', year: 2999, theme: 'x' } });
    expect(far.horizon).toEqual({ kind: 'year', year: 2999, theme: 'x' });
    await call(ann, 'DELETE', `/api/v1/intentions/${far.id}`);
  });

  it('stores one answer per ISO week: "where did I live this intention this week?"', async () => {
    const i = await create({ statement: 'Curiosity first' });
    const url = `/api/v1/intentions/${i.id}/weeks`;
    const first = await call<{ week: Week }>(ann, 'PUT', `${url}/2026-W47`, { answer: 'Asked Sam why, twice' });
    expect(first.week).toMatchObject({ isoWeek: '2026-W47', answer: 'Asked Sam why, twice' });
    clock.set('2026-11-21T12:00:00Z');
    const replaced = await call<{ week: Week }>(ann, 'PUT', `${url}/2026-W47`, { answer: 'Asked Sam and Kim why' });
    expect(replaced.week.createdAt).toBe(first.week.createdAt);
    expect(replaced.week.updatedAt).not.toBe(first.week.updatedAt);
    await call(ann, 'PUT', `${url}/2026-W45`, { answer: 'Not much' });
    await call(ann, 'PUT', `${url}/2020-W53`, { answer: 'Long ago (2020 has 53 weeks)' });
    const { weeks } = await call<{ weeks: Week[] }>(ann, 'GET', url);
    expect(weeks.map((w) => [w.isoWeek, w.answer])).toEqual([
      ['2026-W47', 'Asked Sam and Kim why'],
      ['2026-W45', 'Not much'],
      ['2020-W53', 'Long ago (2020 has 53 weeks)'],
    ]);
    await expect400(t, ann, 'PUT', `${url}/2026-W48`, { answer: 'Next week' }, 'isoWeek');
    await expect400(t, ann, 'PUT', `${url}/2025-W53`, { answer: 'No such week' }, 'isoWeek');
    await expect400(t, ann, 'PUT', `${url}/2026-47`, { answer: 'x' }, 'isoWeek');
    await expect400(t, ann, 'PUT', `${url}/2026-W46`, { answer: '' }, 'answer');
    clock.set('2026-11-21T10:00:00Z');
  });

  it("takes answers only for weeks inside the intention's quarter or year", async () => {
    const q4 = await create({ statement: 'Listen first', horizon: { kind: 'quarter', quarter: '2026-Q4' } });
    const url = `/api/v1/intentions/${q4.id}/weeks`;
    await call(ann, 'PUT', `${url}/2026-W47`, { answer: 'In the planning meeting' });
    // 2026-W40 runs Sep 28 – Oct 4: it reaches into the quarter.
    await call(ann, 'PUT', `${url}/2026-W40`, { answer: 'First week of October' });
    await expect400(t, ann, 'PUT', `${url}/2026-W39`, { answer: 'September' }, 'isoWeek');
    const later = await create({ statement: 'Rest', horizon: { kind: 'year', year: 2027, theme: 'Slow' } });
    await expect400(t, ann, 'PUT', `/api/v1/intentions/${later.id}/weeks/2026-W47`, { answer: 'Too early' }, 'isoWeek');
  });

  it("takes 'this week' from the person's week start, as the weekly review names it", async () => {
    // Sunday Nov 22: for Sunday weeks that is the first day of the week named 2026-W48 (its Monday is
    // Nov 23); for Monday weeks it is the last day of 2026-W47.
    clock.set('2026-11-22T10:00:00Z');
    const sun = await t.signUp('Sunny');
    await call(sun, 'PATCH', '/api/v1/me', { weekStart: 'sunday' });
    const mine = (
      await call<{ intention: Intention }>(sun, 'POST', '/api/v1/intentions', { statement: 'Rest well' }, 201)
    ).intention;
    const week = await call<{ week: Week }>(sun, 'PUT', `/api/v1/intentions/${mine.id}/weeks/2026-W48`, {
      answer: 'Slept early on Sunday',
    });
    expect(week.week.isoWeek).toBe('2026-W48');
    const review = await call<{ review: { isoWeek: string } }>(sun, 'GET', '/api/v1/reviews/2026-11-22');
    expect(review.review.isoWeek).toBe('2026-W48');
    const chain = await call<{ chain: { thisWeek: string } }>(
      sun,
      'POST',
      '/api/v1/chains',
      { thisWeek: 'Sleep by 11' },
      201,
    );
    expect(chain.chain.thisWeek).toBe('2026-W48');

    const i = await create({ statement: 'Curiosity on Sunday' });
    await expect400(t, ann, 'PUT', `/api/v1/intentions/${i.id}/weeks/2026-W48`, { answer: 'Too soon' }, 'isoWeek');
    clock.set('2026-11-21T10:00:00Z');
  });

  it("hides another person's intentions behind 404; one with answers needs confirmation to delete", async () => {
    const i = await create({ statement: 'Private' });
    await call(ann, 'PUT', `/api/v1/intentions/${i.id}/weeks/2026-W47`, { answer: 'x' });
    await expectAll404(t, bob, [
      ['GET', `/api/v1/intentions/${i.id}`],
      ['PATCH', `/api/v1/intentions/${i.id}`, { statement: 'Mine' }],
      ['DELETE', `/api/v1/intentions/${i.id}?confirm=true`],
      ['GET', `/api/v1/intentions/${i.id}/weeks`],
      ['PUT', `/api/v1/intentions/${i.id}/weeks/2026-W47`, { answer: 'Mine' }],
    ]);
    await expect400(
      t,
      bob,
      'POST',
      '/api/v1/goals',
      { kind: 'learning', title: 'x', whatToLearn: 'y', intentionId: i.id },
      'intentionId',
    );
    const res = await t.call('DELETE', `/api/v1/intentions/${i.id}`, { cookie: ann.cookie });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONFIRMATION_REQUIRED' } });
    const gone = await call<{ intention: Intention }>(ann, 'DELETE', `/api/v1/intentions/${i.id}?confirm=true`);
    expect(gone.intention.deletedAt).not.toBeNull();
    expect((await call<{ weeks: Week[] }>(ann, 'GET', `/api/v1/intentions/${i.id}/weeks`)).weeks).toHaveLength(1);
    await call(ann, 'DELETE', `/api/v1/intentions/${(await create({ statement: 'Fresh' })).id}`);
  });
});
