import { type FrequencyDto, type ReviewAnswers, type ReviewDecision, WEEKDAYS, type Weekday } from '@tack/contracts';
import { addDays, weekdayOfIso } from '../practices/lib.ts';

export const REVIEW_MINUTES = 10;

export const STEPS = [
  { id: 'summary', title: 'What happened' },
  { id: 'energy', title: 'Energised and drained' },
  { id: 'practices', title: 'Keep, adjust or drop' },
  { id: 'intentions', title: 'Intentions' },
  { id: 'next', title: 'One small thing' },
  { id: 'wellbeing', title: 'Wellbeing (optional)' },
] as const;

/** 0:00 … 12:34: the review timer's face. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A calm sentence for the timer; past ten minutes it gives permission, never a warning. */
export function timerWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < REVIEW_MINUTES) {
    const left = REVIEW_MINUTES - minutes;
    return `About ${left} ${left === 1 ? 'minute' : 'minutes'} to go`;
  }
  return 'Ten minutes is a guide, not a limit';
}

/** done ÷ planned as a whole percent; null when nothing was planned. */
export function ratio(done: number, planned: number): number | null {
  return planned > 0 ? Math.round((done / planned) * 100) : null;
}

export function strengthChange(start: number, end: number): string {
  const d = Math.round((end - start) * 100);
  if (d === 0) return 'unchanged';
  const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;
  return d > 0 ? `up ${points(d)}` : `down ${points(-d)}`;
}

/** The answers a completed decision needs before it can be sent (adjust needs a schedule). */
export function decisionProblem(d: ReviewDecision): string | undefined {
  if (d.decision === 'adjust' && !d.frequency) return 'choose the new schedule';
  if (d.decision === 'adjust' && d.frequency?.kind === 'weekdays' && d.frequency.weekdays.length === 0)
    return 'choose at least one weekday';
  return undefined;
}

export function setDecision(answers: ReviewAnswers, next: ReviewDecision): ReviewAnswers {
  const rest = (answers.decisions ?? []).filter((d) => d.practiceId !== next.practiceId);
  return { ...answers, decisions: [...rest, next] };
}

export function setIntentionAnswer(answers: ReviewAnswers, intentionId: string, answer: string): ReviewAnswers {
  const rest = (answers.intentions ?? []).filter((i) => i.intentionId !== intentionId);
  return { ...answers, intentions: answer ? [...rest, { intentionId, answer }] : rest };
}

/** Sets one WHO-5 answer; the list is only sent once all five are answered (the API takes five or none). */
export function setWho5(current: Array<number | null>, index: number, value: number): Array<number | null> {
  const next = [...current];
  next[index] = value;
  return next;
}

export function completeWho5(values: Array<number | null>): number[] | null {
  if (values.length !== 5 || values.some((v) => v === null || v === undefined)) return null;
  return values as number[];
}

export const DEFAULT_FREQUENCY: FrequencyDto = { kind: 'times', times: 3, days: 7 };

/** The week grid key of a date: the first day of the person's week on or before it (Monday unless told). */
export function weekStartOf(iso: string, weekStart: Weekday = 'monday'): string {
  const back = (WEEKDAYS.indexOf(weekdayOfIso(iso)) - WEEKDAYS.indexOf(weekStart) + 7) % 7;
  return addDays(iso, -back);
}

/** Energy -2…2 in words, for the summary. */
export function energyWord(avg: number): string {
  if (avg >= 1.5) return 'energised';
  if (avg >= 0.5) return 'a bit energised';
  if (avg > -0.5) return 'neutral';
  if (avg > -1.5) return 'a bit drained';
  return 'drained';
}

/** Downloads text as a file (object URL: allowed under the strict CSP). */
export function downloadText(name: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * In the first three days of a week, the week before is usually the one to review: its start date while
 * its review is not completed and the person already used Tack then, otherwise null.
 */
export function lastWeekStillOpen(o: {
  weekStart: string;
  today: string;
  /** When the account was made (an instant; its date is compared). */
  accountCreatedAt: string;
  reviews: ReadonlyArray<{ weekStart: string; status: 'draft' | 'completed' }>;
}): string | null {
  const previous = addDays(o.weekStart, -7);
  if (o.today > addDays(o.weekStart, 2) || o.accountCreatedAt.slice(0, 10) >= o.weekStart) return null;
  return o.reviews.some((r) => r.weekStart === previous && r.status === 'completed') ? null : previous;
}
