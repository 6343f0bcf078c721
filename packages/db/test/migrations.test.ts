import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrations, type OpenDatabase, openDatabase } from '../src/index.ts';
import { testDialects } from '../src/testing.ts';

describe.each(testDialects())('migrations on $name', (dialect) => {
  let open: OpenDatabase | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('go up, down and up again with data present', async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    const { db } = open;
    const names = Object.keys(migrations).sort();
    expect((await migrateToLatest(db)).applied).toEqual(names);
    expect((await migrateToLatest(db)).applied).toEqual([]);

    const at = new Date().toISOString();
    await db
      .insertInto('user')
      .values({
        id: 'u1',
        name: 'Ann',
        email: 'ann@example.org',
        email_verified: 0,
        image: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const roles = await db.selectFrom('role').select('id').orderBy('id').execute();
    expect(roles.map((r) => r.id)).toContain('coach');

    // Step down one at a time to the start, then all the way up again.
    for (let i = names.length - 1; i >= 0; i--) {
      expect((await migrateDown(db)).applied).toEqual([names[i]]);
    }
    expect((await migrateToLatest(db)).applied).toEqual(names);
    await db
      .insertInto('user')
      .values({
        id: 'u2',
        name: 'Bo',
        email: 'bo@example.org',
        email_verified: 0,
        image: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const count = await sql<{ n: number }>`select count(*) as n from ${sql.table('user')}`.execute(db);
    expect(Number(count.rows[0]?.n)).toBe(1);
  });
});

// Every table, whatever later migrations add, gets a row before the migrations go down and up
// again: the rows are made from the live schema (introspection), with one shared id so that
// foreign keys between the tables resolve, inserted parents first (retrying in passes).
describe.each(testDialects())('migrations with a row in every table on $name', (dialect) => {
  let open: OpenDatabase | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  type Column = { name: string; dataType: string; isNullable: boolean; hasDefaultValue: boolean };
  const ID = 'mig-row';

  function valueFor(col: Column, table: string, dialectName: string): unknown {
    const t = col.dataType.toLowerCase();
    if (col.name === 'id' || col.name.endsWith('_id')) return ID;
    if (/bool/.test(t)) return dialectName === 'sqlite' ? 1 : true;
    if (/int|serial/.test(t)) return 1;
    if (/double|real|float|numeric|decimal/.test(t)) return 1.5;
    if (/timestamp|datetime/.test(t)) return '2026-01-02T03:04:05.000Z';
    if (t === 'date') return '2026-01-02';
    if (/json/.test(t)) return '{}';
    if (/bytea|blob/.test(t)) return Buffer.from('x');
    if (/date|_at$|^at$/.test(col.name)) return col.name.includes('date') ? '2026-01-02' : '2026-01-02T03:04:05.000Z';
    return `${table}.${col.name}`;
  }

  async function tableNames(db: OpenDatabase['db']): Promise<string[]> {
    const tables = await db.introspection.getTables();
    return tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_migration'));
  }

  async function rowCount(db: OpenDatabase['db'], table: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    return Number(r.rows[0]?.n);
  }

  it('goes down and up again with a row in every table, including practices and check-ins', async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    const { db } = open;
    const names = Object.keys(migrations).sort();
    await migrateToLatest(db);
    const tables = await db.introspection.getTables();
    const expected = [
      'user',
      'session',
      'api_token',
      'practice',
      'practice_schedule',
      'practice_pause',
      'checkin',
      'strength_checkpoint',
      'area',
    ];
    for (const t of expected) expect(tables.map((x) => x.name)).toContain(t);

    let pending = tables.filter((t) => !t.name.startsWith('kysely_migration'));
    const errors = new Map<string, string>();
    for (let pass = 0; pass < 12 && pending.length > 0; pass++) {
      const next: typeof pending = [];
      for (const t of pending) {
        const row: Record<string, unknown> = {};
        for (const c of t.columns as Column[]) row[c.name] = valueFor(c, t.name, open.dialect);
        try {
          await sql`insert into ${sql.table(t.name)} (${sql.join(Object.keys(row).map((k) => sql.ref(k)))}) values (${sql.join(Object.values(row))})`.execute(
            db,
          );
        } catch (err) {
          errors.set(t.name, (err as Error).message);
          next.push(t);
        }
      }
      pending = next;
    }
    expect(
      Object.fromEntries(pending.map((t) => [t.name, errors.get(t.name)])),
      'tables that could not get a row',
    ).toEqual({});
    for (const t of await tableNames(db)) expect(await rowCount(db, t), t).toBeGreaterThan(0);

    // The check-in and practice rows are the real shapes the app reads.
    expect(await db.selectFrom('checkin').select(['practice_id', 'date']).execute()).toEqual([
      { practice_id: ID, date: '2026-01-02' },
    ]);

    for (let i = names.length - 1; i >= 0; i--) {
      expect((await migrateDown(db)).applied).toEqual([names[i]]);
    }
    expect(await tableNames(db)).toEqual([]);
    expect((await migrateToLatest(db)).applied).toEqual(names);
    expect((await tableNames(db)).sort()).toEqual(
      tables
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_migration'))
        .sort(),
    );
  });
});
