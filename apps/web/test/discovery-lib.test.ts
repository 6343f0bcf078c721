import type { Experiment } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../src/discovery/Advisor.tsx';
import {
  completePlans,
  experimentDates,
  experimentPhase,
  frequencyFrom,
  goalDuePassed,
  halfPlanProblems,
  horizonTakesWeek,
  isoWeekOf,
  learningProgressInWords,
  mondayOfIsoWeek,
  notesInWords,
  personIsoWeekOf,
  previousIsoWeek,
  quarterInWords,
  weekInWords,
} from '../src/discovery/lib.ts';
import { mediumDate } from '../src/practices/lib.ts';

describe('words', () => {
  it('says a learning goal’s progress plainly, also when nothing is in it yet', () => {
    const none = { strategies: 0, strategiesTried: 0, reflections: 0, evidence: 0 };
    expect(learningProgressInWords(none)).toBe('Just started: no strategies or evidence yet.');
    expect(learningProgressInWords({ ...none, strategies: 1 })).toBe('Tried 0 of 1 strategy, no evidence yet.');
    expect(learningProgressInWords({ strategies: 3, strategiesTried: 2, reflections: 1, evidence: 1 })).toBe(
      'Tried 2 of 3 strategies, 1 reflection, 1 piece of evidence.',
    );
    expect(learningProgressInWords({ ...none, evidence: 2 })).toBe('No strategies yet, 2 pieces of evidence.');
  });
  it('names a quarter by its months', () => {
    expect(quarterInWords('2026-Q4', 'en-US')).toBe('Oct–Dec 2026');
    expect(quarterInWords('2027-Q1', 'en-US')).toBe('Jan–Mar 2027');
    expect(quarterInWords('nonsense', 'en-US')).toBe('nonsense');
  });
});

describe('ISO weeks', () => {
  it('numbers weeks from Monday, with the year of their Thursday', () => {
    expect(isoWeekOf('2026-11-21')).toBe('2026-W47');
    expect(isoWeekOf('2026-11-16')).toBe('2026-W47');
    expect(isoWeekOf('2026-11-15')).toBe('2026-W46');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });
  it('finds the Monday and the week before', () => {
    expect(mondayOfIsoWeek('2026-W47')).toBe('2026-11-16');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
  });
});

describe('experiments', () => {
  it('puts the mid-point half-way and the decision date whole weeks after the start', () => {
    expect(experimentDates('2026-11-02', 6)).toEqual({ midpoint: '2026-11-23', decision: '2026-12-14' });
    expect(experimentDates('2026-11-02', 1)).toEqual({ midpoint: '2026-11-06', decision: '2026-11-09' });
  });
  it('knows when to prompt at the mid-point and at the end', () => {
    const e = {
      startDate: '2026-11-02',
      midpointDate: '2026-11-23',
      decisionDate: '2026-12-14',
      status: 'running',
      verdict: null,
    } as unknown as Experiment;
    expect(experimentPhase(e, '2026-11-01')).toBe('planned');
    expect(experimentPhase(e, '2026-11-10')).toBe('early');
    expect(experimentPhase(e, '2026-11-23')).toBe('midpoint');
    expect(experimentPhase(e, '2026-12-14')).toBe('decide');
    expect(experimentPhase({ ...e, verdict: {} } as unknown as Experiment, '2026-12-20')).toBe('decided');
  });
});

describe('form helpers', () => {
  it('reads a frequency only when it is complete', () => {
    const base = { freqKind: 'times' as const, times: '3', days: '7', weekdays: [], everyDays: '2' };
    expect(frequencyFrom(base)).toEqual({ kind: 'times', times: 3, days: 7 });
    expect(frequencyFrom({ ...base, times: '' })).toBeUndefined();
    expect(frequencyFrom({ ...base, freqKind: 'weekdays' })).toBeUndefined();
    expect(frequencyFrom({ ...base, freqKind: 'weekdays', weekdays: ['thursday', 'monday'] })).toEqual({
      kind: 'weekdays',
      weekdays: ['monday', 'thursday'],
    });
  });
  it('keeps complete if-then plans and flags the half-filled ones', () => {
    expect(
      halfPlanProblems([
        { cue: 'it rains', action: ' ' },
        { cue: '', action: 'I stretch' },
        { cue: '', action: '' },
        { cue: 'a', action: 'b' },
      ]),
    ).toEqual({
      'ifThen.0.action': 'Say what you will do then, or remove this plan.',
      'ifThen.1.cue': 'Say when this plan applies, or remove it.',
    });
    expect(
      completePlans([
        { cue: ' it rains ', action: ' I stretch ' },
        { cue: 'half', action: '' },
      ]),
    ).toEqual([{ cue: 'it rains', action: 'I stretch' }]);
  });
  it('needs the six advisor answers; self-efficacy defaults to medium', () => {
    const six = {
      control: 'low',
      novelty: 'new',
      context: 'changing',
      capability: 'none',
      why: 'ownValues',
      structure: 'neutral',
    } as const;
    expect(completeAnswers({ ...six, structure: undefined })).toBeUndefined();
    expect(completeAnswers(six)).toEqual({ ...six, selfEfficacy: 'medium' });
  });
});

describe("the person's week as an ISO week name", () => {
  it('names Sunday weeks after the Monday inside them, like the weekly review', () => {
    // Sunday Nov 22, 2026: last day of 2026-W47 for Monday weeks, first day of the week named W48 for Sunday weeks.
    expect(personIsoWeekOf('2026-11-22', 'monday')).toBe('2026-W47');
    expect(personIsoWeekOf('2026-11-22', 'sunday')).toBe('2026-W48');
    expect(personIsoWeekOf('2026-11-21', 'saturday')).toBe('2026-W48');
    expect(personIsoWeekOf('2026-11-20', 'saturday')).toBe('2026-W47');
    // Across the year end: Sunday Dec 28, 2025 starts the week named 2026-W01.
    expect(personIsoWeekOf('2025-12-28', 'sunday')).toBe('2026-W01');
  });
  it("says a week from the person's first day", () => {
    expect(weekInWords('2026-W48', 'sunday')).toBe(`Week 48 · from ${mediumDate('2026-11-22')}`);
    expect(weekInWords('2026-W48')).toBe(`Week 48 · from ${mediumDate('2026-11-23')}`);
  });
});

describe('which weeks an intention takes answers for', () => {
  it('takes any week when open, and weeks reaching into its quarter or year otherwise', () => {
    expect(horizonTakesWeek({ kind: 'open' }, '2026-W47')).toBe(true);
    const q4 = { kind: 'quarter' as const, quarter: '2026-Q4' };
    expect(horizonTakesWeek(q4, '2026-W47')).toBe(true);
    expect(horizonTakesWeek(q4, '2026-W40')).toBe(true); // Sep 28 – Oct 4
    expect(horizonTakesWeek(q4, '2026-W39')).toBe(false);
    expect(horizonTakesWeek(q4, '2026-W53')).toBe(true); // Dec 28 – Jan 3
    const y2027 = { kind: 'year' as const, year: 2027, theme: 'Slow' };
    expect(horizonTakesWeek(y2027, '2026-W47')).toBe(false);
    expect(horizonTakesWeek(y2027, '2026-W53')).toBe(true);
  });
});

describe('goalDuePassed', () => {
  it('compares the due date with today as dates, not as text', () => {
    const open = { dueDate: '2027-03-01', status: 'active' as const };
    expect(goalDuePassed(open, '2026-11-22')).toBe(false);
    expect(goalDuePassed(open, '2027-03-01')).toBe(false);
    expect(goalDuePassed(open, '2027-03-02')).toBe(true);
    expect(goalDuePassed({ ...open, status: 'exploring' }, '2027-12-31')).toBe(true);
    expect(goalDuePassed({ ...open, status: 'paused' }, '2027-12-31')).toBe(true);
  });

  it('says nothing for a goal that is closed, has no date, or while today is not known', () => {
    expect(goalDuePassed({ dueDate: '2026-01-01', status: 'achieved' }, '2026-11-22')).toBe(false);
    expect(goalDuePassed({ dueDate: '2026-01-01', status: 'letGo' }, '2026-11-22')).toBe(false);
    expect(goalDuePassed({ dueDate: null, status: 'active' }, '2026-11-22')).toBe(false);
    expect(goalDuePassed({ dueDate: '2026-01-01', status: 'active' }, undefined)).toBe(false);
  });
});

describe('notesInWords', () => {
  it('counts an experiment’s notes without "0 draining note"', () => {
    expect(notesInWords(0, 0, 0)).toBe('No notes yet.');
    expect(notesInWords(1, 1, 0)).toBe('1 note: 1 energising, 0 draining.');
    expect(notesInWords(3, 2, 1)).toBe('3 notes: 2 energising, 1 draining.');
  });
});
