// Frozen helpers for migrations. Like the migrations themselves, never change what this
// returns once a migration uses it: add a new helper instead.
import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column type for better-auth's date fields: timestamptz on Postgres, ISO text on SQLite. */
export function authDate(db: Kysely<unknown>): 'timestamptz' | 'text' {
  return isPostgres(db) ? 'timestamptz' : 'text';
}

/** Column type for better-auth's boolean fields: boolean on Postgres, 0/1 integer on SQLite. */
export function authBool(db: Kysely<unknown>): 'boolean' | 'integer' {
  return isPostgres(db) ? 'boolean' : 'integer';
}
