import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, expect400, expectAll404, type Json, movableClock } from './discovery-support.ts';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Goal = { id: string; kind: string; status: string; revisions: number; progress: Json } & Json;
type Revision = { number: number; reason: string; changed: string[]; before: Json | null; after: Json };

const performance = {
  kind: 'performance',
  title: 'Run a 10 km race',
  metric: { name: 'Longest run', unit: 'km', baseline: 4, target: 10, current: 7 },
  dueDate: '2027-04-30',
  keyResults: [{ title: 'Long runs done', target: 8, current: 2, confidence: 6 }],
  ifThen: [{ cue: 'it rains on a run day', action: 'I run on the treadmill' }],
};
const learning = {
  kind: 'learning',
  title: 'Learn to delegate',
  whatToLearn: 'Handing over whole outcomes, not tasks',
  strategies: [{ text: 'Agree the outcome, not the steps' }, { text: 'Weekly 15-minute check-in' }],
};
const answers = {
  control: 'low',
  novelty: 'new',
  context: 'changing',
  capability: 'some',
  why: 'ownValues',
  structure: 'neutral',
};

describe.each(testDialects())('goals and the advisor on $name', (dialect) => {
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

  const create = async (body: Json) => (await call<{ goal: Goal }>(ann, 'POST', '/api/v1/goals', body, 201)).goal;

  it('creates performance goals with SMART fields and key results, and learning goals with strategies', async () => {
    const p = await create(performance);
    expect(p).toMatchObject({
      status: 'exploring',
      revisions: 0,
      dueDate: '2027-04-30',
      keyResults: [{ title: 'Long runs done', target: 8, current: 2, confidence: 6, unit: null }],
      ifThen: [{ cue: 'it rains on a run day', action: 'I run on the treadmill' }],
      progress: { kind: 'performance', percent: 50, keyResults: [{ percent: 25, confidence: 6 }] },
    });
    const l = await create(learning);
    expect(l).toMatchObject({
      kind: 'learning',
      strategies: [{ tried: false, reflection: null }, { tried: false }],
      progress: { kind: 'learning', strategiesTried: 0, strategies: 2, reflections: 0, evidence: 0 },
    });
    expect(l.progress).not.toHaveProperty('percent');
    const { goals } = await call<{ goals: Goal[] }>(ann, 'GET', '/api/v1/goals?kind=learning');
    expect(goals.map((g) => g.id)).toEqual([l.id]);
    expect((await call<{ goals: unknown[] }>(bob, 'GET', '/api/v1/goals')).goals).toEqual([]);
  });

  it('names the field for bad goals', async () => {
    const { keyResults: _, ...withoutKr } = performance;
    const cases: Array<[Json, string]> = [
      [{ ...performance, keyResults: [{ title: 'No target', current: 1 }] }, 'keyResults.0.target'],
      [{ ...performance, keyResults: [{ title: 'x', target: 3, confidence: 11 }] }, 'keyResults.0.confidence'],
      [{ ...withoutKr, metric: undefined }, 'metric'],
      [{ ...withoutKr, dueDate: undefined }, 'dueDate'],
      [{ ...withoutKr, metric: { name: 'x', unit: 'km', baseline: 1 } }, 'metric.target'],
      // Progress is measured from the baseline to the target, and a key result from 0 to its target.
      [{ ...withoutKr, metric: { name: 'x', unit: 'km', baseline: 4, target: 4 } }, 'metric.target'],
      [{ ...performance, keyResults: [{ title: 'Zero', target: 0, current: -2 }] }, 'keyResults.0.target'],
      [{ ...learning, whatToLearn: undefined }, 'whatToLearn'],
      [{ ...learning, evidence: [{ date: '2099-01-01', text: 'Not yet' }] }, 'evidence.0.date'],
      [{ ...learning, status: 'failed' }, 'status'],
      [{ ...learning, status: 'letGo' }, 'learnings'],
      [{ ...learning, kind: 'outcome' }, 'kind'],
      [{ ...learning, ifThen: [{ when: 'x', action: 'y' }] }, 'ifThen.0.cue'],
      [{ ...learning, directionId: 'nope' }, 'directionId'],
      [{ ...learning, intentionId: 'nope' }, 'intentionId'],
    ];
    for (const [body, path] of cases) await expect400(t, ann, 'POST', '/api/v1/goals', body, path);
  });

  it('keeps every edit as a revision with its reason and the full before/after; a goal can switch kind', async () => {
    const g = await create(learning);
    const url = `/api/v1/goals/${g.id}`;
    await expect400(t, ann, 'PATCH', url, { title: 'No reason given' }, 'reason');
    await expect400(t, ann, 'PATCH', url, { title: 'x', reason: '  ' }, 'reason');

    clock.set('2026-11-28T10:00:00Z');
    const strategyId = (g.strategies as { id: string }[])[0]!.id;
    // Evidence is what already happened: tomorrow is refused, and nothing is saved.
    await expect400(
      t,
      ann,
      'PATCH',
      url,
      { reason: 'Ahead of time', evidence: [{ date: '2026-11-30', text: 'Sam will run it' }] },
      'evidence.0.date',
    );
    const tried = await call<{ goal: Goal }>(ann, 'PATCH', url, {
      reason: 'Tried the first strategy at the team meeting',
      strategies: [
        {
          id: strategyId,
          text: 'Agree the outcome, not the steps',
          tried: true,
          reflection: 'They asked fewer questions',
        },
        { text: 'Weekly 15-minute check-in' },
      ],
      evidence: [{ date: '2026-11-27', text: 'Sam ran the release alone' }],
    });
    expect(tried.goal).toMatchObject({
      revisions: 1,
      strategies: [{ id: strategyId, tried: true, reflection: 'They asked fewer questions' }, { tried: false }],
      progress: { kind: 'learning', strategiesTried: 1, reflections: 1, evidence: 1 },
    });
    expect(String(tried.goal.progress.summary)).toContain('Tried 1 of 2 strategies');

    await expect400(t, ann, 'PATCH', url, { reason: 'Now I know the number', kind: 'performance' }, 'metric');
    const switched = await call<{ goal: Goal }>(ann, 'PATCH', url, {
      reason: 'I know enough now to set a target',
      kind: 'performance',
      metric: { name: 'Projects fully handed over', unit: 'projects', baseline: 0, target: 4 },
      dueDate: '2027-03-31',
      status: 'active',
    });
    expect(switched.goal).toMatchObject({
      kind: 'performance',
      status: 'active',
      revisions: 2,
      progress: { percent: 0 },
    });
    // The same body again changes nothing: no new revision.
    const same = await call<{ goal: Goal }>(ann, 'PATCH', url, { reason: 'again', status: 'active' });
    expect(same.goal.revisions).toBe(2);

    await expect400(t, ann, 'PATCH', url, { reason: 'Stopping', status: 'letGo' }, 'learnings');
    const letGo = await call<{ goal: Goal }>(ann, 'PATCH', url, {
      reason: 'The team was reorganised',
      status: 'letGo',
      learnings: 'Delegating outcomes works; the target did not matter',
    });
    expect(letGo.goal).toMatchObject({ status: 'letGo', revisions: 3 });

    const { revisions } = await call<{ revisions: Revision[] }>(ann, 'GET', `${url}/revisions`);
    expect(revisions.map((r) => r.number)).toEqual([0, 1, 2, 3]);
    expect(revisions[0]).toMatchObject({ reason: 'Created', before: null, after: { kind: 'learning' } });
    expect(revisions[1]).toMatchObject({
      reason: 'Tried the first strategy at the team meeting',
      changed: ['strategies', 'evidence'],
      before: { strategies: [{ tried: false }, { tried: false }], evidence: [] },
      after: { strategies: [{ tried: true }, { tried: false }] },
    });
    expect(revisions[2]).toMatchObject({
      changed: ['kind', 'status', 'metric', 'dueDate'],
      before: { kind: 'learning', whatToLearn: learning.whatToLearn, metric: null },
      after: { kind: 'performance', metric: { target: 4 } },
    });
    expect(revisions[3]?.after).toMatchObject({ status: 'letGo', learnings: expect.stringContaining('Delegating') });
    clock.set('2026-11-21T10:00:00Z');
  });

  it('deletes softly: a goal with history needs ?confirm=true', async () => {
    const fresh = await create(learning);
    expect((await call<{ goal: Goal }>(ann, 'DELETE', `/api/v1/goals/${fresh.id}`)).goal.deletedAt).not.toBeNull();
    const g = await create(learning);
    await call(ann, 'PATCH', `/api/v1/goals/${g.id}`, { reason: 'Renamed', title: 'Delegate well' });
    const res = await t.call('DELETE', `/api/v1/goals/${g.id}`, { cookie: ann.cookie });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONFIRMATION_REQUIRED' } });
    const gone = await call<{ goal: Goal }>(ann, 'DELETE', `/api/v1/goals/${g.id}?confirm=true`);
    expect(gone.goal.deletedAt).not.toBeNull();
    const { goals } = await call<{ goals: Goal[] }>(ann, 'GET', '/api/v1/goals');
    expect(goals.map((x) => x.id)).not.toContain(g.id);
    // Soft: the history is still there.
    expect(
      (await call<{ revisions: unknown[] }>(ann, 'GET', `/api/v1/goals/${g.id}/revisions`)).revisions,
    ).toHaveLength(2);
    expect(
      (await t.call('PATCH', `/api/v1/goals/${g.id}`, { cookie: ann.cookie, body: { reason: 'x', title: 'y' } }))
        .status,
    ).toBe(404);
  });

  it('advises on the kind of goal with rule ids, citations and an if-then plan', async () => {
    const advice = await call<{ recommendation: string; reasons: Json[]; ifThen: Json[]; milestones: boolean }>(
      ann,
      'POST',
      '/api/v1/advisor',
      answers,
    );
    expect(advice.recommendation).toBe('learningGoal');
    expect(advice.reasons.map((r) => r.ruleId)).toEqual(['R1', 'R3', 'R8']);
    expect(advice.reasons[0]).toMatchObject({ citation: expect.stringContaining('Winters & Latham 1996') });
    expect(advice.ifThen.length).toBeGreaterThanOrEqual(1);
    expect(advice.milestones).toBe(true);
    const { control: _, ...missing } = answers;
    await expect400(t, ann, 'POST', '/api/v1/advisor', missing, 'control');
    await expect400(t, ann, 'POST', '/api/v1/advisor', { ...answers, why: 'money' }, 'why');

    const g = await create(performance);
    const onGoal = await call<{ goalKind: string; keep: boolean; explanation: string; recommendation: string }>(
      ann,
      'POST',
      `/api/v1/goals/${g.id}/advice`,
      answers,
    );
    expect(onGoal).toMatchObject({ goalKind: 'performance', keep: false, recommendation: 'learningGoal' });
    expect(onGoal.explanation).toMatch(/^This is a performance goal, but .*\(R1, R3\).*learning goal/);
    const fits = await call<{ keep: boolean; explanation: string }>(ann, 'POST', `/api/v1/goals/${g.id}/advice`, {
      ...answers,
      control: 'high',
      novelty: 'familiar',
      context: 'stable',
      capability: 'solid',
    });
    expect(fits.keep).toBe(true);
    expect(fits.explanation).toContain('This is a performance goal, and your answers support keeping it');
  });

  it("hides another person's goals behind 404", async () => {
    const g = await create(learning);
    await expectAll404(t, bob, [
      ['GET', `/api/v1/goals/${g.id}`],
      ['PATCH', `/api/v1/goals/${g.id}`, { reason: 'mine', title: 'Mine' }],
      ['DELETE', `/api/v1/goals/${g.id}?confirm=true`],
      ['GET', `/api/v1/goals/${g.id}/revisions`],
      ['POST', `/api/v1/goals/${g.id}/advice`, answers],
    ]);
    expect((await call<{ goal: Goal }>(ann, 'GET', `/api/v1/goals/${g.id}`)).goal.title).toBe('Learn to delegate');
  });
});
