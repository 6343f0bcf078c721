import { WEEKDAYS, type Weekday } from '@tack/contracts';
import { invalid } from '../errors.ts';

/**
 * Pure calendar arithmetic on local dates written 'YYYY-MM-DD'.
 *
 * A local date has no time zone: it is the day the user lived through. Everything here works on
 * whole days counted from 1970-01-01 with UTC-only Date methods, so nothing depends on the host's
 * zone. The single place where a zone matters, turning an instant into the user's date, is
 * `localDate`, and it takes the zone as an argument.
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a local date: whole days since 1970-01-01 (negative before). Throws on a malformed date. */
export function toDayNumber(date: string, path = 'date'): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw invalid(path, `expected a date as YYYY-MM-DD, got '${date}'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw invalid(path, `'${date}' is not a calendar date`);
  }
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The local date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** True when `date` is a well-formed calendar date 'YYYY-MM-DD'. */
export function isValidDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later. diffDays('2026-03-01', '2026-03-08') === 7. */
export function diffDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Orders two local dates: negative, zero or positive, like a sort comparator. */
export function compareDates(a: string, b: string): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** Weekday of a day number. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  // Monday = 0 ... Sunday = 6, the order of WEEKDAYS.
  const index = (((dayNumber + 3) % 7) + 7) % 7;
  return WEEKDAYS[index]!;
}

/** The weekday of a local date. */
export function weekdayOf(date: string): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: string, to: string): string[] {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const days: string[] = [];
  for (let n = start; n <= end; n++) days.push(fromDayNumber(n));
  return days;
}

/** The latest date on or before `date` that falls on `weekStart` (the first day of the user's week). */
export function weekStartOf(date: string, weekStart: Weekday): string {
  const n = toDayNumber(date);
  const offset = (WEEKDAYS.indexOf(weekdayOfDayNumber(n)) - WEEKDAYS.indexOf(weekStart) + 7) % 7;
  return fromDayNumber(n - offset);
}

/**
 * ISO 8601 week of a date, e.g. '2026-W47'. Weeks start on Monday; week 1 is the week holding the
 * year's first Thursday, so the week-year can differ from the calendar year near 1 January
 * ('2027-01-01' is in '2026-W53', '2024-12-30' in '2025-W01').
 */
export function isoWeek(date: string): string {
  const n = toDayNumber(date);
  const mondayBased = WEEKDAYS.indexOf(weekdayOfDayNumber(n));
  const thursday = n - mondayBased + 3;
  const weekYear = Number(fromDayNumber(thursday).slice(0, 4));
  const firstOfYear = toDayNumber(`${String(weekYear).padStart(4, '0')}-01-01`);
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        era: 'short',
      });
    } catch {
      throw invalid('timeZone', `unknown time zone '${timeZone}'`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date in `timeZone` (an IANA name such as 'Europe/Amsterdam') at `instant`.
 * Uses the zone's rules at that instant, so it is right across DST changes and for every offset
 * from UTC−12 to UTC+14, whatever zone the server runs in.
 */
export function localDate(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw invalid('instant', 'invalid date');
  // Every request asks for "today" once or twice. Since 1973 every zone's offset is whole minutes
  // (Liberia kept −0:44:30 until 1972), so the date is the same all through a minute.
  if (ms < WHOLE_MINUTE_OFFSETS_SINCE) return formatLocalDate(instant, timeZone);
  const minute = Math.floor(ms / 60_000);
  const memo = lastLocalDate.get(timeZone);
  if (memo && memo.minute === minute) return memo.date;
  const date = formatLocalDate(instant, timeZone);
  if (lastLocalDate.size > 1000) lastLocalDate.clear();
  lastLocalDate.set(timeZone, { minute, date });
  return date;
}

const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);
const lastLocalDate = new Map<string, { minute: number; date: string }>();

function formatLocalDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  let year = Number(part('year'));
  // Years before 1 CE come out as "1 BC" etc.; convert to astronomical numbering so they stay ordered.
  if (part('era') === 'BC') year = 1 - year;
  if (year < 0 || year > 9999) throw invalid('instant', 'outside the supported range of years 0000-9999');
  return `${String(year).padStart(4, '0')}-${part('month')}-${part('day')}`;
}
