import type { FrequencyDto } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import {
  adjustHint,
  appliedInWords,
  checkinsInAll,
  clock,
  comparisonInWords,
  completeWho5,
  dateInZone,
  decisionProblem,
  doneOfPlanned,
  energyWord,
  fieldInWords,
  futureWeekDates,
  lastWeekStillOpen,
  ratio,
  rejectedInWords,
  sameFrequency,
  saveStatusText,
  setDecision,
  setIntentionAnswer,
  setWho5,
  stepFromParam,
  strengthChange,
  timerWords,
  weekStartOf,
  who5Answered,
  withoutFields,
} from '../src/reviews/lib.ts';
import { asSentence } from '../src/ui/sentence.ts';

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
    // From the shown (rounded) percents: 82% → 80% is 2 points, 92% → 94% is 2 points.
    expect(strengthChange(0.824, 0.795)).toBe('down 2 points');
    expect(strengthChange(0.924, 0.9449)).toBe('up 2 points');
    expect(strengthChange(0.004, 0.006)).toBe('up 1 point');
  });

  it('keeps the step in the URL, one-based', () => {
    expect(stepFromParam(null)).toBe(0);
    expect(stepFromParam('3')).toBe(2);
    expect(stepFromParam('6')).toBe(5);
    expect(stepFromParam('7')).toBe(0);
    expect(stepFromParam('0')).toBe(0);
    expect(stepFromParam('2.5')).toBe(0);
    expect(stepFromParam('x')).toBe(0);
  });

  it('never says "Saved" for partial WHO-5 answers', () => {
    expect(who5Answered([3, null, 2, undefined, 0])).toBe(3);
    expect(saveStatusText('saved', 0)).toBe('Saved');
    expect(saveStatusText('saved', 5)).toBe('Saved');
    expect(saveStatusText('saved', 3)).toBe('3 of 5 WHO-5 statements answered. Answer all five to save them.');
    expect(saveStatusText('idle', 3)).toBe('3 of 5 WHO-5 statements answered. Answer all five to save them.');
    expect(saveStatusText('saving', 3)).toBe('Saving…');
    expect(saveStatusText('pending', 0)).toBe('Unsaved changes');
    expect(saveStatusText('idle', 0)).toBe('');
  });

  it('names a refused field in words and saves the others without it', () => {
    const answers = {
      line: 'ok',
      drained: 'x'.repeat(5000),
      decisions: [
        { practiceId: 'p1', decision: 'keep' as const },
        { practiceId: 'p2', decision: 'drop' as const, reason: 'y'.repeat(5000) },
      ],
      intentions: [{ intentionId: 'i1', answer: 'z'.repeat(5000) }],
    };
    const names = {
      practice: (id: string) => (id === 'p2' ? 'Loop habit 2' : undefined),
      intention: (id: string) => (id === 'i1' ? 'Be calm' : undefined),
    };
    expect(fieldInWords(answers, 'drained', names)).toBe('“What drained you?”');
    expect(fieldInWords(answers, 'decisions.1.reason', names)).toBe('your choice for “Loop habit 2”');
    expect(fieldInWords(answers, 'intentions.0.answer', names)).toBe('your answer for “Be calm”');
    expect(fieldInWords(answers, 'somewhere', names)).toBe('one of your answers');
    const tooBig = 'Too big: expected string to have <=4000 characters';
    expect(rejectedInWords(answers, [{ path: 'drained', message: tooBig }], names)).toBe(
      '“What drained you?” could not be saved: each answer can be up to 4,000 characters long. Shorten it and it will be saved with your next change. Your other answers are saved.',
    );
    expect(
      rejectedInWords(
        answers,
        [
          { path: 'drained', message: tooBig },
          { path: 'decisions.1.reason', message: tooBig },
        ],
        names,
      ),
    ).toMatch(/^“What drained you\?” and your choice for “Loop habit 2” could not be saved/);
    expect(rejectedInWords(answers, [{ path: 'decisions.1.practiceId', message: 'no such practice' }], names)).toBe(
      'Your choice for “Loop habit 2” could not be saved. Please check it; it will be sent again with your next change. Your other answers are saved.',
    );
    expect(withoutFields(answers, ['drained', 'decisions.1.reason', 'intentions.0.answer'])).toEqual({
      line: 'ok',
      decisions: [{ practiceId: 'p1', decision: 'keep' }],
      intentions: [],
    });
    expect(answers.drained).toHaveLength(5000);
    expect(asSentence('drained: Too big')).toBe('drained: Too big.');
    expect(asSentence('Please try again.')).toBe('Please try again.');
  });

  it('says the comparison answer as the question offered it', () => {
    expect(comparisonInWords(true)).toBe('Yes');
    expect(comparisonInWords(false)).toBe('No');
    expect(comparisonInWords(null)).toBe('Rather not say');
    expect(comparisonInWords(undefined)).toBe('Not answered');
  });

  it('says what completing did, with the new schedule and the drop reason', () => {
    expect(
      appliedInWords({
        name: 'Loop habit 2',
        decision: 'adjust',
        effectiveFrom: '2026-11-23',
        frequency: { kind: 'times', times: 2, days: 7 },
      }),
    ).toBe('Loop habit 2: schedule changed to 2× in 7 days, from Nov 23, 2026.');
    expect(
      appliedInWords({ name: 'Sit', decision: 'drop', effectiveFrom: '2026-11-22', reason: 'Not for me right now' }),
    ).toBe('Sit: dropped on Nov 22, 2026. Why: Not for me right now');
    expect(appliedInWords({ name: 'Run', decision: 'keep', effectiveFrom: null })).toBe('Run: kept as it was.');
  });

  it('reads the dates of a week that has not started, and dates instants in the profile zone', () => {
    expect(futureWeekDates('week: the week of 2026-11-22 has not started yet (this week started 2026-11-15)')).toEqual({
      week: '2026-11-22',
      current: '2026-11-15',
    });
    expect(futureWeekDates('something else')).toBeNull();
    expect(futureWeekDates(undefined)).toBeNull();
    expect(dateInZone('2026-11-21T23:30:00.000Z', 'Pacific/Auckland')).toBe('Nov 22, 2026');
    expect(dateInZone('2026-11-21T23:30:00.000Z', 'America/New_York')).toBe('Nov 21, 2026');
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

describe('doneOfPlanned', () => {
  it('says "none planned" rather than "0 of 0 done"', () => {
    expect(doneOfPlanned(2, 3)).toBe('2 of 3 done');
    expect(doneOfPlanned(0, 1)).toBe('0 of 1 done');
    expect(doneOfPlanned(0, 0)).toBe('none planned');
    expect(doneOfPlanned(2, 0)).toBe('2 done, none planned');
  });
});

describe('adjusting a schedule in the review', () => {
  const daily: FrequencyDto = { kind: 'times', times: 1, days: 1 };
  const monThu: FrequencyDto = { kind: 'weekdays', weekdays: ['monday', 'thursday'] };
  it('knows the same schedule in any order, and tells different ones apart', () => {
    expect(sameFrequency(daily, { kind: 'times', times: 1, days: 1 })).toBe(true);
    expect(sameFrequency(monThu, { kind: 'weekdays', weekdays: ['thursday', 'monday'] })).toBe(true);
    expect(sameFrequency(monThu, { kind: 'weekdays', weekdays: ['monday'] })).toBe(false);
    expect(sameFrequency(daily, { kind: 'times', times: 3, days: 7 })).toBe(false);
    expect(sameFrequency({ kind: 'interval', everyDays: 2 }, { kind: 'interval', everyDays: 2 })).toBe(true);
    expect(sameFrequency(daily, { kind: 'interval', everyDays: 1 })).toBe(false);
  });
  it('says when an "adjust" would keep the schedule it has now', () => {
    expect(adjustHint(daily, daily)).toBe('daily: the schedule it has now. Change it above, or choose Keep.');
    expect(adjustHint({ kind: 'times', times: 3, days: 7 }, daily)).toBe('3× in 7 days.');
    expect(adjustHint(daily, undefined)).toBe('daily.');
  });
});

describe('checkinsInAll', () => {
  it('counts one check-in in the singular', () => {
    expect(checkinsInAll(0)).toBe('0 check-ins in all');
    expect(checkinsInAll(1)).toBe('1 check-in in all');
    expect(checkinsInAll(12)).toBe('12 check-ins in all');
  });
});
