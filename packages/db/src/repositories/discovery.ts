// Discovery aggregates (directions, experiments, goals, intentions, chains, milestones): each is one
// row of filter columns plus `data`, the JSON text of everything else. Revisions and weekly answers
// are rows of their own.

import type { GoalRevision } from '@tack/contracts';
import type {
  AggregateMeta,
  AggregatePort,
  ChainRecord,
  DirectionRecord,
  DiscoveryStore,
  DiscoveryUnitOfWork,
  ExperimentRecord,
  GoalRecord,
  GoalRevisionsPort,
  IntentionRecord,
  IntentionWeeksPort,
  MilestoneRecord,
  Where,
} from '@tack/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Cell = string | number | null;
type Row = Record<string, Cell>;
/** The aggregate tables seen through one row type; each codec names its own columns. */
type LooseDb = Record<string, Row>;

const META = ['id', 'userId', 'version', 'createdAt', 'updatedAt', 'deletedAt'] as const;
const META_COLUMNS: Record<(typeof META)[number], string> = {
  id: 'id',
  userId: 'user_id',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deletedAt: 'deleted_at',
};

/** Which record fields are columns (and their names); everything else goes to `data`. */
interface Codec<T> {
  table: string;
  columns: Partial<Record<keyof T & string, string>>;
  /** Columns that hold numbers (pg returns some numeric types as strings). */
  numbers?: ReadonlyArray<keyof T & string>;
}

function aggregatePort<T extends AggregateMeta>(db: Db, codec: Codec<T>): AggregatePort<T> {
  const loose = db as unknown as Kysely<LooseDb>;
  const columnOf = (field: string): string | undefined =>
    META_COLUMNS[field as (typeof META)[number]] ?? codec.columns[field as keyof T & string];
  const scalarFields = [...META, ...(Object.keys(codec.columns) as string[])];

  function toRow(record: T): Row {
    const row: Row = {};
    const data: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      const column = columnOf(field);
      if (column) row[column] = value as Cell;
      else data[field] = value;
    }
    row.data = JSON.stringify(data);
    return row;
  }

  function fromRow(row: Row): T {
    const out: Record<string, unknown> = JSON.parse(String(row.data));
    for (const field of scalarFields) {
      const value = row[columnOf(field) ?? field] ?? null;
      out[field] =
        field === 'version' || codec.numbers?.includes(field as keyof T & string)
          ? value === null
            ? null
            : Number(value)
          : value;
    }
    return out as T;
  }

  return {
    async list(userId, where, includeDeleted = false) {
      let q = loose.selectFrom(codec.table).selectAll().where('user_id', '=', userId);
      if (!includeDeleted) q = q.where('deleted_at', 'is', null);
      for (const [field, value] of Object.entries((where ?? {}) as Where<T>)) {
        const column = columnOf(field);
        if (!column) throw new Error(`${codec.table}: ${field} is not a column`);
        q = value === null ? q.where(column, 'is', null) : q.where(column, '=', value as Cell);
      }
      const rows = await q.orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async get(userId, id, includeDeleted = false) {
      let q = loose.selectFrom(codec.table).selectAll().where('id', '=', id).where('user_id', '=', userId);
      if (!includeDeleted) q = q.where('deleted_at', 'is', null);
      const row = await q.executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async insert(record) {
      await loose.insertInto(codec.table).values(toRow(record)).execute();
    },
    async save(record) {
      const { id, user_id, version, created_at, ...rest } = toRow(record);
      const res = await loose
        .updateTable(codec.table)
        .set({ ...rest, version: Number(version) + 1 })
        .where('id', '=', id ?? '')
        .where('user_id', '=', user_id ?? '')
        .where('version', '=', Number(version))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}

function goalRevisionsPort(db: Db): GoalRevisionsPort {
  return {
    async add(userId, goalId, r) {
      await db
        .insertInto('goal_revision')
        .values({
          goal_id: goalId,
          number: r.number,
          user_id: userId,
          reason: r.reason,
          changed: JSON.stringify(r.changed),
          before: r.before ? JSON.stringify(r.before) : null,
          after: JSON.stringify(r.after),
          created_at: r.at,
        })
        .execute();
    },
    async list(goalId) {
      const rows = await db
        .selectFrom('goal_revision')
        .selectAll()
        .where('goal_id', '=', goalId)
        .orderBy('number')
        .execute();
      return rows.map(
        (r): GoalRevision => ({
          number: Number(r.number),
          at: r.created_at,
          reason: r.reason,
          changed: JSON.parse(r.changed) as string[],
          before: r.before ? (JSON.parse(r.before) as GoalRevision['before']) : null,
          after: JSON.parse(r.after) as GoalRevision['after'],
        }),
      );
    },
  };
}

function intentionWeeksPort(db: Db): IntentionWeeksPort {
  const toWeek = (r: { iso_week: string; answer: string; created_at: string; updated_at: string }) => ({
    isoWeek: r.iso_week,
    answer: r.answer,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  return {
    async put(userId, intentionId, w) {
      await db
        .insertInto('intention_week')
        .values({
          intention_id: intentionId,
          iso_week: w.isoWeek,
          user_id: userId,
          answer: w.answer,
          created_at: w.createdAt,
          updated_at: w.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['intention_id', 'iso_week']).doUpdateSet({ answer: w.answer, updated_at: w.updatedAt }),
        )
        .execute();
    },
    async get(intentionId, isoWeek) {
      const row = await db
        .selectFrom('intention_week')
        .selectAll()
        .where('intention_id', '=', intentionId)
        .where('iso_week', '=', isoWeek)
        .executeTakeFirst();
      return row ? toWeek(row) : null;
    },
    async list(intentionId) {
      const rows = await db
        .selectFrom('intention_week')
        .selectAll()
        .where('intention_id', '=', intentionId)
        .orderBy('iso_week', 'desc')
        .execute();
      return rows.map(toWeek);
    },
  };
}

const directions: Codec<DirectionRecord> = { table: 'direction', columns: {} };
const experiments: Codec<ExperimentRecord> = {
  table: 'experiment',
  columns: {
    directionId: 'direction_id',
    startDate: 'start_date',
    decisionDate: 'decision_date',
    decidedOn: 'decided_on',
  },
};
const goals: Codec<GoalRecord> = { table: 'goal', columns: { kind: 'kind', status: 'status' } };
const intentions: Codec<IntentionRecord> = {
  table: 'intention',
  columns: { horizonKind: 'horizon_kind', horizonValue: 'horizon_value' },
};
const chains: Codec<ChainRecord> = { table: 'chain', columns: {} };
const milestones: Codec<MilestoneRecord> = {
  table: 'milestone',
  columns: { goalId: 'goal_id', directionId: 'direction_id', targetDate: 'target_date', status: 'status' },
};

function storeOf(db: Db): DiscoveryStore {
  return {
    directions: aggregatePort(db, directions),
    experiments: aggregatePort(db, experiments),
    goals: aggregatePort(db, goals),
    goalRevisions: goalRevisionsPort(db),
    intentions: aggregatePort(db, intentions),
    intentionWeeks: intentionWeeksPort(db),
    chains: aggregatePort(db, chains),
    milestones: aggregatePort(db, milestones),
  };
}

export function discoveryStore(db: Kysely<Database>): DiscoveryUnitOfWork {
  return {
    ...storeOf(db),
    transaction: (fn) => (db.isTransaction ? fn(storeOf(db)) : db.transaction().execute((trx) => fn(storeOf(trx)))),
  };
}
