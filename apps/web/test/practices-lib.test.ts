import type { Weekday } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { cellState, heatmapStart } from '../src/practices/Heatmap.tsx';
import {
  addDays,
  amountVerdict,
  checkOffLabel,
  checkOffMessage,
  checkOffPlan,
  datesInWords,
  daysBetween,
  fieldSentence,
  formatAmount,
  mediumDate,
  orderedWeekdays,
  parseAmount,
  percent,
  scheduleInWords,
  strengthPointsFrom,
  strengthSummary,
  targetInWords,
  targetWindowDays,
  todayTally,
  weekdayOfIso,
} from '../src/practices/lib.ts';
import { isoDateIn } from '../src/time.ts';

describe('scheduleInWords', () => {
  it('says each kind of schedule in plain words', () => {
    expect(scheduleInWords({ kind: 'times', times: 1, days: 1 })).toBe('daily');
    expect(scheduleInWords({ kind: 'times', times: 3, days: 7 })).toBe('3× in 7 days');
    expect(scheduleInWords({ kind: 'times', times: 1, days: 7 })).toBe('once a week');
    expect(scheduleInWords({ kind: 'weekdays', weekdays: ['thursday', 'monday'] })).toBe('Mon, Thu');
    expect(
      scheduleInWords({
        kind: 'weekdays',
        weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
      }),
    ).toBe('daily');
    expect(scheduleInWords({ kind: 'interval', everyDays: 2 })).toBe('every 2 days');
    expect(scheduleInWords({ kind: 'interval', everyDays: 1 })).toBe('daily');
  });
});

describe('date helpers', () => {
  it('do day arithmetic on ISO dates across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
    expect(weekdayOfIso('2026-11-21')).toBe('saturday');
  });

  it('starts the heatmap on the person’s week start, 52 weeks back', () => {
    const start = heatmapStart('2026-11-21', 'monday');
    expect(weekdayOfIso(start)).toBe('monday');
    expect(daysBetween(start, '2026-11-21')).toBe(52 * 7 + 5);
    expect(weekdayOfIso(heatmapStart('2026-11-21', 'sunday'))).toBe('sunday');
  });
});

describe('percent and targets', () => {
  it('rounds and clamps the strength', () => {
    expect(percent(0.734)).toBe('73%');
    expect(percent(1.2)).toBe('100%');
    expect(percent(-0.1)).toBe('0%');
  });
  it('describes a measurable target', () => {
    const daily = { schedule: { frequency: { kind: 'times', times: 1, days: 1 } as const } };
    const weekly = { schedule: { frequency: { kind: 'times', times: 3, days: 7 } as const } };
    expect(targetInWords({ kind: 'measurable', target: 6, targetType: 'atLeast', unit: 'glasses', ...daily })).toBe(
      'at least 6 glasses a day',
    );
    expect(targetInWords({ kind: 'measurable', target: 2, targetType: 'atMost', unit: null, ...weekly })).toBe(
      'at most 2 a week',
    );
    const fortnight = { schedule: { frequency: { kind: 'interval', everyDays: 14 } as const } };
    expect(targetInWords({ kind: 'measurable', target: 1500, targetType: 'atLeast', unit: 'm', ...fortnight })).toBe(
      `at least ${formatAmount(1500)} m in 14 days`,
    );
    const monWedFri = {
      schedule: { frequency: { kind: 'weekdays' as const, weekdays: ['monday', 'wednesday', 'friday'] as Weekday[] } },
    };
    expect(targetInWords({ kind: 'measurable', target: 90, targetType: 'atLeast', unit: 'min', ...monWedFri })).toBe(
      'at least 90 min a week',
    );
    expect(targetInWords({ kind: 'boolean', target: null, targetType: null, unit: null, ...daily })).toBeUndefined();
    // The window strength counts over (core's strength.ts): days of "times in days", a week for weekdays.
    expect(targetWindowDays({ kind: 'times', times: 2, days: 5 })).toBe(5);
    expect(targetWindowDays({ kind: 'weekdays', weekdays: ['sunday'] })).toBe(7);
    expect(targetWindowDays({ kind: 'interval', everyDays: 3 })).toBe(3);
  });

  it("judges a day's amount only when the target is per day", () => {
    const daily = { schedule: { frequency: { kind: 'times', times: 1, days: 1 } as const }, unit: 'min' };
    const weekly = { schedule: { frequency: { kind: 'times', times: 3, days: 7 } as const }, unit: 'min' };
    const atLeast30 = { target: 30, targetType: 'atLeast' as const };
    expect(amountVerdict({ ...daily, ...atLeast30 }, 30)).toEqual({ words: 'Target met', met: true });
    expect(amountVerdict({ ...daily, ...atLeast30 }, 10)).toEqual({ words: '10 of 30', met: false });
    expect(amountVerdict({ ...weekly, ...atLeast30 }, 10)).toEqual({ words: 'Logged', met: null });
    expect(amountVerdict({ ...daily, ...atLeast30 }, null)).toEqual({ words: 'Logged', met: null });
    const atMost2 = { target: 2, targetType: 'atMost' as const };
    expect(amountVerdict({ ...daily, ...atMost2 }, 2)).toEqual({ words: 'Within the limit', met: true });
    expect(amountVerdict({ ...daily, ...atMost2 }, 3)).toEqual({ words: 'Over the limit', met: false });
    expect(amountVerdict({ ...daily, target: 0, targetType: 'atMost' }, 0)).toEqual({
      words: 'Within the limit',
      met: true,
    });
  });
});

describe('todayTally', () => {
  const daily = { schedule: { frequency: { kind: 'times', times: 1, days: 1 } as const } };
  const minutes = { ...daily, kind: 'measurable', unit: 'min', target: 30, targetType: 'atLeast' } as const;
  const coffees = { ...daily, kind: 'measurable', unit: 'cups', target: 2, targetType: 'atMost' } as const;
  const yesNo = { ...daily, kind: 'boolean', unit: null, target: null, targetType: null } as const;
  const checkin = (status: 'done' | 'skipped' | 'notDone', value: number | null = null) =>
    ({ status, value }) as Parameters<typeof todayTally>[0][number]['checkin'];
  const item = (practice: object, c: ReturnType<typeof checkin> | null) =>
    ({ practice, checkin: c }) as Parameters<typeof todayTally>[0][number];

  it('counts a measurable check-in as done only when its amount keeps the per-day target', () => {
    expect(
      todayTally([
        item(yesNo, checkin('done')),
        item(yesNo, checkin('skipped')),
        item(yesNo, null),
        item(minutes, checkin('done', 30)),
        item(minutes, checkin('done', 10)),
        item(coffees, checkin('done', 2)),
        item(coffees, checkin('done', 3)),
        item(minutes, checkin('notDone')),
      ]),
    ).toEqual({ done: 3, offTarget: 2 });
  });

  it('counts any amount as done when the target is over more than a day', () => {
    const weekly = { ...minutes, schedule: { frequency: { kind: 'times', times: 3, days: 7 } as const } };
    expect(todayTally([item(weekly, checkin('done', 5)), item(minutes, checkin('done', null))])).toEqual({
      done: 2,
      offTarget: 0,
    });
  });
});

describe('cellState', () => {
  const practice = { pauses: [{ from: '2026-03-01', to: '2026-03-05' }] } as Parameters<typeof cellState>[0];
  it('prefers the check-in, then the pause, then before-start, else none', () => {
    const checkin = {
      practiceId: 'p',
      date: '2026-03-02',
      status: 'skipped' as const,
      value: null,
      note: null,
      energy: null,
      createdAt: '',
      updatedAt: '',
    };
    expect(cellState(practice, '2026-03-02', checkin, '2026-01-01')).toBe('skipped');
    expect(cellState(practice, '2026-03-03', undefined, '2026-01-01')).toBe('paused');
    expect(cellState(practice, '2025-12-03', undefined, '2026-01-01')).toBe('before');
    expect(cellState(practice, '2026-04-03', undefined, '2026-01-01')).toBe('none');
  });
});

describe('parseAmount', () => {
  it('reads grouping and decimals the en-US way', () => {
    expect(parseAmount('1,500', 'en-US')).toEqual({ ok: true, value: 1500 });
    expect(parseAmount('1,500.25', 'en-US')).toEqual({ ok: true, value: 1500.25 });
    expect(parseAmount(' 2.5 ', 'en-US')).toEqual({ ok: true, value: 2.5 });
    expect(parseAmount('.5', 'en-US')).toEqual({ ok: true, value: 0.5 });
    expect(parseAmount('', 'en-US')).toEqual({ ok: true, value: null });
  });
  it('reads grouping and decimals the German and French way', () => {
    expect(parseAmount('1.500', 'de-DE')).toEqual({ ok: true, value: 1500 });
    expect(parseAmount('2,5', 'de-DE')).toEqual({ ok: true, value: 2.5 });
    expect(parseAmount('1 500,5', 'fr-FR')).toEqual({ ok: true, value: 1500.5 });
    expect(parseAmount('2.5', 'fr-FR')).toEqual({ ok: true, value: 2.5 });
  });
  it('refuses negatives, words, exponents, bad grouping and more than the maximum, with a sentence', () => {
    expect(parseAmount('-5', 'en-US')).toEqual({ ok: false, error: 'The amount cannot be negative.' });
    expect(parseAmount('abc', 'en-US')).toEqual({ ok: false, error: 'Enter a number, like 1,500 or 2.5.' });
    expect(parseAmount('1e9', 'en-US').ok).toBe(false);
    expect(parseAmount('1,5', 'en-US').ok).toBe(false);
    expect(parseAmount('1000000001', 'en-US')).toEqual({
      ok: false,
      error: 'The amount can be at most 1,000,000,000.',
    });
    expect(parseAmount('1000000000', 'en-US')).toEqual({ ok: true, value: 1e9 });
  });
  it('round-trips what formatAmount shows', () => {
    for (const n of [0, 7, 1500, 2.5, 1234567.25])
      expect(parseAmount(formatAmount(n, 'en-US'), 'en-US')).toEqual({ ok: true, value: n });
  });
});

describe('check off all', () => {
  const item = (status: 'done' | 'skipped' | 'notDone' | null) => ({ checkin: status ? { status } : null });
  it('checks off only practices with no check-in yet', () => {
    const plan = checkOffPlan([
      item(null),
      item('skipped'),
      item('notDone'),
      item('done'),
      item(null),
      item('skipped'),
    ]);
    expect(plan.open).toHaveLength(2);
    expect(plan.skipped).toBe(2);
    expect(plan.notDone).toBe(1);
  });
  it('says how many were checked off and what was left alone', () => {
    expect(checkOffMessage('Health', 3, 0, 0)).toBe('Health: 3 practices checked off.');
    expect(checkOffMessage('Health', 1, 2, 0)).toBe('Health: 1 practice checked off. 2 skipped left as they are.');
    expect(checkOffMessage('Work', 2, 1, 1)).toBe(
      'Work: 2 practices checked off. 1 skipped and 1 not done left as they are.',
    );
    expect(checkOffMessage('Work', 2, 0, 1)).toBe('Work: 2 practices checked off. 1 not done left as it is.');
  });
  it('names the group on its button as a sentence reads it', () => {
    expect(checkOffLabel('Health', true)).toBe('Check off all in Health');
    expect(checkOffLabel('Your practices', false)).toBe('Check off all your practices');
    expect(checkOffLabel('Other practices', false)).toBe('Check off all other practices');
  });
});

describe('words for people', () => {
  it('orders the weekdays from the person’s week start', () => {
    expect(orderedWeekdays('sunday')[0]).toBe('sunday');
    expect(orderedWeekdays('sunday').at(-1)).toBe('saturday');
    expect(orderedWeekdays('monday')[0]).toBe('monday');
    expect(orderedWeekdays()).toHaveLength(7);
  });
  it('writes dates inside a server sentence like the rest of the app', () => {
    expect(datesInWords('Paused since 2026-11-21: strength stays at 40% until you resume.')).toBe(
      `Paused since ${mediumDate('2026-11-21')}: strength stays at 40% until you resume.`,
    );
  });
  it('turns a field message into a sentence naming the field', () => {
    expect(fieldSentence('Times', 'must be at least 1')).toBe('Times must be at least 1.');
    expect(fieldSentence('Times', 'cannot be more than the number of days')).toBe(
      'Times cannot be more than the number of days.',
    );
    expect(fieldSentence('The name', 'Give the practice a name.')).toBe('Give the practice a name.');
  });
  it('gives the calendar date of an instant in the person’s zone', () => {
    expect(isoDateIn('2026-11-22T03:00:00.000Z', 'America/New_York')).toBe('2026-11-21');
    expect(isoDateIn('2026-11-22T03:00:00.000Z', 'Europe/Berlin')).toBe('2026-11-22');
  });
});

describe('strength chart range', () => {
  const points = [
    { date: '2026-11-01', score: 0 },
    { date: '2026-11-02', score: 0.1 },
    { date: '2026-11-03', score: 0.25 },
    { date: '2026-11-04', score: 0.2 },
  ];
  it('starts at the practice’s first day when that is within the range', () => {
    expect(strengthPointsFrom(points, '2026-11-02').map((p) => p.date)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
    ]);
    expect(strengthPointsFrom(points, '2025-01-01')).toHaveLength(4);
    // Check-ins entered for days before the practice began are drawn too.
    expect(strengthPointsFrom(points, '2026-11-04').map((p) => p.date)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
    ]);
    expect(strengthPointsFrom(points, undefined)).toHaveLength(4);
  });
  it('says it in words, and something sensible for a practice with no strength yet', () => {
    expect(strengthSummary(strengthPointsFrom(points, '2026-11-02'))).toBe(
      `Strength went from 10% on ${mediumDate('2026-11-02')} to 20% on ${mediumDate('2026-11-04')}; the highest was 25% on ${mediumDate('2026-11-03')}.`,
    );
    expect(strengthSummary([{ date: '2026-11-21', score: 0 }])).toBe(
      `No strength yet since ${mediumDate('2026-11-21')}: it grows with each day you check in as done.`,
    );
    expect(strengthSummary([])).toBe('No strength yet: it starts with the first check-in.');
  });
});
