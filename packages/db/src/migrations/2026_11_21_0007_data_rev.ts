// Frozen: a per-person data revision. Every write to what the Today view shows (practices, their
// schedules and pauses, areas, check-ins) adds one, so a cached Today is valid exactly while the
// revision it was built at is still the person's revision (ADR 0008).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('user')
    .addColumn('data_rev', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('user').dropColumn('data_rev').execute();
}
