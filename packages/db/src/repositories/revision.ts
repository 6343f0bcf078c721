import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Every write to what the Today view shows (practices, schedules, pauses, areas, check-ins) calls
 * one of these in the same transaction, so a cached Today is valid while the person's `data_rev`
 * is unchanged (migration 0007, ADR 0008). Reading the revision before the data keeps it safe.
 */
export async function touchUser(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('user')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

/** touchUser for the owner of a practice. */
export async function touchOwnerOfPractice(db: Db, practiceId: string): Promise<void> {
  await db
    .updateTable('user')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('practice').select('user_id').where('id', '=', practiceId))
    .execute();
}

/** touchUser for the owner of a pause's practice. */
export async function touchOwnerOfPause(db: Db, pauseId: string): Promise<void> {
  await db
    .updateTable('user')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('practice_pause')
        .innerJoin('practice', 'practice.id', 'practice_pause.practice_id')
        .select('practice.user_id')
        .where('practice_pause.id', '=', pauseId),
    )
    .execute();
}

/** touchUser for the owner of an area. */
export async function touchOwnerOfArea(db: Db, areaId: string): Promise<void> {
  await db
    .updateTable('user')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('area').select('user_id').where('id', '=', areaId))
    .execute();
}

/** The person's time zone and data revision, in one read (the Today cache's key). */
export async function userState(db: Db, userId: string): Promise<{ timeZone: string; dataRev: number } | null> {
  const row = await db.selectFrom('user').select(['time_zone', 'data_rev']).where('id', '=', userId).executeTakeFirst();
  return row ? { timeZone: row.time_zone, dataRev: Number(row.data_rev) } : null;
}
