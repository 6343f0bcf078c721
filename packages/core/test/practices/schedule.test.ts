import { describe, expect, it } from 'vitest';
import {
  type CheckIn,
  type Frequency,
  frequencyPerDay,
  frequencyRatio,
  isDue,
  localDate,
  previewSchedule,
  type ScheduleVersion,
  validateFrequency,
  validateScheduleVersions,
  versionOn,
} from '../../src/index.ts';
import { issuePath } from './helpers.ts';

const done = (...dates: string[]): CheckIn[] => dates.map((date) => ({ date, status: 'done' }));

describe('frequency', () => {
  it('gives check-ins per day', () => {
    expect(frequencyPerDay({ kind: 'times', times: 3, days: 7 })).toBeCloseTo(3 / 7, 12);
    expect(frequencyPerDay({ kind: 'times', times: 1, days: 1 })).toBe(1);
    expect(frequencyPerDay({ kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] })).toBeCloseTo(3 / 7, 12);
    expect(frequencyPerDay({ kind: 'interval', everyDays: 3 })).toBeCloseTo(1 / 3, 12);
    expect(frequencyRatio({ kind: 'weekdays', weekdays: ['sunday'] })).toEqual({ numerator: 1, denominator: 7 });
    expect(frequencyRatio({ kind: 'interval', everyDays: 30 })).toEqual({ numerator: 1, denominator: 30 });
  });

  it('accepts valid frequencies', () => {
    expect(() => validateFrequency({ kind: 'times', times: 7, days: 7 })).not.toThrow();
    expect(() => validateFrequency({ kind: 'interval', everyDays: 365 })).not.toThrow();
    expect(() => validateFrequency({ kind: 'weekdays', weekdays: ['monday', 'sunday'] })).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['times 0', { kind: 'times', times: 0, days: 7 }, 'schedule.frequency.times'],
    ['fractional times', { kind: 'times', times: 1.5, days: 7 }, 'schedule.frequency.times'],
    ['times over days', { kind: 'times', times: 8, days: 7 }, 'schedule.frequency.times'],
    ['days 0', { kind: 'times', times: 1, days: 0 }, 'schedule.frequency.days'],
    ['days over 365', { kind: 'times', times: 1, days: 366 }, 'schedule.frequency.days'],
    ['everyDays 0', { kind: 'interval', everyDays: 0 }, 'schedule.frequency.everyDays'],
    ['everyDays 366', { kind: 'interval', everyDays: 366 }, 'schedule.frequency.everyDays'],
    ['everyDays not a number', { kind: 'interval', everyDays: '3' }, 'schedule.frequency.everyDays'],
    ['no weekdays', { kind: 'weekdays', weekdays: [] }, 'schedule.frequency.weekdays'],
    ['repeated weekday', { kind: 'weekdays', weekdays: ['monday', 'monday'] }, 'schedule.frequency.weekdays'],
    ['unknown weekday', { kind: 'weekdays', weekdays: ['monday', 'funday'] }, 'schedule.frequency.weekdays.1'],
    ['unknown kind', { kind: 'hourly' }, 'schedule.frequency.kind'],
  ])('rejects %s, naming the field', (_name, frequency, path) => {
    expect(issuePath(() => validateFrequency(frequency as Frequency))).toBe(path);
  });

  it('uses the given path prefix, and validates versions', () => {
    expect(issuePath(() => validateFrequency({ kind: 'interval', everyDays: 0 }, 'frequency'))).toBe(
      'frequency.everyDays',
    );
    expect(issuePath(() => validateScheduleVersions([]))).toBe('schedule.versions');
    expect(
      issuePath(() =>
        validateScheduleVersions([
          { effectiveFrom: '2026-01-01', frequency: { kind: 'interval', everyDays: 2 } },
          { effectiveFrom: '2026-02-01', frequency: { kind: 'times', times: 0, days: 7 } },
        ]),
      ),
    ).toBe('schedule.versions.1.frequency.times');
    expect(
      issuePath(() =>
        validateScheduleVersions([{ effectiveFrom: '2026-02-30', frequency: { kind: 'interval', everyDays: 2 } }]),
      ),
    ).toBe('schedule.versions.0.effectiveFrom');
  });
});

describe('versionOn', () => {
  const versions: ScheduleVersion[] = [
    { effectiveFrom: '2026-03-01', frequency: { kind: 'interval', everyDays: 2 } },
    { effectiveFrom: '2026-01-01', frequency: { kind: 'times', times: 1, days: 1 } },
    { effectiveFrom: '2026-02-01', frequency: { kind: 'weekdays', weekdays: ['monday'] } },
  ];

  it('is the latest version with effectiveFrom on or before the date, whatever the input order', () => {
    expect(versionOn(versions, '2025-12-31')).toBeUndefined();
    expect(versionOn(versions, '2026-01-01')?.frequency.kind).toBe('times');
    expect(versionOn(versions, '2026-01-31')?.frequency.kind).toBe('times');
    expect(versionOn(versions, '2026-02-01')?.frequency.kind).toBe('weekdays');
    expect(versionOn(versions, '2026-03-01')?.frequency.kind).toBe('interval');
    expect(versionOn(versions, '2030-01-01')?.frequency.kind).toBe('interval');
  });

  it('lets the later of two versions with the same start win', () => {
    const same: ScheduleVersion[] = [
      { effectiveFrom: '2026-01-01', frequency: { kind: 'interval', everyDays: 2 } },
      { effectiveFrom: '2026-01-01', frequency: { kind: 'interval', everyDays: 5 } },
    ];
    expect(versionOn(same, '2026-01-10')?.frequency).toEqual({ kind: 'interval', everyDays: 5 });
  });
});

describe('isDue', () => {
  const monWedFri: ScheduleVersion[] = [
    { effectiveFrom: '2026-03-01', frequency: { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] } },
  ];

  it('weekdays: due on the listed weekdays only', () => {
    // 2026-03-16 is a Monday.
    expect(isDue('2026-03-16', monWedFri, [])).toBe(true);
    expect(isDue('2026-03-17', monWedFri, [])).toBe(false);
    expect(isDue('2026-03-18', monWedFri, [])).toBe(true);
    expect(isDue('2026-03-20', monWedFri, [])).toBe(true);
    expect(isDue('2026-03-22', monWedFri, [])).toBe(false);
    expect(isDue('2026-03-16', monWedFri, done('2026-03-16'))).toBe(true); // due and done
  });

  it('is never due before the first version or while paused', () => {
    expect(isDue('2026-02-27', monWedFri, [])).toBe(false); // a Friday before the schedule starts
    const pauses = [{ from: '2026-03-16', to: '2026-03-18' }];
    expect(isDue('2026-03-16', monWedFri, [], pauses)).toBe(false);
    expect(isDue('2026-03-20', monWedFri, [], pauses)).toBe(true);
    expect(isDue('2026-04-03', monWedFri, [], [{ from: '2026-03-19', to: null }])).toBe(false);
  });

  it('follows the local date: the same instant is a Friday in Kiritimati and a Wednesday in Pago Pago', () => {
    const fridays: ScheduleVersion[] = [
      { effectiveFrom: '2026-01-01', frequency: { kind: 'weekdays', weekdays: ['friday'] } },
    ];
    const instant = new Date('2026-03-19T11:30:00Z');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-03-20');
    expect(localDate(instant, 'Pacific/Pago_Pago')).toBe('2026-03-19');
    expect(isDue(localDate(instant, 'Pacific/Kiritimati'), fridays, [])).toBe(true);
    expect(isDue(localDate(instant, 'Pacific/Pago_Pago'), fridays, [])).toBe(false);
  });

  describe('interval', () => {
    const every3: ScheduleVersion[] = [{ effectiveFrom: '2026-03-10', frequency: { kind: 'interval', everyDays: 3 } }];

    it('is due from effectiveFrom on until first done', () => {
      expect(isDue('2026-03-09', every3, [])).toBe(false);
      expect(isDue('2026-03-10', every3, [])).toBe(true);
      expect(isDue('2026-03-11', every3, [])).toBe(true);
      expect(isDue('2026-03-25', every3, [])).toBe(true);
    });

    it('is due again once everyDays have passed since the last done day', () => {
      const entries = done('2026-03-10');
      expect(isDue('2026-03-10', every3, entries)).toBe(true); // done today: still due (and done)
      expect(isDue('2026-03-11', every3, entries)).toBe(false);
      expect(isDue('2026-03-12', every3, entries)).toBe(false);
      expect(isDue('2026-03-13', every3, entries)).toBe(true);
      expect(isDue('2026-03-14', every3, entries)).toBe(true); // overdue stays due
    });

    it('counts only done check-ins, not skipped or not-done ones', () => {
      const entries: CheckIn[] = [
        { date: '2026-03-10', status: 'done' },
        { date: '2026-03-13', status: 'skipped' },
        { date: '2026-03-14', status: 'notDone' },
      ];
      expect(isDue('2026-03-15', every3, entries)).toBe(true);
    });

    it('daily (every 1 day) is due every day', () => {
      const everyDay: ScheduleVersion[] = [
        { effectiveFrom: '2026-03-10', frequency: { kind: 'interval', everyDays: 1 } },
      ];
      const entries = done('2026-03-10', '2026-03-11');
      for (const d of ['2026-03-10', '2026-03-11', '2026-03-12']) expect(isDue(d, everyDay, entries)).toBe(true);
    });
  });

  describe('times in days', () => {
    // 2026-03-16 is a Monday.
    const threeIn7: ScheduleVersion[] = [
      { effectiveFrom: '2026-03-01', frequency: { kind: 'times', times: 3, days: 7 } },
    ];

    it('is due while fewer than `times` were done in the rolling window', () => {
      expect(isDue('2026-03-16', threeIn7, [])).toBe(true);
      const monTue = done('2026-03-16', '2026-03-17');
      expect(isDue('2026-03-18', threeIn7, monTue)).toBe(true);
      const monTueWed = done('2026-03-16', '2026-03-17', '2026-03-18');
      expect(isDue('2026-03-18', threeIn7, monTueWed)).toBe(true); // completed today: still due-and-done
      expect(isDue('2026-03-19', threeIn7, monTueWed)).toBe(false);
      expect(isDue('2026-03-22', threeIn7, monTueWed)).toBe(false); // window 16..22 holds 3
      expect(isDue('2026-03-23', threeIn7, monTueWed)).toBe(true); // window 17..23 holds 2
    });

    it('a version change mid-history applies from its effectiveFrom', () => {
      const versions: ScheduleVersion[] = [
        ...threeIn7,
        { effectiveFrom: '2026-03-20', frequency: { kind: 'weekdays', weekdays: ['saturday'] } },
      ];
      const monTueWed = done('2026-03-16', '2026-03-17', '2026-03-18');
      expect(isDue('2026-03-19', versions, monTueWed)).toBe(false);
      expect(isDue('2026-03-20', versions, monTueWed)).toBe(false); // Friday under "Saturdays"
      expect(isDue('2026-03-21', versions, monTueWed)).toBe(true);
    });
  });
});

describe('previewSchedule', () => {
  it('shows two weeks by default, starting on `from`', () => {
    const preview = previewSchedule({ kind: 'weekdays', weekdays: ['monday', 'thursday'] }, '2026-03-16');
    expect(preview).toHaveLength(14);
    expect(preview[0]).toEqual({ date: '2026-03-16', due: true });
    expect(preview.filter((d) => d.due).map((d) => d.date)).toEqual([
      '2026-03-16',
      '2026-03-19',
      '2026-03-23',
      '2026-03-26',
    ]);
  });

  it('every n days: the first day, then every n-th', () => {
    const preview = previewSchedule({ kind: 'interval', everyDays: 3 }, '2026-03-30', 10);
    expect(preview.map((d) => d.due)).toEqual([true, false, false, true, false, false, true, false, false, true]);
    expect(preview.at(-1)?.date).toBe('2026-04-08');
  });

  it('times in days: assumes each due day is done, so 3 in 7 is three due days then four free ones', () => {
    const preview = previewSchedule({ kind: 'times', times: 3, days: 7 }, '2026-03-16');
    expect(preview.map((d) => (d.due ? 'x' : '.')).join('')).toBe('xxx....xxx....');
    expect(previewSchedule({ kind: 'times', times: 1, days: 1 }, '2026-03-16', 5).every((d) => d.due)).toBe(true);
  });

  it('crosses DST changes day by day, and validates its input', () => {
    expect(previewSchedule({ kind: 'interval', everyDays: 1 }, '2026-03-28', 3).map((d) => d.date)).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(previewSchedule({ kind: 'interval', everyDays: 1 }, '2026-03-28', 0)).toEqual([]);
    expect(issuePath(() => previewSchedule({ kind: 'times', times: 4, days: 3 }, '2026-03-28'))).toBe(
      'schedule.frequency.times',
    );
    expect(issuePath(() => previewSchedule({ kind: 'interval', everyDays: 2 }, '28/03/2026'))).toBe('from');
  });
});
