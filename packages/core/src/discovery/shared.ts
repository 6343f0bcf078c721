import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { confirmationRequired, DomainError, invalid } from '../errors.ts';
import { addDays, fromDayNumber, isoWeek, localDate, toDayNumber, weekStartOf } from '../practices/dates.ts';
import type { PracticesService } from '../practices/service.ts';
import type { PersonSettings } from '../reviews/ports.ts';
import { isoWeekOfWeek } from '../reviews/week.ts';
import type { AggregateMeta, AggregatePort, DiscoveryUnitOfWork } from './ports.ts';

export interface DiscoveryDeps {
  store: DiscoveryUnitOfWork;
  clock: Clock;
  newId: () => string;
  /** Practices are made and checked through their own service (ownership, validation). */
  practices: PracticesService;
  /** The person's time zone and week start (Settings): "this week" is their week, as in the review. */
  personOf: (userId: string) => Promise<PersonSettings>;
}

/** Today in the person's zone, the day their week starts on, and the ISO week naming that week. */
export interface PersonWeek {
  today: string;
  /** The first day of the person's week holding today. */
  start: string;
  weekStart: PersonSettings['weekStart'];
  /** Named like the weekly review names it: the ISO week of its Monday (with Sunday weeks, Sunday already has the next name). */
  isoWeek: string;
}

/** One read of the person's settings gives all of it. */
export async function personWeekOf(
  deps: Pick<DiscoveryDeps, 'personOf' | 'clock'>,
  userId: string,
): Promise<PersonWeek> {
  const person = await deps.personOf(userId);
  const today = localDate(deps.clock.now(), person.timeZone);
  const start = weekStartOf(today, person.weekStart);
  return { today, start, weekStart: person.weekStart, isoWeek: isoWeekOfWeek(start) };
}

/** Saves a changed aggregate, or 409 when someone else saved it since it was read. */
export async function saveOrConflict<T extends AggregateMeta>(port: AggregatePort<T>, record: T): Promise<T> {
  if (!(await port.save(record))) {
    throw new DomainError('CONFLICT', 'This was changed elsewhere meanwhile; reload and try again');
  }
  return { ...record, version: record.version + 1 };
}

/** Deleted records only, most recently deleted first (from a list that included deleted ones). */
export function onlyDeleted<T extends AggregateMeta>(records: T[]): T[] {
  return records
    .filter((r) => r.deletedAt !== null)
    .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '') || a.id.localeCompare(b.id));
}

/** Clears `deletedAt` through the optimistic save; a record that is not deleted comes back unchanged. */
export async function restoreIn<T extends AggregateMeta>(port: AggregatePort<T>, record: T, at: string): Promise<T> {
  if (record.deletedAt === null) return record;
  return saveOrConflict(port, { ...record, deletedAt: null, updatedAt: at });
}

/** Every id must be one of the actor's practices (not deleted); else 400 naming `path.N`. */
export async function checkPracticeIds(
  practices: PracticesService,
  actor: Authorized<Actor>,
  ids: readonly string[],
  path: string,
): Promise<string[]> {
  const live = new Set((await practices.list(actor, 'all')).filter((p) => p.state !== 'deleted').map((p) => p.id));
  for (const [i, id] of ids.entries()) if (!live.has(id)) throw invalid(`${path}.${i}`, 'no such practice');
  return [...new Set(ids)];
}

/** Deleting something with history needs `?confirm=true`. */
export function requireConfirmation(hasHistory: boolean, confirm: boolean, what: string) {
  if (hasHistory && !confirm) {
    throw confirmationRequired(`${what} has history; delete again with ?confirm=true (it is kept, hidden)`);
  }
}

/** A practice name from free text: the first line, at most 120 characters. */
export function practiceNameFrom(text: string): string {
  const first = text.split('\n')[0]?.trim() ?? text;
  return first.length > 120 ? `${first.slice(0, 119)}…` : first;
}

// ── ISO weeks ──

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The Monday of an ISO week ('2026-W47' → '2026-11-16'); 400 naming `path` when the week does not exist. */
export function mondayOf(week: string, path = 'isoWeek'): string {
  const m = WEEK_PATTERN.exec(week);
  if (!m) throw invalid(path, 'must be an ISO week like 2026-W47');
  const year = Number(m[1]);
  const n = Number(m[2]);
  // 4 January is always in week 1.
  const jan4 = toDayNumber(`${m[1]}-01-04`);
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // Monday = 0
  const monday = fromDayNumber(jan4 - weekday + (n - 1) * 7);
  if (n < 1 || isoWeek(monday) !== week) throw invalid(path, `${year} has no week ${n}`);
  return monday;
}

export function shiftWeek(week: string, by: number): string {
  return isoWeek(addDays(mondayOf(week), by * 7));
}

/** Weeks from `from` to `to`, both included, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = from; w <= to; w = shiftWeek(w, 1)) out.push(w);
  return out;
}
