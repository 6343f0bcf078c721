import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type pg from 'pg';
import { type CopyValue, isCopy, runCopy } from './copy.ts';
import { migrations } from './migrations/index.ts';
import { attachSqlite, namedStatements } from './prepared.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** A postgres:// URL selects PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  /** Folder for the SQLite file (tack.db). ':memory:' keeps the database in memory (tests). */
  dataDir: string;
  /** Postgres pool size. */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw driver handle (maintenance such as ANALYZE; better-auth uses `db` itself, see apps/server/src/auth.ts). */
  driver: { kind: 'sqlite'; sqlite: SQLite.Database } | { kind: 'postgres'; pool: pg.Pool };
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached or opened; the message names the setting to fix. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (isPostgresUrl(config.databaseUrl)) return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  return openSqlite(config.dataDir);
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns on some paths (`/proc/x`), where a
 * plain mkdir fails at once.
 */
function makeFolders(dir: string, mode: number): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const at of missing) {
    try {
      mkdirSync(at, { mode });
    } catch (err) {
      // Another process (a second server, the CLI) made it in the meantime.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if (!statSync(dir).isDirectory()) throw new Error('it is a file, not a folder');
}

function openSqlite(dataDir: string): OpenDatabase {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    try {
      // A folder Tack creates is the owner's alone: it holds everyone's data.
      makeFolders(dataDir, 0o700);
    } catch (err) {
      throw new DatabaseUnavailableError(`TACK_DATA_DIR: cannot create ${dataDir}: ${(err as Error).message}`);
    }
    file = join(dataDir, 'tack.db');
    // A new database file is readable by its owner only (SQLite gives its -wal and -shm files the
    // same mode); an existing file keeps the mode its owner chose.
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatabaseUnavailableError(`TACK_DATA_DIR: cannot create ${file}: ${(err as Error).message}`);
      }
    }
  }
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new DatabaseUnavailableError(`TACK_DATA_DIR: cannot open ${file}: ${(err as Error).message}`);
  }
  const connection = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  attachSqlite(db, { database: sqlite, prepare: connection.prepare });
  return {
    db,
    dialect: 'sqlite',
    driver: { kind: 'sqlite', sqlite },
    close: () => db.destroy(),
  };
}

/** How many prepared statements the SQLite connection keeps (least recently used go first). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query anew, and preparing costs more than running a small
 * query. The same SQL text gets the same compiled statement back instead. Safe because Kysely runs
 * one query at a time on its single SQLite connection.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string): SQLite.Statement {
      let stmt = cache.get(source);
      if (stmt) {
        cache.delete(source);
      } else {
        stmt = sqlite.prepare(source);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(source, stmt);
      return stmt;
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<OpenDatabase> {
  // Loaded only for PostgreSQL: the embedded SQLite default does without it (about 7 MiB).
  const { default: pg } = await import('pg');
  // pg returns int8 and numeric as strings by default; Tack's counts and sums fit in a double.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (a Postgres restart) must not crash the process.
  pool.on('error', () => {});
  // Nor a checked-out one between two queries (in a transaction): pg emits 'error' on the client,
  // which pg-pool listens to only while it is idle. The query in flight still fails (503), and the
  // broken client is dropped from the pool when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const where = safeUrl(url);
    throw new DatabaseUnavailableError(
      `DATABASE_URL: cannot connect to PostgreSQL at ${where}: ${(err as Error).message || String(err)}`,
    );
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: {
        Client: pg.Client,
        options: pool.options,
        connect: async () => withNamedStatements(await pool.connect()),
        end: () => pool.end(),
      },
    }),
  });
  return {
    db,
    dialect: 'postgres',
    driver: { kind: 'postgres', pool },
    close: () => db.destroy(),
  };
}

const NAMED = Symbol('tack.namedStatements');

/**
 * Runs the SQL of prepared queries (prepared.ts) as named statements on this connection, and the
 * copies of copy.ts as COPY … FROM STDIN.
 */
function withNamedStatements(client: pg.PoolClient): pg.PoolClient {
  const c = client as pg.PoolClient & { [NAMED]?: true };
  if (c[NAMED]) return c;
  const query = c.query.bind(c) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  const plain = c.query.bind(c) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  Object.assign(c, {
    [NAMED]: true,
    query: (text: unknown, values?: unknown[]) => {
      if (isCopy(text)) return runCopy(query as never, text, values?.[0] as Iterable<readonly CopyValue[]>);
      const name = typeof text === 'string' ? namedStatements.get(text) : undefined;
      return name ? query({ name, text: text as string, values }) : plain(text as string, values);
    },
  });
  return c;
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export async function migrateDown(db: Kysely<Database>): Promise<MigrationReport> {
  const { error, results } = await migrator(db).migrateDown();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
