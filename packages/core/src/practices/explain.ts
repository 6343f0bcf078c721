import { dailyTargetMet, targetWindowDays } from '@tack/contracts';
import { fromDayNumber, toDayNumber } from './dates.ts';
import { indexCheckIns, pauseIntervals } from './history.ts';
import { createDueChecker, frequencyRatio, resolveVersions, versionIndexAt } from './schedule.ts';
import { computeStrength, type StrengthInput, type StrengthPoint, scoreOn } from './strength.ts';

/**
 * A plain-language reading of the strength score for the UI. The states, checked in this order:
 * - `none`: no check-in on or before today;
 * - `paused`: today falls in a pause (the score is held);
 * - `recovering`: the score rose over the last 7 days after having dropped by at least 10 points
 *   from a peak in the 90 days before, and is below the `high` threshold;
 * - `high`: 80% and up; `low`: under 40%; `building`: in between.
 */
export type StrengthState = 'none' | 'paused' | 'recovering' | 'high' | 'building' | 'low';

export interface StrengthExplanation {
  state: StrengthState;
  /** Today's score (0…1), null without check-ins. */
  score: number | null;
  /** Rounded percentage shown to the user, null without check-ins. */
  percent: number | null;
  text: string;
}

export interface ExplainInput extends Omit<StrengthInput, 'until'> {
  /** Today in the user's zone. */
  today: string;
  /** The series from `computeStrength` up to today, when the caller already has it. */
  points?: ReadonlyArray<StrengthPoint>;
}

export const HIGH_STRENGTH = 0.8;
export const LOW_STRENGTH = 0.4;
/** How many recent planned days the sentence reports on. */
const RECENT_PLANNED_DAYS = 7;

export function describeStrength(input: ExplainInput): StrengthExplanation {
  const today = toDayNumber(input.today, 'today');
  const checkIns = indexCheckIns(input.entries);
  let first = Number.POSITIVE_INFINITY;
  for (const day of checkIns.keys()) if (day < first) first = day;
  if (first > today) {
    return {
      state: 'none',
      score: null,
      percent: null,
      text: 'No check-ins yet: strength starts with your first one.',
    };
  }

  const points = input.points ?? computeStrength({ ...input, until: input.today });
  const score = scoreOn(points, input.today);
  const percent = Math.round(score * 100);

  const pause = pauseIntervals(input.pauses).find(([from, to]) => today >= from && today <= to);
  if (pause) {
    return {
      state: 'paused',
      score,
      percent,
      text: `Paused since ${fromDayNumber(pause[0])}: strength stays at ${percent}% until you resume.`,
    };
  }

  const summary = recentSummary(input, today, first);
  const weekAgo = scoreOn(points, fromDayNumber(today - 7));
  let peak = 0;
  for (const p of points) {
    const day = toDayNumber(p.date);
    if (day >= today - 97 && day <= today - 7) peak = Math.max(peak, p.score);
  }
  if (score < HIGH_STRENGTH && score - weekAgo >= 0.02 && peak - weekAgo >= 0.1) {
    return {
      state: 'recovering',
      score,
      percent,
      text: `${percent}% and rising: ${summary}. You are back, and each check-in brings the score further up.`,
    };
  }
  if (score >= HIGH_STRENGTH) {
    return {
      state: 'high',
      score,
      percent,
      text: `${percent}%: ${summary}. A missed day costs little; a return recovers fast.`,
    };
  }
  if (score < LOW_STRENGTH) {
    return {
      state: 'low',
      score,
      percent,
      text: `${percent}%: ${summary}. Strength builds over weeks, not days; every check-in moves it up.`,
    };
  }
  return {
    state: 'building',
    score,
    percent,
    text: `${percent}%: ${summary}. Strength is building; keeping the rhythm matters more than any single day.`,
  };
}

/** The sentence alone, e.g. "62%: you did 5 of the last 7 planned days. A missed day costs little; …". */
export function explainStrength(input: ExplainInput): string {
  return describeStrength(input).text;
}

/**
 * "you did X of the last N planned days" (weekdays, every n days, or every day; "you reached your target on X
 * of …" for an amount with a per-day target), or "you did X of the Y planned in the last W days" for "times in
 * days" below every day. Today counts once it has a check-in; skipped and paused days are left out.
 */
function recentSummary(input: ExplainInput, today: number, first: number): string {
  const checkIns = indexCheckIns(input.entries);
  const resolved = resolveVersions(input.versions);
  const version = resolved.versions[Math.max(0, versionIndexAt(resolved, today))]!;
  const f = version.frequency;
  const statusOn = (day: number) => checkIns.get(day)?.status;

  // A limit ("at most 2 spoons of sugar a day") is kept by doing little or none of it: report the
  // amount in the schedule's window against the limit, not days "done".
  if (input.kind === 'measurable' && input.targetType === 'atMost' && typeof input.target === 'number') {
    const windowDays = Math.max(1, frequencyRatio(f).denominator);
    let total = 0;
    for (let day = today - windowDays + 1; day <= today; day++) {
      const c = checkIns.get(day);
      if (c?.status === 'done' && typeof c.value === 'number' && Number.isFinite(c.value))
        total += Math.max(0, c.value);
    }
    const amount = (n: number) => String(Math.round(n * 100) / 100);
    const span = windowDays === 1 ? 'today' : `in the last ${windowDays} days`;
    return total <= input.target
      ? `${amount(total)} ${span}, within your limit of ${amount(input.target)}`
      : `${amount(total)} ${span}, over your limit of ${amount(input.target)}`;
  }

  if (f.kind === 'times' && f.times < f.days) {
    const windowDays = f.days * Math.ceil(RECENT_PLANNED_DAYS / f.days);
    const planned = (f.times * windowDays) / f.days;
    let done = 0;
    for (let day = today - windowDays + 1; day <= today; day++) if (statusOn(day) === 'done') done++;
    return done > planned
      ? `you did it ${done} times in the last ${windowDays} days, more than the ${planned} planned`
      : `you did ${done} of the ${planned} planned in the last ${windowDays} days`;
  }

  // An amount below a per-day target ("at least 6 glasses a day") is logged, not done: as on Today and in
  // the weekly review.
  const target = input.kind === 'measurable' && typeof input.target === 'number' ? input.target : null;
  const perDayTarget = target !== null && targetWindowDays(f) === 1;
  const reached = (day: number) => {
    const c = checkIns.get(day);
    if (c?.status !== 'done' || target === null) return c?.status === 'done';
    const v = resolved.versions[Math.max(0, versionIndexAt(resolved, day))]!;
    const met = dailyTargetMet({ target, targetType: input.targetType ?? 'atLeast', schedule: v }, c.value ?? null);
    return met !== false;
  };
  const isDue = createDueChecker(input.versions, input.entries, input.pauses);
  const paused = pauseIntervals(input.pauses);
  let planned = 0;
  let done = 0;
  for (let day = today; day >= first && planned < RECENT_PLANNED_DAYS; day--) {
    const status = statusOn(day);
    if (day === today && status === undefined) continue;
    if (status === 'skipped' || paused.some(([from, to]) => day >= from && day <= to)) continue;
    if (status === 'done' || isDue(day)) {
      planned++;
      if (reached(day)) done++;
    }
  }
  if (planned === 0) return 'nothing was planned on the days since you started';
  const days = `${planned} planned ${planned === 1 ? 'day' : 'days'}`;
  return perDayTarget
    ? `you reached your target on ${done} of the last ${days}`
    : `you did ${done} of the last ${days}`;
}
