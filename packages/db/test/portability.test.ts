import type { CheckinDto } from '@tack/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type OpenDatabase, openDatabase, portabilityStore } from '../src/index.ts';
import { seedPractice, seedUser, testDialects } from '../src/testing.ts';

const at = '2026-11-21T10:00:00.000Z';
const checkin = (practiceId: string, date: string, extra: Partial<CheckinDto> = {}): CheckinDto => ({
  practiceId,
  date,
  status: 'done',
  value: null,
  note: null,
  energy: null,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

// The bulk check-in writes of imports and restores (compiled by hand: multi-row VALUES on SQLite;
// on PostgreSQL COPY … FROM STDIN for inserts, comma-joined texts or arrays through unnest for
// upserts) store exactly what they are given, or nothing.
describe.each(testDialects())('bulk check-in writes on $name', (dialect) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    await migrateToLatest(open.db);
    await seedUser(open.db, 'u1', { at });
    // An id with a comma cannot travel comma-joined: its rows take the other way.
    for (const [i, id] of ['p1', 'p2', 'p,3'].entries()) {
      await seedPractice(open.db, 'u1', id, { target: 1, position: i, at });
    }
  });
  afterAll(async () => {
    await open?.close();
  });

  const stored = async (practiceId: string) =>
    (
      await open.db
        .selectFrom('checkin')
        .select(['date', 'user_id', 'status', 'value', 'note', 'energy', 'created_at', 'updated_at'])
        .where('practice_id', '=', practiceId)
        .orderBy('date')
        .execute()
    ).map((r) => ({
      ...r,
      value: r.value === null ? null : Number(r.value),
      energy: r.energy === null ? null : Number(r.energy),
    }));

  it('inserts and upserts values, notes with commas, nulls, and a single row', async () => {
    const store = portabilityStore(open.db);
    await store.transaction(async (s) => {
      await s.insertCheckins('u1', [
        checkin('p1', '2026-11-01', { value: 2.5, note: 'one, two', energy: -2 }),
        checkin('p1', '2026-11-02', { status: 'skipped', note: '' }),
        checkin('p1', '2026-11-03', { status: 'notDone', value: 1e-7, energy: 0 }),
      ]);
      await s.insertCheckins('u1', [checkin('p2', '2026-11-01')]);
      await s.insertCheckins('u1', [checkin('p,3', '2026-11-01', { value: 3, note: 'a "quoted", {braced} note' })]);
    });
    expect(await stored('p1')).toEqual([
      {
        date: '2026-11-01',
        user_id: 'u1',
        status: 'done',
        value: 2.5,
        note: 'one, two',
        energy: -2,
        created_at: at,
        updated_at: at,
      },
      {
        date: '2026-11-02',
        user_id: 'u1',
        status: 'skipped',
        value: null,
        note: '',
        energy: null,
        created_at: at,
        updated_at: at,
      },
      {
        date: '2026-11-03',
        user_id: 'u1',
        status: 'notDone',
        value: 1e-7,
        note: null,
        energy: 0,
        created_at: at,
        updated_at: at,
      },
    ]);
    expect(await stored('p2')).toEqual([
      {
        date: '2026-11-01',
        user_id: 'u1',
        status: 'done',
        value: null,
        note: null,
        energy: null,
        created_at: at,
        updated_at: at,
      },
    ]);
    expect((await stored('p,3'))[0]).toMatchObject({ value: 3, note: 'a "quoted", {braced} note' });

    const later = '2026-11-22T10:00:00.000Z';
    await store.transaction((s) =>
      s.upsertCheckins('u1', [
        checkin('p1', '2026-11-01', { status: 'skipped', value: null, note: null, energy: 1, updatedAt: later }),
        checkin('p1', '2026-11-04', { value: 7, createdAt: later, updatedAt: later }),
      ]),
    );
    const after = await stored('p1');
    // An upsert replaces status, value and note, and keeps the stored energy and creation time.
    expect(after[0]).toEqual({
      date: '2026-11-01',
      user_id: 'u1',
      status: 'skipped',
      value: null,
      note: null,
      energy: -2,
      created_at: at,
      updated_at: later,
    });
    expect(after.map((r) => r.date)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']);
  });
  it('stores notes with tabs, line breaks, backslashes and odd Unicode exactly, across many batches', async () => {
    const odd = [
      'tab\there',
      'line\nbreak\r\nand carriage',
      'back\\slash \\N \\t not escapes',
      '\\N',
      'emoji 🏃‍♀️🌊, combining é, RTL שלום, zero\u200bwidth, \u2028separator',
      ' leading and trailing ',
    ];
    // Enough rows to cross the copy's batch size many times.
    const rows = Array.from({ length: 4000 }, (_, i) =>
      checkin(
        'p2',
        `2027-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        {
          note: i < odd.length ? (odd[i] as string) : `note ${i} ${'x'.repeat(i % 50)}`,
          value: i % 3 === 0 ? null : i / 7,
          energy: i % 5 === 0 ? null : (i % 5) - 2,
        },
      ),
    ).filter((r, i, all) => all.findIndex((o) => o.date === r.date) === i);
    const store = portabilityStore(open.db);
    await store.transaction((s) => s.insertCheckins('u1', rows));
    const back = (await stored('p2')).filter((r) => r.date >= '2027-01-01');
    expect(back).toHaveLength(rows.length);
    const byDate = new Map(back.map((r) => [r.date, r]));
    for (const r of rows) {
      expect(byDate.get(r.date)).toMatchObject({ note: r.note, value: r.value, energy: r.energy, user_id: 'u1' });
    }
  });

  it('writes nothing when a row is refused, and the connection goes on working', async () => {
    const store = portabilityStore(open.db);
    const before = await stored('p1');
    await expect(
      store.transaction(async (s) => {
        await s.insertCheckins('u1', [checkin('p1', '2028-01-01'), checkin('no-such-practice', '2028-01-01')]);
      }),
    ).rejects.toThrow();
    expect(await stored('p1')).toEqual(before);
    if (dialect.name === 'postgres') {
      // A value that cannot be written stops the copy while it streams (CopyFail): nothing stays.
      await expect(
        store.transaction((s) =>
          s.insertCheckins('u1', [checkin('p1', '2028-01-02'), checkin('p1', '2028-01-03', { value: Number.NaN })]),
        ),
      ).rejects.toThrow(/not a finite number/);
      expect(await stored('p1')).toEqual(before);
    }
    await store.transaction((s) => s.insertCheckins('u1', [checkin('p1', '2028-01-04')]));
    expect((await stored('p1')).map((r) => r.date)).toContain('2028-01-04');
  });
});
