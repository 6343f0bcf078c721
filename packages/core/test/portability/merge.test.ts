import { describe, expect, it } from 'vitest';
import { mergeImportedSchedule, sameFrequency } from '../../src/portability/merge.ts';
import type { Frequency } from '../../src/practices/schedule.ts';

const daily: Frequency = { kind: 'times', times: 1, days: 1 };
const monThu: Frequency = { kind: 'weekdays', weekdays: ['monday', 'thursday'] };
const three: Frequency = { kind: 'times', times: 3, days: 7 };
const five: Frequency = { kind: 'times', times: 5, days: 7 };
const today = '2026-11-21';

describe('mergeImportedSchedule (a re-import never drops stored versions)', () => {
  const stored = [
    { effectiveFrom: '2026-09-01', frequency: daily },
    { effectiveFrom: '2026-10-01', frequency: monThu },
  ];

  it('leaves the history alone when the file says what the practice already had', () => {
    expect(mergeImportedSchedule(stored, [{ effectiveFrom: '2026-09-01', frequency: daily }], today)).toEqual({
      versions: null,
      keptLater: null,
    });
    // A later first day in the file (older check-ins deleted in Loop) does not move the start forward.
    expect(mergeImportedSchedule(stored, [{ effectiveFrom: '2026-10-15', frequency: daily }], today).versions).toBe(
      null,
    );
  });

  it('moves the start back to an earlier first day, keeping every later version', () => {
    expect(mergeImportedSchedule(stored, [{ effectiveFrom: '2026-08-20', frequency: daily }], today).versions).toEqual([
      { effectiveFrom: '2026-08-20', frequency: daily },
      { effectiveFrom: '2026-10-01', frequency: monThu },
    ]);
  });

  it('adds a frequency the practice never had as a version from today', () => {
    expect(mergeImportedSchedule(stored, [{ effectiveFrom: '2026-09-01', frequency: three }], today).versions).toEqual([
      ...stored,
      { effectiveFrom: today, frequency: three },
    ]);
  });

  it('does not apply it over a version from today on (the person planned those days)', () => {
    const withLater = [...stored, { effectiveFrom: '2026-11-23', frequency: three }];
    expect(mergeImportedSchedule(withLater, [{ effectiveFrom: '2026-08-01', frequency: five }], today)).toEqual({
      versions: [{ effectiveFrom: '2026-08-01', frequency: daily }, ...withLater.slice(1)],
      keptLater: '2026-11-23',
    });
  });

  it('takes the file as it is for a practice without versions', () => {
    const file = [{ effectiveFrom: '2026-09-01', frequency: daily }];
    expect(mergeImportedSchedule([], file, today).versions).toEqual(file);
  });

  it('compares weekdays as a set', () => {
    expect(sameFrequency(monThu, { kind: 'weekdays', weekdays: ['thursday', 'monday'] })).toBe(true);
    expect(sameFrequency(three, five)).toBe(false);
    expect(sameFrequency({ kind: 'interval', everyDays: 2 }, { kind: 'interval', everyDays: 2 })).toBe(true);
  });
});
