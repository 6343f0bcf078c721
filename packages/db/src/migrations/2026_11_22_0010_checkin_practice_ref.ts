// Frozen: on PostgreSQL, the reference checkin.practice_id → practice.id is kept by statement-level
// triggers instead of a foreign key. Same rules, checked once per statement instead of once per row.
//
// Why: bulk imports. A foreign key checks each inserted row on its own (a `select … for key share`
// with an executor started and ended per row). At the benchmark's default size (1,000 people,
// 35 million check-ins) those checks were 56 % of the database's time in a Loop import's copy of
// 182,600 check-ins, and the import missed its 2 s target (2.1 s). One set-based check over the
// statement's new rows (a transition table) does the same work in one query: the same copy went
// from 2.4–2.7 s to 1.4–1.7 s in a measurement beside the key, and single-row writes (a check-in's
// upsert) showed no difference beyond the noise.
//
// The rules, as the key had them:
// - inserting a check-in (any statement: insert, upsert, copy) whose practice does not exist fails
//   with SQLSTATE 23503 (foreign_key_violation); the practices it names are locked `for key share`
//   until the transaction ends, so a concurrent delete of one waits, then cascades to the new rows;
// - changing a check-in's practice_id to a practice that does not exist fails the same way;
// - deleting a practice deletes its check-ins (the key's ON DELETE CASCADE), also when the practice
//   goes with its person;
// - changing the id of a practice that has check-ins fails (the key's NO ACTION).
//
// SQLite: a no-op. Its foreign-key check is an in-process B-tree probe, and dropping a key there
// would mean rebuilding the largest table.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './frozen-dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  // The name PostgreSQL gave the inline constraint of migration 0002, looked up rather than assumed.
  const found = await sql<{ conname: string }>`
    select c.conname from pg_constraint c
    where c.contype = 'f' and c.conrelid = 'checkin'::regclass and c.confrelid = 'practice'::regclass`.execute(db);
  for (const row of found.rows) {
    await sql`alter table checkin drop constraint ${sql.id(row.conname)}`.execute(db);
  }

  await sql`create function tack_checkin_practice_inserted() returns trigger language plpgsql as $$
begin
  if exists (
    with locked as (
      select p.id from practice p where p.id in (select distinct n.practice_id from new_rows n) for key share
    )
    select 1 from new_rows n where not exists (select 1 from locked l where l.id = n.practice_id)
  ) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'insert or update on table "checkin" violates the reference to "practice"',
      detail = 'A check-in names a practice that does not exist.';
  end if;
  return null;
end $$`.execute(db);
  await sql`create trigger tack_checkin_practice_inserted after insert on checkin
    referencing new table as new_rows for each statement
    execute function tack_checkin_practice_inserted()`.execute(db);

  await sql`create function tack_checkin_practice_changed() returns trigger language plpgsql as $$
begin
  perform 1 from practice p where p.id = new.practice_id for key share;
  if not found then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'insert or update on table "checkin" violates the reference to "practice"',
      detail = format('Practice %s does not exist.', new.practice_id);
  end if;
  return null;
end $$`.execute(db);
  await sql`create trigger tack_checkin_practice_changed after update of practice_id on checkin
    for each row when (old.practice_id is distinct from new.practice_id)
    execute function tack_checkin_practice_changed()`.execute(db);

  await sql`create function tack_practice_deleted() returns trigger language plpgsql as $$
begin
  delete from checkin c where c.practice_id in (select g.id from gone g);
  return null;
end $$`.execute(db);
  await sql`create trigger tack_practice_deleted after delete on practice
    referencing old table as gone for each statement
    execute function tack_practice_deleted()`.execute(db);

  await sql`create function tack_practice_id_changed() returns trigger language plpgsql as $$
begin
  if exists (select 1 from checkin c where c.practice_id = old.id) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'update on table "practice" violates the reference from "checkin"',
      detail = format('Practice %s has check-ins.', old.id);
  end if;
  return null;
end $$`.execute(db);
  await sql`create trigger tack_practice_id_changed after update of id on practice
    for each row when (old.id is distinct from new.id)
    execute function tack_practice_id_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop trigger tack_practice_id_changed on practice`.execute(db);
  await sql`drop function tack_practice_id_changed()`.execute(db);
  await sql`drop trigger tack_practice_deleted on practice`.execute(db);
  await sql`drop function tack_practice_deleted()`.execute(db);
  await sql`drop trigger tack_checkin_practice_changed on checkin`.execute(db);
  await sql`drop function tack_checkin_practice_changed()`.execute(db);
  await sql`drop trigger tack_checkin_practice_inserted on checkin`.execute(db);
  await sql`drop function tack_checkin_practice_inserted()`.execute(db);
  await sql`alter table checkin add constraint checkin_practice_id_fkey
    foreign key (practice_id) references practice (id) on delete cascade`.execute(db);
}
