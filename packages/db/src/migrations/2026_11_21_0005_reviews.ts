// Frozen: weekly reviews, insight dismissals, calendar feed settings.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    // First day of the person's week (their week start, their time zone), YYYY-MM-DD.
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: the answers of each step, the week's numbers frozen at completion, what completion changed.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('applied', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('review_user_week_uq').on('review').columns(['user_id', 'week_start']).unique().execute();

  await db.schema
    .createTable('insight_dismissal')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_dismissal_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('feed_setting')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('review_day', 'text', (c) => c.notNull())
    .addColumn('review_time', 'text', (c) => c.notNull())
    .addColumn('review_minutes', 'integer', (c) => c.notNull())
    .addColumn('practice_time', 'text', (c) => c.notNull())
    // SHA-256 of the secret in the calendar URL; null when no feed (revoked or never made).
    .addColumn('secret_hash', 'text')
    .addColumn('secret_created_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_setting_secret_uq').on('feed_setting').column('secret_hash').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['feed_setting', 'insight_dismissal', 'review']) {
    await db.schema.dropTable(t).execute();
  }
}
