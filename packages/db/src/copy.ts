// PostgreSQL `COPY … FROM STDIN` for the bulk of an import, on the connection of the Kysely
// transaction it belongs to. Kysely does not hand out a transaction's connection, so the copy goes
// through it as a statement of its own: `copyFromStdin` builds a query whose SQL starts with a
// marker, and database.ts's connection wrapper runs any such query as a COPY with pg-copy-streams,
// streaming the rows given as its one parameter. On that connection it is part of the transaction
// like any other statement: a failure aborts it, and a rollback undoes it.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const MARK = '/* tack: copy from stdin */ ';

/** A column value in COPY's text format. */
export type CopyValue = string | number | null;

/**
 * A query that, run on PostgreSQL, copies `rows` into `table` (`columns` quoted and in order).
 * `rows` is read once, while the copy streams, so it can be built lazily.
 */
export function copyFromStdin(table: string, columns: string, rows: Iterable<readonly CopyValue[]>): CompiledQuery {
  return CompiledQuery.raw(`${MARK}copy "${table}" (${columns}) from stdin`, [rows]);
}

/** database.ts: whether a statement is a copy built by copyFromStdin. */
export function isCopy(text: unknown): text is string {
  return typeof text === 'string' && text.startsWith(MARK);
}

/** How many bytes of rows go to the connection in one write. */
const BATCH_BYTES = 1 << 16;

/**
 * Runs a copy built by copyFromStdin on this client (its own `query`, not a wrapper): the result
 * has the shape Kysely reads from pg.
 */
export async function runCopy(
  query: (submittable: ReturnType<typeof copyFrom>) => ReturnType<typeof copyFrom>,
  text: string,
  rows: Iterable<readonly CopyValue[]>,
): Promise<Pick<pg.QueryResult, 'command' | 'rowCount' | 'rows'>> {
  const stream = query(copyFrom(text.slice(MARK.length)));
  const done = finished(stream);
  done.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  try {
    let batch = '';
    for (const row of rows) {
      batch += copyLine(row);
      if (batch.length >= BATCH_BYTES) {
        if (!stream.write(batch)) await Promise.race([once(stream, 'drain'), done]);
        batch = '';
      }
    }
    stream.end(batch);
  } catch (err) {
    // Building the rows failed: COPY is abandoned (CopyFail), which aborts the transaction.
    stream.destroy(err as Error);
  }
  await done;
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

/** One row in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(row: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`copy: ${v} is not a finite number`);
      line += String(v);
    } else line += ESCAPED.test(v) ? v.replace(ESCAPES, escapeChar) : v;
  }
  return `${line}\n`;
}

const ESCAPED = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const escapeChar = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r');
