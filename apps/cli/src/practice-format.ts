// How practices read in the terminal: schedules in words, strength as a percentage, amounts, marks.
import type { CheckinDto, FrequencyDto, Practice, Weekday } from '@tack/contracts';
import { checkinOffTarget, targetWindowDays, WEEKDAYS } from '@tack/contracts';
import { InvalidArgumentError } from 'commander';

const SHORT: Record<Weekday, string> = {
  monday: 'Mon',
  tuesday: 'Tue',
  wednesday: 'Wed',
  thursday: 'Thu',
  friday: 'Fri',
  saturday: 'Sat',
  sunday: 'Sun',
};

/** A schedule in words: "daily", "3× in 7 days", "Mon, Wed, Fri", "every 2 days". */
export function scheduleWords(f: FrequencyDto): string {
  switch (f.kind) {
    case 'times':
      return f.times === f.days ? 'daily' : `${f.times}× in ${f.days} ${f.days === 1 ? 'day' : 'days'}`;
    case 'weekdays': {
      const days = WEEKDAYS.filter((d) => f.weekdays.includes(d));
      return days.length === 7 ? 'daily' : days.map((d) => SHORT[d]).join(', ');
    }
    case 'interval':
      return f.everyDays === 1 ? 'daily' : `every ${f.everyDays} days`;
  }
}

/** A 0…1 score as a whole percentage, "64%". */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** A number as people write it: no trailing zeros, at most 2 decimals. */
export function amount(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The period a measurable target counts over: "a day", "per 7 days", "a week" (as `practices add --target` says). */
export function periodWords(f: FrequencyDto): string {
  const days = targetWindowDays(f);
  if (f.kind === 'weekdays') return 'a week';
  return days === 1 ? 'a day' : `per ${days} days`;
}

/**
 * The target of a measurable practice with its period, "at least 30 min a day" / "at most 2 coffees a day" /
 * "at least 10 km per 7 days"; empty for yes/no ones.
 */
export function targetWords(p: Practice): string {
  if (p.kind !== 'measurable' || p.target === null) return '';
  const unit = p.unit ? ` ${p.unit}` : '';
  const period = periodWords(p.schedule.frequency);
  return `${p.targetType === 'atMost' ? 'at most' : 'at least'} ${amount(p.target)}${unit} ${period}`;
}

/**
 * When a schedule change from `was` to `next` changes the period a measurable practice's target counts
 * over, what the target means from then on ('at least 2 cups per 7 days (was a day)'); else undefined.
 */
export function targetPeriodChange(p: Practice, was: FrequencyDto, next: FrequencyDto): string | undefined {
  if (p.kind !== 'measurable' || p.target === null) return undefined;
  const before = periodWords(was);
  if (before === periodWords(next)) return undefined;
  return `${targetWords({ ...p, schedule: { ...p.schedule, frequency: next } })} (was ${before})`;
}

/** Value against target, "3/5 km" (at most: "3/≤5 km"); "–" for the value when there is none yet. */
export function measureText(p: Practice, value: number | null | undefined): string {
  if (p.kind !== 'measurable' || p.target === null) return '';
  const got = value === null || value === undefined ? '–' : amount(value);
  const unit = p.unit ? ` ${p.unit}` : '';
  return `${got}/${p.targetType === 'atMost' ? '≤' : ''}${amount(p.target)}${unit}`;
}

/** "below target" or "over the limit" for a check-in that is done but off target (checkinOffTarget); else ''. */
export function offTargetWords(p: Practice, checkin: Pick<CheckinDto, 'status' | 'value'> | null | undefined): string {
  if (!checkinOffTarget(p, checkin)) return '';
  return p.targetType === 'atMost' ? 'over the limit' : 'below target';
}

/** The mark before a practice: ✓ done, ◐ done but off target (given the practice), – skipped, ✗ not done, ○ none. */
export function mark(checkin: Pick<CheckinDto, 'status' | 'value'> | null | undefined, practice?: Practice): string {
  if (!checkin) return '○';
  if (practice && checkinOffTarget(practice, checkin)) return '◐';
  return checkin.status === 'done' ? '✓' : checkin.status === 'skipped' ? '–' : '✗';
}

export function statusWords(status: CheckinDto['status']): string {
  return status === 'done' ? 'done' : status === 'skipped' ? 'skipped' : 'not done';
}

/** Weekday of a YYYY-MM-DD date (the calendar date itself, whatever the time zone). */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(day + 6) % 7] ?? 'monday';
}

export function shortWeekday(day: Weekday): string {
  return SHORT[day];
}

/** Parses "mon,wed,fri" (full names or any unambiguous start of one, any case) into weekdays. */
export function parseWeekdays(raw: string): Weekday[] {
  const parts = raw
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 0) throw new InvalidArgumentError('list weekdays, e.g. mon,wed,fri.');
  return parts.map((part) => {
    const found = WEEKDAYS.filter((d) => part.length >= 2 && d.startsWith(part));
    if (found.length !== 1 || !found[0]) {
      throw new InvalidArgumentError(`"${part}" is not a weekday; use mon, tue, wed, thu, fri, sat, sun.`);
    }
    return found[0];
  });
}

/** Commander parser for a whole number from `min` to `max` (the range the help gives): else a usage error. */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`give a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Commander parser for a number flag; other ranges are the server's to check. */
export function parseNumber(value: string): number {
  const text = value.trim();
  // Plain decimals only: Number() would also take 0x10 (16), 0b11 and 0o7.
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) {
    throw new InvalidArgumentError(
      /^[+-]?\d+,\d+$/.test(text) ? 'must be a number with a dot for decimals, e.g. 2.5.' : 'must be a number.',
    );
  }
  return n;
}
