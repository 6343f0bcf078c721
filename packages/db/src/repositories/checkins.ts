// Check-ins: reading them, and writing one as a single atomic, guarded write (ADR 0010).
import type { CheckinsPort } from '@tack/core';
import { type Kysely, type OnConflictBuilder, sql, type Transaction } from 'kysely';
import { dialectOf, prepared, sqliteAtomically } from '../prepared.ts';
import type { Database } from '../schema.ts';
import {
  CHECKIN_COLUMNS,
  type CheckinColumns,
  PRACTICE_ROW_COLUMNS,
  type PracticeRowColumns,
  toCheckin,
  toRow,
} from './practice-rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * After a check-in is removed (a history change): one update bumps the practice's data revision (the
 * Today cache) and its history revision, and its checkpoints from that date on go (ADR 0005).
 */
async function reviseHistoryFrom(db: Db, practiceId: string, date: string): Promise<void> {
  await db
    .updateTable('practice')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1), history_rev: eb('history_rev', '+', 1) }))
    .where('id', '=', practiceId)
    .execute();
  await db.deleteFrom('strength_checkpoint').where('practice_id', '=', practiceId).where('date', '>=', date).execute();
}

type CheckinArgs = {
  practiceId: string;
  date: string;
  userId: string;
  status: string;
  value: number | null;
  note: string | null;
  energy: number | null;
  createdAt: string;
  updatedAt: string;
};
/** The revisions and time zone a guarded write expects (CheckinTarget). */
type GuardArgs = { practiceRev: number; userRev: number; timeZone: string };
type Arg<A> = <K extends keyof A & string>(name: K) => A[K];

type Revisions = { data_rev: number; history_rev: number };
type ForWriteRow = PracticeRowColumns & {
  p_rev: number;
  u_rev: number;
  u_time_zone: string;
  c_status: string | null;
  c_value: number | null;
  c_note: string | null;
  c_energy: number | null;
  c_created_at: string | null;
  c_updated_at: string | null;
};

// The statements writing a check-in, built once (see prepared.ts): the hottest write path there is.

/** SQLite: the practice with its owner's revision and time zone (SQLite runs a join here several times slower). */
const readPracticeForWrite = prepared<
  { userId: string; practiceId: string },
  PracticeRowColumns & { p_rev: number; u_rev: number; u_time_zone: string }
>((db, arg) =>
  db
    .selectFrom('practice')
    .select(PRACTICE_ROW_COLUMNS)
    .select((eb) => [
      'data_rev as p_rev',
      eb.selectFrom('user').select('data_rev').whereRef('user.id', '=', 'practice.user_id').as('u_rev'),
      eb.selectFrom('user').select('time_zone').whereRef('user.id', '=', 'practice.user_id').as('u_time_zone'),
    ])
    .where('practice.id', '=', arg('practiceId'))
    .where('practice.user_id', '=', arg('userId'))
    .where('practice.deleted_at', 'is', null)
    .$castTo<PracticeRowColumns & { p_rev: number; u_rev: number; u_time_zone: string }>()
    .compile(),
);
const readCheckin = prepared<{ practiceId: string; date: string }, CheckinColumns>((db, arg) =>
  db
    .selectFrom('checkin')
    .select(CHECKIN_COLUMNS)
    .where('practice_id', '=', arg('practiceId'))
    .where('date', '=', arg('date'))
    .compile(),
);
/** PostgreSQL: all of it in one round trip; locking, it holds the practice row until the transaction ends. */
const readForWritePgWith = (lock: boolean) =>
  prepared<{ userId: string; practiceId: string; date: string }, ForWriteRow>((db, arg) => {
    const q = db
      .selectFrom('practice')
      .innerJoin('user', 'user.id', 'practice.user_id')
      .leftJoin('checkin', (join) =>
        join.onRef('checkin.practice_id', '=', 'practice.id').on('checkin.date', '=', arg('date')),
      )
      .select(PRACTICE_ROW_COLUMNS.map((c) => `practice.${c}` as const))
      .select([
        'practice.data_rev as p_rev',
        'user.data_rev as u_rev',
        'user.time_zone as u_time_zone',
        'checkin.status as c_status',
        'checkin.value as c_value',
        'checkin.note as c_note',
        'checkin.energy as c_energy',
        'checkin.created_at as c_created_at',
        'checkin.updated_at as c_updated_at',
      ])
      .where('practice.id', '=', arg('practiceId'))
      .where('practice.user_id', '=', arg('userId'))
      .where('practice.deleted_at', 'is', null);
    return (lock ? q.forUpdate('practice') : q).compile();
  });
const readForWritePg = readForWritePgWith(false);
const readForWriteLockingPg = readForWritePgWith(true);

/**
 * The practice's revision bump, returning the new revisions. Guarded, it changes nothing unless the
 * practice is the person's, live, at the expected revision, and the person's revision and time zone
 * are the expected ones (PostgreSQL re-checks this on the row it finally updates, so of two
 * concurrent writes from the same state one finds nothing).
 */
function bumpQuery(
  db: Kysely<Database>,
  arg: Arg<CheckinArgs & GuardArgs>,
  opts: { history: boolean; guarded: boolean },
) {
  let q = db
    .updateTable('practice')
    .set((eb) =>
      opts.history
        ? { data_rev: eb('data_rev', '+', 1), history_rev: eb('history_rev', '+', 1) }
        : { data_rev: eb('data_rev', '+', 1) },
    )
    .where('id', '=', arg('practiceId'));
  if (opts.guarded) {
    q = q
      .where('user_id', '=', arg('userId'))
      .where('deleted_at', 'is', null)
      .where('data_rev', '=', arg('practiceRev'))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('user')
            .select('user.id')
            .where('user.id', '=', arg('userId'))
            .where('user.data_rev', '=', arg('userRev'))
            .where('user.time_zone', '=', arg('timeZone')),
        ),
      );
  }
  return q.returning(['id', 'data_rev', 'history_rev']);
}

const checkinValues = (arg: Arg<CheckinArgs>) => ({
  date: arg('date'),
  user_id: arg('userId'),
  status: arg('status'),
  value: arg('value'),
  note: arg('note'),
  energy: arg('energy'),
  created_at: arg('createdAt'),
  updated_at: arg('updatedAt'),
});

/** Writing a check-in again updates it (created_at stays). */
const checkinConflict = (oc: OnConflictBuilder<Database, 'checkin'>) =>
  oc.columns(['practice_id', 'date']).doUpdateSet((eb) => ({
    status: eb.ref('excluded.status'),
    value: eb.ref('excluded.value'),
    note: eb.ref('excluded.note'),
    energy: eb.ref('excluded.energy'),
    updated_at: eb.ref('excluded.updated_at'),
  }));

const upsertCheckin = prepared<CheckinArgs & GuardArgs, never>((db, arg) =>
  db
    .insertInto('checkin')
    .values({ practice_id: arg('practiceId'), ...checkinValues(arg) })
    .onConflict(checkinConflict)
    .compile(),
);
const dropCheckpointsFrom = prepared<{ practiceId: string; date: string }, never>((db, arg) =>
  db
    .deleteFrom('strength_checkpoint')
    .where('practice_id', '=', arg('practiceId'))
    .where('date', '>=', arg('date'))
    .compile(),
);

/** The four variants (history changed or not, guarded or not) of one kind of statement. */
function variants<A extends Record<string, unknown>, R>(
  make: (opts: { history: boolean; guarded: boolean }) => ReturnType<typeof prepared<A, R>>,
) {
  const all = [false, true].flatMap((history) => [false, true].map((guarded) => make({ history, guarded })));
  return (opts: { history: boolean; guarded: boolean }) => all[(opts.history ? 2 : 0) + (opts.guarded ? 1 : 0)]!;
}

const bumpSqlite = variants((opts) =>
  prepared<CheckinArgs & GuardArgs, Revisions>((db, arg) => bumpQuery(db, arg, opts).compile()),
);

/**
 * PostgreSQL: the whole write as one statement. The check-in is written from the bump's returned
 * row and the checkpoints go only for it, so when a guard fails nothing is written; and data-modifying
 * WITH parts run exactly once, whether or not the outer query reads them.
 */
const putPg = variants((opts) =>
  prepared<CheckinArgs & GuardArgs, Revisions>((plain, arg) => {
    // `rev` is the WITH part below: the bump's returned row.
    const db = plain.withTables<{ rev: { id: string } & Revisions }>();
    const values = checkinValues(arg);
    const up = db
      .insertInto('checkin')
      .columns(['practice_id', 'date', 'user_id', 'status', 'value', 'note', 'energy', 'created_at', 'updated_at'])
      .expression(
        db
          .selectFrom('rev')
          .select([
            'rev.id',
            sql`${values.date}`.as('date'),
            sql`${values.user_id}`.as('user_id'),
            sql`${values.status}`.as('status'),
            sql`${values.value}::double precision`.as('value'),
            sql`${values.note}`.as('note'),
            sql`${values.energy}::integer`.as('energy'),
            sql`${values.created_at}`.as('created_at'),
            sql`${values.updated_at}`.as('updated_at'),
          ]),
      )
      .onConflict(checkinConflict);
    const drop = db
      .deleteFrom('strength_checkpoint')
      .where('practice_id', 'in', (eb) => eb.selectFrom('rev').select('rev.id'))
      .where('date', '>=', arg('date'));
    const parts = opts.history
      ? sql`with rev as (${bumpQuery(plain, arg, opts)}), up as (${up}), cp as (${drop})`
      : sql`with rev as (${bumpQuery(plain, arg, opts)}), up as (${up})`;
    return sql<Revisions>`${parts} select data_rev, history_rev from rev`.compile(db);
  }),
);

export function checkinsPort(db: Db): CheckinsPort {
  return {
    async list(practiceId, from, to) {
      let q = db.selectFrom('checkin').selectAll().where('practice_id', '=', practiceId);
      if (from) q = q.where('date', '>=', from);
      if (to) q = q.where('date', '<=', to);
      return (await q.orderBy('date').execute()).map(toCheckin);
    },
    async listSince(practiceIds, from) {
      if (practiceIds.length === 0) return [];
      const rows = await db
        .selectFrom('checkin')
        .selectAll()
        .where('practice_id', 'in', practiceIds)
        .where('date', '>=', from)
        .orderBy('date')
        .execute();
      return rows.map(toCheckin);
    },
    async get(practiceId, date) {
      const row = await db
        .selectFrom('checkin')
        .selectAll()
        .where('practice_id', '=', practiceId)
        .where('date', '=', date)
        .executeTakeFirst();
      return row ? toCheckin(row) : null;
    },
    async forWrite(userId, practiceId, date, opts) {
      if (dialectOf(db) === 'sqlite') {
        const [row] = await readPracticeForWrite(db, { userId, practiceId });
        if (!row) return null;
        const { p_rev, u_rev, u_time_zone, ...practice } = row;
        const [existing] = await readCheckin(db, { practiceId, date });
        return {
          practice: toRow(practice),
          timeZone: u_time_zone,
          existing: existing ? toCheckin(existing) : null,
          revs: { practice: Number(p_rev), user: Number(u_rev) },
        };
      }
      const [row] = await (opts?.lock ? readForWriteLockingPg : readForWritePg)(db, { userId, practiceId, date });
      if (!row) return null;
      const {
        p_rev,
        u_rev,
        u_time_zone,
        c_status,
        c_value,
        c_note,
        c_energy,
        c_created_at,
        c_updated_at,
        ...practice
      } = row;
      return {
        practice: toRow(practice),
        timeZone: u_time_zone,
        existing:
          c_status === null
            ? null
            : toCheckin({
                practice_id: practiceId,
                date,
                status: c_status,
                value: c_value,
                note: c_note,
                energy: c_energy,
                created_at: c_created_at as string,
                updated_at: c_updated_at as string,
              }),
        revs: { practice: Number(p_rev), user: Number(u_rev) },
      };
    },
    async put(userId, c, historyChanged, expected) {
      const args: CheckinArgs & GuardArgs = {
        practiceId: c.practiceId,
        date: c.date,
        userId,
        status: c.status,
        value: c.value,
        note: c.note,
        energy: c.energy,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        practiceRev: expected?.revs.practice ?? 0,
        userRev: expected?.revs.user ?? 0,
        timeZone: expected?.timeZone ?? '',
      };
      const opts = { history: historyChanged, guarded: expected !== undefined };
      const revised = (rows: Revisions[]) => (rows[0] ? Number(rows[0].data_rev) : null);
      if (dialectOf(db) === 'postgres') return revised(await putPg(opts)(db, args));
      // Synchronously when the connection is free (no promise between the statements); otherwise
      // through Kysely, in a transaction of its own unless the caller's.
      const now = sqliteAtomically(db, (tx) => {
        const rows = bumpSqlite(opts).now(tx, args);
        if (rows.length === 0) return null;
        upsertCheckin.now(tx, args);
        if (historyChanged) dropCheckpointsFrom.now(tx, args);
        return revised(rows);
      });
      if (now) return now.value;
      const write = async (trx: Db) => {
        const rows = await bumpSqlite(opts)(trx, args);
        if (rows.length === 0) return null;
        await upsertCheckin(trx, args);
        if (historyChanged) await dropCheckpointsFrom(trx, args);
        return revised(rows);
      };
      return db.isTransaction ? write(db) : db.transaction().execute(write);
    },
    async delete(practiceId, date) {
      const res = await db
        .deleteFrom('checkin')
        .where('practice_id', '=', practiceId)
        .where('date', '=', date)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) return false;
      await reviseHistoryFrom(db, practiceId, date);
      return true;
    },
  };
}
