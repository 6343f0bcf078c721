import type { FrequencyDto, Practice, StrengthDto } from '@tack/contracts';
import { dailyTargetMet, scheduleInWords, targetWindowDays, todayTally, WEEKDAYS, type Weekday } from '@tack/contracts';

// Shared with the server, the review's Markdown and the CLI; re-exported for the pages that import them from here.
export { scheduleInWords, targetWindowDays, todayTally };

import { readNumber } from '../ui/numbers.ts';

/** Pure helpers for the practices screens: ISO dates ("2026-11-21"), schedules in words, percentages. */

const DAY_MS = 86_400_000;

export function isoToUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function utcToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return utcToIso(new Date(isoToUtc(iso).getTime() + n * DAY_MS));
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToUtc(b).getTime() - isoToUtc(a).getTime()) / DAY_MS);
}

export function weekdayOfIso(iso: string): Weekday {
  return WEEKDAYS[(isoToUtc(iso).getUTCDay() + 6) % 7] ?? 'monday';
}

export function formatIso(iso: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', ...options }).format(isoToUtc(iso));
}

/** "Saturday, 21 November 2026" */
export const longDate = (iso: string) =>
  formatIso(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
/** "21 Nov 2026" */
export const mediumDate = (iso: string) => formatIso(iso, { day: 'numeric', month: 'short', year: 'numeric' });
/** "Sat 21 Nov" */
export const shortDay = (iso: string) => formatIso(iso, { weekday: 'short', day: 'numeric', month: 'short' });

const SHORT_WEEKDAY: Record<Weekday, string> = {
  monday: 'Mon',
  tuesday: 'Tue',
  wednesday: 'Wed',
  thursday: 'Thu',
  friday: 'Fri',
  saturday: 'Sat',
  sunday: 'Sun',
};

export function shortWeekday(day: Weekday): string {
  return SHORT_WEEKDAY[day];
}

/** 0.734 → "73%" */
export function percent(score: number): string {
  return `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
}

/** "a day", "a week", "in 14 days". */
export function perWindowInWords(days: number): string {
  if (days === 1) return 'a day';
  if (days === 7) return 'a week';
  return `in ${days} days`;
}

/** "at least 30 minutes a day", "at most 2 a week": the target with the window it is counted over. */
export function targetInWords(
  p: Pick<Practice, 'kind' | 'target' | 'targetType' | 'unit'> & { schedule: { frequency: FrequencyDto } },
): string | undefined {
  if (p.kind !== 'measurable' || p.target === null) return undefined;
  const amount = `${formatAmount(p.target)}${p.unit ? ` ${p.unit}` : ''}`;
  const window = perWindowInWords(targetWindowDays(p.schedule.frequency));
  return `${p.targetType === 'atMost' ? 'at most' : 'at least'} ${amount} ${window}`;
}

/**
 * What a day's amount says about a measurable practice's target, for its tag on Today. Only a one-day
 * window can be judged from the day alone; over a longer window the day's amount is one part of the sum.
 */
export function amountVerdict(
  p: Pick<Practice, 'target' | 'targetType' | 'unit'> & { schedule: { frequency: FrequencyDto } },
  value: number | null,
): { words: string; met: boolean | null } {
  const met = dailyTargetMet(p, value);
  if (met === null || value === null || p.target === null) return { words: 'Logged', met: null };
  if (p.targetType === 'atMost') return { words: met ? 'Within the limit' : 'Over the limit', met };
  return { words: met ? 'Target met' : `${formatAmount(value)} of ${formatAmount(p.target)}`, met };
}

export const ENERGY_LABELS: Record<number, string> = {
  [-2]: 'Drained me',
  [-1]: 'A bit draining',
  0: 'Neutral',
  1: 'A bit energising',
  2: 'Energised me',
};

export function energyLabel(energy: number): string {
  return ENERGY_LABELS[energy] ?? String(energy);
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

export function isPausedOn(p: Pick<Practice, 'pauses'>, iso: string): boolean {
  return p.pauses.some((x) => x.from <= iso && (x.to === null || iso <= x.to));
}

export function streakInWords(streak: StrengthDto['streaks']['current']): string {
  if (!streak) return 'none yet';
  const days = streak.length === 1 ? '1 day' : `${streak.length} days`;
  return `${days} (${mediumDate(streak.start)} – ${mediumDate(streak.end)})`;
}

/** The colours offered for a practice (the server's defaults), with names for the swatch labels. */
export const PRACTICE_COLORS: Array<{ value: string; name: string }> = [
  { value: '#1f7a8c', name: 'Teal' },
  { value: '#3d5a80', name: 'Navy' },
  { value: '#5f8f3e', name: 'Green' },
  { value: '#b5651d', name: 'Amber' },
  { value: '#8e4585', name: 'Plum' },
  { value: '#c44536', name: 'Red' },
  { value: '#2a9d8f', name: 'Sea green' },
  { value: '#6d597a', name: 'Lavender' },
];

/** The schedule part of a form: what the person typed, before it is a valid frequency. */
export interface FrequencyState {
  freqKind: FrequencyDto['kind'];
  times: string;
  days: string;
  weekdays: Weekday[];
  everyDays: string;
}

export const DEFAULT_FREQUENCY: FrequencyState = {
  freqKind: 'times',
  times: '3',
  days: '7',
  weekdays: ['monday', 'thursday'],
  everyDays: '2',
};

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function frequencyFrom(s: FrequencyState): FrequencyDto | undefined {
  if (s.freqKind === 'times') {
    const times = whole(s.times);
    const days = whole(s.days);
    return Number.isNaN(times) || Number.isNaN(days) ? undefined : { kind: 'times', times, days };
  }
  if (s.freqKind === 'weekdays') {
    const weekdays = WEEKDAYS.filter((d) => s.weekdays.includes(d));
    return weekdays.length ? { kind: 'weekdays', weekdays } : undefined;
  }
  const everyDays = whole(s.everyDays);
  return Number.isNaN(everyDays) ? undefined : { kind: 'interval', everyDays };
}

/** The week in the person's order: from `weekStart` (Sunday first for a week starting on Sunday). */
export function orderedWeekdays(weekStart: Weekday = 'monday'): Weekday[] {
  const i = Math.max(0, WEEKDAYS.indexOf(weekStart));
  return [...WEEKDAYS.slice(i), ...WEEKDAYS.slice(0, i)];
}

/** ISO dates inside a server sentence ("Paused since 2026-11-21: …") written like the rest of the app. */
export function datesInWords(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => mediumDate(iso));
}

/**
 * A field's message as a sentence naming the field: ("Times", "must be at least 1") → "Times must be at
 * least 1." A message that is already a sentence (starts with a capital) is kept as it is.
 */
export function fieldSentence(label: string, message: string): string {
  const text = message.trim();
  if (/^[A-Z“"]/.test(text)) return /[.!?]$/.test(text) ? text : `${text}.`;
  return `${label} ${text.replace(/[.!?]+$/, '')}.`;
}

/** The largest amount a check-in may carry (the contract's maximum). */
export const AMOUNT_MAX = 1e9;

export type AmountParse = { ok: true; value: number | null } | { ok: false; error: string };

/** An amount written the person's way ("1,500", "2.5" in en-US; "1.500", "2,5" in de-DE), for display. */
export function formatAmount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/**
 * What a person typed as an amount, read with their locale's grouping and decimal separators.
 * Empty is `null` (no amount); negatives, words and badly grouped numbers are refused with a sentence.
 */
export function parseAmount(text: string, locale?: string): AmountParse {
  if (text.trim() === '') return { ok: true, value: null };
  if (/^\s*[-\u2212]/.test(text)) return { ok: false, error: 'The amount cannot be negative.' };
  const read = readNumber(text, locale);
  if (!read.ok)
    return { ok: false, error: `Enter a number, like ${formatAmount(1500, locale)} or ${formatAmount(2.5, locale)}.` };
  if (read.value > AMOUNT_MAX) {
    return { ok: false, error: `The amount can be at most ${formatAmount(AMOUNT_MAX, locale)}.` };
  }
  return { ok: true, value: read.value };
}

/** What "Check off all" does in an area: only practices with no check-in yet; the rest stay as they are. */
export function checkOffPlan<T extends { checkin: { status: 'done' | 'skipped' | 'notDone' } | null }>(
  items: T[],
): { open: T[]; skipped: number; notDone: number } {
  return {
    open: items.filter((i) => i.checkin === null),
    skipped: items.filter((i) => i.checkin?.status === 'skipped').length,
    notDone: items.filter((i) => i.checkin?.status === 'notDone').length,
  };
}

/**
 * The words on a group's "Check off all" button on Today: "Check off all in Health" for an area; for the
 * practices with no area, named "Your practices" or "Other practices", "Check off all your practices".
 */
export function checkOffLabel(name: string, isArea: boolean): string {
  return isArea ? `Check off all in ${name}` : `Check off all ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** "Health: 3 checked off. 2 skipped and 1 not done left as they are." */
export function checkOffMessage(area: string, checked: number, skipped: number, notDone: number): string {
  const head = `${area}: ${checked} ${checked === 1 ? 'practice' : 'practices'} checked off.`;
  const left = [skipped > 0 ? `${skipped} skipped` : '', notDone > 0 ? `${notDone} not done` : ''].filter(Boolean);
  if (left.length === 0) return head;
  return `${head} ${left.join(' and ')} left as ${skipped + notDone === 1 ? 'it is' : 'they are'}.`;
}

/**
 * The strength points worth drawing: from the practice's first day when that is inside the range,
 * or from the first strength before it (check-ins entered for days before the practice began).
 */
export function strengthPointsFrom<P extends { date: string; score: number }>(
  points: P[],
  start: string | undefined,
): P[] {
  if (!start) return points;
  const from = points.findIndex((p) => p.date >= start || p.score > 0);
  return from === -1 ? [] : points.slice(from);
}

/** The chart's caption in words. */
export function strengthSummary(points: Array<{ date: string; score: number }>): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No strength yet: it starts with the first check-in.';
  const best = points.reduce((b, p) => (p.score > b.score ? p : b), first);
  if (best.score === 0) {
    return `No strength yet since ${mediumDate(first.date)}: it grows with each day you check in as done.`;
  }
  if (first.date === last.date) return `Strength is ${percent(last.score)} on ${mediumDate(last.date)}.`;
  return `Strength went from ${percent(first.score)} on ${mediumDate(first.date)} to ${percent(last.score)} on ${mediumDate(
    last.date,
  )}; the highest was ${percent(best.score)} on ${mediumDate(best.date)}.`;
}
