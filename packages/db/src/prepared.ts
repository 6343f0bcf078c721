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
): (db: Db, args: A) => Promise<R[]> {
  const plans = new Map<string, Plan>();
  return async (db, args) => {
    const dialect = dialectOf(db);
    let plan = plans.get(dialect);
    if (!plan) {
      plan = compile(db, build);
      plans.set(dialect, plan);
      if (dialect === 'postgres' && !namedStatements.has(plan.sql)) {
        namedStatements.set(plan.sql, `tack_${namedStatements.size + 1}`);
      }
    }
    const parameters = plan.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    const result = await db.executeQuery(CompiledQuery.raw(plan.sql, parameters));
    return result.rows as R[];
  };
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
