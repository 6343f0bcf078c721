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
  /** The error report on stderr, `tack: …` (one line, or a list of problems one per line). */
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

/**
 * Display width in terminal columns: emoji and East Asian wide characters take two, combining marks,
 * variation selectors and joiners none, everything else one.
 */
export function width(text: string): number {
  let columns = 0;
  for (const ch of text) {
    if (/\p{Mn}|\p{Me}/u.test(ch) || (ch >= '\u200b' && ch <= '\u200d') || (ch >= '\ufe00' && ch <= '\ufe0f')) continue;
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (/\p{Extended_Pictographic}/u.test(ch) && code >= 0x1f000) ||
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    columns += wide ? 2 : 1;
  }
  return columns;
}

/**
 * Text on one line: control characters (newlines, escapes) become a space, and bidirectional overrides and
 * isolates are dropped, so a name cannot break a layout or turn the rest of its line around.
 */
export function oneLine(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strip control characters so a name cannot break the table
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
  );
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
    // The first line is the report; further lines (several problems, one per line) follow as they are.
    error: (text) => stderr.write(`tack: ${text.split('\n').map(oneLine).join('\n')}\n`),
  };
}

/**
 * A timestamp for people: date and minutes in `timeZone` (the person's profile time zone), e.g.
 * "2026-11-21 15:45". Empty for null.
 */
export function formatTimestamp(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
  } catch {
    return iso; // a time zone this Node does not know: show the instant as the server gave it
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The date part of `formatTimestamp`: YYYY-MM-DD in `timeZone`. */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  return formatTimestamp(iso, timeZone).slice(0, 10);
}
