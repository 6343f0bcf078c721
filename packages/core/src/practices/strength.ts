import { invalid } from '../errors.ts';
import { fromDayNumber, toDayNumber } from './dates.ts';
import { type CheckIn, dayKind, indexCheckIns, type PauseRange, pauseIntervals } from './history.ts';
import {
  frequencyRatio,
  MAX_FREQUENCY_DAYS,
  resolveVersions,
  type ScheduleVersion,
  validateScheduleVersions,
  versionIndexAt,
} from './schedule.ts';

/**
 * The strength score: Loop Habit Tracker's published model (METHOD.md section 6), implemented from
 * its description. For each day from the first check-in to `until`, oldest first:
 *
 *   score = previous × m + c × (1 − m),   m = 0.5^(√f / 13)
 *
 * where f is the planned check-ins per day of the schedule version in force that day (a daily
 * practice has a half-life of 13 days) and c in 0…1 is that day's completion over a rolling window:
 *
 * - yes/no: c = min(1, done days in the window / numerator), the window being the last
 *   `denominator` counted days, where f = numerator/denominator ("times in days"; weekdays are
 *   weekdays.length in 7; "every n days" is 1 in n). When f < 1 both are doubled (3 in 7 becomes 6
 *   in 14), which smooths weekly practices done on different weekdays.
 * - measurable, at least: c = min(1, window sum / target), 1 when target <= 0.
 * - measurable, at most: c = clamp(1 − (window sum − target) / target, 0, 1); when target <= 0,
 *   c = 1 if the window sum is 0 and 0 otherwise. The score starts at 1 instead of 0.
 *   Measurable windows are `denominator` days, never doubled; `target` is the amount per window
 *   (per day for a daily practice, per week for "1 in 7"). Negative values count as 0, a day with
 *   no check-in (or "not done") as 0.
 * - A skipped or paused day leaves the score unchanged and is treated as if it never existed: it
 *   does not take a place in the window, which reaches back over it to the previous counted days.
 *   (Loop's published expectations require this: "6 in 7" with three skipped days and "done or
 *   skipped every day" converging to 100% only hold when skipped days are left out of the window.)
 * - Days before the first check-in (of any status) have no score, reported as 0 by `scoreOn`.
 *
 * For the version in force, days before the first version use the first version.
 */

export type StrengthKind = 'boolean' | 'measurable';
export type TargetType = 'atLeast' | 'atMost';

export interface StrengthInput {
  kind: StrengthKind;
  /** Amount per window for measurable practices (required for them). */
  target?: number;
  /** Defaults to 'atLeast'. */
  targetType?: TargetType;
  versions: ReadonlyArray<ScheduleVersion>;
  entries: ReadonlyArray<CheckIn>;
  pauses?: ReadonlyArray<PauseRange>;
  /** Last day to compute, usually today in the user's zone. */
  until: string;
}

export interface StrengthPoint {
  date: string;
  score: number;
}

/**
 * Everything needed to continue a computation after `date`, JSON-serialisable. `window` holds the
 * values of the most recent counted (neither skipped nor paused) days up to `date`, oldest first:
 * 1 or 0 for yes/no practices, the amount for measurable ones; at most `MAX_STRENGTH_WINDOW` long.
 */
export interface StrengthCheckpoint {
  date: string;
  score: number;
  window: number[];
}

export interface StrengthRun {
  /** One point per day after the starting point (the first check-in, or the day after `resumeFrom`). */
  points: StrengthPoint[];
  /** The state at the last computed day; `resumeFrom` when nothing was computed; null for no history. */
  last: StrengthCheckpoint | null;
  /** Checkpoints on computed days whose day number is a multiple of `checkpointEvery` (empty without it). */
  checkpoints: StrengthCheckpoint[];
}

export interface StrengthRunOptions {
  /**
   * Continue from this checkpoint instead of the first check-in. The caller guarantees that
   * nothing on or before `resumeFrom.date` (check-ins, pauses, versions in force) changed since the
   * checkpoint was taken; then the result equals a full recomputation for every later day.
   */
  resumeFrom?: StrengthCheckpoint | null;
  /**
   * Emit a checkpoint on each computed day whose day number (days since 1970-01-01) is a multiple of
   * this. Alignment on the calendar makes checkpoints from a resumed run line up with a full run's.
   */
  checkpointEvery?: number;
}

/** The widest rolling window: the longest frequency window, doubled for yes/no practices with f < 1. */
export const MAX_STRENGTH_WINDOW = MAX_FREQUENCY_DAYS * 2;

/** Days for the score to halve without check-ins, for a daily practice. */
export const STRENGTH_HALF_LIFE_DAYS = 13;

/** m = 0.5^(√f / 13): the weight of yesterday's score for a practice planned f times per day. */
export function strengthMultiplier(frequencyPerDay: number): number {
  return 0.5 ** (Math.sqrt(frequencyPerDay) / STRENGTH_HALF_LIFE_DAYS);
}

/** One day of the model: previous × m + completion × (1 − m). */
export function strengthStep(frequencyPerDay: number, previous: number, completion: number): number {
  const m = strengthMultiplier(frequencyPerDay);
  return previous * m + completion * (1 - m);
}

/** Completion c of a measurable window. */
export function measurableCompletion(windowSum: number, target: number, targetType: TargetType): number {
  if (targetType === 'atLeast') return target <= 0 ? 1 : Math.min(1, windowSum / target);
  if (target <= 0) return windowSum > 0 ? 0 : 1;
  return Math.min(1, Math.max(0, 1 - (windowSum - target) / target));
}

function checkInput(input: StrengthInput): { target: number; targetType: TargetType } {
  validateScheduleVersions(input.versions);
  const targetType = input.targetType ?? 'atLeast';
  if (targetType !== 'atLeast' && targetType !== 'atMost') {
    throw invalid('practice.targetType', "must be 'atLeast' or 'atMost'");
  }
  if (input.kind === 'measurable') {
    if (typeof input.target !== 'number' || !Number.isFinite(input.target)) {
      throw invalid('practice.target', 'a measurable practice needs a target');
    }
    return { target: input.target, targetType };
  }
  if (input.kind !== 'boolean') throw invalid('practice.kind', "must be 'boolean' or 'measurable'");
  return { target: 0, targetType };
}

function validCheckpoint(c: StrengthCheckpoint): StrengthCheckpoint {
  toDayNumber(c.date, 'resumeFrom.date');
  if (!Number.isFinite(c.score) || !Array.isArray(c.window) || !c.window.every(Number.isFinite)) {
    throw invalid('resumeFrom', 'not a strength checkpoint');
  }
  return c;
}

/**
 * Runs the model, optionally from a checkpoint and emitting checkpoints, so a caller that caches
 * the series can recompute only from a changed date on: take the latest checkpoint strictly before
 * the changed date (`checkpointBefore`), resume from it, and splice the points in.
 */
export function runStrength(input: StrengthInput, options: StrengthRunOptions = {}): StrengthRun {
  const { target, targetType } = checkInput(input);
  const every = options.checkpointEvery;
  if (every !== undefined && (!Number.isInteger(every) || every < 1)) {
    throw invalid('checkpointEvery', 'must be a whole number of at least 1');
  }
  const resolved = resolveVersions(input.versions);
  const checkIns = indexCheckIns(input.entries);
  const paused = pauseIntervals(input.pauses);
  const until = toDayNumber(input.until, 'until');
  const measurable = input.kind === 'measurable';

  let day: number;
  let score: number;
  let window: number[];
  const resume = options.resumeFrom ? validCheckpoint(options.resumeFrom) : null;
  if (resume) {
    day = toDayNumber(resume.date) + 1;
    score = resume.score;
    window = resume.window.slice(-MAX_STRENGTH_WINDOW);
  } else {
    let first = Number.POSITIVE_INFINITY;
    for (const d of checkIns.keys()) if (d < first) first = d;
    if (first > until) return { points: [], last: null, checkpoints: [] };
    day = first;
    score = measurable && targetType === 'atMost' ? 1 : 0;
    window = [];
  }

  const points: StrengthPoint[] = [];
  const checkpoints: StrengthCheckpoint[] = [];
  for (; day <= until; day++) {
    const kind = dayKind(day, checkIns, paused);
    if (kind !== 'skipped' && kind !== 'paused') {
      let value = 0;
      if (kind === 'done') {
        const amount = checkIns.get(day)?.value;
        value = !measurable ? 1 : typeof amount === 'number' && Number.isFinite(amount) ? Math.max(0, amount) : 0;
      }
      window.push(value);
      if (window.length > MAX_STRENGTH_WINDOW) window.shift();

      const version = resolved.versions[Math.max(0, versionIndexAt(resolved, day))]!;
      let { numerator, denominator } = frequencyRatio(version.frequency);
      const perDay = numerator / denominator;
      if (!measurable && perDay < 1) {
        numerator *= 2;
        denominator *= 2;
      }
      let sum = 0;
      for (let i = Math.max(0, window.length - denominator); i < window.length; i++) sum += window[i]!;
      const completion = measurable ? measurableCompletion(sum, target, targetType) : Math.min(1, sum / numerator);
      score = strengthStep(perDay, score, completion);
    }
    const date = fromDayNumber(day);
    points.push({ date, score });
    if (every !== undefined && day % every === 0) checkpoints.push({ date, score, window: [...window] });
  }

  const lastPoint = points.at(-1);
  const last = lastPoint ? { date: lastPoint.date, score, window: [...window] } : resume;
  return { points, last, checkpoints };
}

/** The daily strength series, from the first check-in to `until` (empty when there is no check-in by then). */
export function computeStrength(input: StrengthInput): StrengthPoint[] {
  return runStrength(input).points;
}

/** The latest checkpoint strictly before `date`: the one to resume from when something on `date` changed. */
export function checkpointBefore(
  checkpoints: ReadonlyArray<StrengthCheckpoint>,
  date: string,
): StrengthCheckpoint | null {
  const day = toDayNumber(date);
  let best: StrengthCheckpoint | null = null;
  let bestDay = Number.NEGATIVE_INFINITY;
  for (const c of checkpoints) {
    const d = toDayNumber(c.date);
    if (d < day && d > bestDay) {
      best = c;
      bestDay = d;
    }
  }
  return best;
}

/** The score on `date` from a series: the latest point on or before it, 0 before the first check-in. */
export function scoreOn(points: ReadonlyArray<StrengthPoint>, date: string): number {
  const day = toDayNumber(date);
  let lo = 0;
  let hi = points.length - 1;
  let found: StrengthPoint | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = points[mid]!;
    if (toDayNumber(p.date) <= day) {
      found = p;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found?.score ?? 0;
}
