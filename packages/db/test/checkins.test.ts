// Writing a check-in: one read gives what the write needs; the write (row, revisions, checkpoints)
// is all or nothing on its own, in a transaction or not; prepared statements bind, never inline.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type OpenDatabase, openDatabase, practiceStore } from '../src/index.ts';
import { prepared } from '../src/prepared.ts';
import { seedPractice, seedUser, testDialects } from '../src/testing.ts';

const at = '2026-11-21T10:00:00.000Z';

describe.each(testDialects())('check-in writes on $name', (dialect) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    await migrateToLatest(open.db);
    await seedUser(open.db, 'kai', { timeZone: 'Pacific/Kiritimati' });
    await seedPractice(open.db, 'kai', 'walk');
    await seedUser(open.db, 'lee');
    await seedPractice(open.db, 'lee', 'swim');
  });
  afterAll(async () => {
    await open?.close();
  });

  const revs = async () =>
    open.db
      .selectFrom('practice')
      .select(['data_rev', 'history_rev'])
      .where('id', '=', 'walk')
      .executeTakeFirstOrThrow();
  const checkin = (date: string, status: 'done' | 'skipped' | 'notDone', note: string | null = null) => ({
    practiceId: 'walk',
    date,
    status,
    value: null,
    note,
    energy: null,
    createdAt: at,
    updatedAt: at,
  });

  it('reads the practice, the time zone and the check-in there in one go, only for the owner', async () => {
    const store = practiceStore(open.db);
    const empty = await store.checkins.forWrite('kai', 'walk', '2026-11-20');
    expect(empty).toMatchObject({ practice: { id: 'walk', kind: 'boolean' }, timeZone: 'Pacific/Kiritimati' });
    expect(empty?.existing).toBeNull();
    await store.checkins.put('kai', checkin('2026-11-20', 'skipped', 'rain'), true);
    expect((await store.checkins.forWrite('kai', 'walk', '2026-11-20'))?.existing).toEqual(
      checkin('2026-11-20', 'skipped', 'rain'),
    );
    expect(await store.checkins.forWrite('lee', 'walk', '2026-11-20')).toBeNull();
    expect(await store.checkins.forWrite('kai', 'swim', '2026-11-20')).toBeNull();
  });

  it('bumps the data revision, and the history revision with checkpoints only when history changed', async () => {
    const store = practiceStore(open.db);
    await store.checkpoints.saveIfCurrent('walk', Number((await revs()).history_rev), [
      { date: '2026-11-01', score: 0.5, window: [1] },
      { date: '2026-11-10', score: 0.6, window: [1] },
    ]);
    const before = await revs();
    await store.checkins.put('kai', { ...checkin('2026-11-20', 'skipped', 'rain'), note: 'wind' }, false);
    const noteOnly = await revs();
    expect(Number(noteOnly.data_rev)).toBe(Number(before.data_rev) + 1);
    expect(Number(noteOnly.history_rev)).toBe(Number(before.history_rev));
    await store.checkins.put('kai', checkin('2026-11-05', 'done'), true);
    const after = await revs();
    expect(Number(after.history_rev)).toBe(Number(before.history_rev) + 1);
    const left = await open.db
      .selectFrom('strength_checkpoint')
      .select('date')
      .where('practice_id', '=', 'walk')
      .execute();
    expect(left.map((r) => r.date)).toEqual(['2026-11-01']);
  });

  it('writes nothing when any part fails, inside a transaction or not', async () => {
    const refuse = async (on: boolean) => {
      if (dialect.name === 'sqlite') {
        await sql
          .raw(
            on
              ? "CREATE TRIGGER refuse_rev BEFORE UPDATE ON practice BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
              : 'DROP TRIGGER refuse_rev',
          )
          .execute(open.db);
      } else if (on) {
        await sql
          .raw(
            `CREATE FUNCTION refuse_rev() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql;
             CREATE TRIGGER refuse_rev BEFORE UPDATE ON practice FOR EACH ROW EXECUTE FUNCTION refuse_rev();`,
          )
          .execute(open.db);
      } else {
        await sql.raw('DROP TRIGGER refuse_rev ON practice; DROP FUNCTION refuse_rev();').execute(open.db);
      }
    };
    const store = practiceStore(open.db);
    const stored = () =>
      open.db.selectFrom('checkin').select('status').where('practice_id', '=', 'walk').where('date', '=', '2026-11-15');
    await refuse(true);
    try {
      await expect(store.checkins.put('kai', checkin('2026-11-15', 'done'), true)).rejects.toThrow(/refused by test/);
      await expect(
        store.readThenWrite((s) => s.checkins.put('kai', checkin('2026-11-15', 'done'), false)),
      ).rejects.toThrow(/refused by test/);
      await expect(
        store.transaction((s) => s.checkins.put('kai', checkin('2026-11-15', 'done'), true)),
      ).rejects.toThrow(/refused by test/);
      expect(await stored().execute()).toEqual([]);
    } finally {
      await refuse(false);
    }
    await store.readThenWrite((s) => s.checkins.put('kai', checkin('2026-11-15', 'done'), true));
    expect(await stored().execute()).toEqual([{ status: 'done' }]);
  });

  it('writes with expected revisions only while they and the time zone still hold', async () => {
    const store = practiceStore(open.db);
    const target = await store.checkins.forWrite('kai', 'walk', '2026-11-18');
    if (!target) throw new Error('no target');
    const { revs, timeZone } = target;
    const day = async () =>
      open.db
        .selectFrom('checkin')
        .select('status')
        .where('practice_id', '=', 'walk')
        .where('date', '=', '2026-11-18')
        .execute();
    // Each change since the read makes the guarded write a no-op.
    const stale = [
      { revs: { ...revs, practice: revs.practice - 1 }, timeZone },
      { revs: { ...revs, user: revs.user + 1 }, timeZone },
      { revs, timeZone: 'UTC' },
    ];
    for (const expected of stale) {
      expect(
        await store.readThenWrite((s) => s.checkins.put('kai', checkin('2026-11-18', 'done'), true, expected)),
      ).toBeNull();
      expect(await store.checkins.put('kai', checkin('2026-11-18', 'done'), false, expected)).toBeNull();
    }
    expect(await day()).toEqual([]);
    expect(await store.checkins.put('lee', checkin('2026-11-18', 'done'), true, { revs, timeZone })).toBeNull();
    expect(await day()).toEqual([]);

    const after = await store.checkins.put('kai', checkin('2026-11-18', 'done'), true, { revs, timeZone });
    expect(after).toBe(revs.practice + 1);
    expect(await day()).toEqual([{ status: 'done' }]);
    // The same expectation again is stale now: the write moved the revision on.
    expect(await store.checkins.put('kai', checkin('2026-11-18', 'skipped'), true, { revs, timeZone })).toBeNull();
    expect(await day()).toEqual([{ status: 'done' }]);
    // A deleted practice takes no guarded write.
    await open.db.updateTable('practice').set({ deleted_at: at }).where('id', '=', 'walk').execute();
    try {
      expect(
        await store.checkins.put('kai', checkin('2026-11-18', 'skipped'), true, {
          revs: { ...revs, practice: after ?? 0 },
          timeZone,
        }),
      ).toBeNull();
    } finally {
      await open.db.updateTable('practice').set({ deleted_at: null }).where('id', '=', 'walk').execute();
    }
  });

  it('lets one of several concurrent writes from the same read through', async () => {
    const store = practiceStore(open.db);
    const target = await store.checkins.forWrite('kai', 'walk', '2026-11-17');
    if (!target) throw new Error('no target');
    const results = await Promise.all(
      (['done', 'skipped', 'notDone', 'done', 'skipped'] as const).map((status) =>
        store.readThenWrite((s) => s.checkins.put('kai', checkin('2026-11-17', status), true, target)),
      ),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('holds the practice from a locking read until its transaction ends', async () => {
    const store = practiceStore(open.db);
    const events: string[] = [];
    let other: Promise<unknown> = Promise.resolve();
    await store.transaction(async (s) => {
      expect(await s.checkins.forWrite('kai', 'walk', '2026-11-16', { lock: true })).not.toBeNull();
      other = store.checkins.put('kai', checkin('2026-11-16', 'skipped'), true).then(() => events.push('other wrote'));
      await new Promise((r) => setTimeout(r, 150));
      await s.checkins.put('kai', checkin('2026-11-16', 'done'), true);
      events.push('first commits');
    });
    await other;
    expect(events).toEqual(['first commits', 'other wrote']);
  });

  it('never joins another transaction that is open across an await: its rollback keeps this write', async () => {
    const store = practiceStore(open.db);
    let other: Promise<unknown> = Promise.resolve();
    await expect(
      store.transaction(async (s) => {
        await s.checkins.put('kai', checkin('2026-11-14', 'done'), true);
        // Another request writes while this transaction is open between two awaits.
        other = store.checkins.put('kai', checkin('2026-11-13', 'skipped'), true);
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('rolled back by test');
      }),
    ).rejects.toThrow(/rolled back by test/);
    await other;
    const days = await open.db
      .selectFrom('checkin')
      .select(['date', 'status'])
      .where('practice_id', '=', 'walk')
      .where('date', 'in', ['2026-11-13', '2026-11-14'])
      .execute();
    expect(days).toEqual([{ date: '2026-11-13', status: 'skipped' }]);
  });

  it('binds every argument of a prepared query, and refuses one written into the SQL', async () => {
    const find = prepared<{ id: string; from: string }, { id: string; date: string }>((db, arg) =>
      db
        .selectFrom('checkin')
        .select(['practice_id as id', 'date'])
        .where('practice_id', '=', arg('id'))
        .where('date', '>=', arg('from'))
        .orderBy('date')
        .compile(),
    );
    expect((await find(open.db, { id: 'walk', from: '2026-11-17' })).map((r) => r.date)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-20',
    ]);
    expect(await find(open.db, { id: "walk' or 1=1 --", from: '2000-01-01' })).toEqual([]);
    await open.db.transaction().execute(async (trx) => {
      expect(await find(trx, { id: 'walk', from: '2026-11-20' })).toHaveLength(1);
    });
    const inlined = prepared<{ name: string }, unknown>((db, arg) =>
      db
        .selectFrom('user')
        .select('id')
        .where(sql.raw(arg('name')), '=', 'x')
        .compile(),
    );
    await expect(inlined(open.db, { name: 'id' })).rejects.toThrow(/prepared/);
  });
});
