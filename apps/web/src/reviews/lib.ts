import {
  type FrequencyDto,
  LIMITS,
  type ReviewAnswers,
  type ReviewDecision,
  WEEKDAYS,
  type Weekday,
} from '@tack/contracts';
import { addDays, mediumDate, scheduleInWords, weekdayOfIso } from '../practices/lib.ts';

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

/** "1 check-in in all", "3 check-ins in all". */
export function checkinsInAll(n: number): string {
  return `${n} ${n === 1 ? 'check-in' : 'check-ins'} in all`;
}

/** A practice's week next to its keep, adjust or drop choice: "2 of 3 done", or "none planned" (not "0 of 0 done"). */
export function doneOfPlanned(done: number, planned: number): string {
  if (planned > 0) return `${done} of ${planned} done`;
  return done > 0 ? `${done} done, none planned` : 'none planned';
}

/** The change between two strengths, from the whole percents shown next to it (so 82% → 80% is 2 points). */
export function strengthChange(start: number, end: number): string {
  const shown = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100);
  const d = shown(end) - shown(start);
  if (d === 0) return 'unchanged';
  const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;
  return d > 0 ? `up ${points(d)}` : `down ${points(-d)}`;
}

/** Whether two schedules are the same (weekdays in any order). */
export function sameFrequency(a: FrequencyDto, b: FrequencyDto): boolean {
  if (a.kind === 'times' && b.kind === 'times') return a.times === b.times && a.days === b.days;
  if (a.kind === 'interval' && b.kind === 'interval') return a.everyDays === b.everyDays;
  if (a.kind === 'weekdays' && b.kind === 'weekdays')
    return a.weekdays.length === b.weekdays.length && a.weekdays.every((d) => b.weekdays.includes(d));
  return false;
}

/**
 * The line under an "adjust" schedule in the review: the new schedule in words, or, while it is still the
 * schedule the practice has now, a nudge to change it or keep the practice (adjusting to the same is no change).
 */
export function adjustHint(next: FrequencyDto, current: FrequencyDto | undefined): string {
  const words = scheduleInWords(next);
  return current && sameFrequency(next, current)
    ? `${words}: the schedule it has now. Change it above, or choose Keep.`
    : `${words}.`;
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

/** `?step=3` → the third step's index; anything else → the first step. */
export function stepFromParam(param: string | null): number {
  const n = Number(param);
  return Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n - 1 : 0;
}

/** How many WHO-5 statements are answered (0 … 5). */
export function who5Answered(values: ReadonlyArray<number | null | undefined>): number {
  return values.filter((v) => v !== null && v !== undefined).length;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** The save status line; partial WHO-5 answers are never "saved" (the API takes all five or none). */
export function saveStatusText(state: SaveState, who5Count: number): string {
  const partial = who5Count > 0 && who5Count < 5;
  if (state === 'saving') return 'Saving…';
  if (state === 'pending') return 'Unsaved changes';
  if (partial) return `${who5Count} of 5 WHO-5 statements answered. Answer all five to save them.`;
  return state === 'saved' ? 'Saved' : '';
}

/** The character limit of every review text (the API's). */
export const TEXT_MAX = LIMITS.textMax;

/**
 * The answer fields the API rejected (its issue paths, such as `drained` or `decisions.0.reason`),
 * as the top-level field and index they belong to.
 */
function fieldOf(path: string): { field: string; index: number | undefined } {
  const [field = '', index] = path.split('.');
  const n = Number(index);
  return { field, index: index !== undefined && Number.isInteger(n) ? n : undefined };
}

/**
 * A rejected answer named in words, as its question reads on the page. `names` gives the practice and
 * intention names by id.
 */
export function fieldInWords(
  answers: ReviewAnswers,
  path: string,
  names: { practice: (id: string) => string | undefined; intention: (id: string) => string | undefined },
): string {
  const { field, index } = fieldOf(path);
  switch (field) {
    case 'line':
      return '“One line of your own about the week”';
    case 'energised':
      return '“What energised you this week?”';
    case 'drained':
      return '“What drained you?”';
    case 'smallThing':
      return '“Next week’s one small thing”';
    case 'decisions': {
      const d = index === undefined ? undefined : answers.decisions?.[index];
      const name = d ? names.practice(d.practiceId) : undefined;
      return name ? `your choice for “${name}”` : 'a keep, adjust or drop choice';
    }
    case 'intentions': {
      const i = index === undefined ? undefined : answers.intentions?.[index];
      const statement = i ? names.intention(i.intentionId) : undefined;
      return statement ? `your answer for “${statement}”` : 'an intention answer';
    }
    case 'who5':
      return 'your WHO-5 answers';
    case 'compared':
      return 'your answer about comparing yourself';
    default:
      return 'one of your answers';
  }
}

/**
 * The answers without the fields the API rejected, so one bad field never blocks saving the rest.
 * The person's text stays on the page; only this save leaves it out.
 */
export function withoutFields(answers: ReviewAnswers, paths: readonly string[]): ReviewAnswers {
  const out: ReviewAnswers = { ...answers };
  const drop = { decisions: new Set<number>(), intentions: new Set<number>() };
  for (const path of paths) {
    const { field, index } = fieldOf(path);
    if ((field === 'decisions' || field === 'intentions') && index !== undefined) drop[field].add(index);
    else if (field in out) delete (out as Record<string, unknown>)[field];
  }
  if (out.decisions && drop.decisions.size > 0) out.decisions = out.decisions.filter((_, i) => !drop.decisions.has(i));
  if (out.intentions && drop.intentions.size > 0)
    out.intentions = out.intentions.filter((_, i) => !drop.intentions.has(i));
  return out;
}

/** The comparison answer in words: null is a choice ("Rather not say"); undefined was never answered. */
export function comparisonInWords(compared: boolean | null | undefined): string {
  if (compared === true) return 'Yes';
  if (compared === false) return 'No';
  return compared === null ? 'Rather not say' : 'Not answered';
}

/** What completing the review did to one practice, in a sentence. */
export function appliedInWords(o: {
  name: string;
  decision: ReviewDecision['decision'];
  effectiveFrom: string | null;
  frequency?: FrequencyDto | undefined;
  reason?: string | undefined;
}): string {
  if (o.decision === 'keep') return `${o.name}: kept as it was.`;
  if (o.decision === 'adjust') {
    const schedule = o.frequency ? ` to ${scheduleInWords(o.frequency)}` : '';
    const from = o.effectiveFrom ? `, from ${mediumDate(o.effectiveFrom)}` : '';
    return `${o.name}: schedule changed${schedule}${from}.`;
  }
  const on = o.effectiveFrom ? ` on ${mediumDate(o.effectiveFrom)}` : '';
  const reason = o.reason?.trim();
  return `${o.name}: dropped${on}.${reason ? ` Why: ${reason}` : ''}`;
}

/**
 * The server refuses a week that has not started with "the week of 2026-11-22 has not started yet (this
 * week started 2026-11-15)": its two dates, or null for any other message.
 */
export function futureWeekDates(message: string | undefined): { week: string; current: string } | null {
  const m = /week of (\d{4}-\d{2}-\d{2}) has not started yet \(this week started (\d{4}-\d{2}-\d{2})\)/.exec(
    message ?? '',
  );
  return m?.[1] && m[2] ? { week: m[1], current: m[2] } : null;
}

/**
 * The refused fields in a sentence that names them in words and says the rest is safe. `issues`: the API's
 * field issues (path and message).
 */
export function rejectedInWords(
  answers: ReviewAnswers,
  issues: ReadonlyArray<{ path: string; message: string }>,
  names: { practice: (id: string) => string | undefined; intention: (id: string) => string | undefined },
): string {
  const words = [...new Set(issues.map((i) => fieldInWords(answers, i.path, names)))];
  const list = words.length === 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  const listed = `${list.charAt(0).toUpperCase()}${list.slice(1)}`;
  const tooLong = issues.every((i) => /too big|too long|<=|at most/i.test(i.message));
  const why = tooLong
    ? `: each answer can be up to ${TEXT_MAX.toLocaleString('en-US')} characters long. Shorten it and it will be saved with your next change`
    : '. Please check it; it will be sent again with your next change';
  return `${listed} could not be saved${why}. Your other answers are saved.`;
}

/** An instant's calendar day in the person's time zone, like the rest of the app ("Nov 21, 2026"). */
export function dateInZone(instant: string, zone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone ?? 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(instant));
}
