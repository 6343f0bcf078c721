// Frozen: directions, experiments, goals with revisions, intentions with weekly answers, backwards
// chains, milestone maps. Each aggregate is a row: the columns queries filter on, plus `data`
// (JSON text of the rest) and `version` (optimistic concurrency: a save checks it and bumps it).
import type { Kysely } from 'kysely';

type Builder = ReturnType<Kysely<unknown>['schema']['createTable']>;

function aggregate(db: Kysely<unknown>, table: string, extra: (t: Builder) => Builder): Builder {
  const t = db.schema
    .createTable(table)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'));
  return extra(t)
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await aggregate(db, 'direction', (t) => t).execute();
  await db.schema.createIndex('direction_user_idx').on('direction').columns(['user_id', 'created_at']).execute();

  await aggregate(db, 'experiment', (t) =>
    t
      .addColumn('direction_id', 'text', (c) => c.notNull().references('direction.id').onDelete('cascade'))
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text'),
  ).execute();
  await db.schema
    .createIndex('experiment_user_idx')
    .on('experiment')
    .columns(['user_id', 'direction_id', 'start_date'])
    .execute();

  await aggregate(db, 'intention', (t) =>
    t.addColumn('horizon_kind', 'text', (c) => c.notNull()).addColumn('horizon_value', 'text'),
  ).execute();
  await db.schema.createIndex('intention_user_idx').on('intention').columns(['user_id', 'created_at']).execute();

  await aggregate(db, 'goal', (t) =>
    t.addColumn('kind', 'text', (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('goal_user_idx').on('goal').columns(['user_id', 'status']).execute();

  await db.schema
    .createTable('goal_revision')
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_revision_pk', ['goal_id', 'number'])
    .execute();

  await db.schema
    .createTable('intention_week')
    .addColumn('intention_id', 'text', (c) => c.notNull().references('intention.id').onDelete('cascade'))
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('intention_week_pk', ['intention_id', 'iso_week'])
    .execute();

  await aggregate(db, 'chain', (t) => t).execute();
  await db.schema.createIndex('chain_user_idx').on('chain').columns(['user_id', 'created_at']).execute();

  await aggregate(db, 'milestone', (t) =>
    t
      .addColumn('goal_id', 'text', (c) => c.references('goal.id').onDelete('cascade'))
      .addColumn('direction_id', 'text', (c) => c.references('direction.id').onDelete('cascade'))
      .addColumn('target_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('milestone_goal_idx').on('milestone').columns(['user_id', 'goal_id']).execute();
  await db.schema.createIndex('milestone_direction_idx').on('milestone').columns(['user_id', 'direction_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'milestone',
    'chain',
    'intention_week',
    'goal_revision',
    'goal',
    'intention',
    'experiment',
    'direction',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
