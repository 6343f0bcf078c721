import type { Experiment } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../src/discovery/Advisor.tsx';
import {
  completePlans,
  experimentDates,
  experimentPhase,
  frequencyFrom,
  isoWeekOf,
  mondayOfIsoWeek,
  parseAmount,
  previousIsoWeek,
} from '../src/discovery/lib.ts';

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
  it('parses amounts with a comma and keeps only complete if-then plans', () => {
    expect(parseAmount('1,5')).toBe(1.5);
    expect(parseAmount(' ')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
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
