// A fresh PostgreSQL database per test (file) on the throwaway cluster that scripts/test.mjs
// starts and announces as TACK_TEST_PG_URL (postgres://app@127.0.0.1:PORT/postgres, superuser).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestContext } from 'vitest';

/** Why Postgres tests cannot run here, or undefined when they can. */
export function pgSkipReason(): string | undefined {
  return process.env.TACK_TEST_PG_URL ? undefined : 'TACK_TEST_PG_URL is not set (run the tests with `npm test`)';
}

/**
 * First line of a Postgres test: skips it (with the reason) when TACK_TEST_PG_URL is not set,
 * unless TACK_REQUIRE_ALL_TIERS=1 (`npm test`), where the test goes on and fails.
 */
export function skipUnlessPg(ctx: TestContext): void {
  const reason = pgSkipReason();
  if (reason && process.env.TACK_REQUIRE_ALL_TIERS !== '1') ctx.skip(reason);
}

/**
 * Creates a new, empty database and returns its URL. `name` is a readable hint: it is
 * lower-cased, reduced to [a-z0-9_] and given a random suffix, so calls never collide.
 */
export async function freshPgDatabase(name: string): Promise<string> {
  const base = process.env.TACK_TEST_PG_URL;
  if (!base) throw new Error(`cannot create a Postgres database: ${pgSkipReason()}`);
  const hint =
    name
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'db';
  const dbName = `e2e_${hint}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  return url.toString();
}
