import type { DirectionRecord, ExperimentRecord } from '@tack/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryStore, migrateToLatest, type OpenDatabase, openDatabase } from '../src/index.ts';
import { seedUser, testDialects } from '../src/testing.ts';

const at = '2026-11-21T10:00:00.000Z';
const direction = (id: string, userId: string): DirectionRecord => ({
  id,
  userId,
  version: 0,
  name: 'A runner',
  description: null,
  answers: [{ id: 'a1', text: 'Run twice', practiceId: null, createdAt: at }],
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
});

describe.each(testDialects())('discovery repositories on $name', (dialect) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    await migrateToLatest(open.db);
    for (const id of ['u1', 'u2']) await seedUser(open.db, id, { at });
  });
  afterAll(async () => {
    await open?.close();
  });

  it('round-trips an aggregate (columns and JSON) and only for its owner', async () => {
    const store = discoveryStore(open.db);
    await store.directions.insert(direction('d1', 'u1'));
    expect(await store.directions.get('u1', 'd1')).toEqual(direction('d1', 'u1'));
    expect(await store.directions.get('u2', 'd1')).toBeNull();
    expect(await store.directions.list('u2')).toEqual([]);
  });

  it('saves only over the version it read (no lost updates) and bumps it', async () => {
    const store = discoveryStore(open.db);
    await store.directions.insert(direction('d2', 'u1'));
    const read = (await store.directions.get('u1', 'd2'))!;
    expect(await store.directions.save({ ...read, name: 'First writer' })).toBe(true);
    expect(await store.directions.save({ ...read, name: 'Second writer, stale' })).toBe(false);
    const now = (await store.directions.get('u1', 'd2'))!;
    expect(now).toMatchObject({ name: 'First writer', version: 1 });
    // Another person's id never saves, whatever the version.
    expect(await store.directions.save({ ...now, userId: 'u2', name: 'Not mine' })).toBe(false);
  });

  it('filters on columns, hides deleted rows unless asked, and rolls a failed transaction back', async () => {
    const store = discoveryStore(open.db);
    await store.directions.insert(direction('d3', 'u1'));
    const e = (id: string, directionId: string, deletedAt: string | null = null): ExperimentRecord => ({
      id,
      userId: 'u1',
      version: 0,
      directionId,
      hypothesis: 'h',
      practiceIds: ['p1'],
      startDate: '2026-11-21',
      lengthWeeks: 6,
      decisionDate: '2027-01-02',
      decidedOn: null,
      notes: [],
      verdict: null,
      previousExperimentId: null,
      createdAt: at,
      updatedAt: at,
      deletedAt,
    });
    await store.experiments.insert(e('e1', 'd3'));
    await store.experiments.insert(e('e2', 'd2'));
    await store.experiments.insert(e('e3', 'd3', at));
    expect((await store.experiments.list('u1', { directionId: 'd3' })).map((x) => x.id)).toEqual(['e1']);
    expect((await store.experiments.list('u1', { directionId: 'd3' }, true)).map((x) => x.id)).toEqual(['e1', 'e3']);
    expect((await store.experiments.list('u1', { decidedOn: null })).map((x) => x.id)).toEqual(['e1', 'e2']);
    expect((await store.experiments.get('u1', 'e1'))?.lengthWeeks).toBe(6);

    await expect(
      store.transaction(async (s) => {
        await s.directions.insert(direction('d4', 'u1'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.directions.get('u1', 'd4')).toBeNull();
  });
});
