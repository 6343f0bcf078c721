import { WEEKDAYS, type Weekday } from '@tack/contracts';
import { invalid } from '../errors.ts';
import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from './dates.ts';
import { type CheckIn, indexCheckIns, isPausedDay, type PauseRange, pauseIntervals } from './history.ts';

/**
 * How often a practice is planned:
 * - `times`: at least `times` check-ins in any rolling window of `days` days ("3 times in 7 days");
 * - `weekdays`: on these weekdays;
 * - `interval`: once every `everyDays` days, counted from the last time it was done.
 */
export type Frequency =
  | { kind: 'times'; times: number; days: number }
  | { kind: 'weekdays'; weekdays: Weekday[] }
  | { kind: 'interval'; everyDays: number };

/**
 * Schedules are versioned. The version in force on a day is the one with the latest
 * `effectiveFrom` on or before that day, so editing a schedule (adding a version) never changes
 * what applied, and the strength computed, before the edit's `effectiveFrom`.
 */
export type ScheduleVersion = { effectiveFrom: string; frequency: Frequency };

/** Longest window a frequency may use (`days` of "times in days", `everyDays` of an interval). */
export const MAX_FREQUENCY_DAYS = 365;

/** A frequency as a ratio `numerator / denominator` check-ins per day ("times in days"). */
export function frequencyRatio(frequency: Frequency): { numerator: number; denominator: number } {
  switch (frequency.kind) {
    case 'times':
      return { numerator: frequency.times, denominator: frequency.days };
    case 'weekdays':
      return { numerator: new Set(frequency.weekdays).size, denominator: 7 };
    case 'interval':
      return { numerator: 1, denominator: frequency.everyDays };
  }
}

/** Planned check-ins per day: times/days, weekdays/7, 1/everyDays. */
export function frequencyPerDay(frequency: Frequency): number {
  const { numerator, denominator } = frequencyRatio(frequency);
  return numerator / denominator;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Throws a VALIDATION_FAILED DomainError naming the offending field (`schedule.frequency.times`,
 * `.days`, `.everyDays`, `.weekdays`, `.kind`) unless the frequency is usable.
 */
export function validateFrequency(frequency: Frequency, path = 'schedule.frequency'): void {
  const f = frequency as { kind?: unknown; times?: unknown; days?: unknown; everyDays?: unknown; weekdays?: unknown };
  switch (f.kind) {
    case 'times': {
      if (!isWholeNumber(f.days) || f.days < 1) throw invalid(`${path}.days`, 'must be a whole number of at least 1');
      if (f.days > MAX_FREQUENCY_DAYS) throw invalid(`${path}.days`, `must be at most ${MAX_FREQUENCY_DAYS}`);
      if (!isWholeNumber(f.times) || f.times < 1)
        throw invalid(`${path}.times`, 'must be a whole number of at least 1');
      if (f.times > f.days) throw invalid(`${path}.times`, `must be at most days (${f.days})`);
      return;
    }
    case 'weekdays': {
      if (!Array.isArray(f.weekdays) || f.weekdays.length === 0) {
        throw invalid(`${path}.weekdays`, 'choose at least one weekday');
      }
      const seen = new Set<unknown>();
      f.weekdays.forEach((day: unknown, i: number) => {
        if (!(WEEKDAYS as readonly unknown[]).includes(day)) throw invalid(`${path}.weekdays.${i}`, 'not a weekday');
        if (seen.has(day)) throw invalid(`${path}.weekdays`, `'${String(day)}' is listed twice`);
        seen.add(day);
      });
      return;
    }
    case 'interval': {
      if (!isWholeNumber(f.everyDays) || f.everyDays < 1 || f.everyDays > MAX_FREQUENCY_DAYS) {
        throw invalid(`${path}.everyDays`, `must be a whole number from 1 to ${MAX_FREQUENCY_DAYS}`);
      }
      return;
    }
    default:
      throw invalid(`${path}.kind`, "must be 'times', 'weekdays' or 'interval'");
  }
}

/** Validates every version (dates and frequencies); at least one version is required. */
export function validateScheduleVersions(versions: ReadonlyArray<ScheduleVersion>, path = 'schedule.versions'): void {
  if (versions.length === 0) throw invalid(path, 'at least one schedule version is required');
  versions.forEach((v, i) => {
    toDayNumber(v.effectiveFrom, `${path}.${i}.effectiveFrom`);
    validateFrequency(v.frequency, `${path}.${i}.frequency`);
  });
}

/** Versions sorted by start day; of two versions with the same `effectiveFrom`, the later in the input wins. */
export interface ResolvedVersions {
  readonly startDays: readonly number[];
  readonly versions: readonly ScheduleVersion[];
}

export function resolveVersions(versions: ReadonlyArray<ScheduleVersion>): ResolvedVersions {
  const byDay = new Map<number, ScheduleVersion>();
  versions.forEach((v, i) => {
    byDay.set(toDayNumber(v.effectiveFrom, `schedule.versions.${i}.effectiveFrom`), v);
  });
  const startDays = [...byDay.keys()].sort((a, b) => a - b);
  return { startDays, versions: startDays.map((d) => byDay.get(d)!) };
}

/** Index of the version in force on `day`, or -1 before the first version. */
export function versionIndexAt(resolved: ResolvedVersions, day: number): number {
  let lo = 0;
  let hi = resolved.startDays.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (resolved.startDays[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The version in force on `date`: the latest with effectiveFrom <= date; undefined before the first version. */
export function versionOn(versions: ReadonlyArray<ScheduleVersion>, date: string): ScheduleVersion | undefined {
  const resolved = resolveVersions(versions);
  return resolved.versions[versionIndexAt(resolved, toDayNumber(date))];
}

/** Number of entries of the sorted list `days` within [from, to]. */
function countBetween(days: readonly number[], from: number, to: number): number {
  if (to < from) return 0;
  return lowerBound(days, to + 1) - lowerBound(days, from);
}

/** First index whose value is >= `value`. */
function lowerBound(days: readonly number[], value: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether `frequency` asks for the practice on `day`, given the sorted days it was done.
 * Check-ins on `day` itself are ignored, so a practice completed today still reads as due (and done).
 * - weekdays: due on the listed weekdays;
 * - interval: due once `everyDays` days have passed since the last day it was done; never done yet:
 *   due from the version's first day on (as if last done `everyDays` days before it);
 * - times in days: due while fewer than `times` were done in the window of `days` days ending on `day`.
 */
export function isDueByFrequency(frequency: Frequency, day: number, doneDays: readonly number[]): boolean {
  switch (frequency.kind) {
    case 'weekdays':
      return frequency.weekdays.includes(weekdayOfDayNumber(day));
    case 'interval': {
      const i = lowerBound(doneDays, day) - 1;
      if (i < 0) return true;
      return day - doneDays[i]! >= frequency.everyDays;
    }
    case 'times':
      return countBetween(doneDays, day - frequency.days + 1, day - 1) < frequency.times;
  }
}

/**
 * A reusable due-check over one practice's history (faster than `isDue` for many days). Not due
 * before the first schedule version or on a paused day.
 */
export function createDueChecker(
  versions: ReadonlyArray<ScheduleVersion>,
  entries: ReadonlyArray<CheckIn>,
  pauses?: ReadonlyArray<PauseRange>,
): (date: string | number) => boolean {
  const resolved = resolveVersions(versions);
  const doneDays = [...indexCheckIns(entries)]
    .filter(([, c]) => c.status === 'done')
    .map(([day]) => day)
    .sort((a, b) => a - b);
  const paused = pauseIntervals(pauses);
  return (date) => {
    const day = typeof date === 'number' ? date : toDayNumber(date);
    const version = resolved.versions[versionIndexAt(resolved, day)];
    if (!version || isPausedDay(day, paused)) return false;
    return isDueByFrequency(version.frequency, day, doneDays);
  };
}

/**
 * Whether the practice is due on `date`, for the Today view. See `isDueByFrequency` for the rule of
 * each frequency kind. A practice already done on `date` still counts as due (it shows as done).
 */
export function isDue(
  date: string,
  versions: ReadonlyArray<ScheduleVersion>,
  entries: ReadonlyArray<CheckIn>,
  pauses?: ReadonlyArray<PauseRange>,
): boolean {
  return createDueChecker(versions, entries, pauses)(date);
}

export interface PreviewDay {
  date: string;
  due: boolean;
}

/**
 * The next `days` days (from `from`, included) under `frequency`, for the preview shown while
 * editing a schedule. It assumes the practice is done on every day it is due, so "3 times in 7
 * days" previews as three due days then four free ones, and "every 3 days" as every third day.
 */
export function previewSchedule(frequency: Frequency, from: string, days = 14): PreviewDay[] {
  validateFrequency(frequency);
  if (!Number.isInteger(days) || days < 0) throw invalid('days', 'must be a whole number of at least 0');
  const start = toDayNumber(from, 'from');
  const doneDays: number[] = [];
  const preview: PreviewDay[] = [];
  for (let day = start; day < start + days; day++) {
    const due = isDueByFrequency(frequency, day, doneDays);
    if (due) doneDays.push(day);
    preview.push({ date: fromDayNumber(day), due });
  }
  return preview;
}
