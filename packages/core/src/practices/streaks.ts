import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from './dates.ts';
import { type CheckIn, dayKind, indexCheckIns, type PauseRange, pauseIntervals } from './history.ts';
import { resolveVersions, type ScheduleVersion, validateScheduleVersions, versionIndexAt } from './schedule.ts';

/**
 * Streaks.
 *
 * The rule. As in the strength score, skipped and paused days are taken out of the calendar
 * ("counted days" are the others). A day is SATISFIED when it is
 *   - done, skipped or paused; or
 *   - not required by the schedule version in force that day:
 *     - weekdays: a weekday not in the list;
 *     - every n days: fewer than n counted days have passed since the last done day (the day it is
 *       done again is the n-th);
 *     - times in days: the rolling window of the last `days` counted days ending on it already holds
 *       `times` done days. Window days before the streak began count as met, so a new streak gets a
 *       full window to reach `times` (3 in 7 begun on a Monday is not broken on Tuesday), while every
 *       window lying wholly inside the streak must be met;
 *     - any day before the first schedule version.
 * Any other day (required, and "not done" or without a check-in) BREAKS the streak, except `today`
 * without a check-in: it is still pending, so it neither breaks nor extends the streak.
 *
 * A streak is a maximal run of consecutive satisfied days that starts on a done day (satisfied days
 * before it, such as free days before the first check-in, are not part of it). Its `length` is in
 * calendar days, first done day to last satisfied day, both included; `doneDays` counts its done
 * days. So a skipped or paused day never breaks a streak (neither that day nor a later window), and
 * still counts as one of its days.
 *
 * `current` is the streak still running today (ending today, or yesterday while today is pending);
 * `best` is the longest streak ever (on a tie, the most recent), possibly the current one.
 * Check-ins after `today` are ignored.
 */
export interface Streak {
  start: string;
  end: string;
  length: number;
  doneDays: number;
}

export interface StreakInput {
  versions: ReadonlyArray<ScheduleVersion>;
  entries: ReadonlyArray<CheckIn>;
  pauses?: ReadonlyArray<PauseRange>;
  today: string;
}

export interface Streaks {
  current: Streak | null;
  best: Streak | null;
}

interface Run {
  start: number;
  end: number;
  doneDays: number;
}

export function computeStreaks(input: StreakInput): Streaks {
  validateScheduleVersions(input.versions);
  const today = toDayNumber(input.today, 'today');
  const checkIns = indexCheckIns(input.entries);
  const paused = pauseIntervals(input.pauses);
  const resolved = resolveVersions(input.versions);

  let first = Number.POSITIVE_INFINITY;
  for (const [day, c] of checkIns) if (c.status === 'done' && day < first) first = day;
  if (first > today) return { current: null, best: null };

  /** Counted days (neither skipped nor paused) from the first done day on, oldest first. */
  const counted: Array<{ day: number; done: boolean }> = [];
  let lastDone = -1; // index in `counted`
  let best: Streak | null = null;
  let run: Run | null = null;
  const close = (r: Run) => {
    const streak = toStreak(r);
    if (!best || streak.length >= best.length) best = streak;
  };

  for (let day = first; day <= today; day++) {
    const kind = dayKind(day, checkIns, paused);
    if (kind === 'skipped' || kind === 'paused') {
      if (run) run.end = day;
      continue;
    }
    counted.push({ day, done: kind === 'done' });
    if (kind === 'done') {
      lastDone = counted.length - 1;
      if (run) {
        run.end = day;
        run.doneDays++;
      } else {
        run = { start: day, end: day, doneDays: 1 };
      }
      continue;
    }
    if (!run) continue;
    if (!isRequired(resolved.versions[versionIndexAt(resolved, day)], day, counted, lastDone, run.start)) {
      run.end = day;
    } else if (!(day === today && kind === 'none')) {
      close(run);
      run = null;
    }
    // else: today is required but not checked yet; pending.
  }
  const current: Streak | null = run ? toStreak(run) : null;
  if (run) close(run);
  return { current, best };
}

/** Whether `day`, the last of `counted` and not done, was required (see the rule above). */
function isRequired(
  version: ScheduleVersion | undefined,
  day: number,
  counted: ReadonlyArray<{ day: number; done: boolean }>,
  lastDone: number,
  runStart: number,
): boolean {
  if (!version) return false;
  const f = version.frequency;
  switch (f.kind) {
    case 'weekdays':
      return f.weekdays.includes(weekdayOfDayNumber(day));
    case 'interval':
      return counted.length - 1 - lastDone >= f.everyDays;
    case 'times': {
      let met = 0;
      for (let i = counted.length - f.days; i < counted.length; i++) {
        const slot = counted[i];
        if (!slot || slot.day < runStart || slot.done) met++;
      }
      return met < f.times;
    }
  }
}

function toStreak(run: Run): Streak {
  return {
    start: fromDayNumber(run.start),
    end: fromDayNumber(run.end),
    length: run.end - run.start + 1,
    doneDays: run.doneDays,
  };
}
