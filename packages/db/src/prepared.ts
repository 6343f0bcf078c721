import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const MARK = '\u0000tack-arg:';

/**
 * The SQL of every prepared query on PostgreSQL, with the name it is prepared under on each
 * connection (database.ts hands it to pg): the server parses and plans it once per connection
 * instead of on every run.
 */
export const namedStatements = new Map<string, string>();

interface Plan {
  sql: string;
  /** Each parameter: an argument's name, or a value fixed in the query itself. */
  slots: Array<{ arg: string } | { value: unknown }>;
}

/**
 * A query built once per dialect and then run with new values. Building a query with Kysely (the
 * builder, its operation tree, the compiler) costs more than running a small one on SQLite, so the
 * paths every request takes (a bearer token, the Today key, writing a check-in) use these.
 *
 * `build` writes the query as usual, with `arg('name')` where a value goes; it must compile to a
 * parameter (a compared or inserted value), which is checked on the first run.
 */
export function prepared<A extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, arg: <K extends keyof A & string>(name: K) => A[K]) => CompiledQuery<R>,
): PreparedQuery<A, R> {
  const plans = new Map<string, Plan>();
  const planFor = (db: Db) => {
    const dialect = dialectOf(db);
    let plan = plans.get(dialect);
    if (!plan) {
      plan = compile(db, build);
      plans.set(dialect, plan);
      if (dialect === 'postgres' && !namedStatements.has(plan.sql)) {
        namedStatements.set(plan.sql, `tack_${namedStatements.size + 1}`);
      }
    }
    return plan;
  };
  const bind = (plan: Plan, args: A) => plan.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
  const run = async (db: Db, args: A) => {
    const plan = planFor(db);
    const result = await db.executeQuery(CompiledQuery.raw(plan.sql, bind(plan, args)));
    return result.rows as R[];
  };
  return Object.assign(run, {
    now(tx: SqliteTransaction, args: A): R[] {
      const plan = planFor(tx.db);
      const stmt = tx.connection.prepare(plan.sql);
      if (stmt.reader) return stmt.all(bind(plan, args)) as R[];
      stmt.run(bind(plan, args));
      return [];
    },
  });
}

/** A prepared query: run through Kysely, or (`now`) synchronously inside `sqliteAtomically`. */
export type PreparedQuery<A extends Record<string, unknown>, R> = ((db: Db, args: A) => Promise<R[]>) & {
  now(tx: SqliteTransaction, args: A): R[];
};

/** SQLite's single connection under a Kysely instance, as database.ts opens it. */
export interface SqliteConnection {
  database: SQLite.Database;
  /** A cached prepared statement for this SQL (the one Kysely's driver uses too). */
  prepare(sql: string): SQLite.Statement;
}

/** An open synchronous SQLite transaction (sqliteAtomically). */
export interface SqliteTransaction {
  db: Kysely<Database>;
  connection: SqliteConnection;
}

const sqliteConnections = new WeakMap<Kysely<Database>, SqliteConnection>();

/** database.ts: the connection under a SQLite Kysely instance. */
export function attachSqlite(db: Kysely<Database>, connection: SqliteConnection): void {
  sqliteConnections.set(db, connection);
}

/**
 * Runs fn as one SQLite transaction, synchronously: no other request's work can come between its
 * statements, and none of Kysely's per-query promises are paid (the check-in write, ADR 0010).
 * Returns undefined, having run nothing, when it cannot: on PostgreSQL, inside a Kysely transaction,
 * or while one is open on the connection (another request between its BEGIN and COMMIT, across an
 * await; joining it would commit or roll back with that work). The caller then goes through Kysely.
 */
export function sqliteAtomically<T>(db: Db, fn: (tx: SqliteTransaction) => T): { value: T } | undefined {
  if (db.isTransaction) return undefined;
  const connection = sqliteConnections.get(db as Kysely<Database>);
  if (!connection || connection.database.inTransaction) return undefined;
  const tx = { db: db as Kysely<Database>, connection };
  connection.prepare('begin').run();
  try {
    const value = fn(tx);
    connection.prepare('commit').run();
    return { value };
  } catch (err) {
    if (connection.database.inTransaction) connection.prepare('rollback').run();
    throw err;
  }
}

/** Which database a Kysely instance (or a transaction of it) talks to. */
export function dialectOf(db: Db): 'postgres' | 'sqlite' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

function compile<A extends Record<string, unknown>, R>(
  db: Db,
  build: (db: Kysely<Database>, arg: <K extends keyof A & string>(name: K) => A[K]) => CompiledQuery<R>,
): Plan {
  const used = new Set<string>();
  const arg = <K extends keyof A & string>(name: K) => {
    used.add(name);
    return `${MARK}${name}` as A[K];
  };
  const compiled = build(db, arg);
  const slots = compiled.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(MARK) ? { arg: p.slice(MARK.length) } : { value: p },
  );
  for (const name of used) {
    if (!slots.some((s) => 'arg' in s && s.arg === name)) {
      throw new Error(`prepared: "${name}" did not become a parameter`);
    }
  }
  if (compiled.sql.includes(MARK)) throw new Error('prepared: an argument was written into the SQL text');
  return { sql: compiled.sql, slots };
}
