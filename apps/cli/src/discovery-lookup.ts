// Finding the directions, experiments, goals, intentions and chains a person names on the command line
// (an id, or a name as practices are matched), and the flags shared by commands that make practices.
import { TackApiError, type TackClient } from '@tack/client';
import {
  type Chain,
  type Direction,
  type Experiment,
  type Goal,
  type Intention,
  WEEKDAYS,
  type Weekday,
} from '@tack/contracts';
import { CliError, UsageError } from './errors.ts';
import { type Column, type Output, oneLine } from './output.ts';
import { askConfirm } from './prompt.ts';
import { type PlanFlags, planFrom as sharedPlanFrom } from './schedule-flags.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `ref` looks like an id: it then goes to the server as is (another person's id reads NOT_FOUND). */
export const isId = (ref: string): boolean => UUID.test(ref.trim());

/**
 * A name or a reference as they are compared: as lists show it (see `oneLine`: a tab or a line break in a
 * name reads as a space), any run of spaces as one, trimmed, any case.
 */
export const matchText = (text: string): string => oneLine(text).replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * `ref` as the start of an id (what lists show, see `shortIds`): at least 4 hex digits, dashes allowed, lower
 * case; else undefined.
 */
export function idPrefix(ref: string): string | undefined {
  const r = ref.trim().toLowerCase();
  return /^[0-9a-f][0-9a-f-]*$/.test(r) && r.replaceAll('-', '').length >= 4 ? r : undefined;
}

/**
 * The items `ref` names: its id; else those whose label is `ref` (any case); else every one whose id starts
 * with `ref` (see `idPrefix`) or whose label contains it. A caller acts only on exactly one: several are
 * ambiguous, never a guess.
 */
export function matchByLabel<T extends { id: string }>(
  items: readonly T[],
  ref: string,
  label: (item: T) => string,
): T[] {
  const byId = items.find((i) => i.id === ref);
  if (byId) return [byId];
  const needle = matchText(ref);
  const exact = items.filter((i) => matchText(label(i)) === needle);
  if (exact.length > 0) return exact;
  const prefix = idPrefix(ref);
  return items.filter(
    (i) => (prefix !== undefined && i.id.toLowerCase().startsWith(prefix)) || matchText(label(i)).includes(needle),
  );
}

/** How many characters of an id lists show, at least. */
const SHORT_ID = 8;

/**
 * Ids as lists show them: the first 8 characters, more when another of `ids` starts the same way, so each
 * one shown can be typed back wherever an id is asked for.
 */
export function shortIds(ids: readonly string[]): (id: string) => string {
  const short = new Map<string, string>();
  for (const id of ids) {
    let n = Math.min(SHORT_ID, id.length);
    const clash = (len: number) => ids.some((other) => other !== id && other.startsWith(id.slice(0, len)));
    while (n < id.length && (clash(n) || id[n - 1] === '-')) n++;
    short.set(id, id.slice(0, n));
  }
  return (id) => short.get(id) ?? id;
}

/** The ID column of a list: short ids (see `shortIds`), which commands take wherever they ask for an id. */
export function idColumn<T extends { id: string }>(rows: readonly T[]): Column<T> {
  const short = shortIds(rows.map((r) => r.id));
  return { header: 'id', value: (row) => short(row.id) };
}

interface What {
  one: string;
  many: string;
  listHint: string;
}

/** Whether two labels are the same name as people type it (see `matchText`). */
export const sameLabel = (a: string, b: string): boolean => matchText(a) === matchText(b);

/**
 * Several items fit `ref`: a usage error (exit 2) listing them with their ids, so nothing acts on a guess.
 * When they all have the same name (allowed, as in the web app), only the id tells them apart.
 */
export function ambiguous<T extends { id: string }>(
  found: readonly T[],
  ref: string,
  label: (item: T) => string,
  what: Pick<What, 'many'>,
): UsageError {
  const shown = found.slice(0, 8).map((i) => `"${oneLine(label(i))}" (${i.id})`);
  if (found.length > shown.length) shown.push(`and ${found.length - shown.length} more`);
  const first = found[0];
  const alike = first !== undefined && found.every((i) => sameLabel(label(i), label(first)));
  const pick = alike ? 'they have the same name, so give the id of the one you mean' : 'give more of it, or the id';
  return new UsageError(`"${ref}" matches ${found.length} ${what.many}: ${shown.join(', ')}; ${pick}`);
}

/**
 * Warns (on stderr) when other items already have `item`'s name: keeping both is allowed, but naming one of
 * them on the command line is then ambiguous. `others` may hold `item` itself. Returns whether it warned.
 */
export function warnSameName<T extends { id: string }>(
  out: Output,
  item: T,
  others: readonly T[],
  label: (item: T) => string,
  what: { one: string; many: string },
  detail: (item: T) => string = () => '',
): boolean {
  const same = others.filter((o) => o.id !== item.id && sameLabel(label(o), label(item)));
  if (same.length === 0) return false;
  const ids = same.slice(0, 8).map((o) => (detail(o) ? `${o.id} (${detail(o)})` : o.id));
  if (same.length > ids.length) ids.push(`and ${same.length - ids.length} more`);
  const who = same.length === 1 ? `another ${what.one} is` : `${same.length} other ${what.many} are`;
  out.warn(
    `${who} already called "${oneLine(label(item))}": ${same.length === 1 ? 'id' : 'ids'} ${ids.join(', ')}; ` +
      'where a command asks for one of them, give its id',
  );
  return true;
}

/** The one item `ref` names (see `matchByLabel`); none or several is an error saying what to do. */
export function pickByLabel<T extends { id: string }>(
  items: readonly T[],
  ref: string,
  label: (item: T) => string,
  what: What,
): T {
  const found = matchByLabel(items, ref, label);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) throw ambiguous(found, ref, label, what);
  throw new CliError(`no ${what.one} matches "${ref}"; see '${what.listHint}'`);
}

function wanted(ref: string, what: string): string {
  const r = ref.trim();
  if (!r) throw new UsageError(`name the ${what}: give its name or id`);
  return r;
}

export async function findDirection(client: TackClient, ref: string): Promise<Direction> {
  const r = wanted(ref, 'direction');
  if (isId(r)) return client.directions.get(r);
  return pickByLabel(await client.directions.list(), r, (d) => d.name, {
    one: 'direction',
    many: 'directions',
    listHint: 'tack directions list',
  });
}

export async function findGoal(client: TackClient, ref: string): Promise<Goal> {
  const r = wanted(ref, 'goal');
  if (isId(r)) return client.goals.get(r);
  return pickByLabel(await client.goals.list(), r, (g) => g.title, {
    one: 'goal',
    many: 'goals',
    listHint: 'tack goals list',
  });
}

export async function findIntention(client: TackClient, ref: string): Promise<Intention> {
  const r = wanted(ref, 'intention');
  if (isId(r)) return client.intentions.get(r);
  return pickByLabel(await client.intentions.list(), r, (i) => i.statement, {
    one: 'intention',
    many: 'intentions',
    listHint: 'tack intentions list',
  });
}

export async function findChain(client: TackClient, ref: string): Promise<Chain> {
  const r = wanted(ref, 'chain');
  if (isId(r)) return client.chains.get(r);
  return pickByLabel(await client.chains.list(), r, (c) => c.title ?? c.steps.at(-1)?.text ?? '', {
    one: 'chain',
    many: 'chains',
    listHint: 'tack chains list',
  });
}

/**
 * An experiment by id, by its hypothesis (as names are matched), or by the name of its direction while the
 * experiment is undecided. Both are matched together: an exact hypothesis or direction name wins, else every
 * experiment whose hypothesis or undecided direction contains `ref`; more than one is ambiguous.
 */
export async function findExperiment(client: TackClient, ref: string): Promise<Experiment> {
  const r = wanted(ref, 'experiment');
  if (isId(r)) return client.experiments.get(r);
  const [experiments, directions] = await Promise.all([client.experiments.list(), client.directions.list()]);
  const what = { one: 'experiment', many: 'experiments', listHint: 'tack experiments list' };
  const directionName = new Map(directions.map((d) => [d.id, matchText(d.name)]));
  const needle = matchText(r);
  const fits = (e: Experiment, test: (text: string) => boolean): boolean => {
    if (test(matchText(e.hypothesis))) return true;
    const direction = e.verdict ? undefined : directionName.get(e.directionId);
    return direction !== undefined && test(direction);
  };
  const prefix = idPrefix(r);
  const byPrefix = (e: Experiment) => prefix !== undefined && e.id.toLowerCase().startsWith(prefix);
  for (const [test, orId] of [
    [(t: string) => t === needle, false],
    [(t: string) => t.includes(needle), true],
  ] as const) {
    const found = experiments.filter((e) => fits(e, test) || (orId && byPrefix(e)));
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1) throw ambiguous(found, r, (e) => e.hypothesis, what);
  }
  throw new CliError(`no experiment matches "${r}"; see '${what.listHint}'`);
}

/**
 * Removes something that may have history: asks the server first; when it answers CONFIRMATION_REQUIRED,
 * `--yes` (or a yes at the terminal) confirms, else the person is told to add --yes.
 */
export async function removeConfirmed<T>(
  opts: { yes?: boolean | undefined; interactive: boolean; name: string },
  remove: (confirm: boolean) => Promise<T>,
): Promise<T> {
  if (opts.yes) return remove(true);
  try {
    return await remove(false);
  } catch (err) {
    if (!(err instanceof TackApiError) || err.code !== 'CONFIRMATION_REQUIRED') throw err;
    if (!opts.interactive) throw new UsageError(`${opts.name} has history; deleting it needs confirmation: add --yes`);
    if (!(await askConfirm(`${opts.name} has history. Delete it anyway?`))) {
      throw new CliError('cancelled; nothing was deleted');
    }
    return remove(true);
  }
}

// ── schedule flags, for commands that turn something into a practice (as `tack practices add`) ──

export { addScheduleOptions, DAILY, frequencyFrom, type PlanFlags, type ScheduleFlags } from './schedule-flags.ts';

/** One if-then plan from --if/--then (both or neither); clearing does not apply to new items. */
export function planFrom(f: PlanFlags): { cue: string; action: string } | undefined {
  return sharedPlanFrom(f) ?? undefined;
}

// ── weeks and quarters ──

/** The ISO 8601 week of a YYYY-MM-DD date, e.g. 2026-W47. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The ISO week naming the person's week that holds `date`, as the weekly review names it: the ISO
 * week of the Monday inside it (with Sunday weeks, Sunday 2026-11-22 is in the week named 2026-W48).
 */
export function personIsoWeekOf(date: string, weekStart: Weekday): string {
  const day = (iso: string, n: number) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const start = WEEKDAYS.indexOf(weekStart);
  const first = day(date, -((weekday - start + 7) % 7));
  return isoWeekOf(day(first, (7 - start) % 7));
}

/** The quarter of a YYYY-MM-DD date, e.g. 2026-Q4. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Collects a repeatable flag's values (commander's `(value, previous)` form). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
