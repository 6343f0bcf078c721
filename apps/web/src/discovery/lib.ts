import type { Experiment, GoalKind, GoalStatus, Horizon, Verdict, Weekday } from '@tack/contracts';
import { addDays, daysBetween, isoToUtc, mediumDate, weekdayOfIso } from '../practices/lib.ts';
import { weekStartOf } from '../reviews/lib.ts';

/** Pure helpers for the discovery screens: ISO weeks, experiment phases, words for statuses. */

/** The ISO 8601 week of a date, like 2026-W47 (weeks start on Monday). */
export function isoWeekOf(iso: string): string {
  const d = isoToUtc(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - day) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Day = (jan4.getUTCDay() + 6) % 7;
  const week1Monday = jan4.getTime() - jan4Day * 86_400_000;
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week. */
export function mondayOfIsoWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return week;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Day = (jan4.getUTCDay() + 6) % 7;
  const monday = new Date(jan4.getTime() - jan4Day * 86_400_000 + (n - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

/**
 * The ISO week naming the person's week that holds `iso`, as the weekly review names it: the ISO
 * week of the Monday inside it (with Sunday weeks, Sunday Nov 22 is in the week named 2026-W48).
 */
export function personIsoWeekOf(iso: string, weekStart: Weekday = 'monday'): string {
  const start = weekStartOf(iso, weekStart);
  for (let i = 0; i < 7; i++) {
    const day = addDays(start, i);
    if (weekdayOfIso(day) === 'monday') return isoWeekOf(day);
  }
  return isoWeekOf(start);
}

/** "Week 47 · from Nov 16, 2026": from the first day of the person's week of that name. */
export function weekInWords(week: string, weekStart: Weekday = 'monday'): string {
  const first = weekStartOf(mondayOfIsoWeek(week), weekStart);
  const n = Number(week.slice(6));
  return `Week ${n} · from ${mediumDate(first)}`;
}

export function previousIsoWeek(week: string): string {
  return isoWeekOf(addDays(mondayOfIsoWeek(week), -7));
}

/** Midpoint and decision date for a start date and length, as the server computes them. */
export function experimentDates(startDate: string, lengthWeeks: number): { midpoint: string; decision: string } {
  const days = lengthWeeks * 7;
  return { midpoint: addDays(startDate, Math.round(days / 2)), decision: addDays(startDate, days) };
}

export type ExperimentPhase = 'planned' | 'early' | 'midpoint' | 'decide' | 'decided';

/** Where an experiment stands today: the prompts shown at the mid-point and at the end depend on it. */
export function experimentPhase(e: Experiment, today: string | undefined): ExperimentPhase {
  if (e.verdict) return 'decided';
  if (!today) return e.status === 'decisionDue' ? 'decide' : 'early';
  if (today < e.startDate) return 'planned';
  if (today >= e.decisionDate || e.status === 'decisionDue') return 'decide';
  if (today >= e.midpointDate) return 'midpoint';
  return 'early';
}

/** "Week 3 of 6" */
export function experimentWeek(e: Experiment, today: string): string {
  const week = Math.min(e.lengthWeeks, Math.floor(daysBetween(e.startDate, today) / 7) + 1);
  return `Week ${Math.max(1, week)} of ${e.lengthWeeks}`;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  deepen: 'Go deeper',
  adjust: 'Adjust',
  letGo: 'Let go',
};

export const VERDICT_RESULT: Record<Verdict, string> = {
  deepen: 'Went deeper',
  adjust: 'Adjusted',
  letGo: 'Let go: a completed discovery',
};

export const EXPERIMENT_STATUS_LABELS: Record<Experiment['status'], string> = {
  planned: 'Planned',
  running: 'Running',
  decisionDue: 'Decision due',
  decided: 'Decided',
};

export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  learning: 'Learning goal',
  performance: 'Performance goal',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  exploring: 'Exploring',
  active: 'Active',
  paused: 'Paused',
  achieved: 'Achieved',
  letGo: 'Let go',
};

export const RULE_TITLES: Record<string, string> = {
  R1: 'New or complex task: learn first',
  R2: 'Skill is there, outcome in your hands',
  R3: 'Low control or uncertain context: checkpoints',
  R4: 'Early in learning: no long-range target yet',
  R5: 'Combined goals: keep the learning goal easy',
  R6: 'Low commitment or self-efficacy: start small',
  R7: 'Why it matters',
  R8: 'Always an if-then plan',
  R9: 'Structure feels constraining: an intention',
};

/** The frequency picker's state, shared by "make this a practice" forms. */
export { DEFAULT_FREQUENCY, type FrequencyState, frequencyFrom } from '../practices/lib.ts';

export interface IfThenPlan {
  cue: string;
  action: string;
}

/** Plans with both halves filled in, trimmed. */
export function completePlans(plans: IfThenPlan[]): IfThenPlan[] {
  return plans
    .map((p) => ({ cue: p.cue.trim(), action: p.action.trim() }))
    .filter((p) => p.cue !== '' && p.action !== '');
}

/** Field errors for plans with only one half filled in: they are flagged, never dropped. */
export function halfPlanProblems(plans: IfThenPlan[]): Record<string, string> {
  const problems: Record<string, string> = {};
  plans.forEach((p, i) => {
    const cue = p.cue.trim() !== '';
    const action = p.action.trim() !== '';
    if (cue && !action) problems[`ifThen.${i}.action`] = 'Say what you will do then, or remove this plan.';
    if (action && !cue) problems[`ifThen.${i}.cue`] = 'Say when this plan applies, or remove it.';
  });
  return problems;
}

/** A learning goal's progress in words; a new one with nothing in it yet says so plainly. */
export function learningProgressInWords(p: {
  strategies: number;
  strategiesTried: number;
  reflections: number;
  evidence: number;
}): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (p.strategies === 0 && p.evidence === 0) return 'Just started: no strategies or evidence yet.';
  const parts = [
    p.strategies === 0
      ? 'No strategies yet'
      : `Tried ${p.strategiesTried} of ${count(p.strategies, 'strategy', 'strategies')}`,
  ];
  if (p.reflections > 0) parts.push(count(p.reflections, 'reflection', 'reflections'));
  parts.push(p.evidence === 0 ? 'no evidence yet' : count(p.evidence, 'piece of evidence', 'pieces of evidence'));
  return `${parts.join(', ')}.`;
}

/** "2026-Q4" → "Oct–Dec 2026" (month names in the person's language). */
export function quarterInWords(quarter: string, locale?: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return quarter;
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3;
  const month = (i: number) =>
    new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, i, 1)));
  return `${month(first)}–${month(first + 2)} ${year}`;
}

/**
 * Whether an intention takes an answer for an ISO week: an open one always; a quarter or a year when
 * the week (Monday to Sunday) reaches into it. The server holds the same rule.
 */
export function horizonTakesWeek(horizon: Horizon, week: string): boolean {
  if (horizon.kind === 'open') return true;
  const monday = mondayOfIsoWeek(week);
  const sunday = addDays(monday, 6);
  let from: string;
  let to: string;
  if (horizon.kind === 'year') {
    from = `${horizon.year}-01-01`;
    to = `${horizon.year}-12-31`;
  } else {
    const year = Number(horizon.quarter.slice(0, 4));
    const q = Number(horizon.quarter.slice(6));
    from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    to = addDays(q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
  }
  return sunday >= from && monday <= to;
}

/**
 * Whether a goal's due date has passed (a goal still open: exploring, active or paused), with `today` the
 * person's day as an ISO date; unknown while today is not known yet.
 */
export function goalDuePassed(
  goal: { dueDate: string | null; status: GoalStatus },
  today: string | undefined,
): boolean {
  if (!today || goal.dueDate === null) return false;
  return goal.dueDate < today && (['exploring', 'active', 'paused'] as GoalStatus[]).includes(goal.status);
}

/** An experiment's notes counted: "No notes yet.", "1 note: 1 energising, 0 draining.", "3 notes: 2 energising, 1 draining." */
export function notesInWords(total: number, energises: number, drains: number): string {
  if (total === 0) return 'No notes yet.';
  return `${total} ${total === 1 ? 'note' : 'notes'}: ${energises} energising, ${drains} draining.`;
}
