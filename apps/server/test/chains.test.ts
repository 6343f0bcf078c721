import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, expect400, expectAll404, type Json, movableClock } from './discovery-support.ts';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Step = { id: string; isoWeek: string; text: string; kind: string; practiceId: string | null; done: boolean };
type Chain = { id: string; steps: Step[]; timeline: { isoWeek: string; steps: string[] }[]; thisWeek: string } & Json;

describe.each(testDialects())('backwards chains on $name', (dialect) => {
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

  const start = async (body: Json = { thisWeek: 'Write one page of the talk' }) =>
    (await call<{ chain: Chain }>(ann, 'POST', '/api/v1/chains', body, 201)).chain;
  const addStep = async (id: string, text: string) =>
    (await call<{ chain: Chain }>(ann, 'POST', `/api/v1/chains/${id}/steps`, { text }, 201)).chain;

  it("starts from this week's small thing and grows backwards a week at a time", async () => {
    const c = await start();
    expect(c).toMatchObject({
      thisWeek: '2026-W47',
      question: 'What would I have needed to do the week before to make this easier?',
      steps: [{ isoWeek: '2026-W47', text: 'Write one page of the talk', kind: 'idea', practiceId: null }],
    });
    await addStep(c.id, 'Outline the talk');
    const three = await addStep(c.id, 'Pick the one idea the talk is about');
    expect(three.steps.map((s) => [s.isoWeek, s.text])).toEqual([
      ['2026-W45', 'Pick the one idea the talk is about'],
      ['2026-W46', 'Outline the talk'],
      ['2026-W47', 'Write one page of the talk'],
    ]);
    expect(three.timeline.map((w) => w.isoWeek)).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    expect(three.timeline[0]?.steps).toEqual([three.steps[0]?.id]);

    // Across a year boundary, and the timeline keeps ending at this week as time passes.
    const y = await start({ thisWeek: 'Run 5 km', isoWeek: '2026-W01' });
    const back = await addStep(y.id, 'Run 3 km');
    expect(back.steps[0]?.isoWeek).toBe('2025-W52');
    clock.set('2026-12-01T10:00:00Z');
    const later = await call<{ chain: Chain }>(ann, 'GET', `/api/v1/chains/${c.id}`);
    expect(later.chain.thisWeek).toBe('2026-W49');
    expect(later.chain.timeline.map((w) => w.isoWeek)).toEqual([
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    expect(later.chain.timeline.at(-1)?.steps).toEqual([]);
    clock.set('2026-11-21T10:00:00Z');
  });

  it('turns a step into a practice from its week, or a one-off task for its week', async () => {
    const c = await start({ thisWeek: 'Swim 20 minutes' });
    const withStep = await addStep(c.id, 'Buy goggles');
    const [earlier, now] = withStep.steps;
    const made = await call<{ practice: { id: string; name: string; schedule: Json }; chain: Chain }>(
      ann,
      'POST',
      `/api/v1/chains/${c.id}/steps/${now!.id}/practice`,
      { frequency: { kind: 'weekdays', weekdays: ['tuesday', 'friday'] } },
      201,
    );
    // This week began on Monday the 16th; today is Saturday the 21st: the practice starts today, so
    // the days already gone do not count as missed.
    expect(made.practice).toMatchObject({ name: 'Swim 20 minutes', schedule: { effectiveFrom: '2026-11-21' } });
    expect(made.chain.steps.find((s) => s.id === now!.id)).toMatchObject({
      kind: 'practice',
      practiceId: made.practice.id,
    });

    const task = await call<{ chain: Chain }>(ann, 'PATCH', `/api/v1/chains/${c.id}/steps/${earlier!.id}`, {
      task: true,
    });
    expect(task.chain.steps[0]).toMatchObject({ kind: 'task', done: false });
    const done = await call<{ chain: Chain }>(ann, 'PATCH', `/api/v1/chains/${c.id}/steps/${earlier!.id}`, {
      done: true,
    });
    expect(done.chain.steps[0]).toMatchObject({ kind: 'task', done: true });

    const again = await t.call('PATCH', `/api/v1/chains/${c.id}/steps/${now!.id}`, {
      cookie: ann.cookie,
      body: { task: true },
    });
    expect(again.status).toBe(409);
    const twice = await t.call('POST', `/api/v1/chains/${c.id}/steps/${now!.id}/practice`, {
      cookie: ann.cookie,
      body: { frequency: { kind: 'interval', everyDays: 2 } },
    });
    expect(twice.status).toBe(409);
    const idea = await addStep(c.id, 'Find the pool times');
    await expect400(t, ann, 'PATCH', `/api/v1/chains/${c.id}/steps/${idea.steps[0]!.id}`, { done: true }, 'done');
  });

  it("starts a practice from a past week's step today, not in days already gone", async () => {
    const c = await addStep((await start({ thisWeek: 'Run 5 km' })).id, 'Run 2 km twice');
    const past = c.steps.find((s) => s.text === 'Run 2 km twice')!;
    const made = await call<{ practice: { schedule: Json } }>(
      ann,
      'POST',
      `/api/v1/chains/${c.id}/steps/${past.id}/practice`,
      { frequency: { kind: 'times', times: 2, days: 7 } },
      201,
    );
    expect(made.practice.schedule).toMatchObject({ effectiveFrom: '2026-11-21' });
    // A start date given wins.
    const other = await addStep(c.id, 'Buy shoes');
    const shoes = other.steps.find((s) => s.text === 'Buy shoes')!;
    const given = await call<{ practice: { schedule: Json } }>(
      ann,
      'POST',
      `/api/v1/chains/${c.id}/steps/${shoes.id}/practice`,
      { frequency: { kind: 'times', times: 1, days: 7 }, startDate: '2026-11-02' },
      201,
    );
    expect(given.practice.schedule).toMatchObject({ effectiveFrom: '2026-11-02' });
  });

  it('names the field for bad input', async () => {
    await expect400(t, ann, 'POST', '/api/v1/chains', { thisWeek: '' }, 'thisWeek');
    await expect400(t, ann, 'POST', '/api/v1/chains', { thisWeek: 'x', isoWeek: '2026-W54' }, 'isoWeek');
    await expect400(t, ann, 'POST', '/api/v1/chains', { thisWeek: 'x', isoWeek: '2025-W53' }, 'isoWeek');
    await expect400(t, ann, 'POST', '/api/v1/chains', { thisWeek: 'x', isoWeek: '2026-W48' }, 'isoWeek');
    await expect400(t, ann, 'POST', '/api/v1/chains', { thisWeek: 'x', isoWeek: '2020-W01' }, 'isoWeek');
    const c = await start();
    await expect400(t, ann, 'POST', `/api/v1/chains/${c.id}/steps`, {}, 'text');
    await expect400(
      t,
      ann,
      'POST',
      `/api/v1/chains/${c.id}/steps/${c.steps[0]!.id}/practice`,
      { frequency: { kind: 'times', times: 0, days: 7 } },
      'frequency.times',
    );
  });

  it("hides another person's chains behind 404; a chain with history needs confirmation to delete", async () => {
    const c = await addStep((await start()).id, 'Before');
    const stepId = c.steps[0]!.id;
    await expectAll404(t, bob, [
      ['GET', `/api/v1/chains/${c.id}`],
      ['DELETE', `/api/v1/chains/${c.id}?confirm=true`],
      ['POST', `/api/v1/chains/${c.id}/steps`, { text: 'x' }],
      ['PATCH', `/api/v1/chains/${c.id}/steps/${stepId}`, { task: true }],
      ['DELETE', `/api/v1/chains/${c.id}/steps/${stepId}`],
      ['POST', `/api/v1/chains/${c.id}/steps/${stepId}/practice`, { frequency: { kind: 'interval', everyDays: 2 } }],
    ]);
    expect((await call<{ chains: unknown[] }>(bob, 'GET', '/api/v1/chains')).chains).toEqual([]);
    const res = await t.call('DELETE', `/api/v1/chains/${c.id}`, { cookie: ann.cookie });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONFIRMATION_REQUIRED' } });
    const fewer = await call<{ chain: Chain }>(ann, 'DELETE', `/api/v1/chains/${c.id}/steps/${stepId}`);
    expect(fewer.chain.steps).toHaveLength(1);
    const last = await t.call('DELETE', `/api/v1/chains/${c.id}/steps/${fewer.chain.steps[0]!.id}`, {
      cookie: ann.cookie,
    });
    expect(last.status).toBe(409);
    await call(ann, 'DELETE', `/api/v1/chains/${c.id}`);
    expect(
      (await t.call('GET', `/api/v1/chains/${c.id}`, { cookie: ann.cookie })).json<{ chain: Json }>().chain.deletedAt,
    ).not.toBeNull();
  });
});
