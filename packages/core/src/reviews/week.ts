import { DATE_RANGE, WEEK_RANGE_MESSAGE, WEEKDAYS, type Weekday } from '@tack/contracts';
import { invalid } from '../errors.ts';
import {
  addDays,
  fromDayNumber,
  isoWeek,
  isValidDate,
  toDayNumber,
  weekdayOfDayNumber,
  weekStartOf,
} from '../practices/dates.ts';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday of an ISO 8601 week ('2026-W47' → '2026-11-16'); throws naming `path` when it is not one. */
export function mondayOfIsoWeek(week: string, path = 'week'): string {
  const m = ISO_WEEK.exec(week);
  if (!m) throw invalid(path, `'${week}' is not an ISO week like 2026-W47 or a date like 2026-11-16`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Week 1 holds 4 January; its Monday starts the week-year.
  const jan4 = toDayNumber(`${m[1]}-01-04`);
  const mondayOffset = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(
    weekdayOfDayNumber(jan4),
  );
  const monday = fromDayNumber(jan4 - mondayOffset + (n - 1) * 7);
  if (n < 1 || isoWeek(monday) !== `${String(year).padStart(4, '0')}-W${m[2]}`) {
    throw invalid(path, `${year} has no week ${n}`);
  }
  return monday;
}

/**
 * The first day of the person's week that `week` names. `week` is an ISO week ('2026-W47': the
 * person's week containing that ISO week's Monday) or a date ('2026-11-18': the person's week
 * containing it). Throws VALIDATION_FAILED naming `week` otherwise.
 */
export function resolveWeek(week: string, weekStart: Weekday, path = 'week'): string {
  if (DATE.test(week) && !isValidDate(week)) throw invalid(path, `'${week}' is not a calendar date`);
  const start = weekStartOf(DATE.test(week) ? week : mondayOfIsoWeek(week, path), weekStart);
  if (start < DATE_RANGE.min || start > DATE_RANGE.max) {
    throw invalid(path, WEEK_RANGE_MESSAGE);
  }
  return start;
}

/** The weekday a week that starts on `weekStart` ends on ('monday' → 'sunday', 'sunday' → 'saturday'). */
export function lastDayOfWeek(weekStart: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(weekStart) + 6) % 7] as Weekday;
}

/** Last day of the week starting on `start`. */
export function weekEndOf(start: string): string {
  return addDays(start, 6);
}

/**
 * The ISO week that names a person's week: the ISO week of the one Monday inside it. The exact
 * inverse of `resolveWeek` for ISO weeks, whatever day the person's week starts on.
 */
export function isoWeekOfWeek(start: string): string {
  const n = toDayNumber(start);
  for (let d = n; d < n + 7; d++) if (weekdayOfDayNumber(d) === 'monday') return isoWeek(fromDayNumber(d));
  return isoWeek(start);
}
