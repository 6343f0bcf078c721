// Finding the directions, experiments, goals, intentions and chains a person names on the command line
// (an id, or a name as practices are matched), and the flags shared by commands that make practices.
import type { TackClient } from '@tack/client';
import type { Chain, Direction, Experiment, FrequencyDto, Goal, Intention, Weekday } from '@tack/contracts';
import type { Command } from 'commander';
import { CliError, UsageError } from './errors.ts';
import { parseNumber, parseWeekdays } from './practice-format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `ref` looks like an id: it then goes to the server as is (another person's id reads NOT_FOUND). */
export const isId = (ref: string): boolean => UUID.test(ref.trim());

/**
 * Picks the item `ref` names: its id; else a case-insensitive exact label; else the only label starting
 * with `ref`; else the only label containing it. Several at one step is ambiguous.
 */
export function pickByLabel<T extends { id: string }>(
  items: readonly T[],
  ref: string,
  label: (item: T) => string,
  what: { one: string; many: string; listHint: string },
): T {
  const byId = items.find((i) => i.id === ref);
  if (byId) return byId;
  const needle = ref.trim().toLocaleLowerCase();
  const tests: ((text: string) => boolean)[] = [
    (t) => t === needle,
    (t) => t.startsWith(needle),
    (t) => t.includes(needle),
  ];
  for (const test of tests) {
    const found = items.filter((i) => test(label(i).trim().toLocaleLowerCase()));
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1) {
      const shown = found.slice(0, 8).map((i) => `"${label(i)}" (${i.id})`);
      if (found.length > shown.length) shown.push(`and ${found.length - shown.length} more`);
      throw new CliError(
        `"${ref}" matches ${found.length} ${what.many}: ${shown.join(', ')}; give more of it, or the id`,
      );
    }
  }
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
 * An experiment by id, by its hypothesis (as names are matched), or by the name of its direction when
 * that direction has exactly one experiment without a verdict.
 */
export async function findExperiment(client: TackClient, ref: string): Promise<Experiment> {
  const r = wanted(ref, 'experiment');
  if (isId(r)) return client.experiments.get(r);
  const [experiments, directions] = await Promise.all([client.experiments.list(), client.directions.list()]);
  const what = { one: 'experiment', many: 'experiments', listHint: 'tack experiments list' };
  try {
    return pickByLabel(experiments, r, (e) => e.hypothesis, what);
  } catch (err) {
    const needle = r.toLocaleLowerCase();
    const direction = directions.find((d) => d.name.trim().toLocaleLowerCase() === needle);
    const open = direction ? experiments.filter((e) => e.directionId === direction.id && !e.verdict) : [];
    if (open.length === 1 && open[0]) return open[0];
    throw err;
  }
}

// ── schedule flags, for commands that turn something into a practice (as `tack practices add`) ──

export interface ScheduleFlags {
  times?: number;
  days?: number;
  weekdays?: Weekday[];
  every?: number;
  daily?: boolean;
}

export interface PlanFlags {
  if?: string;
  then?: string;
}

export const DAILY: FrequencyDto = { kind: 'interval', everyDays: 1 };

export function addScheduleOptions(cmd: Command, heading: string): Command {
  return cmd
    .optionsGroup(heading)
    .option('--times <n>', 'with --days: this many times in any N days in a row ("3 in 7")', parseNumber)
    .option('--days <n>', 'the number of days for --times', parseNumber)
    .option('--weekdays <days>', 'on these weekdays, e.g. mon,wed,fri', parseWeekdays)
    .option('--every <n>', 'every N days, counted from the last time it was done', parseNumber)
    .option('--daily', 'every day');
}

/** The frequency the schedule flags describe; undefined when none was given. */
export function frequencyFrom(f: ScheduleFlags): FrequencyDto | undefined {
  const timesGiven = f.times !== undefined || f.days !== undefined;
  const chosen = [
    timesGiven ? '--times/--days' : '',
    f.weekdays ? '--weekdays' : '',
    f.every !== undefined ? '--every' : '',
    f.daily ? '--daily' : '',
  ].filter(Boolean);
  if (chosen.length === 0) return undefined;
  if (chosen.length > 1) throw new UsageError(`choose one schedule, not ${chosen.join(' and ')}`);
  if (timesGiven) {
    if (f.times === undefined) throw new UsageError('--days goes with --times, e.g. --times 3 --days 7');
    if (f.days === undefined) throw new UsageError('--times needs --days, e.g. --times 3 --days 7');
    return { kind: 'times', times: f.times, days: f.days };
  }
  if (f.weekdays) return { kind: 'weekdays', weekdays: f.weekdays };
  if (f.every !== undefined) return { kind: 'interval', everyDays: f.every };
  return DAILY;
}

/** One if-then plan from --if/--then: both or neither. */
export function planFrom(f: PlanFlags): { cue: string; action: string } | undefined {
  if (f.if === undefined && f.then === undefined) return undefined;
  if (f.if === undefined || f.then === undefined) {
    throw new UsageError('--if and --then go together, e.g. --if "it is 7am" --then "I put on my running shoes"');
  }
  return { cue: f.if, action: f.then };
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

/** The quarter of a YYYY-MM-DD date, e.g. 2026-Q4. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Collects a repeatable flag's values (commander's `(value, previous)` form). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
