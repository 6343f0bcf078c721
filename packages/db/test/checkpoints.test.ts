import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type OpenDatabase, openDatabase, practiceStore } from '../src/index.ts';
import { seedPractice, seedUser, testDialects } from '../src/testing.ts';

const at = '2026-11-21T10:00:00.000Z';

// Strength checkpoints are saved many to a statement, and only while the practice's history
// revision is the one they were computed at (ADR 0005).
describe.each(testDialects())('strength checkpoints on $name', (dialect) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    await migrateToLatest(open.db);
    await seedUser(open.db, 'u1', { at });
    await seedPractice(open.db, 'u1', 'p1', { at });
  });
  afterAll(async () => {
    await open?.close();
  });

  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
  const checkpoints = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ date: day(from + i), score: (from + i) / 1000, window: [1, 0, 1] }));
  const count = async () =>
    Number(
      (
        await open.db
          .selectFrom('strength_checkpoint')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('saves nothing for a stale revision, everything (across statements) for the current one, once', async () => {
    const store = practiceStore(open.db);
    await store.checkpoints.saveIfCurrent('p1', 1, checkpoints(450));
    expect(await count()).toBe(0);
    await store.checkpoints.saveIfCurrent('p1', 0, checkpoints(450));
    expect(await count()).toBe(450);
    await store.checkpoints.saveIfCurrent('p1', 0, checkpoints(10, 445));
    expect(await count()).toBe(455);
    const latest = await store.checkpoints.latestBefore([{ id: 'p1', historyRev: 0 }], day(100));
    expect(latest.get('p1')).toEqual({ date: day(99), score: 0.099, window: [1, 0, 1] });
    await store.checkpoints.invalidateFrom('p1', day(300));
    expect(await count()).toBe(300);
    expect((await store.checkpoints.latestBefore([{ id: 'p1', historyRev: 0 }], day(100))).size).toBe(0);
  });
});
