import type { Area, CheckinDto } from '@tack/contracts';
import type {
  AreasPort,
  CheckinsPort,
  CheckpointsPort,
  Frequency,
  PracticeRecord,
  PracticeRow,
  PracticeStore,
  PracticesPort,
  PracticeUnitOfWork,
  StrengthCheckpoint,
} from '@tack/core';
import { type Kysely, type OnConflictBuilder, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { dialectOf, prepared } from '../prepared.ts';
import type { CheckinTable, Database, PracticeTable } from '../schema.ts';
import { touchOwnerOfArea, touchPractice, touchPracticeOfPause, touchUser } from './revision.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows in one checkpoint insert (two parameters each). */
const CHECKPOINTS_PER_STATEMENT = 200;

/**
 * The columns a check-in and a practice row are read from. Prepared queries name them rather than
 * selecting `*`: on PostgreSQL a named statement's result columns must not change under it (a
 * migration adding a column while older app servers still run).
 */
const CHECKIN_COLUMNS = [
  'practice_id',
  'date',
  'status',
  'value',
  'note',
  'energy',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof CheckinTable>;
const PRACTICE_ROW_COLUMNS = [
  'id',
  'user_id',
  'area_id',
  'name',
  'description',
  'why',
  'color',
  'kind',
  'unit',
  'target',
  'target_type',
  'if_then',
  'position',
  'history_rev',
  'created_at',
  'updated_at',
  'archived_at',
  'deleted_at',
] as const satisfies ReadonlyArray<keyof PracticeTable>;
type CheckinColumns = Pick<Selectable<CheckinTable>, (typeof CHECKIN_COLUMNS)[number]>;
type PracticeRowColumns = Pick<Selectable<PracticeTable>, (typeof PRACTICE_ROW_COLUMNS)[number]>;

function toCheckin(r: CheckinColumns): CheckinDto {
  return {
    practiceId: r.practice_id,
    date: r.date,
    status: r.status as CheckinDto['status'],
    value: r.value === null ? null : Number(r.value),
    note: r.note,
    energy: r.energy === null ? null : Number(r.energy),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(r: PracticeRowColumns): PracticeRow {
  return {
    id: r.id,
    userId: r.user_id,
    areaId: r.area_id,
    name: r.name,
    description: r.description,
    why: r.why,
    color: r.color,
    kind: r.kind as PracticeRecord['kind'],
    unit: r.unit,
    target: r.target === null ? null : Number(r.target),
    targetType: r.target_type as PracticeRecord['targetType'],
    ifThen: r.if_then ? (JSON.parse(r.if_then) as PracticeRecord['ifThen']) : null,
    position: Number(r.position),
    historyRev: Number(r.history_rev),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    deletedAt: r.deleted_at,
  };
}

async function hydrate(db: Db, rows: Selectable<PracticeTable>[]): Promise<PracticeRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [schedules, pauses] = await Promise.all([
    db.selectFrom('practice_schedule').selectAll().where('practice_id', 'in', ids).orderBy('effective_from').execute(),
    db.selectFrom('practice_pause').selectAll().where('practice_id', 'in', ids).orderBy('from_date').execute(),
  ]);
  return rows.map((r) => ({
    ...toRow(r),
    versions: schedules
      .filter((s) => s.practice_id === r.id)
      .map((s) => ({ effectiveFrom: s.effective_from, frequency: JSON.parse(s.frequency) as Frequency })),
    pauses: pauses.filter((p) => p.practice_id === r.id).map((p) => ({ id: p.id, from: p.from_date, to: p.to_date })),
  }));
}

function practicesPort(db: Db): PracticesPort {
  return {
    async list(userId, filter) {
      let q = db.selectFrom('practice').selectAll().where('user_id', '=', userId);
      if (filter === 'live') q = q.where('deleted_at', 'is', null).where('archived_at', 'is', null);
      if (filter === 'archived') q = q.where('deleted_at', 'is', null).where('archived_at', 'is not', null);
      if (filter === 'deleted') q = q.where('deleted_at', 'is not', null);
      return hydrate(db, await q.orderBy('position').orderBy('id').execute());
    },
    async get(userId, id, includeDeleted = false) {
      let q = db.selectFrom('practice').selectAll().where('id', '=', id).where('user_id', '=', userId);
      if (!includeDeleted) q = q.where('deleted_at', 'is', null);
      const row = await q.executeTakeFirst();
      return row ? ((await hydrate(db, [row]))[0] ?? null) : null;
    },
    async getRow(userId, id, includeDeleted = false) {
      let q = db.selectFrom('practice').selectAll().where('id', '=', id).where('user_id', '=', userId);
      if (!includeDeleted) q = q.where('deleted_at', 'is', null);
      const row = await q.executeTakeFirst();
      return row ? toRow(row) : null;
    },
    async insert(p) {
      await db
        .insertInto('practice')
        .values({
          id: p.id,
          user_id: p.userId,
          area_id: p.areaId,
          name: p.name,
          description: p.description,
          why: p.why,
          color: p.color,
          kind: p.kind,
          unit: p.unit,
          target: p.target,
          target_type: p.targetType,
          if_then: p.ifThen ? JSON.stringify(p.ifThen) : null,
          position: p.position,
          external_source: null,
          external_id: null,
          created_at: p.createdAt,
          updated_at: p.updatedAt,
          archived_at: p.archivedAt,
          deleted_at: p.deletedAt,
        })
        .execute();
      if (p.versions.length > 0) {
        await db
          .insertInto('practice_schedule')
          .values(
            p.versions.map((v) => ({
              practice_id: p.id,
              effective_from: v.effectiveFrom,
              frequency: JSON.stringify(v.frequency),
              created_at: p.createdAt,
            })),
          )
          .execute();
      }
      await touchUser(db, p.userId);
    },
    async update(id, c, at) {
      const set: Updateable<PracticeTable> = { updated_at: at };
      if (c.areaId !== undefined) set.area_id = c.areaId;
      if (c.name !== undefined) set.name = c.name;
      if (c.description !== undefined) set.description = c.description;
      if (c.why !== undefined) set.why = c.why;
      if (c.color !== undefined) set.color = c.color;
      if (c.unit !== undefined) set.unit = c.unit;
      if (c.target !== undefined) set.target = c.target;
      if (c.targetType !== undefined) set.target_type = c.targetType;
      if (c.ifThen !== undefined) set.if_then = c.ifThen ? JSON.stringify(c.ifThen) : null;
      if (c.position !== undefined) set.position = c.position;
      if (c.archivedAt !== undefined) set.archived_at = c.archivedAt;
      if (c.deletedAt !== undefined) set.deleted_at = c.deletedAt;
      await db.updateTable('practice').set(set).where('id', '=', id).execute();
      await touchPractice(db, id);
    },
    async putScheduleVersion(id, effectiveFrom, frequency, at) {
      await db
        .insertInto('practice_schedule')
        .values({
          practice_id: id,
          effective_from: effectiveFrom,
          frequency: JSON.stringify(frequency),
          created_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['practice_id', 'effective_from'])
            .doUpdateSet({ frequency: JSON.stringify(frequency), created_at: at }),
        )
        .execute();
      await touchPractice(db, id);
    },
    async addPause(id, pause, at) {
      await db
        .insertInto('practice_pause')
        .values({ id: pause.id, practice_id: id, from_date: pause.from, to_date: pause.to, created_at: at })
        .execute();
      await touchPractice(db, id);
    },
    async setPauseEnd(pauseId, to) {
      await db.updateTable('practice_pause').set({ to_date: to }).where('id', '=', pauseId).execute();
      await touchPracticeOfPause(db, pauseId);
    },
    async deletePause(pauseId) {
      await touchPracticeOfPause(db, pauseId);
      await db.deleteFrom('practice_pause').where('id', '=', pauseId).execute();
    },
    async nextPosition(userId) {
      const row = await db
        .selectFrom('practice')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
    },
    async purgeDeleted(before) {
      // Their revisions leave the owners' sums: bump the owners (ADR 0008).
      await db
        .updateTable('user')
        .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
        .where('id', 'in', (eb) => eb.selectFrom('practice').select('user_id').where('deleted_at', '<', before))
        .execute();
      const res = await db.deleteFrom('practice').where('deleted_at', '<', before).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

/**
 * After a check-in write: one update bumps the practice's data revision (the Today cache) and, for a
 * history change from `historyFrom` on, its history revision too, dropping checkpoints from that date.
 */
async function revise(db: Db, practiceId: string, historyFrom: string | null): Promise<void> {
  await db
    .updateTable('practice')
    .set((eb) =>
      historyFrom === null
        ? { data_rev: eb('data_rev', '+', 1) }
        : { data_rev: eb('data_rev', '+', 1), history_rev: eb('history_rev', '+', 1) },
    )
    .where('id', '=', practiceId)
    .execute();
  if (historyFrom !== null) {
    await db
      .deleteFrom('strength_checkpoint')
      .where('practice_id', '=', practiceId)
      .where('date', '>=', historyFrom)
      .execute();
  }
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

function checkinsPort(db: Db): CheckinsPort {
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
      await revise(db, practiceId, date);
      return true;
    },
  };
}

function checkpointsPort(db: Db): CheckpointsPort {
  return {
    async latestBefore(practices, before) {
      const out = new Map<string, StrengthCheckpoint>();
      if (practices.length === 0) return out;
      const revs = new Map(practices.map((p) => [p.id, p.historyRev]));
      // Only the latest checkpoint per practice, driven from the practice rows (one max() on the
      // primary key each): reading every older one (about 1 KiB of JSON each, weekly over years)
      // made Today slow (bench: docs/PERFORMANCE.md).
      const rows = await db
        .selectFrom('practice as p')
        .innerJoin('strength_checkpoint as c', (join) =>
          join.onRef('c.practice_id', '=', 'p.id').on('c.date', '=', (eb) =>
            eb
              .selectFrom('strength_checkpoint as c2')
              .select((eb2) => eb2.fn.max('c2.date').as('d'))
              .whereRef('c2.practice_id', '=', 'p.id')
              .where('c2.date', '<', before),
          ),
        )
        .select(['c.practice_id', 'c.date', 'c.state', 'p.history_rev'])
        .where(
          'p.id',
          'in',
          practices.map((p) => p.id),
        )
        .execute();
      for (const r of rows) {
        if (out.has(r.practice_id) || Number(r.history_rev) !== revs.get(r.practice_id)) continue;
        out.set(r.practice_id, JSON.parse(r.state) as StrengthCheckpoint);
      }
      return out;
    },
    async saveIfCurrent(practiceId, rev, checkpoints) {
      if (checkpoints.length === 0) return;
      // One transaction for the lot: a first read after years of history saves ~150 checkpoints
      // a practice, and one commit (fsync) each made the first Today take 20 s on PostgreSQL.
      if (!db.isTransaction && checkpoints.length > 1) {
        await db.transaction().execute((trx) => checkpointsPort(trx).saveIfCurrent(practiceId, rev, checkpoints));
        return;
      }
      // Conditional on history_rev: a concurrent history change makes this insert nothing. Many rows
      // a statement: after an import, the first Today saves about 150 checkpoints for each practice.
      for (let i = 0; i < checkpoints.length; i += CHECKPOINTS_PER_STATEMENT) {
        const rows = sql.join(
          checkpoints
            .slice(i, i + CHECKPOINTS_PER_STATEMENT)
            .map((cp) => sql`select ${cp.date} as date, ${JSON.stringify(cp)} as state`),
          sql` union all `,
        );
        await sql`insert into strength_checkpoint (practice_id, date, state)
          select ${practiceId}, v.date, v.state from (${rows}) as v
          where exists (select 1 from practice where id = ${practiceId} and history_rev = ${rev})
          on conflict (practice_id, date) do nothing`.execute(db);
      }
    },
    async invalidateFrom(practiceId, date) {
      await db
        .updateTable('practice')
        .set((eb) => ({ history_rev: eb('history_rev', '+', 1) }))
        .where('id', '=', practiceId)
        .execute();
      await db
        .deleteFrom('strength_checkpoint')
        .where('practice_id', '=', practiceId)
        .where('date', '>=', date)
        .execute();
    },
  };
}

function areasPort(db: Db): AreasPort {
  const toArea = (r: { id: string; name: string; position: number; created_at: string }): Area => ({
    id: r.id,
    name: r.name,
    position: Number(r.position),
    createdAt: r.created_at,
  });
  return {
    async list(userId) {
      const rows = await db
        .selectFrom('area')
        .selectAll()
        .where('user_id', '=', userId)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(toArea);
    },
    async get(userId, id) {
      const row = await db
        .selectFrom('area')
        .selectAll()
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row ? toArea(row) : null;
    },
    async insert(userId, a) {
      await db
        .insertInto('area')
        .values({
          id: a.id,
          user_id: userId,
          name: a.name,
          position: a.position,
          created_at: a.createdAt,
          deleted_at: null,
        })
        .execute();
      await touchUser(db, userId);
    },
    async update(id, patch) {
      if (patch.name === undefined && patch.position === undefined) return;
      await db.updateTable('area').set(patch).where('id', '=', id).execute();
      await touchOwnerOfArea(db, id);
    },
    async softDelete(id, at) {
      await db.updateTable('practice').set({ area_id: null }).where('area_id', '=', id).execute();
      await db.updateTable('area').set({ deleted_at: at }).where('id', '=', id).execute();
      await touchOwnerOfArea(db, id);
    },
    async nextPosition(userId) {
      const row = await db
        .selectFrom('area')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
    },
  };
}

function storeOf(db: Db): PracticeStore {
  return {
    practices: practicesPort(db),
    checkins: checkinsPort(db),
    checkpoints: checkpointsPort(db),
    areas: areasPort(db),
  };
}

export function practiceStore(db: Kysely<Database>): PracticeUnitOfWork {
  return {
    ...storeOf(db),
    // Inside a transaction already (a review's completion), the work joins it.
    transaction: (fn) => (db.isTransaction ? fn(storeOf(db)) : db.transaction().execute((trx) => fn(storeOf(trx)))),
    readThenWrite: (fn) =>
      db.isTransaction || dialectOf(db) === 'postgres'
        ? fn(storeOf(db))
        : db.transaction().execute((trx) => fn(storeOf(trx))),
  };
}
