// Frozen: areas, practices with versioned schedules and pauses, check-ins, strength checkpoints.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('area')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('area_user_idx').on('area').columns(['user_id', 'position']).execute();

  await db.schema
    .createTable('practice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.references('area.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('why', 'text')
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('target', 'double precision')
    .addColumn('target_type', 'text')
    .addColumn('if_then', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    // Bumped by every change to check-ins, schedule or pauses; strength checkpoints are saved only
    // while it is unchanged, so a read racing a backfill never caches a stale score.
    .addColumn('history_rev', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_source', 'text')
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('practice_user_idx').on('practice').columns(['user_id', 'position']).execute();
  await db.schema
    .createIndex('practice_external_uq')
    .on('practice')
    .columns(['user_id', 'external_source', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('practice_schedule')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_schedule_pk', ['practice_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('practice_pause')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_pause_idx').on('practice_pause').column('practice_id').execute();

  await db.schema
    .createTable('checkin')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text')
    .addColumn('energy', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkin_pk', ['practice_id', 'date'])
    .execute();
  await db.schema.createIndex('checkin_user_date_idx').on('checkin').columns(['user_id', 'date']).execute();

  await db.schema
    .createTable('strength_checkpoint')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('strength_checkpoint_pk', ['practice_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['strength_checkpoint', 'checkin', 'practice_pause', 'practice_schedule', 'practice', 'area']) {
    await db.schema.dropTable(t).execute();
  }
}
