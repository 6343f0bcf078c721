import { describe, expect, it } from 'vitest';
import {
  clock,
  completeWho5,
  decisionProblem,
  energyWord,
  lastWeekStillOpen,
  ratio,
  setDecision,
  setIntentionAnswer,
  setWho5,
  strengthChange,
  timerWords,
  weekStartOf,
} from '../src/reviews/lib.ts';

describe('review helpers', () => {
  it('shows the timer calmly, also past ten minutes', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65.9)).toBe('1:05');
    expect(clock(754)).toBe('12:34');
    expect(timerWords(0)).toBe('About 10 minutes to go');
    expect(timerWords(9 * 60 + 30)).toBe('About 1 minute to go');
    expect(timerWords(11 * 60)).toBe('Ten minutes is a guide, not a limit');
  });

  it('computes done ÷ planned, and nothing when nothing was planned', () => {
    expect(ratio(3, 7)).toBe(43);
    expect(ratio(0, 0)).toBeNull();
  });

  it('says the strength change in points', () => {
    expect(strengthChange(0.38, 0.39)).toBe('up 1 point');
    expect(strengthChange(0.5, 0.3)).toBe('down 20 points');
    expect(strengthChange(0.5, 0.501)).toBe('unchanged');
  });

  it('replaces one decision per practice and checks adjust has a schedule', () => {
    const a = setDecision({}, { practiceId: 'p1', decision: 'drop', reason: 'too much' });
    const b = setDecision(a, { practiceId: 'p1', decision: 'keep' });
    expect(b.decisions).toEqual([{ practiceId: 'p1', decision: 'keep' }]);
    expect(decisionProblem({ practiceId: 'p1', decision: 'adjust' })).toBe('choose the new schedule');
    expect(
      decisionProblem({ practiceId: 'p1', decision: 'adjust', frequency: { kind: 'weekdays', weekdays: [] } }),
    ).toBe('choose at least one weekday');
    expect(
      decisionProblem({ practiceId: 'p1', decision: 'adjust', frequency: { kind: 'times', times: 2, days: 7 } }),
    ).toBeUndefined();
  });

  it('keeps intention answers one per intention, dropping empty ones', () => {
    const a = setIntentionAnswer({}, 'i1', 'in the stand-up');
    expect(setIntentionAnswer(a, 'i1', 'at lunch').intentions).toEqual([{ intentionId: 'i1', answer: 'at lunch' }]);
    expect(setIntentionAnswer(a, 'i1', '').intentions).toEqual([]);
  });

  it('sends WHO-5 only when all five are answered', () => {
    let v: Array<number | null> = [null, null, null, null, null];
    for (let i = 0; i < 4; i++) v = setWho5(v, i, 3);
    expect(completeWho5(v)).toBeNull();
    v = setWho5(v, 4, 0);
    expect(completeWho5(v)).toEqual([3, 3, 3, 3, 0]);
  });

  it('finds the Monday of a week and words energy', () => {
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16');
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16');
    // The person's own week start: Sunday weeks, Saturday weeks.
    expect(weekStartOf('2026-11-22', 'sunday')).toBe('2026-11-22');
    expect(weekStartOf('2026-11-21', 'sunday')).toBe('2026-11-15');
    expect(weekStartOf('2026-11-20', 'saturday')).toBe('2026-11-14');
    expect(weekStartOf('2026-11-21', 'saturday')).toBe('2026-11-21');
    expect(energyWord(2)).toBe('energised');
    expect(energyWord(-1)).toBe('a bit drained');
    expect(energyWord(0.2)).toBe('neutral');
  });

  it("points to last week's review in the first three days of a week, while it is still open", () => {
    // A Sunday week: 2026-11-22 … 2026-11-28; last week 2026-11-15 … 2026-11-21.
    const base = { weekStart: '2026-11-22', accountCreatedAt: '2026-11-01T09:00:00.000Z', reviews: [] };
    expect(lastWeekStillOpen({ ...base, today: '2026-11-22' })).toBe('2026-11-15');
    expect(lastWeekStillOpen({ ...base, today: '2026-11-24' })).toBe('2026-11-15');
    expect(lastWeekStillOpen({ ...base, today: '2026-11-25' })).toBeNull();
    const draft = [{ weekStart: '2026-11-15', status: 'draft' as const }];
    expect(lastWeekStillOpen({ ...base, today: '2026-11-22', reviews: draft })).toBe('2026-11-15');
    const done = [{ weekStart: '2026-11-15', status: 'completed' as const }];
    expect(lastWeekStillOpen({ ...base, today: '2026-11-22', reviews: done })).toBeNull();
    // Someone who started this week had no last week to review.
    expect(
      lastWeekStillOpen({ ...base, today: '2026-11-22', accountCreatedAt: '2026-11-22T07:00:00.000Z' }),
    ).toBeNull();
  });
});
