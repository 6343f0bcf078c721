import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, expect400, expectAll404, type Json, movableClock } from './discovery-support.ts';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Direction = { id: string; answers: { id: string; text: string; practiceId: string | null }[] } & Json;
type Experiment = {
  id: string;
  status: string;
  decisionDate: string;
  midpointDate: string;
  notes: { tag: string; date: string }[];
  verdict: Json | null;
} & Json;

describe.each(testDialects())('directions and experiments on $name', (dialect) => {
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

  const direction = async (name = 'A runner') =>
    (await call<{ direction: Direction }>(ann, 'POST', '/api/v1/directions', { name }, 201)).direction;
  const practice = async (name: string) =>
    (
      await call<{ practice: { id: string } }>(
        ann,
        'POST',
        '/api/v1/practices',
        { name, frequency: { kind: 'times', times: 3, days: 7 } },
        201,
      )
    ).practice;

  it('holds answers to "what would such a person do this week?" and turns one into a practice in one step', async () => {
    const d = await direction('Someone who runs marathons');
    expect(d).toMatchObject({ question: 'What would such a person do this week?', answers: [], description: null });
    const withAnswer = await call<{ direction: Direction }>(
      ann,
      'POST',
      `/api/v1/directions/${d.id}/answers`,
      { text: 'Run three easy 5 km loops' },
      201,
    );
    const answer = withAnswer.direction.answers[0]!;
    expect(answer).toMatchObject({ text: 'Run three easy 5 km loops', practiceId: null });

    const made = await call<{ practice: { id: string; name: string; schedule: Json }; direction: Direction }>(
      ann,
      'POST',
      `/api/v1/directions/${d.id}/answers/${answer.id}/practice`,
      { frequency: { kind: 'times', times: 3, days: 7 } },
      201,
    );
    expect(made.practice).toMatchObject({
      name: 'Run three easy 5 km loops',
      schedule: { frequency: { kind: 'times', times: 3, days: 7 } },
    });
    expect(made.direction.answers[0]?.practiceId).toBe(made.practice.id);
    // The practice is a real one, listed with the others.
    const listed = await call<{ practices: { id: string }[] }>(ann, 'GET', '/api/v1/practices');
    expect(listed.practices.map((p) => p.id)).toContain(made.practice.id);
    // Twice is a conflict, not a second practice.
    const again = await t.call('POST', `/api/v1/directions/${d.id}/answers/${answer.id}/practice`, {
      cookie: ann.cookie,
      body: { frequency: { kind: 'times', times: 1, days: 1 } },
    });
    expect(again.status).toBe(409);
    await expect400(t, ann, 'POST', `/api/v1/directions/${d.id}/answers/${answer.id}/practice`, {}, 'frequency');
    await expect400(t, ann, 'POST', '/api/v1/directions', { name: '' }, 'name');
    await expect400(t, ann, 'POST', `/api/v1/directions/${d.id}/answers`, { text: ' ' }, 'text');
    // The same answer twice (a double submit, or other spacing and case) is refused, not kept twice.
    await expect400(
      t,
      ann,
      'POST',
      `/api/v1/directions/${d.id}/answers`,
      { text: 'run three  easy 5 km LOOPS' },
      'text',
    );

    const renamed = await call<{ direction: Direction }>(ann, 'PATCH', `/api/v1/directions/${d.id}`, {
      name: 'A marathon runner',
      description: 'Calm, consistent',
    });
    expect(renamed.direction).toMatchObject({ name: 'A marathon runner', description: 'Calm, consistent' });
    const removed = await call<{ direction: Direction }>(
      ann,
      'DELETE',
      `/api/v1/directions/${d.id}/answers/${answer.id}`,
    );
    expect(removed.direction.answers).toEqual([]);
    // The practice made from it stays.
    await call(ann, 'GET', `/api/v1/practices/${made.practice.id}`);
  });

  it('times an experiment: six weeks by default, mid-point and decision date derived; 1 to 26 weeks', async () => {
    const d = await direction();
    const p = await practice('Run');
    const e = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'Running three times a week energises me', practiceIds: [p.id] },
        201,
      )
    ).experiment;
    expect(e).toMatchObject({
      startDate: '2026-11-21',
      lengthWeeks: 6,
      midpointDate: '2026-12-12',
      decisionDate: '2027-01-02',
      status: 'running',
      practiceIds: [p.id],
      verdict: null,
    });
    const other = await direction('A painter');
    for (const lengthWeeks of [0, 27, 2.5]) {
      await expect400(
        t,
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: other.id, hypothesis: 'x', lengthWeeks },
        'lengthWeeks',
      );
    }
    await expect400(t, ann, 'POST', '/api/v1/experiments', { directionId: other.id, hypothesis: '' }, 'hypothesis');
    await expect400(t, ann, 'POST', '/api/v1/experiments', { directionId: 'nope', hypothesis: 'x' }, 'directionId');
    await expect400(
      t,
      ann,
      'POST',
      '/api/v1/experiments',
      { directionId: other.id, hypothesis: 'x', practiceIds: [p.id, 'nope'] },
      'practiceIds.1',
    );
    const one = await call<{ experiment: Experiment }>(
      ann,
      'POST',
      '/api/v1/experiments',
      { directionId: other.id, hypothesis: 'Short', lengthWeeks: 1, startDate: '2026-11-23' },
      201,
    );
    expect(one.experiment).toMatchObject({ decisionDate: '2026-11-30', status: 'planned' });
    const max = await call<{ experiment: Experiment }>(
      ann,
      'POST',
      '/api/v1/experiments',
      { directionId: (await direction('Long')).id, hypothesis: 'Long', lengthWeeks: 26 },
      201,
    );
    expect(max.experiment.decisionDate).toBe('2027-05-22');
  });

  it('refuses a second experiment in a direction before the decision date, naming the current one', async () => {
    const d = await direction();
    const first = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'First' },
        201,
      )
    ).experiment;
    const res = await t.call('POST', '/api/v1/experiments', {
      cookie: ann.cookie,
      body: { directionId: d.id, hypothesis: 'Second', startDate: '2027-01-01' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: 'CONFLICT', details: { currentExperimentId: first.id, decisionDate: '2027-01-02' } },
    });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/decide it now/i);
    // On the decision date it may start; and after deciding now, at once.
    await call(
      ann,
      'POST',
      '/api/v1/experiments',
      { directionId: d.id, hypothesis: 'Then', startDate: '2027-01-02' },
      201,
    );
    const d2 = await direction();
    const e2 = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d2.id, hypothesis: 'A' },
        201,
      )
    ).experiment;
    await call(ann, 'POST', `/api/v1/experiments/${e2.id}/verdict`, { verdict: 'letGo', learned: 'Not for me' });
    await call(ann, 'POST', '/api/v1/experiments', { directionId: d2.id, hypothesis: 'B' }, 201);
  });

  it('keeps one run at a time when an overdue experiment is adjusted or lengthened; starts within a year', async () => {
    const d = await direction();
    // Started in the past: its decision date (2026-11-12) has passed without a verdict.
    const overdue = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'Overdue', startDate: '2026-10-01' },
        201,
      )
    ).experiment;
    const current = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'Current' },
        201,
      )
    ).experiment;
    // Adjusting the overdue one would start a second run beside the current one.
    const adjust = await t.call('POST', `/api/v1/experiments/${overdue.id}/verdict`, {
      cookie: ann.cookie,
      body: { verdict: 'adjust', learned: 'Shorter runs' },
    });
    expect(adjust.status, adjust.text).toBe(409);
    expect(adjust.body).toMatchObject({ error: { code: 'CONFLICT', details: { currentExperimentId: current.id } } });
    // Lengthening it into the current one's run is refused too, naming where it would have to stop.
    const longer = await t.call('PATCH', `/api/v1/experiments/${overdue.id}`, {
      cookie: ann.cookie,
      body: { lengthWeeks: 12 },
    });
    expect(longer.status, longer.text).toBe(409);
    expect(longer.json<{ error: { message: string } }>().error.message).toContain(current.startDate);
    // Nothing changed: still undecided, still six weeks; letting it go works.
    const still = (await call<{ experiment: Experiment }>(ann, 'GET', `/api/v1/experiments/${overdue.id}`)).experiment;
    expect(still).toMatchObject({ lengthWeeks: 6, verdict: null });
    await call(ann, 'POST', `/api/v1/experiments/${overdue.id}/verdict`, {
      verdict: 'letGo',
      learned: 'Ran its course',
    });
    // An experiment is planned for the coming year at most, and dates stay within 2000–2999.
    const d2 = await direction();
    for (const startDate of ['2027-11-22', '9999-12-01', '1999-12-31']) {
      const body = { directionId: d2.id, hypothesis: 'x', startDate };
      await expect400(t, ann, 'POST', '/api/v1/experiments', body, 'startDate');
    }
    expect(
      (await call<{ experiments: unknown[] }>(ann, 'GET', '/api/v1/experiments')).experiments.length,
    ).toBeGreaterThan(0);
  });

  it('takes energises/drains notes while it runs, and a verdict only from the start date', async () => {
    const d = await direction();
    const e = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'Mornings', startDate: '2026-11-16' },
        201,
      )
    ).experiment;
    const url = `/api/v1/experiments/${e.id}`;
    await call(ann, 'POST', `${url}/notes`, { tag: 'energises', text: 'Loved the quiet', date: '2026-11-17' }, 201);
    const noted = await call<{ experiment: Experiment }>(
      ann,
      'POST',
      `${url}/notes`,
      { tag: 'drains', text: 'Cold' },
      201,
    );
    expect(noted.experiment.notes).toMatchObject([
      { tag: 'energises', date: '2026-11-17' },
      { tag: 'drains', date: '2026-11-21' },
    ]);
    await expect400(t, ann, 'POST', `${url}/notes`, { tag: 'meh', text: 'x' }, 'tag');
    await expect400(t, ann, 'POST', `${url}/notes`, { tag: 'drains', text: 'x', date: '2026-11-15' }, 'date');
    await expect400(t, ann, 'POST', `${url}/notes`, { tag: 'drains', text: 'x', date: '2026-11-22' }, 'date');
    await expect400(
      t,
      ann,
      'POST',
      `${url}/verdict`,
      { verdict: 'letGo', learned: 'x', decidedOn: '2026-11-15' },
      'decidedOn',
    );
    await expect400(t, ann, 'POST', `${url}/verdict`, { verdict: 'letGo' }, 'learned');
    await expect400(t, ann, 'POST', `${url}/verdict`, { verdict: 'quit', learned: 'x' }, 'verdict');
    await expect400(t, ann, 'POST', `${url}/verdict`, { verdict: 'letGo', learned: 'x', changes: {} }, 'changes');
    await expect400(
      t,
      ann,
      'POST',
      `${url}/verdict`,
      { verdict: 'deepen', learned: 'x', goal: { kind: 'performance', title: 'x' } },
      'goal.metric',
    );
    await expect400(
      t,
      ann,
      'POST',
      `${url}/verdict`,
      {
        verdict: 'deepen',
        learned: 'x',
        goal: { kind: 'learning', title: 'x', whatToLearn: 'y', intentionId: 'nope' },
      },
      'goal.intentionId',
    );
    // A refused verdict changes nothing: the experiment is still undecided.
    expect((await call<{ experiment: Experiment }>(ann, 'GET', url)).experiment.verdict).toBeNull();

    const planned = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: (await direction()).id, hypothesis: 'Later', startDate: '2026-12-01' },
        201,
      )
    ).experiment;
    // Today (2026-11-21) is before its start: a verdict now names the field.
    await expect400(
      t,
      ann,
      'POST',
      `/api/v1/experiments/${planned.id}/verdict`,
      { verdict: 'deepen', learned: 'x' },
      'decidedOn',
    );
  });

  it('corrects or removes a note, also after the verdict; another person gets 404', async () => {
    const d = await direction();
    const e = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'Evenings', startDate: '2026-11-16' },
        201,
      )
    ).experiment;
    const url = `/api/v1/experiments/${e.id}`;
    await call(ann, 'POST', `${url}/notes`, { tag: 'drains', text: 'Typo hre', date: '2026-11-17' }, 201);
    const two = await call<{ experiment: Experiment & { notes: { id: string; text: string }[] } }>(
      ann,
      'POST',
      `${url}/notes`,
      { tag: 'energises', text: 'Calm' },
      201,
    );
    const [first, second] = two.experiment.notes;
    if (!first || !second) throw new Error('expected two notes');
    const retagged = await call<{ experiment: Experiment }>(ann, 'PATCH', `${url}/notes/${first.id}`, {
      tag: 'energises',
      text: 'Typo here',
    });
    expect(retagged.experiment.notes).toMatchObject([
      { id: first.id, tag: 'energises', text: 'Typo here', date: '2026-11-17' },
      { id: second.id, tag: 'energises', text: 'Calm' },
    ]);
    await expect400(t, ann, 'PATCH', `${url}/notes/${first.id}`, { tag: 'meh' }, 'tag');
    await expect400(t, ann, 'PATCH', `${url}/notes/${first.id}`, { text: '' }, 'text');
    // Nothing to change: the note stays as it was.
    const same = await call<{ experiment: Experiment }>(ann, 'PATCH', `${url}/notes/${first.id}`, {});
    expect(same.experiment.notes[0]).toMatchObject({ tag: 'energises', text: 'Typo here' });
    await expectAll404(t, bob, [
      ['PATCH', `${url}/notes/${first.id}`, { text: 'mine now' }],
      ['DELETE', `${url}/notes/${first.id}`],
    ]);
    await expectAll404(t, ann, [
      ['PATCH', `${url}/notes/nope`, { text: 'x' }],
      ['DELETE', `${url}/notes/nope`],
    ]);

    await call(ann, 'POST', `${url}/verdict`, { verdict: 'letGo', learned: 'Evenings are for rest' });
    const removed = await call<{ experiment: Experiment }>(ann, 'DELETE', `${url}/notes/${second.id}`);
    expect(removed.experiment.notes).toMatchObject([{ id: first.id, text: 'Typo here' }]);
    const learned = await call<{ learnings: { experimentId: string; energises: number; drains: number }[] }>(
      ann,
      'GET',
      '/api/v1/learnings',
    );
    expect(learned.learnings.find((l) => l.experimentId === e.id)).toMatchObject({ energises: 1, drains: 0 });
    await call(ann, 'DELETE', `${url}/notes/${second.id}`, undefined, 404);
  });

  it('records each verdict: deepen with a goal, adjust into a pre-filled new experiment, letGo as a discovery', async () => {
    const d = await direction('A writer');
    const p1 = await practice('Write 200 words');
    const p2 = await practice('Read fiction');
    const create = async (hypothesis: string, dir = d.id) =>
      (
        await call<{ experiment: Experiment }>(
          ann,
          'POST',
          '/api/v1/experiments',
          { directionId: dir, hypothesis, practiceIds: [p1.id], startDate: '2026-10-01' },
          201,
        )
      ).experiment;

    const deep = await create('Writing daily energises me');
    const deepened = await call<{ experiment: Experiment; next: null; goalId: string }>(
      ann,
      'POST',
      `/api/v1/experiments/${deep.id}/verdict`,
      {
        verdict: 'deepen',
        learned: 'Mornings work, evenings do not',
        goal: { kind: 'learning', title: 'Learn to structure essays', whatToLearn: 'Essay structure' },
      },
    );
    expect(deepened.experiment).toMatchObject({
      status: 'decided',
      verdict: { verdict: 'deepen', decidedOn: '2026-11-21', goalId: deepened.goalId, nextExperimentId: null },
    });
    const goal = await call<{ goal: Json }>(ann, 'GET', `/api/v1/goals/${deepened.goalId}`);
    expect(goal.goal).toMatchObject({ kind: 'learning', status: 'exploring', directionId: d.id });
    // Deciding twice is a conflict.
    const twice = await t.call('POST', `/api/v1/experiments/${deep.id}/verdict`, {
      cookie: ann.cookie,
      body: { verdict: 'letGo', learned: 'x' },
    });
    expect(twice.status).toBe(409);

    const adj = await create('Writing at night', (await direction('B')).id);
    const adjusted = await call<{ experiment: Experiment; next: Experiment }>(
      ann,
      'POST',
      `/api/v1/experiments/${adj.id}/verdict`,
      { verdict: 'adjust', learned: 'Too tired at night', changes: { practiceIds: [p2.id], lengthWeeks: 4 } },
    );
    expect(adjusted.next).toMatchObject({
      hypothesis: 'Writing at night',
      practiceIds: [p2.id],
      lengthWeeks: 4,
      startDate: '2026-11-21',
      decisionDate: '2026-12-19',
      previousExperimentId: adj.id,
      status: 'running',
    });
    expect(adjusted.experiment.verdict).toMatchObject({ verdict: 'adjust', nextExperimentId: adjusted.next.id });

    const gone = await create('Poetry', (await direction('C')).id);
    await call(
      ann,
      'POST',
      `/api/v1/experiments/${gone.id}/notes`,
      { tag: 'drains', text: 'Forced', date: '2026-10-02' },
      201,
    );
    await call(ann, 'POST', `/api/v1/experiments/${gone.id}/verdict`, {
      verdict: 'letGo',
      learned: 'Poetry is not my form',
      decidedOn: '2026-11-01',
    });

    const { learnings } = await call<{ learnings: Json[] }>(ann, 'GET', '/api/v1/learnings');
    const mine = learnings.filter((l) => [deep.id, adj.id, gone.id].includes(String(l.experimentId)));
    // Newest decision first: the two decided today, then the one let go on 2026-11-01.
    expect(
      mine
        .map((l) => l.verdict)
        .slice(0, 2)
        .sort(),
    ).toEqual(['adjust', 'deepen']);
    expect(mine.map((l) => l.decidedOn)).toEqual(['2026-11-21', '2026-11-21', '2026-11-01']);
    expect(mine.find((l) => l.verdict === 'letGo')).toMatchObject({
      learned: 'Poetry is not my form',
      decidedOn: '2026-11-01',
      drains: 1,
      energises: 0,
      completedDiscovery: true,
      directionName: 'C',
    });
    expect((await call<{ learnings: unknown[] }>(bob, 'GET', '/api/v1/learnings')).learnings).toEqual([]);
  });

  it("hides another person's directions and experiments behind 404; deletes with history need confirmation", async () => {
    const d = await direction('Private');
    const withAnswer = await call<{ direction: Direction }>(
      ann,
      'POST',
      `/api/v1/directions/${d.id}/answers`,
      { text: 'x' },
      201,
    );
    const answerId = withAnswer.direction.answers[0]!.id;
    const e = (
      await call<{ experiment: Experiment }>(
        ann,
        'POST',
        '/api/v1/experiments',
        { directionId: d.id, hypothesis: 'h' },
        201,
      )
    ).experiment;
    await call(ann, 'POST', `/api/v1/experiments/${e.id}/notes`, { tag: 'energises', text: 'yes' }, 201);
    await expectAll404(t, bob, [
      ['GET', `/api/v1/directions/${d.id}`],
      ['PATCH', `/api/v1/directions/${d.id}`, { name: 'Mine' }],
      ['DELETE', `/api/v1/directions/${d.id}?confirm=true`],
      ['POST', `/api/v1/directions/${d.id}/answers`, { text: 'x' }],
      ['DELETE', `/api/v1/directions/${d.id}/answers/${answerId}`],
      [
        'POST',
        `/api/v1/directions/${d.id}/answers/${answerId}/practice`,
        { frequency: { kind: 'interval', everyDays: 2 } },
      ],
      ['GET', `/api/v1/experiments/${e.id}`],
      ['PATCH', `/api/v1/experiments/${e.id}`, { hypothesis: 'Mine' }],
      ['DELETE', `/api/v1/experiments/${e.id}?confirm=true`],
      ['POST', `/api/v1/experiments/${e.id}/notes`, { tag: 'drains', text: 'x' }],
      ['POST', `/api/v1/experiments/${e.id}/verdict`, { verdict: 'letGo', learned: 'x' }],
    ]);
    // Bob cannot start an experiment in Ann's direction either.
    await expect400(t, bob, 'POST', '/api/v1/experiments', { directionId: d.id, hypothesis: 'h' }, 'directionId');
    expect((await call<{ directions: unknown[] }>(bob, 'GET', '/api/v1/directions')).directions).toEqual([]);
    expect((await call<{ experiments: unknown[] }>(bob, 'GET', '/api/v1/experiments')).experiments).toEqual([]);

    for (const url of [`/api/v1/experiments/${e.id}`, `/api/v1/directions/${d.id}`]) {
      const res = await t.call('DELETE', url, { cookie: ann.cookie });
      expect(res.status, url).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'CONFIRMATION_REQUIRED' } });
    }
    const gone = await call<{ experiment: Experiment }>(ann, 'DELETE', `/api/v1/experiments/${e.id}?confirm=true`);
    expect(gone.experiment.deletedAt).not.toBeNull();
    await call(ann, 'DELETE', `/api/v1/directions/${d.id}?confirm=true`);
    // Soft: still readable by id (with deletedAt), gone from the list, closed to changes.
    const deleted = await call<{ direction: Direction }>(ann, 'GET', `/api/v1/directions/${d.id}`);
    expect(deleted.direction.deletedAt).not.toBeNull();
    const listed = await call<{ directions: Direction[] }>(ann, 'GET', '/api/v1/directions');
    expect(listed.directions.map((x) => x.id)).not.toContain(d.id);
    const closed = await t.call('PATCH', `/api/v1/directions/${d.id}`, { cookie: ann.cookie, body: { name: 'Back' } });
    expect(closed.status).toBe(404);
    // A fresh direction (no history) deletes without confirmation.
    await call(ann, 'DELETE', `/api/v1/directions/${(await direction('Fresh')).id}`);
  });
});
