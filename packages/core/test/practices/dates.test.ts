import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  DomainError,
  diffDays,
  eachDay,
  fromDayNumber,
  isoWeek,
  isValidDate,
  localDate,
  toDayNumber,
  weekdayOf,
  weekStartOf,
} from '../../src/index.ts';

describe('calendar arithmetic on local dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-20', 0)).toBe('2026-03-20');
  });

  it('counts every day as one day, including DST change days', () => {
    // 2026-03-29 and 2026-10-25 change clocks in Europe, 2026-03-08 and 2026-11-01 in the US.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(diffDays('2026-03-07', '2026-03-09')).toBe(2);
    expect(diffDays('2026-10-31', '2026-11-02')).toBe(2);
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2026-03-08', '2026-03-01')).toBe(-7);
  });

  it('orders dates', () => {
    expect(compareDates('2026-03-01', '2026-03-02')).toBe(-1);
    expect(compareDates('2026-03-02', '2026-03-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-02', '2025-12-31', '2026-01-10'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-10',
      '2026-03-02',
    ]);
  });

  it('gives weekdays', () => {
    expect(weekdayOf('1970-01-01')).toBe('thursday');
    expect(weekdayOf('2026-03-16')).toBe('monday');
    expect(weekdayOf('2026-03-22')).toBe('sunday');
    expect(weekdayOf('1969-12-31')).toBe('wednesday');
    expect(weekdayOf('2000-02-29')).toBe('tuesday');
  });

  it('lists each day of a range, both ends included', () => {
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(eachDay('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(eachDay('2026-03-03', '2026-03-02')).toEqual([]);
  });

  it('round-trips day numbers, also for years before 100', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(fromDayNumber(toDayNumber('0099-06-15'))).toBe('0099-06-15');
    for (let n = -719_000; n < 2_900_000; n += 997) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it('rejects malformed and impossible dates with a field path', () => {
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-3-1')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(() => addDays('20260301', 1)).toThrow(DomainError);
    try {
      toDayNumber('2026-04-31', 'entries.3.date');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      expect((e as DomainError).details).toEqual({
        issues: [{ path: 'entries.3.date', message: "'2026-04-31' is not a calendar date" }],
      });
    }
  });
});

describe('weeks', () => {
  it('gives ISO weeks, with week-years that differ from the calendar year', () => {
    expect(isoWeek('2026-11-19')).toBe('2026-W47');
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2005-01-01')).toBe('2004-W53');
    expect(isoWeek('2008-12-29')).toBe('2009-W01');
  });

  it('finds the start of the week for any first weekday', () => {
    // 2026-03-19 is a Thursday.
    expect(weekStartOf('2026-03-19', 'monday')).toBe('2026-03-16');
    expect(weekStartOf('2026-03-19', 'sunday')).toBe('2026-03-15');
    expect(weekStartOf('2026-03-19', 'saturday')).toBe('2026-03-14');
    expect(weekStartOf('2026-03-19', 'thursday')).toBe('2026-03-19');
    expect(weekStartOf('2026-03-19', 'friday')).toBe('2026-03-13');
    expect(weekStartOf('2026-01-01', 'monday')).toBe('2025-12-29');
  });
});

describe('localDate: the user’s date at an instant', () => {
  const at = (iso: string) => new Date(iso);

  it('Europe/Amsterdam across the spring DST change (2026-03-29, 02:00 → 03:00)', () => {
    const zone = 'Europe/Amsterdam';
    expect(localDate(at('2026-03-28T22:59:59Z'), zone)).toBe('2026-03-28'); // 23:59:59 CET
    expect(localDate(at('2026-03-28T23:00:00Z'), zone)).toBe('2026-03-29'); // 00:00 CET
    expect(localDate(at('2026-03-29T01:30:00Z'), zone)).toBe('2026-03-29'); // 03:30 CEST
    expect(localDate(at('2026-03-29T21:59:59Z'), zone)).toBe('2026-03-29'); // 23:59:59 CEST
    expect(localDate(at('2026-03-29T22:00:00Z'), zone)).toBe('2026-03-30'); // midnight is now 22:00 UTC
  });

  it('Europe/Amsterdam across the autumn DST change (2026-10-25, a 25-hour day)', () => {
    const zone = 'Europe/Amsterdam';
    expect(localDate(at('2026-10-24T21:59:59Z'), zone)).toBe('2026-10-24');
    expect(localDate(at('2026-10-24T22:00:00Z'), zone)).toBe('2026-10-25'); // 00:00 CEST
    expect(localDate(at('2026-10-25T00:30:00Z'), zone)).toBe('2026-10-25'); // 02:30 CEST, first time
    expect(localDate(at('2026-10-25T01:30:00Z'), zone)).toBe('2026-10-25'); // 02:30 CET, second time
    expect(localDate(at('2026-10-25T22:59:59Z'), zone)).toBe('2026-10-25'); // 23:59:59 CET
    expect(localDate(at('2026-10-25T23:00:00Z'), zone)).toBe('2026-10-26');
  });

  it('America/New_York across both DST changes (2026-03-08 and 2026-11-01)', () => {
    const zone = 'America/New_York';
    expect(localDate(at('2026-03-08T04:59:59Z'), zone)).toBe('2026-03-07'); // 23:59:59 EST
    expect(localDate(at('2026-03-08T05:00:00Z'), zone)).toBe('2026-03-08');
    expect(localDate(at('2026-03-08T07:30:00Z'), zone)).toBe('2026-03-08'); // 03:30 EDT
    expect(localDate(at('2026-03-09T03:59:59Z'), zone)).toBe('2026-03-08'); // 23:59:59 EDT
    expect(localDate(at('2026-03-09T04:00:00Z'), zone)).toBe('2026-03-09');
    expect(localDate(at('2026-11-01T03:59:59Z'), zone)).toBe('2026-10-31');
    expect(localDate(at('2026-11-01T06:30:00Z'), zone)).toBe('2026-11-01'); // 01:30 EST, second time
    expect(localDate(at('2026-11-02T04:59:59Z'), zone)).toBe('2026-11-01'); // 23:59:59 EST
    expect(localDate(at('2026-11-02T05:00:00Z'), zone)).toBe('2026-11-02');
  });

  it('Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago (UTC−11): one instant, dates two days apart', () => {
    const instant = at('2026-01-01T10:30:00Z');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-01-02'); // 00:30 on 2 January
    expect(localDate(instant, 'Pacific/Pago_Pago')).toBe('2025-12-31'); // 23:30 on 31 December
    expect(localDate(instant, 'UTC')).toBe('2026-01-01');
    expect(localDate(at('2026-01-01T09:59:59Z'), 'Pacific/Kiritimati')).toBe('2026-01-01');
    expect(localDate(at('2026-01-01T10:59:59Z'), 'Pacific/Pago_Pago')).toBe('2025-12-31');
    expect(localDate(at('2026-01-01T11:00:00Z'), 'Pacific/Pago_Pago')).toBe('2026-01-01');
  });

  it('Pacific/Kiritimati skipped 1994-12-31 when it moved across the date line', () => {
    expect(localDate(at('1994-12-31T09:59:59Z'), 'Pacific/Kiritimati')).toBe('1994-12-30'); // 23:59:59 at UTC−10
    expect(localDate(at('1994-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('1995-01-01'); // then UTC+14
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(DomainError);
    expect(() => localDate(new Date(Number.NaN), 'UTC')).toThrow(DomainError);
  });
});
