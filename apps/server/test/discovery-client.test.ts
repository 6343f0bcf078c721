// The typed client's discovery methods against the real server: every method once, so the paths,
// bodies and response schemas the web app and the CLI rely on are proven on both databases.
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server workspace does not depend on the client; the test reaches it by path.
import { createClient, TackApiError, type TackClient } from '../../../packages/client/src/index.ts';
import { movableClock } from './discovery-support.ts';
import { startTestServer, type TestServer } from './support.ts';

describe.each(testDialects())('client discovery methods on $name', (dialect) => {
  let t: TestServer;
  let c: TackClient;
  const clock = movableClock();

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
    const person = await t.signUp('Client');
    c = createClient({
      baseUrl: t.url,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie: person.cookie } }),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('directions, experiments and learnings', async () => {
    const d = await c.directions.create({ name: 'A runner' });
    const withAnswer = await c.directions.addAnswer(d.id, 'Run twice');
    const answerId = withAnswer.answers[0]!.id;
    const { practice, direction } = await c.directions.answerToPractice(d.id, answerId, {
      frequency: { kind: 'times', times: 2, days: 7 },
    });
    expect(direction.answers[0]?.practiceId).toBe(practice.id);
    expect((await c.directions.update(d.id, { description: 'Easy pace' })).description).toBe('Easy pace');
    expect((await c.directions.list()).map((x) => x.id)).toEqual([d.id]);
    expect((await c.directions.get(d.id)).name).toBe('A runner');

    const e = await c.experiments.create({
      directionId: d.id,
      hypothesis: 'It energises me',
      practiceIds: [practice.id],
    });
    const err = await c.experiments.create({ directionId: d.id, hypothesis: 'Another' }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(TackApiError);
    expect(err).toMatchObject({ status: 409, code: 'CONFLICT', details: { currentExperimentId: e.id } });
    await c.experiments.update(e.id, { lengthWeeks: 4 });
    await c.experiments.addNote(e.id, { tag: 'energises', text: 'Fresh air' });
    expect((await c.experiments.get(e.id)).notes).toHaveLength(1);
    expect(await c.experiments.list({ directionId: d.id })).toHaveLength(1);
    const result = await c.experiments.decide(e.id, {
      verdict: 'adjust',
      learned: 'Twice is enough',
      changes: { hypothesis: 'Three times energises me more' },
    });
    expect(result.next?.hypothesis).toBe('Three times energises me more');
    expect((await c.learnings()).map((l) => l.verdict)).toEqual(['adjust']);
    await c.experiments.remove(result.next!.id);
    await c.directions.removeAnswer(d.id, answerId);
    const confirmErr = await c.directions.remove(d.id).catch((x: unknown) => x);
    expect(confirmErr).toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect((await c.directions.remove(d.id, { confirm: true })).deletedAt).not.toBeNull();
  });

  it('goals, the advisor, intentions', async () => {
    const g = await c.goals.create({ kind: 'learning', title: 'Delegate', whatToLearn: 'Handing over outcomes' });
    const changed = await c.goals.update(g.id, {
      reason: 'Tried it',
      strategies: [{ text: 'Agree outcomes', tried: true }],
    });
    expect(changed.revisions).toBe(1);
    expect((await c.goals.revisions(g.id)).map((r) => r.number)).toEqual([0, 1]);
    expect(await c.goals.list({ kind: 'learning' })).toHaveLength(1);
    expect((await c.goals.get(g.id)).title).toBe('Delegate');
    const answers = {
      control: 'low',
      novelty: 'new',
      context: 'stable',
      capability: 'none',
      why: 'ownValues',
      structure: 'neutral',
    } as const;
    expect((await c.advisor.advise(answers)).recommendation).toBe('experimentFirst');
    expect((await c.goals.advice(g.id, answers)).goalKind).toBe('learning');

    const i = await c.intentions.create({ statement: 'Lead with curiosity', goalIds: [g.id] });
    await c.intentions.update(i.id, { horizon: { kind: 'quarter', quarter: '2026-Q4' } });
    await c.intentions.putWeek(i.id, '2026-W47', 'Asked why twice');
    expect((await c.intentions.weeks(i.id)).map((w) => w.isoWeek)).toEqual(['2026-W47']);
    expect((await c.intentions.get(i.id)).horizon).toEqual({ kind: 'quarter', quarter: '2026-Q4' });
    expect(await c.intentions.list()).toHaveLength(1);
    await c.intentions.remove(i.id, { confirm: true });
    await c.goals.remove(g.id, { confirm: true });
  });

  it('chains and milestone maps', async () => {
    const chain = await c.chains.create({ thisWeek: 'Write one page' });
    const two = await c.chains.addStep(chain.id, 'Outline');
    const outline = two.steps[0]!;
    await c.chains.updateStep(chain.id, outline.id, { task: true, done: true });
    const made = await c.chains.stepToPractice(chain.id, two.steps[1]!.id, {
      frequency: { kind: 'interval', everyDays: 2 },
    });
    expect(made.chain.steps[1]?.practiceId).toBe(made.practice.id);
    expect((await c.chains.get(chain.id)).timeline.at(-1)?.isoWeek).toBe('2026-W47');
    await c.chains.removeStep(chain.id, outline.id);
    expect(await c.chains.list()).toHaveLength(1);
    await c.chains.remove(chain.id);

    const d = await c.directions.create({ name: 'A speaker' });
    const m = await c.milestones.create({ directionId: d.id, title: 'First talk', targetDate: '2027-02-01' });
    await c.milestones.update(m.id, { targetDate: '2027-03-01', reason: 'Later meetup' });
    const m2 = await c.milestones.create({ directionId: d.id, title: 'Second talk', targetDate: '2027-05-01' });
    await c.milestones.drop(m2.id, 'One is enough for now');
    await c.milestones.reach(m.id);
    const map = await c.milestones.map({ directionId: d.id });
    expect(map.original.map((x) => x.targetDate)).toEqual(['2027-02-01', '2027-05-01']);
    expect(map.current.map((x) => [x.targetDate, x.status])).toEqual([['2027-03-01', 'reached']]);
    expect((await c.milestones.get(m2.id)).status).toBe('dropped');
  });
});
