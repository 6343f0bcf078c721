import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CheckIn,
  computeStrength,
  describeStrength,
  explainStrength,
  type ScheduleVersion,
} from '../../src/index.ts';
import { daily, timesIn } from './helpers.ts';

const TODAY = '2026-06-30';
const ago = (n: number) => addDays(TODAY, -n);
const done = (from: number, to: number): CheckIn[] => {
  const out: CheckIn[] = [];
  for (let i = from; i >= to; i--) out.push({ date: ago(i), status: 'done' });
  return out;
};

describe('explainStrength', () => {
  it('no check-ins yet', () => {
    const e = describeStrength({ kind: 'boolean', versions: daily, entries: [], today: TODAY });
    expect(e).toEqual({
      state: 'none',
      score: null,
      percent: null,
      text: 'No check-ins yet: strength starts with your first one.',
    });
    // Check-ins after today do not count either.
    expect(describeStrength({ kind: 'boolean', versions: daily, entries: done(-1, -2), today: TODAY }).state).toBe(
      'none',
    );
  });

  it('high: reassures that a missed day costs little', () => {
    const text = explainStrength({ kind: 'boolean', versions: daily, entries: done(120, 0), today: TODAY });
    expect(text).toBe('100%: you did 7 of the last 7 planned days. A missed day costs little; a return recovers fast.');
  });

  it('counts today only once it has a check-in, and leaves skipped days out', () => {
    const entries: CheckIn[] = [...done(120, 1).filter((e) => e.date !== ago(3) && e.date !== ago(5))];
    entries.push({ date: ago(5), status: 'skipped' });
    const e = describeStrength({ kind: 'boolean', versions: daily, entries, today: TODAY });
    expect(e.state).toBe('high');
    // Planned: days 1, 2, 3, 4, 6, 7, 8 (today pending, day 5 skipped); day 3 missed.
    expect(e.text).toMatch(/^9\d%: you did 6 of the last 7 planned days\./);
  });

  it('low: encourages without judging', () => {
    const e = describeStrength({ kind: 'boolean', versions: daily, entries: done(3, 0), today: TODAY });
    expect(e.state).toBe('low');
    expect(e.percent).toBe(19);
    expect(e.text).toBe(
      '19%: you did 4 of the last 4 planned days. Strength builds over weeks, not days; every check-in moves it up.',
    );
  });

  it('building: the middle range', () => {
    const e = describeStrength({ kind: 'boolean', versions: daily, entries: done(20, 0), today: TODAY });
    expect(e.state).toBe('building');
    expect(e.text).toMatch(/^67%: you did 7 of the last 7 planned days\. Strength is building/);
  });

  it('recovering: rising again after a drop', () => {
    // Two months daily, a month away, then back for the last week.
    const entries = [...done(100, 40), ...done(6, 0)];
    const e = describeStrength({ kind: 'boolean', versions: daily, entries, today: TODAY });
    expect(e.state).toBe('recovering');
    expect(e.text).toMatch(/^\d+% and rising: you did 7 of the last 7 planned days\. You are back/);
    // Without the drop, the same week reads as plain low.
    expect(describeStrength({ kind: 'boolean', versions: daily, entries: done(6, 0), today: TODAY }).state).toBe('low');
  });

  it('paused: the score is held', () => {
    const entries = done(60, 10);
    const pauses = [{ from: ago(9), to: null }];
    const e = describeStrength({ kind: 'boolean', versions: daily, entries, pauses, today: TODAY });
    const held = computeStrength({ kind: 'boolean', versions: daily, entries, until: ago(10) }).at(-1)!.score;
    expect(e.state).toBe('paused');
    expect(e.score).toBe(held);
    expect(e.text).toBe(`Paused since ${ago(9)}: strength stays at ${Math.round(held * 100)}% until you resume.`);
  });

  it('times in days: reports against the plan for the window', () => {
    const entries: CheckIn[] = [
      ...done(200, 8).filter((_, i) => i % 3 === 0),
      { date: ago(1), status: 'done' },
      { date: ago(4), status: 'done' },
    ];
    const text = explainStrength({ kind: 'boolean', versions: timesIn(3, 7), entries, today: TODAY });
    expect(text).toMatch(/^\d+%: you did 2 of the 3 planned in the last 7 days\./);
    const monthly = explainStrength({ kind: 'boolean', versions: timesIn(2, 30), entries, today: TODAY });
    expect(monthly).toMatch(/: you did it 10 times in the last 30 days, more than the 2 planned\./);
    // More than planned is said as such, not "6 of the 5".
    const eager = [1, 2, 3, 4, 5, 6].map((n) => ({ date: ago(n), status: 'done' as const }));
    const more = explainStrength({ kind: 'boolean', versions: timesIn(5, 7), entries: eager, today: TODAY });
    expect(more).toMatch(/^\d+%: you did it 6 times in the last 7 days, more than the 5 planned\./);
  });

  it('weekdays: counts the listed days', () => {
    // 2026-06-30 is a Tuesday. Mondays and Thursdays for months, the last Thursday missed.
    const versions: ScheduleVersion[] = [
      { effectiveFrom: '2026-01-01', frequency: { kind: 'weekdays', weekdays: ['monday', 'thursday'] } },
    ];
    const entries: CheckIn[] = [];
    for (let i = 150; i >= 0; i--) {
      const d = ago(i);
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      if ((dow === 1 || dow === 4) && d !== '2026-06-25') entries.push({ date: d, status: 'done' });
    }
    expect(explainStrength({ kind: 'boolean', versions, entries, today: TODAY })).toMatch(
      /^\d+%: you did 6 of the last 7 planned days\./,
    );
  });

  it('accepts a series the caller already computed', () => {
    const input = { kind: 'boolean' as const, versions: daily, entries: done(30, 0), today: TODAY };
    const points = computeStrength({ ...input, until: TODAY });
    expect(describeStrength({ ...input, points })).toEqual(describeStrength(input));
  });
});

describe('explainStrength for a limit (measurable, at most)', () => {
  const sugar = { kind: 'measurable' as const, target: 2, targetType: 'atMost' as const, versions: daily };
  it('reports the amount against the limit, not days "done"', () => {
    const none = explainStrength({ ...sugar, entries: [{ date: TODAY, status: 'notDone' }], today: TODAY });
    expect(none).toMatch(/^100%: 0 today, within your limit of 2\./);
    const over = explainStrength({ ...sugar, entries: [{ date: TODAY, status: 'done', value: 5 }], today: TODAY });
    expect(over).toContain('5 today, over your limit of 2');
    expect(over).not.toContain('you did');
  });
  it('adds up the schedule window for a weekly limit', () => {
    const weekly = { ...sugar, target: 10, versions: timesIn(1, 7) };
    const entries: CheckIn[] = [
      { date: ago(2), status: 'done', value: 4 },
      { date: ago(1), status: 'done', value: 3.5 },
      { date: ago(9), status: 'done', value: 50 },
    ];
    expect(explainStrength({ ...weekly, entries, today: TODAY })).toContain(
      '7.5 in the last 7 days, within your limit of 10',
    );
  });
  it('counts the days that reached a per-day target (as Today and the review do), not every day logged', () => {
    const water = { kind: 'measurable' as const, target: 6, targetType: 'atLeast' as const, versions: daily };
    expect(explainStrength({ ...water, entries: [{ date: TODAY, status: 'done', value: 7 }], today: TODAY })).toContain(
      'you reached your target on 1 of the last 1 planned day',
    );
    const week: CheckIn[] = [];
    for (let i = 9; i >= 0; i--) week.push({ date: ago(i), status: 'done', value: i === 3 ? 3 : i === 0 ? 4 : 7 });
    expect(explainStrength({ ...water, entries: week, today: TODAY })).toContain(
      'you reached your target on 5 of the last 7 planned days',
    );
    // A target over several days ("at least 20 km a week") is not judged day by day: days done are counted.
    const weekly = { ...water, target: 20, versions: timesIn(7, 7) };
    expect(explainStrength({ ...weekly, entries: week, today: TODAY })).toContain(
      'you did 7 of the last 7 planned days',
    );
  });
});
