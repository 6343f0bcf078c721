import { LIMITS } from '@tack/contracts';
import { invalid } from '../errors.ts';
import { toDayNumber } from '../practices/dates.ts';
import { MAX_FREQUENCY_DAYS } from '../practices/schedule.ts';
import { parseCsv } from './csv.ts';
import type { ImportedCheckin, ImportedPractice, ImportPlan } from './plan.ts';

/**
 * Loop Habit Tracker's data, from its database backup (a SQLite file; reading the file is the db
 * package's job, this maps the rows) or from its CSV export (a ZIP archive).
 */

/** The user_version range of Loop backups Tack reads. */
export const LOOP_SCHEMA_VERSIONS = { min: 22, max: 25 } as const;

/**
 * Loop's colour palette, by index (the "color" column of a backup). Material colours, in Loop's
 * order: red, deep orange, orange, amber, yellow, lime, light green, green, teal, cyan, light blue,
 * blue, indigo, deep purple, purple, pink, brown, dark grey, grey, light grey.
 */
export const LOOP_PALETTE = [
  '#d32f2f',
  '#e64a19',
  '#f57c00',
  '#ff8f00',
  '#f9a825',
  '#afb42b',
  '#7cb342',
  '#388e3c',
  '#00897b',
  '#00acc1',
  '#039be5',
  '#1976d2',
  '#303f9f',
  '#5e35b1',
  '#8e24aa',
  '#d81b60',
  '#5d4037',
  '#303030',
  '#757575',
  '#aaaaaa',
] as const;
const FALLBACK_COLOR = '#1976d2';

export interface LoopHabitRow {
  id: number;
  name: string | null;
  question: string | null;
  description: string | null;
  freqNum: number | null;
  freqDen: number | null;
  type: number | null;
  targetType: number | null;
  targetValue: number | null;
  unit: string | null;
  archived: number | null;
  position: number | null;
  color: number | null;
  uuid: string | null;
}

export interface LoopRepetitionRow {
  habit: number;
  timestamp: number;
  value: number;
  notes: string | null;
}

const MS_PER_DAY = 86_400_000;
const YES_MANUAL = 2;
const YES_AUTO = 1;
const SKIP = 3;
const NO = 0;

function clip(text: string | null | undefined, max: number, what: string, warnings: string[]): string | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  if (t.length <= max) return t;
  warnings.push(`${what} was longer than ${max} characters and was shortened`);
  return t.slice(0, max);
}

/** Loop's "num in den days" as a Tack frequency, reduced to fit Tack's limits. */
function loopFrequency(num: number | null, den: number | null, name: string, warnings: string[]) {
  let times = Number.isInteger(num) && (num ?? 0) >= 1 ? (num as number) : 1;
  let days = Number.isInteger(den) && (den ?? 0) >= 1 ? (den as number) : 1;
  if (times !== num || days !== den) warnings.push(`"${name}": unreadable frequency ${num}/${den}; imported as daily`);
  if (times > days) {
    // Loop allows "2 times per day"; Tack counts at most one check-in a day.
    warnings.push(`"${name}": ${times} times in ${days} days is more than once a day; imported as every day`);
    times = days;
  }
  if (days > MAX_FREQUENCY_DAYS) {
    const scaled = Math.max(1, Math.round((times * MAX_FREQUENCY_DAYS) / days));
    warnings.push(
      `"${name}": ${times} in ${days} days exceeds ${MAX_FREQUENCY_DAYS} days; imported as ${scaled} in 365`,
    );
    times = scaled;
    days = MAX_FREQUENCY_DAYS;
  }
  return { kind: 'times' as const, times, days };
}

/** The UTC date of a Loop timestamp (milliseconds at UTC midnight); memoised, as habits share days. */
function dateOfTimestamp(ms: number, memo: Map<number, string | null>): string | null {
  if (!Number.isFinite(ms)) return null;
  const day = Math.floor(ms / MS_PER_DAY);
  const known = memo.get(day);
  if (known !== undefined) return known;
  const d = new Date(day * MS_PER_DAY);
  const date =
    Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999
      ? null
      : d.toISOString().slice(0, 10);
  memo.set(day, date);
  return date;
}

/** What the report says about rows dated after today (a phone's clock, or a planned entry). */
function inTheFuture(name: string, count: number, what: string, today: string): ImportPlan['notMapped'][number] {
  return {
    item: `"${name}": ${count} ${what}`,
    reason: `dated after today (${today}); a check-in is for a day that has come`,
  };
}

function finish(
  p: Omit<ImportedPractice, 'versions'>,
  today: string,
  freq: ImportedPractice['versions'][0]['frequency'],
) {
  p.checkins.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = p.checkins[0]?.date ?? today;
  return { ...p, versions: [{ effectiveFrom: first < today ? first : today, frequency: freq }] };
}

/** Maps the rows of a Loop backup (schema 22–25) to an import plan. */
export function planFromLoopBackup(
  userVersion: number,
  habits: readonly LoopHabitRow[],
  repetitions: readonly LoopRepetitionRow[],
  today: string,
): ImportPlan {
  if (
    !Number.isInteger(userVersion) ||
    userVersion < LOOP_SCHEMA_VERSIONS.min ||
    userVersion > LOOP_SCHEMA_VERSIONS.max
  ) {
    throw invalid(
      'file',
      `this Loop backup has database version ${userVersion}; Tack reads versions ${LOOP_SCHEMA_VERSIONS.min} to ${LOOP_SCHEMA_VERSIONS.max}`,
    );
  }
  const warnings: string[] = [];
  const notMapped: ImportPlan['notMapped'] = [];
  const byHabit = new Map<number, LoopRepetitionRow[]>();
  for (const r of repetitions) {
    const list = byHabit.get(r.habit) ?? [];
    list.push(r);
    byHabit.set(r.habit, list);
  }
  const known = new Set(habits.map((h) => h.id));
  let orphans = 0;
  for (const h of byHabit.keys()) if (!known.has(h)) orphans += byHabit.get(h)?.length ?? 0;
  if (orphans > 0) notMapped.push({ item: `${orphans} repetitions`, reason: 'they belong to no habit in the file' });

  const seen = new Set<string>();
  const memo = new Map<number, string | null>();
  const sorted = [...habits].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id);
  const practices: ImportedPractice[] = [];
  for (const h of sorted) {
    const name = clip(h.name, LIMITS.nameMax, `The name of habit ${h.id}`, warnings) ?? `Loop habit ${h.id}`;
    const uuid = (h.uuid ?? '').trim() || `id-${h.id}`;
    if (seen.has(uuid)) throw invalid('file', `two habits share the uuid ${uuid}: the backup is damaged`);
    seen.add(uuid);
    const numerical = h.type === 1;
    if (h.type !== 0 && h.type !== 1 && h.type !== null) {
      warnings.push(`"${name}": unknown habit type ${h.type}; imported as yes/no`);
    }
    let color: string = FALLBACK_COLOR;
    const c = h.color ?? 0;
    if (Number.isInteger(c) && c >= 0 && c < LOOP_PALETTE.length) color = LOOP_PALETTE[c]!;
    else warnings.push(`"${name}": colour ${c} is not in Loop's palette; given ${FALLBACK_COLOR}`);
    const freq = loopFrequency(h.freqNum, h.freqDen, name, warnings);
    const checkins: ImportedCheckin[] = [];
    const dates = new Set<string>();
    let auto = 0;
    let unreadable = 0;
    let future = 0;
    for (const r of byHabit.get(h.id) ?? []) {
      const date = dateOfTimestamp(r.timestamp, memo);
      if (!date) {
        unreadable++;
        continue;
      }
      if (date > today) {
        future++;
        continue;
      }
      if (dates.has(date)) continue;
      const note = r.notes ? clip(r.notes, LIMITS.textMax, `A note of "${name}"`, warnings) : null;
      let entry: ImportedCheckin | null = null;
      if (numerical) {
        if (r.value >= 0) entry = { date, status: 'done', value: Math.min(1e9, r.value / 1000), note };
        else unreadable++;
      } else if (r.value === YES_MANUAL) entry = { date, status: 'done', value: null, note };
      else if (r.value === SKIP) entry = { date, status: 'skipped', value: null, note };
      else if (r.value === NO) entry = { date, status: 'notDone', value: null, note };
      else if (r.value === YES_AUTO) auto++;
      else unreadable++;
      if (entry) {
        dates.add(date);
        checkins.push(entry);
      }
    }
    if (auto > 0)
      notMapped.push({ item: `"${name}": ${auto} automatic entries`, reason: 'computed by Loop, not check-ins' });
    if (unreadable > 0)
      notMapped.push({ item: `"${name}": ${unreadable} entries`, reason: 'unreadable date or value' });
    if (future > 0) notMapped.push(inTheFuture(name, future, 'entries', today));
    const question = clip(h.question, LIMITS.textMax, `The question of "${name}"`, warnings);
    const description = clip(h.description, LIMITS.textMax, `The description of "${name}"`, warnings);
    practices.push(
      finish(
        {
          external: { source: 'loop', id: uuid },
          name,
          why: question,
          description,
          color,
          kind: numerical ? 'measurable' : 'boolean',
          unit: numerical ? (clip(h.unit, 40, `The unit of "${name}"`, warnings) ?? null) : null,
          target: numerical ? Math.max(0, Math.min(1e9, Number(h.targetValue ?? 0))) : null,
          targetType: numerical ? (h.targetType === 1 ? 'atMost' : 'atLeast') : null,
          archived: (h.archived ?? 0) !== 0,
          checkins,
        },
        today,
        freq,
      ),
    );
  }
  return { source: 'loop', format: 'loop-backup', practices, notMapped, warnings };
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

function column(header: string[], ...names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * One value of a habit's Checkmarks.csv: a check-in status, a measured amount, or not a check-in.
 * Loop writes labels (newer versions) or its stored integers (older ones); see planFromLoopCsvZip.
 */
function csvValue(value: string, numerical: boolean): 'done' | 'skipped' | 'computed' | 'unreadable' | number {
  const label = value.toUpperCase();
  if (label === 'SKIP' || value === '3' || value === '-3') return 'skipped';
  if (label === 'UNKNOWN' || value === '-1' || label === 'NO' || value === '0') return 'computed';
  if (!numerical) {
    if (label === 'YES_MANUAL' || value === '2') return 'done';
    if (label === 'YES_AUTO' || value === '1') return 'computed';
    return 'unreadable';
  }
  // Numerical: an amount × 1000 (YES_AUTO and YES_MANUAL are how newer versions print 1 and 2).
  const stored = label === 'YES_AUTO' ? 1 : label === 'YES_MANUAL' ? 2 : value === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(stored) || stored < 0) return 'unreadable';
  const amount = value.includes('.') ? stored : stored / 1000;
  return amount > 0 ? Math.min(1e9, amount) : 'computed';
}

/**
 * Maps Loop's CSV export (a ZIP), as Loop's exporter writes it (uhabits-core, io/HabitsCSVExporter.kt
 * and HabitList.writeCSV):
 * - `Habits.csv`: a header row, then one habit a line. Columns are found by their header, so both
 *   the older layout (Position, Name, Description, NumRepetitions, Interval, Color) and the newer one
 *   (Position, Name, Type, Question, Description, FrequencyNumerator, FrequencyDenominator, Color,
 *   Unit, Target Type, Target Value, Archived?) read. Position is the 1-based place, `%03d`.
 * - one folder a habit, `<Position> <name>`, the name stripped of everything but letters, digits,
 *   space, `.`, `_`, `-` and cut at 100 characters (a name with nothing left gives just `<Position>`),
 *   holding `Checkmarks.csv` and `Scores.csv`. Folders are matched by their position.
 * - `Checkmarks.csv` (per habit): `Date,Value,Notes` with a header in newer versions, `date,value`
 *   without one in older ones; dates `yyyy-MM-dd`, newest first. Values: newer versions write
 *   YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN, older ones the numbers 2, 1, 0, 3, -1. Numerical
 *   habits' values are Loop's stored integers, the amount × 1000 (6.5 glasses: 6500). A value with a
 *   decimal point is read as the amount itself (not what Loop writes; kept for hand-made files).
 * - `Scores.csv` (per habit) and the root's `Checkmarks.csv` and `Scores.csv` (all habits side by
 *   side): computed by Loop, not read.
 * Computed entries (YES_AUTO, and NO, which Loop lists for every missed day) and UNKNOWN days are not
 * check-ins. The CSV carries no habit uuid: a re-import matches habits by name.
 */
export function planFromLoopCsvZip(files: ReadonlyMap<string, Uint8Array>, today: string): ImportPlan {
  const habitsEntry = [...files.keys()].find((k) => k === 'Habits.csv' || k.endsWith('/Habits.csv'));
  if (!habitsEntry) throw invalid('file', 'this ZIP has no Habits.csv: it is not a Loop Habit Tracker CSV export');
  const root = habitsEntry.slice(0, habitsEntry.length - 'Habits.csv'.length);
  const rows = parseCsv(text(files.get(habitsEntry)!), 'Habits.csv');
  const header = rows[0];
  if (!header) throw invalid('Habits.csv', 'the file is empty');
  const col = {
    position: column(header, 'Position'),
    name: column(header, 'Name'),
    type: column(header, 'Type'),
    question: column(header, 'Question'),
    description: column(header, 'Description'),
    num: column(header, 'FrequencyNumerator', 'NumRepetitions'),
    den: column(header, 'FrequencyDenominator', 'Interval'),
    color: column(header, 'Color'),
    unit: column(header, 'Unit'),
    targetType: column(header, 'Target Type', 'TargetType'),
    targetValue: column(header, 'Target Value', 'TargetValue'),
    archived: column(header, 'Archived?', 'Archived'),
  };
  if (col.name < 0 || col.position < 0) {
    throw invalid('Habits.csv', 'the header has no Position and Name columns: not a Loop Habit Tracker export');
  }
  const warnings: string[] = [];
  const notMapped: ImportPlan['notMapped'] = [];
  const practices: ImportedPractice[] = [];
  const seen = new Set<string>();
  // Per-habit files only: `<root><folder>/Checkmarks.csv`, not the root's all-habits Checkmarks.csv.
  const folders = new Map<string, string>();
  for (const k of files.keys()) {
    if (!k.startsWith(root) || !k.endsWith('/Checkmarks.csv')) continue;
    const dir = k.slice(root.length, k.length - '/Checkmarks.csv'.length);
    if (dir && !dir.includes('/')) folders.set(dir, k);
  }
  rows.slice(1).forEach((r, i) => {
    const get = (c: number) => (c >= 0 ? (r[c] ?? '').trim() : '');
    const line = i + 2;
    const name = clip(get(col.name), LIMITS.nameMax, `The name on line ${line} of Habits.csv`, warnings);
    if (!name) throw invalid(`Habits.csv.line${line}`, 'a habit without a name');
    const position = get(col.position);
    // Loop allows two habits of one name; the CSV has no uuid, so a repeated name is told apart by
    // its position (a re-import matches it only while it keeps its place).
    let externalId = `csv:${name}`;
    if (seen.has(externalId)) {
      externalId = `csv:${name}#${position}`;
      if (seen.has(externalId))
        throw invalid(`Habits.csv.line${line}`, `two habits are named "${name}" at one position`);
      warnings.push(`"${name}": another habit has this name; a re-import matches this one by its position ${position}`);
    }
    seen.add(externalId);
    const numerical = /^(NUMERICAL|1)$/i.test(get(col.type));
    const freq = loopFrequency(
      col.num >= 0 ? Number(get(col.num)) : 1,
      col.den >= 0 ? Number(get(col.den)) : 1,
      name,
      warnings,
    );
    const rawColor = get(col.color);
    let color: string = FALLBACK_COLOR;
    if (HEX.test(rawColor)) color = rawColor.toLowerCase();
    else if (/^\d+$/.test(rawColor) && Number(rawColor) < LOOP_PALETTE.length) color = LOOP_PALETTE[Number(rawColor)]!;
    else if (rawColor) warnings.push(`"${name}": colour ${rawColor} not understood; given ${FALLBACK_COLOR}`);
    let folder = folders.get(`${position} ${name}`) ?? folders.get(position);
    if (!folder) {
      for (const [dir, path] of folders) {
        if (dir.startsWith(`${position} `)) {
          folder = path;
          break;
        }
      }
    }
    const checkins: ImportedCheckin[] = [];
    let computed = 0;
    let unreadable = 0;
    let future = 0;
    let repeated = 0;
    if (!folder) warnings.push(`"${name}": no Checkmarks.csv in the archive; imported without check-ins`);
    else {
      const entries = parseCsv(text(files.get(folder)!), folder);
      const dates = new Set<string>();
      for (const e of entries) {
        const date = (e[0] ?? '').trim();
        const value = (e[1] ?? '').trim();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          if (checkins.length === 0 && dates.size === 0 && /date/i.test(date)) continue; // a header row
          unreadable++;
          continue;
        }
        try {
          toDayNumber(date);
        } catch {
          unreadable++;
          continue;
        }
        if (date > today) {
          future++;
          continue;
        }
        if (dates.has(date)) {
          repeated++;
          continue;
        }
        dates.add(date);
        const rawNote = (e[2] ?? '').trim();
        const note = rawNote ? clip(rawNote, LIMITS.textMax, `A note of "${name}"`, warnings) : null;
        const kind = csvValue(value, numerical);
        if (kind === 'unreadable') unreadable++;
        else if (kind === 'computed') computed++;
        else if (kind === 'skipped') checkins.push({ date, status: 'skipped', value: null, note });
        else if (kind === 'done') checkins.push({ date, status: 'done', value: null, note });
        else checkins.push({ date, status: 'done', value: kind, note });
      }
    }
    if (computed > 0) {
      notMapped.push({
        item: `"${name}": ${computed} computed or empty days`,
        reason: 'Loop lists them in its CSV; they are not check-ins',
      });
    }
    if (unreadable > 0) {
      notMapped.push({ item: `"${name}": ${unreadable} rows of Checkmarks.csv`, reason: 'unreadable date or value' });
    }
    if (future > 0) notMapped.push(inTheFuture(name, future, 'rows of Checkmarks.csv', today));
    if (repeated > 0) {
      notMapped.push({
        item: `"${name}": ${repeated} rows of Checkmarks.csv`,
        reason: 'a date already listed; a practice has one check-in a day, so the first row was kept',
      });
    }
    const archived = /^(true|1|yes)$/i.test(get(col.archived));
    const target = Number(get(col.targetValue));
    practices.push(
      finish(
        {
          external: { source: 'loop', id: externalId },
          name,
          why: clip(get(col.question), LIMITS.textMax, `The question of "${name}"`, warnings),
          description: clip(get(col.description), LIMITS.textMax, `The description of "${name}"`, warnings),
          color,
          kind: numerical ? 'measurable' : 'boolean',
          unit: numerical ? clip(get(col.unit), 40, `The unit of "${name}"`, warnings) : null,
          target: numerical ? (Number.isFinite(target) ? Math.max(0, Math.min(1e9, target)) : 0) : null,
          targetType: numerical ? (/^(AT_MOST|1)$/i.test(get(col.targetType)) ? 'atMost' : 'atLeast') : null,
          archived,
          checkins,
        },
        today,
        freq,
      ),
    );
  });
  return { source: 'loop', format: 'loop-csv-zip', practices, notMapped, warnings };
}
