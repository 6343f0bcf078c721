import type { Kysely, Transaction } from 'kysely';
import { prepared } from '../prepared.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Every write to what the Today view shows calls one of these in the same transaction, so a cached
 * Today is valid while the person's revision pair is unchanged (migrations 0007 and 0009, ADR 0008):
 * writes about one practice (its fields, schedule, pauses, check-ins) bump that practice's
 * `data_rev`; everything else (new practices, areas, imports, restores, purges) bumps the person's.
 * Within one value of the person's revision the practices' sum only grows, so the pair never
 * repeats. Reading the revision before the data keeps it safe.
 */
export async function touchUser(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('user')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

/** A write about one practice. */
export async function touchPractice(db: Db, practiceId: string): Promise<void> {
  await db
    .updateTable('practice')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', practiceId)
    .execute();
}

/** A write about one pause: its practice's. */
export async function touchPracticeOfPause(db: Db, pauseId: string): Promise<void> {
  await db
    .updateTable('practice')
    .set((eb) => ({ data_rev: eb('data_rev', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('practice_pause').select('practice_id').where('id', '=', pauseId))
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

/** The person's time zone and data revision (the pair, as text), in one read: the Today cache's key. */
const readUserState = prepared<
  { userId: string },
  { time_zone: string; data_rev: number | string; practices_rev: number | string | null }
>((db, arg) =>
  db
    .selectFrom('user')
    .select((eb) => [
      'time_zone',
      'data_rev',
      eb
        .selectFrom('practice')
        .select((eb2) => eb2.fn.coalesce(eb2.fn.sum<number>('data_rev'), eb2.lit(0)).as('s'))
        .whereRef('practice.user_id', '=', 'user.id')
        .as('practices_rev'),
    ])
    .where('id', '=', arg('userId'))
    .compile(),
);

export async function userState(db: Db, userId: string): Promise<{ timeZone: string; dataRev: string } | null> {
  const [row] = await readUserState(db, { userId });
  return row ? { timeZone: row.time_zone, dataRev: `${Number(row.data_rev)}.${Number(row.practices_rev ?? 0)}` } : null;
}
