// Frozen: on PostgreSQL, drops the foreign key checkin.user_id → user.id and the index
// checkin_user_date_idx (user_id, date). The column stays.
//
// Why: bulk imports. A Loop import of 50 habits × 10 years writes about 182,500 check-ins in one
// transaction. Measured on PostgreSQL 15 (durable settings, an INSERT … SELECT of those rows):
// 2.2 s with both foreign keys and both indexes, 1.5 s without the user_id key (each key is one RI
// trigger call per row, a lookup of the parent row), 1.1 s without the (user_id, date) index too.
// - The key adds no integrity the schema does not already have: checkin.practice_id references
//   practice.id ON DELETE CASCADE and practice.user_id references user.id ON DELETE CASCADE, so
//   deleting a person (or a practice) still deletes their check-ins; the repositories always write
//   a check-in's user_id from its practice's owner.
// - No query reads check-ins by person any more (the backup export and account erasure go through
//   practice.user_id, practice_user_idx and the check-in primary key), so the index was only cost.
//
// SQLite: a no-op. SQLite cannot drop a foreign key without rebuilding the table (create, copy
// every check-in, drop, rename, re-index), a long exclusive rewrite of the largest table for little
// gain: its foreign-key check is an in-process B-tree probe, not a trigger call. And while the key
// exists SQLite needs the index: deleting a person looks up their check-ins by user_id to cascade,
// which without it is a scan of the whole table.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './frozen-dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  // The name PostgreSQL gave the inline constraint of migration 0002, looked up rather than assumed.
  const found = await sql<{ conname: string }>`
    select c.conname from pg_constraint c
    where c.contype = 'f' and c.conrelid = 'checkin'::regclass and c.confrelid = '"user"'::regclass`.execute(db);
  for (const row of found.rows) {
    await sql`alter table checkin drop constraint ${sql.id(row.conname)}`.execute(db);
  }
  await db.schema.dropIndex('checkin_user_date_idx').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.schema.createIndex('checkin_user_date_idx').on('checkin').columns(['user_id', 'date']).execute();
  await sql`alter table checkin add constraint checkin_user_id_fkey
    foreign key (user_id) references "user" (id) on delete cascade`.execute(db);
}
