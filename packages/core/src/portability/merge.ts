import type { Frequency, ScheduleVersion } from '../practices/schedule.ts';

/** The same schedule, whatever the order of its weekdays. */
export function sameFrequency(a: Frequency, b: Frequency): boolean {
  const key = (f: Frequency) =>
    f.kind === 'times'
      ? `times:${f.times}/${f.days}`
      : f.kind === 'weekdays'
        ? `weekdays:${[...f.weekdays].sort().join(',')}`
        : `interval:${f.everyDays}`;
  return key(a) === key(b);
}

export interface MergedSchedule {
  /** The whole new history, or null when the stored one stays as it is. */
  versions: ScheduleVersion[] | null;
  /** Set when the file's frequency was left out because the practice has a schedule change from today on. */
  keptLater: string | null;
}

/**
 * What a re-import does to a practice's schedule history. The stored versions are the person's
 * (edits in Tack, a review's adjustment, the first import's start) and are never removed:
 * - a file whose first day is before the stored start moves the start (the first version) back;
 * - a frequency in the file that the practice has never had (it changed in the other app) becomes a
 *   version from today, unless a version from today on is there already (the person's own plan for
 *   those days wins; `keptLater` says so).
 * A frequency the practice has had before is not applied again: re-importing the same file after
 * editing the schedule in Tack keeps the edit.
 */
export function mergeImportedSchedule(
  stored: readonly ScheduleVersion[],
  imported: readonly ScheduleVersion[],
  today: string,
): MergedSchedule {
  if (stored.length === 0) return { versions: [...imported], keptLater: null };
  const first = imported[0];
  const last = imported.at(-1);
  if (!first || !last) return { versions: null, keptLater: null };
  const out = [...stored].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  let changed = false;
  const start = out[0]!;
  if (first.effectiveFrom < start.effectiveFrom) {
    out[0] = { ...start, effectiveFrom: first.effectiveFrom };
    changed = true;
  }
  let keptLater: string | null = null;
  if (!out.some((v) => sameFrequency(v.frequency, last.frequency))) {
    const later = out.find((v) => v.effectiveFrom >= today);
    if (later) keptLater = later.effectiveFrom;
    else {
      out.push({ effectiveFrom: today, frequency: last.frequency });
      changed = true;
    }
  }
  return { versions: changed ? out : null, keptLater };
}
