// A check-in always has its practice, and goes with it: on SQLite by the foreign key of migration
// 0002, on PostgreSQL by the statement-level triggers of migration 0010. Every way rows reach the
// table is tried: a single insert, a multi-row insert, an upsert, PostgreSQL's COPY, an update, a
// practice deleted on its own or with its person, and a delete racing an insert.
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFromStdin, type Database, migrateToLatest, type OpenDatabase, openDatabase } from '../src/index.ts';
import { seedPractice, seedUser, testDialects } from '../src/testing.ts';

const at = '2026-11-21T10:00:00.000Z';
const row = (practiceId: string, date: string) => ({
  practice_id: practiceId,
  date,
  user_id: practiceId === 'swim' ? 'bo' : 'ann',
  status: 'done',
  value: null,
  note: null,
  energy: null,
  created_at: at,
  updated_at: at,
});

/** The constraint error of either database, whatever the driver calls it. */
function isReferenceError(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === '23503' || e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

async function refused(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    expect(isReferenceError(err), String(err)).toBe(true);
    return err;
  }
  throw new Error('the write went through');
}

describe.each(testDialects())('check-ins keep their practice on $name', (dialect) => {
  let open: OpenDatabase;
  let url: string | undefined;
  let db: Kysely<Database>;
  const count = async (practiceId?: string) => {
    let q = db.selectFrom('checkin').select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (practiceId) q = q.where('practice_id', '=', practiceId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  beforeAll(async () => {
    url = await dialect.databaseUrl();
    open = await openDatabase({ databaseUrl: url, dataDir: ':memory:' });
    db = open.db;
    await migrateToLatest(db);
    await seedUser(db, 'ann');
    await seedPractice(db, 'ann', 'walk');
    await seedPractice(db, 'ann', 'read');
    await seedUser(db, 'bo');
    await seedPractice(db, 'bo', 'swim');
  });
  afterAll(async () => {
    await open?.close();
  });

  it('refuses a check-in of a practice that does not exist, alone or among good rows', async () => {
    await refused(() => db.insertInto('checkin').values(row('gone', '2026-11-01')).execute());
    await refused(() =>
      db
        .insertInto('checkin')
        .values([row('walk', '2026-11-01'), row('gone', '2026-11-02'), row('read', '2026-11-03')])
        .execute(),
    );
    await refused(() =>
      db
        .insertInto('checkin')
        .values(row('gone', '2026-11-04'))
        .onConflict((oc) => oc.columns(['practice_id', 'date']).doUpdateSet({ status: 'skipped' }))
        .execute(),
    );
    expect(await count()).toBe(0);
  });

  it('accepts check-ins of practices that exist, and an upsert of one already there', async () => {
    await db
      .insertInto('checkin')
      .values([row('walk', '2026-11-01'), row('walk', '2026-11-02'), row('read', '2026-11-01')])
      .execute();
    await db
      .insertInto('checkin')
      .values(row('walk', '2026-11-01'))
      .onConflict((oc) => oc.columns(['practice_id', 'date']).doUpdateSet({ status: 'skipped' }))
      .execute();
    expect(await count('walk')).toBe(2);
    expect(await count('read')).toBe(1);
  });

  it('refuses moving a check-in to a practice that does not exist, and allows one that does', async () => {
    await refused(() =>
      db
        .updateTable('checkin')
        .set({ practice_id: 'gone' })
        .where('practice_id', '=', 'read')
        .where('date', '=', '2026-11-01')
        .execute(),
    );
    await db
      .updateTable('checkin')
      .set({ practice_id: 'walk', date: '2026-11-09' })
      .where('practice_id', '=', 'read')
      .where('date', '=', '2026-11-01')
      .execute();
    await db
      .updateTable('checkin')
      .set({ practice_id: 'read', date: '2026-11-05' })
      .where('practice_id', '=', 'walk')
      .where('date', '=', '2026-11-01')
      .execute();
    expect(await count('walk')).toBe(2);
    expect(await count('read')).toBe(1);
  });

  it('refuses changing the id of a practice that has check-ins', async () => {
    await refused(() => db.updateTable('practice').set({ id: 'walk2' }).where('id', '=', 'walk').execute());
    expect(await count('walk')).toBe(2);
  });

  it('takes the check-ins away with their practice, and with their person', async () => {
    await db
      .insertInto('checkin')
      .values([row('swim', '2026-11-01'), row('swim', '2026-11-02')])
      .execute();
    await db.insertInto('checkin').values(row('walk', '2026-11-07')).execute();
    await db.deleteFrom('practice').where('id', '=', 'walk').execute();
    expect(await count('walk')).toBe(0);
    expect(await count('read')).toBe(1);
    expect(await count('swim')).toBe(2);
    await db.deleteFrom('user').where('id', '=', 'ann').execute();
    expect(await count('read')).toBe(0);
    expect(await count('swim')).toBe(2);
  });
});

// PostgreSQL only: its COPY, and its locks under two connections.
describe.each(testDialects().filter((d) => d.name === 'postgres'))(
  'check-ins keep their practice on $name, in bulk and under races',
  (dialect) => {
    let open: OpenDatabase;
    let url: string | undefined;
    let db: Kysely<Database>;
    const count = async (practiceId: string) =>
      Number(
        (
          await db
            .selectFrom('checkin')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('practice_id', '=', practiceId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      url = await dialect.databaseUrl();
      open = await openDatabase({ databaseUrl: url, dataDir: ':memory:' });
      db = open.db;
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await open?.close();
    });

    it('refuses a COPY naming a missing practice, as a whole', async () => {
      await seedUser(db, 'cy');
      await seedPractice(db, 'cy', 'row');
      const line = (p: string, d: string) => [p, d, 'cy', 'done', null, null, null, at, at] as const;
      const columns = '"practice_id","date","user_id","status","value","note","energy","created_at","updated_at"';
      await refused(() =>
        db.transaction().execute(async (trx) => {
          await trx.executeQuery(
            copyFromStdin('checkin', columns, [line('row', '2026-11-01'), line('gone', '2026-11-02')]),
          );
        }),
      );
      expect(await count('row')).toBe(0);
      await db.transaction().execute(async (trx) => {
        await trx.executeQuery(
          copyFromStdin('checkin', columns, [line('row', '2026-11-01'), line('row', '2026-11-02')]),
        );
      });
      expect(await count('row')).toBe(2);
    });

    it('a practice deleted while a check-in of it is being written waits, then takes it along', async () => {
      await seedUser(db, 'dee');
      await seedPractice(db, 'dee', 'yoga');
      const writer = new pg.Client({ connectionString: url });
      const deleter = new pg.Client({ connectionString: url });
      await writer.connect();
      await deleter.connect();
      try {
        await writer.query('begin');
        await writer.query(
          `insert into checkin (practice_id, date, user_id, status, created_at, updated_at)
           values ('yoga', '2026-11-01', 'dee', 'done', $1, $1)`,
          [at],
        );
        let deleted = false;
        const deleting = deleter.query(`delete from practice where id = 'yoga'`).then(() => {
          deleted = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(deleted).toBe(false); // held by the writer's lock on the practice
        await writer.query('commit');
        await deleting;
        expect(await count('yoga')).toBe(0);

        // The other way round: the practice is gone first, so the write fails.
        await seedPractice(db, 'dee', 'yoga');
        await deleter.query('begin');
        await deleter.query(`delete from practice where id = 'yoga'`);
        const writing = writer
          .query(
            `insert into checkin (practice_id, date, user_id, status, created_at, updated_at)
             values ('yoga', '2026-11-02', 'dee', 'done', $1, $1)`,
            [at],
          )
          .then(
            () => null,
            (err: unknown) => err,
          );
        await new Promise((resolve) => setTimeout(resolve, 300));
        await deleter.query('commit');
        expect(isReferenceError(await writing)).toBe(true);
        expect(await count('yoga')).toBe(0);
      } finally {
        await writer.end();
        await deleter.end();
      }
    });
  },
);

// The triggers exist on PostgreSQL only, and the key only on SQLite: nothing else keeps the rule.
describe.each(testDialects())('what keeps the rule on $name', (dialect) => {
  it('is the key on SQLite and the triggers on PostgreSQL', async () => {
    const open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    try {
      await migrateToLatest(open.db);
      if (dialect.name === 'sqlite') {
        const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list('checkin')`.execute(
          open.db,
        );
        expect(keys.rows.map((r) => r.table)).toContain('practice');
      } else {
        const keys = await sql<{ n: string }>`select count(*) as n from pg_constraint
          where contype = 'f' and conrelid = 'checkin'::regclass`.execute(open.db);
        expect(Number(keys.rows[0]?.n)).toBe(0);
        const triggers = await sql<{ tgname: string }>`select tgname from pg_trigger
          where not tgisinternal and tgrelid in ('checkin'::regclass, 'practice'::regclass) order by tgname`.execute(
          open.db,
        );
        expect(triggers.rows.map((r) => r.tgname)).toEqual([
          'tack_checkin_practice_changed',
          'tack_checkin_practice_inserted',
          'tack_practice_deleted',
          'tack_practice_id_changed',
        ]);
      }
    } finally {
      await open.close();
    }
  });
});
