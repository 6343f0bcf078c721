import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CheckIn,
  computeStreaks,
  localDate,
  type PauseRange,
  type ScheduleVersion,
} from '../../src/index.ts';
import { daily, timesIn } from './helpers.ts';

/** Check-ins from a pattern, one character a day from `start`: x done, s skipped, n not done, . none. */
function pattern(start: string, days: string): CheckIn[] {
  const status = { x: 'done', s: 'skipped', n: 'notDone' } as const;
  return [...days].flatMap((c, i) =>
    c in status ? [{ date: addDays(start, i), status: status[c as keyof typeof status] }] : [],
  );
}

const START = '2026-03-02'; // a Monday
const today = (offset: number) => addDays(START, offset);
const streaks = (versions: ScheduleVersion[], days: string, pauses?: PauseRange[]) =>
  computeStreaks({
    versions,
    entries: pattern(START, days),
    today: today(days.length - 1),
    ...(pauses ? { pauses } : {}),
  });

describe('streaks', () => {
  it('no done check-in: no streak', () => {
    expect(streaks(daily, 'nnn')).toEqual({ current: null, best: null });
    expect(computeStreaks({ versions: daily, entries: [], today: START })).toEqual({ current: null, best: null });
  });

  it('counts consecutive done days', () => {
    const s = streaks(daily, 'xxxxx');
    expect(s.current).toEqual({ start: START, end: today(4), length: 5, doneDays: 5 });
    expect(s.best).toEqual(s.current);
  });

  it('today not yet checked does not break the current streak', () => {
    const s = streaks(daily, 'xxxx.');
    expect(s.current).toEqual({ start: START, end: today(3), length: 4, doneDays: 4 });
  });

  it('today marked not done does break it', () => {
    const s = streaks(daily, 'xxxxn');
    expect(s.current).toBeNull();
    expect(s.best?.length).toBe(4);
  });

  it('a required day without a check-in breaks the streak; best keeps the longest', () => {
    const s = streaks(daily, 'xxxx.xx');
    expect(s.current).toEqual({ start: today(5), end: today(6), length: 2, doneDays: 2 });
    expect(s.best).toEqual({ start: START, end: today(3), length: 4, doneDays: 4 });
  });

  it('on a tie, best is the most recent streak', () => {
    expect(streaks(daily, 'xx.xx').best?.start).toBe(today(3));
  });

  it('a skipped day never breaks a streak, and counts as one of its days', () => {
    const s = streaks(daily, 'xxsxsx');
    expect(s.current).toEqual({ start: START, end: today(5), length: 6, doneDays: 4 });
  });

  it('paused days never break a streak, including a pause running today', () => {
    const pauses = [{ from: today(2), to: today(4) }];
    expect(streaks(daily, 'xx...x', pauses).current).toEqual({ start: START, end: today(5), length: 6, doneDays: 3 });
    expect(streaks(daily, 'xx...', [{ from: today(2), to: null }]).current?.length).toBe(5);
  });

  it('a streak starts on a done day: leading skipped or free days do not count', () => {
    expect(streaks(daily, 'ssxx').current).toEqual({ start: today(2), end: today(3), length: 2, doneDays: 2 });
  });

  it('weekdays: days off the list are satisfied; missing a listed day breaks', () => {
    const mwf: ScheduleVersion[] = [
      { effectiveFrom: '2026-01-01', frequency: { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] } },
    ];
    // Mon..Sun, Mon..Sun: done every Monday, Wednesday and Friday.
    expect(streaks(mwf, 'x.x.x..x.x.x..').current).toEqual({ start: START, end: today(13), length: 14, doneDays: 6 });
    // The second Wednesday is missed.
    const s = streaks(mwf, 'x.x.x..x...x..');
    expect(s.current).toEqual({ start: today(11), end: today(13), length: 3, doneDays: 1 });
    expect(s.best?.length).toBe(9); // first Monday to the second Tuesday
  });

  it('every n days: the days before the next due day are satisfied', () => {
    const every3: ScheduleVersion[] = [{ effectiveFrom: '2026-01-01', frequency: { kind: 'interval', everyDays: 3 } }];
    expect(streaks(every3, 'x..x..x..x').current?.length).toBe(10);
    expect(streaks(every3, 'x...x').current).toEqual({ start: today(4), end: today(4), length: 1, doneDays: 1 });
    expect(streaks(every3, 'x..').current?.length).toBe(3); // the third day is due but still today
  });

  it('times in days: days inside a rolling window already met are satisfied', () => {
    const threeIn7 = timesIn(3, 7);
    // Monday-Tuesday-Wednesday every week, and Monday-Wednesday-Friday every week: unbroken.
    expect(streaks(threeIn7, 'xxx....xxx....xxx').current?.length).toBe(17);
    expect(streaks(threeIn7, 'x.x.x..x.x.x..x.x').current?.length).toBe(17);
    // Twice a week falls short: the first full window (days 0-6) holds two, so day 6 breaks; the
    // next streak gets the benefit of the doubt until its first full window ends on day 13 (today,
    // still pending).
    const twice = streaks(threeIn7, 'xx.....xx.....');
    expect(twice.current).toEqual({ start: today(7), end: today(12), length: 6, doneDays: 2 });
    expect(twice.best).toEqual(twice.current);
    expect(streaks(threeIn7, 'xx.....xx......').current).toBeNull();
    // A new streak is not broken on its second day: 3 in 7 begun on a Monday.
    expect(streaks(threeIn7, 'x.').current?.length).toBe(2);
    expect(streaks(threeIn7, 'x....').current?.length).toBe(5); // window to day 4: 2 before the streak + 1
    // Window to day 5: 1 day before the streak + Monday = 2, so day 5 is required: pending today,
    // a break once it has gone by or is marked not done.
    expect(streaks(threeIn7, 'x.....').current?.length).toBe(5);
    expect(streaks(threeIn7, 'x......').current).toBeNull();
    expect(streaks(threeIn7, 'x.....n').current).toBeNull();
    expect(streaks(threeIn7, 'x....xx').current?.length).toBe(7);
  });

  it('times in days with times = days: every day is required', () => {
    expect(streaks(timesIn(7, 7), 'xxx.x').current).toEqual({ start: today(4), end: today(4), length: 1, doneDays: 1 });
    expect(streaks(timesIn(1, 1), 'xxx.x').best?.length).toBe(3);
  });

  it('skipped and paused days do not weaken later windows either', () => {
    // 3 in 7 on Mon-Wed, then a paused week, then Mon-Wed again: unbroken.
    const pauses = [{ from: today(7), to: today(13) }];
    expect(streaks(timesIn(3, 7), 'xxx....' + '.......' + 'xxx....', pauses).current?.length).toBe(21);
    // Every 3 days, with a pause in between: the pause does not make the next day overdue.
    const every3: ScheduleVersion[] = [{ effectiveFrom: '2026-01-01', frequency: { kind: 'interval', everyDays: 3 } }];
    expect(streaks(every3, 'x.......x', [{ from: today(1), to: today(6) }]).current?.length).toBe(9);
    expect(streaks(every3, 'xs.s.x').current?.length).toBe(6);
  });

  it('a not-done mark on a day that was not required does not break', () => {
    const mwf: ScheduleVersion[] = [
      { effectiveFrom: '2026-01-01', frequency: { kind: 'weekdays', weekdays: ['monday'] } },
    ];
    expect(streaks(mwf, 'xnnnnnnx').current?.length).toBe(8);
  });

  it('follows schedule versions: after a change to Saturdays only, other days are free', () => {
    const versions: ScheduleVersion[] = [
      ...daily,
      { effectiveFrom: today(3), frequency: { kind: 'weekdays', weekdays: ['saturday'] } },
    ];
    // Mon-Wed daily and done, then Thursday on: only Saturday (day 5) is required.
    expect(streaks(versions, 'xxx..x.').current).toEqual({ start: START, end: today(6), length: 7, doneDays: 4 });
    expect(streaks(daily, 'xxx..x.').current).toEqual({ start: today(5), end: today(5), length: 1, doneDays: 1 });
  });

  it('ignores check-ins after today', () => {
    const entries = pattern(START, 'xxxxxxxxx');
    const s = computeStreaks({ versions: daily, entries, today: today(3) });
    expect(s.current?.end).toBe(today(3));
    expect(s.best?.length).toBe(4);
  });

  it('uses the user’s local today: Kiritimati is already a day further than Pago Pago', () => {
    const entries = pattern('2026-03-15', 'xxxxx'); // done 15..19 March
    const instant = new Date('2026-03-20T11:30:00Z');
    const kiritimati = localDate(instant, 'Pacific/Kiritimati'); // 2026-03-21 01:30
    const pagoPago = localDate(instant, 'Pacific/Pago_Pago'); // 2026-03-20 00:30
    expect(computeStreaks({ versions: daily, entries, today: pagoPago }).current?.length).toBe(5); // today pending
    expect(computeStreaks({ versions: daily, entries, today: kiritimati }).current).toBeNull(); // the 20th was missed
  });
});
