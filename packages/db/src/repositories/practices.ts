import type { Area } from '@tack/contracts';
import type {
  AreasPort,
  CheckpointsPort,
  Frequency,
  PracticeRecord,
  PracticeStore,
  PracticesPort,
  PracticeUnitOfWork,
  StrengthCheckpoint,
} from '@tack/core';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database, PracticeTable } from '../schema.ts';
import { checkinsPort } from './checkins.ts';
import { toRow } from './practice-rows.ts';
import { touchOwnerOfArea, touchPractice, touchPracticeOfPause, touchUser } from './revision.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows in one checkpoint insert (two parameters each). */
const CHECKPOINTS_PER_STATEMENT = 200;

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
        .deleteFrom('practice_schedule')
        .where('practice_id', '=', id)
        .where('effective_from', '>', effectiveFrom)
        .execute();
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
    readThenWrite: (fn) => fn(storeOf(db)),
  };
}
