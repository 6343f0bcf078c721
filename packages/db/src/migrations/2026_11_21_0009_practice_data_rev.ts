// Frozen: a data revision per practice. Writes that concern one practice (its check-ins, fields,
// schedule, pauses) bump it instead of the person's `user.data_rev`, so concurrent check-ins of
// different practices do not queue on the person's row; the Today cache's key is the pair
// (user.data_rev, sum of the person's practice.data_rev) (ADR 0008).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('practice')
    .addColumn('data_rev', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('practice').dropColumn('data_rev').execute();
}
