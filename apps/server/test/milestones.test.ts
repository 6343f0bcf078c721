import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, expect400, expectAll404, type Json, movableClock } from './discovery-support.ts';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Milestone = { id: string; title: string; targetDate: string; status: string; changes: Json[] } & Json;
type MilestoneMap = { original: Json[]; current: Milestone[]; dropped: Milestone[] };

describe.each(testDialects())('milestone maps on $name', (dialect) => {
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

  const goal = async () =>
    (
      await call<{ goal: { id: string } }>(
        ann,
        'POST',
        '/api/v1/goals',
        { kind: 'learning', title: 'Give a conference talk', whatToLearn: 'Public speaking' },
        201,
      )
    ).goal;
  const add = async (body: Json) =>
    (await call<{ milestone: Milestone }>(ann, 'POST', '/api/v1/milestones', body, 201)).milestone;

  it('keeps the original plan beside the current one as checkpoints move, change and drop', async () => {
    const g = await goal();
    const a = await add({ goalId: g.id, title: 'Submit the proposal', targetDate: '2027-01-15' });
    const b = await add({ goalId: g.id, title: 'Dry run at work', targetDate: '2027-03-01' });
    const c = await add({ goalId: g.id, title: 'Record a practice video', targetDate: '2027-02-01' });

    const moved = await call<{ milestone: Milestone }>(ann, 'PATCH', `/api/v1/milestones/${a.id}`, {
      targetDate: '2027-02-10',
      reason: 'The call for papers moved',
    });
    expect(moved.milestone).toMatchObject({
      targetDate: '2027-02-10',
      original: { title: 'Submit the proposal', targetDate: '2027-01-15' },
      changes: [
        {
          kind: 'moved',
          before: { targetDate: '2027-01-15', status: 'open' },
          after: { targetDate: '2027-02-10', status: 'open' },
          reason: 'The call for papers moved',
        },
      ],
    });
    const renamed = await call<{ milestone: Milestone }>(ann, 'PATCH', `/api/v1/milestones/${b.id}`, {
      title: 'Dry run at the meetup',
      reason: 'A friendlier audience first',
    });
    expect(renamed.milestone.changes[0]).toMatchObject({
      kind: 'changed',
      before: { title: 'Dry run at work' },
      after: { title: 'Dry run at the meetup' },
    });
    const dropped = await call<{ milestone: Milestone }>(ann, 'POST', `/api/v1/milestones/${c.id}/drop`, {
      reason: 'The dry run covers it',
    });
    expect(dropped.milestone).toMatchObject({
      status: 'dropped',
      changes: [{ kind: 'dropped', reason: 'The dry run covers it' }],
    });
    const reached = await call<{ milestone: Milestone }>(ann, 'POST', `/api/v1/milestones/${b.id}/reach`);
    expect(reached.milestone.status).toBe('reached');

    const map = await call<MilestoneMap>(ann, 'GET', `/api/v1/milestones?goalId=${g.id}`);
    expect(map.original).toEqual([
      { id: a.id, title: 'Submit the proposal', targetDate: '2027-01-15' },
      { id: c.id, title: 'Record a practice video', targetDate: '2027-02-01' },
      { id: b.id, title: 'Dry run at work', targetDate: '2027-03-01' },
    ]);
    expect(map.current.map((m) => [m.title, m.targetDate, m.status])).toEqual([
      ['Submit the proposal', '2027-02-10', 'open'],
      ['Dry run at the meetup', '2027-03-01', 'reached'],
    ]);
    expect(map.dropped.map((m) => m.id)).toEqual([c.id]);

    const conflictRes = await t.call('PATCH', `/api/v1/milestones/${c.id}`, {
      cookie: ann.cookie,
      body: { targetDate: '2027-05-01', reason: 'x' },
    });
    expect(conflictRes.status).toBe(409);

    // "Reached" by mistake is undone: open again, both steps kept; only a reached one reopens.
    const reopened = await call<{ milestone: Milestone }>(ann, 'POST', `/api/v1/milestones/${b.id}/reopen`);
    expect(reopened.milestone.status).toBe('open');
    expect(reopened.milestone.changes).toMatchObject([
      { kind: 'changed', before: { status: 'open' }, after: { status: 'open' } },
      { kind: 'reached', before: { status: 'open' }, after: { status: 'reached' } },
      { kind: 'reopened', before: { status: 'reached' }, after: { status: 'open' } },
    ]);
    for (const id of [b.id, c.id]) {
      const again = await t.call('POST', `/api/v1/milestones/${id}/reopen`, { cookie: ann.cookie });
      expect(again.status).toBe(409);
      expect(again.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');
    }
    expect(
      (await call<{ milestone: Milestone }>(ann, 'POST', `/api/v1/milestones/${b.id}/reach`)).milestone.status,
    ).toBe('reached');
  });

  it('maps a direction too, and names the field for bad input', async () => {
    const d = (await call<{ direction: { id: string } }>(ann, 'POST', '/api/v1/directions', { name: 'A speaker' }, 201))
      .direction;
    await add({ directionId: d.id, title: 'First meetup talk', targetDate: '2027-02-01' });
    const map = await call<MilestoneMap>(ann, 'GET', `/api/v1/milestones?directionId=${d.id}`);
    expect(map.current.map((m) => m.directionId)).toEqual([d.id]);

    const g = await goal();
    await expect400(t, ann, 'POST', '/api/v1/milestones', { title: 'x', targetDate: '2027-01-01' }, 'goalId');
    await expect400(
      t,
      ann,
      'POST',
      '/api/v1/milestones',
      { goalId: g.id, directionId: d.id, title: 'x', targetDate: '2027-01-01' },
      'goalId',
    );
    await expect400(
      t,
      ann,
      'POST',
      '/api/v1/milestones',
      { goalId: 'nope', title: 'x', targetDate: '2027-01-01' },
      'goalId',
    );
    await expect400(
      t,
      ann,
      'POST',
      '/api/v1/milestones',
      { goalId: g.id, title: 'x', targetDate: '2027-02-30' },
      'targetDate',
    );
    await expect400(
      t,
      ann,
      'POST',
      '/api/v1/milestones',
      { goalId: g.id, title: '', targetDate: '2027-01-01' },
      'title',
    );
    const m = await add({ goalId: g.id, title: 'x', targetDate: '2027-01-01' });
    await expect400(t, ann, 'PATCH', `/api/v1/milestones/${m.id}`, { targetDate: '2027-02-01' }, 'reason');
    await expect400(t, ann, 'POST', `/api/v1/milestones/${m.id}/drop`, {}, 'reason');
    await expect400(t, ann, 'GET', '/api/v1/milestones', undefined, 'goalId');
  });

  it("hides another person's checkpoints and maps behind 404 (or 400 for a map of a goal that is not theirs)", async () => {
    const g = await goal();
    const m = await add({ goalId: g.id, title: 'Private', targetDate: '2027-01-01' });
    await expectAll404(t, bob, [
      ['GET', `/api/v1/milestones/${m.id}`],
      ['PATCH', `/api/v1/milestones/${m.id}`, { targetDate: '2027-02-01', reason: 'mine' }],
      ['POST', `/api/v1/milestones/${m.id}/drop`, { reason: 'mine' }],
      ['POST', `/api/v1/milestones/${m.id}/reach`],
      ['POST', `/api/v1/milestones/${m.id}/reopen`],
    ]);
    await expect400(t, bob, 'GET', `/api/v1/milestones?goalId=${g.id}`, undefined, 'goalId');
    await expect400(
      t,
      bob,
      'POST',
      '/api/v1/milestones',
      { goalId: g.id, title: 'x', targetDate: '2027-01-01' },
      'goalId',
    );
  });
});
