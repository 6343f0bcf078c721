// Test support: a fresh database per test file on the run's throwaway Postgres cluster.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** DATABASE_URL for this dialect (undefined: SQLite). */
  databaseUrl(): Promise<string | undefined>;
}

/** Creates an empty database on TACK_TEST_PG_URL's cluster and returns its URL. */
export async function createPgTestDatabase(prefix = 'tack'): Promise<string> {
  const admin = process.env.TACK_TEST_PG_URL;
  if (!admin) throw new Error('TACK_TEST_PG_URL is not set');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The dialects a test suite runs on: SQLite always, PostgreSQL when the test runner started a
 * cluster. With TACK_REQUIRE_ALL_TIERS=1 (npm test) a missing cluster is an error, never a skip.
 */
export function testDialects(): TestDialect[] {
  const out: TestDialect[] = [{ name: 'sqlite', databaseUrl: async () => undefined }];
  if (process.env.TACK_TEST_PG_URL) out.push({ name: 'postgres', databaseUrl: () => createPgTestDatabase() });
  else if (process.env.TACK_REQUIRE_ALL_TIERS === '1') {
    throw new Error('TACK_TEST_PG_URL is not set but TACK_REQUIRE_ALL_TIERS=1: the Postgres tier must run');
  }
  return out;
}
