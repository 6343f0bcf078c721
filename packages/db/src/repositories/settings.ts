import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Returns the stored value for key, storing `make()` first when there is none. Safe when several
 * app servers start at once: the first insert wins and everyone reads the winner.
 */
export async function getOrCreateSetting(db: Kysely<Database>, key: string, make: () => string): Promise<string> {
  const existing = await db.selectFrom('instance_setting').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('instance_setting')
    .values({ key, value: make(), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('instance_setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
