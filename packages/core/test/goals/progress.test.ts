import { describe, expect, it } from 'vitest';
import type { GoalRecord } from '../../src/discovery/ports.ts';
import { goalProgress } from '../../src/goals/service.ts';

const goal = (over: Partial<GoalRecord>): GoalRecord => ({
  id: 'g',
  userId: 'u',
  version: 0,
  kind: 'performance',
  status: 'active',
  title: 't',
  why: null,
  learnings: null,
  directionId: null,
  intentionId: null,
  ifThen: [],
  metric: null,
  dueDate: null,
  keyResults: [],
  whatToLearn: null,
  strategies: [],
  evidence: [],
  revisions: 0,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  deletedAt: null,
  ...over,
});

describe('goal progress', () => {
  it('measures a performance goal from baseline to target, either direction, clamped to 0…100', () => {
    const metric = { name: 'm', unit: 'kg', baseline: 90, target: 80 };
    expect(goalProgress(goal({ metric: { ...metric, current: 85 } }))).toMatchObject({ percent: 50 });
    expect(goalProgress(goal({ metric }))).toMatchObject({ percent: 0 });
    expect(goalProgress(goal({ metric: { ...metric, current: 75 } }))).toMatchObject({ percent: 100 });
    expect(goalProgress(goal({ metric: { ...metric, current: 95 } }))).toMatchObject({ percent: 0 });
    expect(goalProgress(goal({ metric: { ...metric, target: 90 } }))).toMatchObject({ percent: null });
    expect(goalProgress(goal({}))).toMatchObject({ percent: null });
  });

  it('gives key results their own percent and confidence (none when the target is 0)', () => {
    const p = goalProgress(
      goal({
        keyResults: [
          { id: 'a', title: 'a', target: 3, current: 1, unit: null, confidence: 7 },
          { id: 'b', title: 'b', target: 0, current: 1, unit: null, confidence: 2 },
        ],
      }),
    );
    expect(p).toMatchObject({
      keyResults: [
        { id: 'a', percent: 33.3, confidence: 7 },
        { id: 'b', percent: null, confidence: 2 },
      ],
    });
  });

  it('describes a learning goal by strategies tried and reflections, never a percent', () => {
    const p = goalProgress(
      goal({
        kind: 'learning',
        strategies: [
          { id: '1', text: 'a', tried: true, reflection: 'worked' },
          { id: '2', text: 'b', tried: true, reflection: null },
          { id: '3', text: 'c', tried: false, reflection: null },
        ],
        evidence: [{ id: 'e', date: '2026-11-20', text: 'x' }],
      }),
    );
    expect(p).toEqual({
      kind: 'learning',
      strategiesTried: 2,
      strategies: 3,
      reflections: 1,
      evidence: 1,
      summary: 'Tried 2 of 3 strategies; 1 reflection; 1 piece of evidence.',
    });
  });
});
