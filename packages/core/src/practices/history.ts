import { toDayNumber } from './dates.ts';

/** What the user recorded for a practice on one local date. */
export type CheckInStatus = 'done' | 'skipped' | 'notDone';

export interface CheckIn {
  readonly date: string;
  readonly status: CheckInStatus;
  /** The amount, for measurable practices. Ignored for yes/no practices. */
  readonly value?: number | null;
}

/** A period in which the practice is paused, both ends included; `to: null` means still paused. */
export interface PauseRange {
  readonly from: string;
  readonly to: string | null;
}

/** How a day counts: a check-in status, paused (inside a pause range, which wins over any check-in) or none. */
export type DayKind = CheckInStatus | 'paused' | 'none';

/**
 * Check-ins by day number. A practice has at most one check-in a day; if the list holds several for
 * the same date, the last one in the list wins (it is the most recent edit).
 */
export function indexCheckIns(entries: ReadonlyArray<CheckIn>): Map<number, CheckIn> {
  const byDay = new Map<number, CheckIn>();
  entries.forEach((entry, i) => {
    byDay.set(toDayNumber(entry.date, `entries.${i}.date`), entry);
  });
  return byDay;
}

/** Pause ranges as day-number intervals; an open range ends at +Infinity. */
export function pauseIntervals(pauses: ReadonlyArray<PauseRange> | undefined): Array<readonly [number, number]> {
  return (pauses ?? []).map((p, i) => {
    const from = toDayNumber(p.from, `pauses.${i}.from`);
    const to = p.to === null ? Number.POSITIVE_INFINITY : toDayNumber(p.to, `pauses.${i}.to`);
    return [from, to] as const;
  });
}

export function isPausedDay(day: number, intervals: ReadonlyArray<readonly [number, number]>): boolean {
  return intervals.some(([from, to]) => day >= from && day <= to);
}

/** The kind of one day, given the indexed history. */
export function dayKind(
  day: number,
  checkIns: ReadonlyMap<number, CheckIn>,
  pauses: ReadonlyArray<readonly [number, number]>,
): DayKind {
  if (isPausedDay(day, pauses)) return 'paused';
  return checkIns.get(day)?.status ?? 'none';
}
