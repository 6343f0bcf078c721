// Test support: a fresh database per test file on the run's throwaway Postgres cluster.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

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

const SEED_AT = '2026-11-21T10:00:00.000Z';

/** A person, written straight into the table (repository tests). */
export async function seedUser(
  db: Kysely<Database>,
  id: string,
  opts: { timeZone?: string; at?: string } = {},
): Promise<void> {
  const at = opts.at ?? SEED_AT;
  await db
    .insertInto('user')
    .values({
      id,
      name: id,
      email: `${id}@example.org`,
      email_verified: 0,
      image: null,
      created_at: at,
      updated_at: at,
      ...(opts.timeZone ? { time_zone: opts.timeZone } : {}),
    })
    .execute();
}

/** A practice of theirs (yes/no unless a target is given), written straight into the table. */
export async function seedPractice(
  db: Kysely<Database>,
  userId: string,
  id: string,
  opts: { target?: number; position?: number; at?: string } = {},
): Promise<void> {
  const at = opts.at ?? SEED_AT;
  const measurable = opts.target !== undefined;
  await db
    .insertInto('practice')
    .values({
      id,
      user_id: userId,
      area_id: null,
      name: id,
      description: null,
      why: null,
      color: '#000000',
      kind: measurable ? 'measurable' : 'boolean',
      unit: null,
      target: measurable ? opts.target : null,
      target_type: measurable ? 'atLeast' : null,
      if_then: null,
      position: opts.position ?? 0,
      external_source: null,
      external_id: null,
      created_at: at,
      updated_at: at,
      archived_at: null,
      deleted_at: null,
    })
    .execute();
}
