import { type CheckinDto, checkinOffTarget, type WeekSummary } from '@tack/contracts';
import { addDays, eachDay, toDayNumber } from '../practices/dates.ts';
import { isPausedDay, type PauseRange, pauseIntervals } from '../practices/history.ts';
import type { PracticeRecord } from '../practices/ports.ts';
import {
  createDueChecker,
  frequencyPerDay,
  resolveVersions,
  type ScheduleVersion,
  versionIndexAt,
} from '../practices/schedule.ts';
import { runStrength, type StrengthCheckpoint, scoreOn } from '../practices/strength.ts';

/**
 * Check-ins a practice's schedule asked for between `from` and `to` (both included):
 * - weekdays: the due days (createDueChecker: the version in force each day, paused days excluded);
 * - times in days and every n days: the planned rate per day (times/days, 1/n) summed over the
 *   days the practice was scheduled and not paused, rounded to a whole number.
 * Days before the first schedule version or after `lastDay` (archived) count for nothing.
 */
export function plannedBetween(
  p: { versions: ReadonlyArray<ScheduleVersion>; pauses: ReadonlyArray<PauseRange> },
  from: string,
  to: string,
  lastDay: string | null = null,
): number {
  const resolved = resolveVersions(p.versions);
  const paused = pauseIntervals(p.pauses);
  const due = createDueChecker(p.versions, [], p.pauses);
  let weekdays = 0;
  let rate = 0;
  for (const date of eachDay(from, lastDay && lastDay < to ? lastDay : to)) {
    const day = toDayNumber(date);
    const v = resolved.versions[versionIndexAt(resolved, day)];
    if (!v || isPausedDay(day, paused)) continue;
    if (v.frequency.kind === 'weekdays') {
      if (due(day)) weekdays += 1;
    } else rate += frequencyPerDay(v.frequency);
  }
  return weekdays + Math.round(rate);
}

export interface PracticeWithHistory {
  practice: PracticeRecord;
  /**
   * Check-ins up to the end of the week: every one (strength needs the history), or only those after
   * `resumeFrom` when a saved strength checkpoint from before the week is given.
   */
  entries: CheckinDto[];
  /** A strength checkpoint dated before the day before the week, to resume from; null: from the start. */
  resumeFrom?: StrengthCheckpoint | null;
  /** Last local day it was in use (the day it was archived), or null. */
  lastDay: string | null;
}

/**
 * The numbers of one week, for the review's step 1 (without experiments and intentions, added by the caller).
 * Everything counts up to `today` while the week is under way: planned check-ins too, so a review opened on the
 * week's second day compares two days done with two days planned, not with seven.
 */
export function summariseWeek(
  weekStart: string,
  items: ReadonlyArray<PracticeWithHistory>,
  today: string,
): Pick<WeekSummary, 'practices' | 'planned' | 'done' | 'checkins' | 'energy' | 'notes'> {
  const weekEnd = addDays(weekStart, 6);
  const until = weekEnd < today ? weekEnd : today;
  const practices: WeekSummary['practices'] = [];
  const energyByDay = new Map<string, number[]>();
  const notes: WeekSummary['notes'] = [];
  let checkins = 0;
  for (const { practice: p, entries, lastDay, resumeFrom = null } of items) {
    const inWeek = entries.filter((c) => c.date >= weekStart && c.date <= weekEnd);
    checkins += inWeek.length;
    const paused = pauseIntervals(p.pauses);
    let pausedDays = 0;
    if (until >= weekStart) {
      for (const d of eachDay(weekStart, until)) if (isPausedDay(toDayNumber(d), paused)) pausedDays += 1;
    }
    let strengthStart = 0;
    let strengthEnd = 0;
    if (until >= weekStart) {
      const points = runStrength(
        {
          kind: p.kind,
          target: p.target ?? 0,
          targetType: p.targetType ?? 'atLeast',
          versions: p.versions,
          entries: entries.filter((c) => c.date <= until),
          pauses: p.pauses,
          until,
        },
        { resumeFrom },
      ).points;
      strengthStart = scoreOn(points, addDays(weekStart, -1));
      strengthEnd = scoreOn(points, until);
    }
    const done = inWeek.filter((c) => c.status === 'done');
    const resolved = resolveVersions(p.versions);
    // A day whose amount misses a per-day target (or goes over its limit) is logged, not done: as on Today.
    const onTarget = done.filter((c) => {
      const v = resolved.versions[versionIndexAt(resolved, toDayNumber(c.date))];
      return !v || !checkinOffTarget({ kind: p.kind, target: p.target, targetType: p.targetType, schedule: v }, c);
    });
    practices.push({
      practiceId: p.id,
      name: p.name,
      kind: p.kind,
      unit: p.unit,
      state: p.deletedAt ? 'deleted' : p.archivedAt ? 'archived' : 'active',
      planned: plannedBetween(p, weekStart, until, lastDay),
      done: onTarget.length,
      skipped: inWeek.filter((c) => c.status === 'skipped').length,
      pausedDays,
      amount: p.kind === 'measurable' ? done.reduce((s, c) => s + (c.value ?? 0), 0) : null,
      strengthStart: Math.round(strengthStart * 1000) / 1000,
      strengthEnd: Math.round(strengthEnd * 1000) / 1000,
    });
    for (const c of inWeek) {
      if (c.energy !== null) energyByDay.set(c.date, [...(energyByDay.get(c.date) ?? []), c.energy]);
      if (c.note) notes.push({ date: c.date, practiceId: p.id, practice: p.name, note: c.note });
    }
  }
  const energy = [...energyByDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, marks]) => ({
      date,
      average: Math.round((marks.reduce((s, m) => s + m, 0) / marks.length) * 100) / 100,
      marks: marks.length,
    }));
  notes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    practices,
    planned: practices.reduce((s, p) => s + p.planned, 0),
    // Planned check-ins done: a practice done more often than planned (or on paused days) adds no more than its plan.
    done: practices.reduce((s, p) => s + Math.min(p.done, p.planned), 0),
    checkins,
    energy,
    notes,
  };
}

/** WHO-5 raw score (0–25), or null unless all five answers are there. */
export function who5Raw(answers: ReadonlyArray<number> | null | undefined): number | null {
  if (answers?.length !== 5) return null;
  return answers.reduce((s, a) => s + a, 0);
}
