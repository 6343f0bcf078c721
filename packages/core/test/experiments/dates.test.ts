import { describe, expect, it } from 'vitest';
import type { ExperimentRecord } from '../../src/discovery/ports.ts';
import { decisionDateOf, experimentStatus, midpointOf } from '../../src/experiments/service.ts';

const record = (over: Partial<ExperimentRecord> = {}): ExperimentRecord => ({
  id: 'e',
  userId: 'u',
  version: 0,
  directionId: 'd',
  hypothesis: 'h',
  practiceIds: [],
  startDate: '2026-11-21',
  lengthWeeks: 6,
  decisionDate: '2027-01-02',
  decidedOn: null,
  notes: [],
  verdict: null,
  previousExperimentId: null,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  deletedAt: null,
  ...over,
});

describe('experiment dates', () => {
  it('decides after whole weeks and looks half-way (rounded to a day)', () => {
    expect(decisionDateOf('2026-11-21', 6)).toBe('2027-01-02');
    expect(midpointOf('2026-11-21', 6)).toBe('2026-12-12');
    expect(decisionDateOf('2026-11-21', 1)).toBe('2026-11-28');
    expect(midpointOf('2026-11-21', 1)).toBe('2026-11-25'); // 3.5 days rounds to 4
    expect(decisionDateOf('2026-02-01', 26)).toBe('2026-08-02');
  });

  it('is planned before its start, running until the decision date, then due, and decided with a verdict', () => {
    const e = record();
    expect(experimentStatus(e, '2026-11-20')).toBe('planned');
    expect(experimentStatus(e, '2026-11-21')).toBe('running');
    expect(experimentStatus(e, '2027-01-01')).toBe('running');
    expect(experimentStatus(e, '2027-01-02')).toBe('decisionDue');
    const decided = record({
      verdict: { verdict: 'letGo', learned: 'x', decidedOn: '2026-12-01', goalId: null, nextExperimentId: null },
    });
    expect(experimentStatus(decided, '2026-12-01')).toBe('decided');
  });
});
