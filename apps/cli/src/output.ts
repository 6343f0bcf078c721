/**
 * Everything `tack` prints goes through here. Rule: with --json, stdout carries exactly one JSON document
 * and nothing else; human messages, notes and warnings that are not the answer go to stderr.
 */
export interface Output {
  /** The answer, for people: one line on stdout. */
  line(text?: string): void;
  /** Machine-readable answer on stdout (pretty-printed, newline-terminated). */
  json(value: unknown): void;
  /** An aligned table on stdout; prints `empty` instead when there are no rows. */
  table<T>(rows: readonly T[], columns: readonly Column<T>[], empty: string): void;
  /** Side information (progress, hints) on stderr, so stdout stays pipe-able. */
  note(text: string): void;
  /** A warning on stderr, `tack: warning: …`. */
  warn(text: string): void;
  /** The one-line error report on stderr, `tack: …`. */
  error(text: string): void;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Right-align (numbers). */
  right?: boolean;
}

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Renders rows as space-separated, aligned columns with an upper-case header; no trailing spaces. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
  const cells = rows.map((row) => columns.map((c) => oneLine(c.value(row))));
  const headers = columns.map((c) => c.header.toUpperCase());
  const widths = columns.map((_, i) => Math.max(width(headers[i] ?? ''), ...cells.map((r) => width(r[i] ?? ''))));
  const render = (values: string[]) =>
    values
      .map((v, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(v));
        return columns[i]?.right ? pad + v : v + pad;
      })
      .join('  ')
      .trimEnd();
  return [render(headers), ...cells.map(render)];
}

/** Display width, counting each code point as one column (good enough for names; no East-Asian widths). */
function width(text: string): number {
  return [...text].length;
}

/** Text on one line: control characters (newlines, escapes) become a space, so a name cannot break a layout. */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strip control characters so a name cannot break the table
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

export function createOutput({ stdout, stderr }: Streams): Output {
  return {
    line: (text = '') => stdout.write(`${text}\n`),
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    table(rows, columns, empty) {
      if (rows.length === 0) {
        stdout.write(`${empty}\n`);
        return;
      }
      stdout.write(`${renderTable(rows, columns).join('\n')}\n`);
    },
    note: (text) => stderr.write(`${text}\n`),
    warn: (text) => stderr.write(`tack: warning: ${text}\n`),
    error: (text) => stderr.write(`tack: ${oneLine(text)}\n`),
  };
}

/** A timestamp for people: local date and minutes, e.g. "2026-11-21 15:45". Empty for null. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
