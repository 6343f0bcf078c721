// Restoring soft-deleted discovery items (directions, experiments, goals, intentions, chains):
// `GET …?state=deleted` lists the owner's deleted ones, `POST …/:id/restore` brings one back as it was.
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, expectAll404, type Json, movableClock } from './discovery-support.ts';
import { type Person, startTestServer, type TestServer } from './support.ts';

type Item = { id: string; deletedAt: string | null; updatedAt: string } & Json;

/** What a feature's item is called in bodies and lists, and how to make one with some history. */
interface Feature {
  path: string;
  one: string;
  many: string;
  make(who: Person): Promise<Item>;
}

/** The item without the fields a delete and a restore change. */
const content = ({ updatedAt: _u, deletedAt: _d, ...rest }: Item) => rest;

describe.each(testDialects())('restoring deleted discovery items on $name', (dialect) => {
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

  const post = async (who: Person, path: string, body: Json, key: string) =>
    (await call<Record<string, Item>>(who, 'POST', path, body, 201))[key]!;

  const features: Feature[] = [
    {
      path: '/api/v1/directions',
      one: 'direction',
      many: 'directions',
      async make(who) {
        const d = await post(who, '/api/v1/directions', { name: 'A runner', description: 'Out early' }, 'direction');
        return post(who, `/api/v1/directions/${d.id}/answers`, { text: 'Three easy loops' }, 'direction');
      },
    },
    {
      path: '/api/v1/experiments',
      one: 'experiment',
      many: 'experiments',
      async make(who) {
        const d = await post(who, '/api/v1/directions', { name: 'A writer' }, 'direction');
        const e = await post(
          who,
          '/api/v1/experiments',
          { directionId: d.id, hypothesis: 'Writing before breakfast energises me' },
          'experiment',
        );
        return post(who, `/api/v1/experiments/${e.id}/notes`, { tag: 'energises', text: 'Flowed' }, 'experiment');
      },
    },
    {
      path: '/api/v1/goals',
      one: 'goal',
      many: 'goals',
      async make(who) {
        const g = await post(
          who,
          '/api/v1/goals',
          {
            kind: 'learning',
            title: 'Learn to delegate',
            whatToLearn: 'Handing over whole outcomes',
            strategies: [{ text: 'Agree the outcome, not the steps' }],
          },
          'goal',
        );
        const body = { why: 'More time for the team', reason: 'Clearer now' };
        return (await call<{ goal: Item }>(who, 'PATCH', `/api/v1/goals/${g.id}`, body)).goal;
      },
    },
    {
      path: '/api/v1/intentions',
      one: 'intention',
      many: 'intentions',
      make: (who) =>
        post(who, '/api/v1/intentions', { statement: 'Be patient with the kids', why: 'They are small' }, 'intention'),
    },
    {
      path: '/api/v1/chains',
      one: 'chain',
      many: 'chains',
      async make(who) {
        const c = await post(who, '/api/v1/chains', { thisWeek: 'Write one page', title: 'The talk' }, 'chain');
        return post(who, `/api/v1/chains/${c.id}/steps`, { text: 'Outline it' }, 'chain');
      },
    },
  ];

  describe.each(features)('$many', (f) => {
    const list = async (who: Person, query = '') =>
      (await call<Record<string, Item[]>>(who, 'GET', `${f.path}${query}`))[f.many]!.map((x) => x.id);

    it('lists only the owner’s deleted items and restores one with its content intact', async () => {
      const kept = await f.make(ann);
      const item = await f.make(ann);
      const bobs = await f.make(bob);
      expect(await list(ann, '?state=deleted')).not.toContain(item.id);

      clock.set('2026-11-21T11:00:00Z');
      const gone = (await call<Record<string, Item>>(ann, 'DELETE', `${f.path}/${item.id}?confirm=true`))[f.one]!;
      expect(gone.deletedAt).not.toBeNull();
      await call(bob, 'DELETE', `${f.path}/${bobs.id}?confirm=true`);
      expect(await list(ann)).not.toContain(item.id);
      expect(await list(ann)).toContain(kept.id);
      // Only Ann's deleted ones, only deleted ones.
      expect(await list(ann, '?state=deleted')).toEqual(expect.arrayContaining([item.id]));
      expect(await list(ann, '?state=deleted')).not.toContain(kept.id);
      expect(await list(ann, '?state=deleted')).not.toContain(bobs.id);
      expect(await list(bob, '?state=deleted')).toContain(bobs.id);
      expect(await list(bob, '?state=deleted')).not.toContain(item.id);
      expect(await list(ann, '?state=live')).toContain(kept.id);

      // Another person's id is 404, and it stays deleted.
      await expectAll404(t, bob, [['POST', `${f.path}/${item.id}/restore`]]);
      expect(await list(ann, '?state=deleted')).toContain(item.id);

      clock.set('2026-11-21T12:00:00Z');
      const back = (await call<Record<string, Item>>(ann, 'POST', `${f.path}/${item.id}/restore`))[f.one]!;
      expect(back.deletedAt).toBeNull();
      expect(content(back)).toEqual(content(item));
      expect(await list(ann)).toContain(item.id);
      expect(await list(ann, '?state=deleted')).not.toContain(item.id);
      const fetched = (await call<Record<string, Item>>(ann, 'GET', `${f.path}/${item.id}`))[f.one]!;
      expect(fetched).toEqual(back);

      // Restoring what is not deleted returns it unchanged.
      clock.set('2026-11-21T13:00:00Z');
      const again = (await call<Record<string, Item>>(ann, 'POST', `${f.path}/${item.id}/restore`))[f.one]!;
      expect(again).toEqual(back);
      // Bob's own deleted item is still his to restore.
      await call(bob, 'POST', `${f.path}/${bobs.id}/restore`);
      expect(await list(bob)).toContain(bobs.id);
      clock.set('2026-11-21T10:00:00Z');
    });

    it('404s a restore of an id that does not exist and rejects an unknown state', async () => {
      await expectAll404(t, ann, [['POST', `${f.path}/00000000-0000-4000-8000-000000000000/restore`]]);
      const res = await t.call('GET', `${f.path}?state=gone`, { cookie: ann.cookie });
      expect(res.status).toBe(400);
    });
  });

  it('lists deleted items newest deletion first, and keeps the experiments and goals filters', async () => {
    const d = await post(ann, '/api/v1/directions', { name: 'First' }, 'direction');
    const d2 = await post(ann, '/api/v1/directions', { name: 'Second' }, 'direction');
    const e = await post(ann, '/api/v1/experiments', { directionId: d2.id, hypothesis: 'Filtered' }, 'experiment');
    clock.set('2026-11-21T14:00:00Z');
    await call(ann, 'DELETE', `/api/v1/directions/${d.id}`);
    clock.set('2026-11-21T15:00:00Z');
    await call(ann, 'DELETE', `/api/v1/directions/${d2.id}?confirm=true`);
    const { directions } = await call<{ directions: Item[] }>(ann, 'GET', '/api/v1/directions?state=deleted');
    expect(directions.map((x) => x.id).slice(0, 2)).toEqual([d2.id, d.id]);

    await call(ann, 'DELETE', `/api/v1/experiments/${e.id}`);
    const byDirection = await call<{ experiments: Item[] }>(
      ann,
      'GET',
      `/api/v1/experiments?state=deleted&directionId=${d2.id}`,
    );
    expect(byDirection.experiments.map((x) => x.id)).toEqual([e.id]);

    const g = await post(ann, '/api/v1/goals', { kind: 'learning', title: 'Sketch', whatToLearn: 'Lines' }, 'goal');
    await call(ann, 'DELETE', `/api/v1/goals/${g.id}`);
    const performance = await call<{ goals: Item[] }>(ann, 'GET', '/api/v1/goals?state=deleted&kind=performance');
    expect(performance.goals.map((x) => x.id)).not.toContain(g.id);
    const learning = await call<{ goals: Item[] }>(ann, 'GET', '/api/v1/goals?state=deleted&kind=learning');
    expect(learning.goals.map((x) => x.id)).toContain(g.id);
    clock.set('2026-11-21T10:00:00Z');
  });

  it('restores an experiment only when its direction is there and no other one runs in it', async () => {
    const d = await post(ann, '/api/v1/directions', { name: 'A writer' }, 'direction');
    const first = await post(ann, '/api/v1/experiments', { directionId: d.id, hypothesis: 'Mornings' }, 'experiment');
    await call(ann, 'DELETE', `/api/v1/experiments/${first.id}`);
    const second = await post(ann, '/api/v1/experiments', { directionId: d.id, hypothesis: 'Evenings' }, 'experiment');
    const busy = await t.call('POST', `/api/v1/experiments/${first.id}/restore`, { cookie: ann.cookie });
    expect(busy.status, busy.text).toBe(409);
    expect(busy.json<{ error: { details: Json } }>().error.details).toMatchObject({ currentExperimentId: second.id });

    await call(ann, 'DELETE', `/api/v1/experiments/${second.id}`);
    await call(ann, 'DELETE', `/api/v1/directions/${d.id}?confirm=true`);
    const orphan = await t.call('POST', `/api/v1/experiments/${first.id}/restore`, { cookie: ann.cookie });
    expect(orphan.status, orphan.text).toBe(409);
    expect(orphan.json<{ error: { message: string } }>().error.message).toMatch(/restore the direction first/);

    await call(ann, 'POST', `/api/v1/directions/${d.id}/restore`);
    const back = await call<{ experiment: Item }>(ann, 'POST', `/api/v1/experiments/${first.id}/restore`);
    expect(back.experiment).toMatchObject({ id: first.id, deletedAt: null, hypothesis: 'Mornings' });
  });
});
