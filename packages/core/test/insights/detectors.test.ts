import { describe, expect, it } from 'vitest';
import {
  detectComparison,
  detectRigidity,
  detectStrain,
  detectTunnelVision,
  detectUnrealisticExpectations,
  type StrainInput,
  PITFALL_THRESHOLDS as T,
} from '../../src/index.ts';

const weeks = (pairs: Array<[planned: number, done: number]>) =>
  pairs.map(([planned, done], i) => ({ weekStart: `2026-10-${String(5 + i * 7).padStart(2, '0')}`, planned, done }));

describe('P1 unrealistic expectations', () => {
  it('fires after three weeks in a row under half of what was planned, with the numbers', () => {
    const [i, ...rest] = detectUnrealisticExpectations([
      {
        practiceId: 'p1',
        name: 'Run daily',
        weeks: weeks([
          [7, 6],
          [7, 3],
          [7, 2],
          [7, 1],
        ]),
      },
    ]);
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ key: 'P1-p1', pitfall: 'P1', subject: { kind: 'practice', id: 'p1' } });
    expect(i!.explanation).toContain('6 of 21');
    expect(i!.suggestion).toMatch(/lower frequency|learning goal/);
    expect(i!.source).toContain('Ordóñez');
    expect(i!.evidence).toContainEqual({ label: 'weeks in a row under the threshold', value: 3 });
  });

  it('stays silent on healthy histories and right at the threshold', () => {
    const half = Math.ceil(7 * T.P1.ratioBelow * 2) / 2; // 3.5 → done 4 of 7 is not under 50%
    expect(
      detectUnrealisticExpectations([
        {
          practiceId: 'a',
          name: 'Healthy',
          weeks: weeks([
            [7, 7],
            [7, 6],
            [7, 5],
          ]),
        },
        // Two bad weeks are not three.
        {
          practiceId: 'b',
          name: 'Two bad weeks',
          weeks: weeks([
            [7, 7],
            [7, 1],
            [7, 1],
          ]),
        },
        // Exactly half is not under half.
        {
          practiceId: 'c',
          name: 'Half',
          weeks: weeks([
            [4, 2],
            [4, 2],
            [4, 2],
          ]),
        },
        // A recent good week ends the run.
        {
          practiceId: 'd',
          name: 'Recovered',
          weeks: weeks([
            [7, 1],
            [7, 1],
            [7, 1],
            [7, Math.ceil(half)],
          ]),
        },
        // Nothing planned (a paused week) is no failure.
        {
          practiceId: 'e',
          name: 'Paused',
          weeks: weeks([
            [0, 0],
            [0, 0],
            [0, 0],
          ]),
        },
      ]),
    ).toEqual([]);
  });
});

describe('P2 rigidity', () => {
  it('fires for a goal never revised whose milestones slipped repeatedly', () => {
    const out = detectRigidity([{ goalId: 'g', title: 'Speak Spanish', revisions: 0, milestoneSlips: T.P2.minSlips }]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ key: 'P2-g', pitfall: 'P2', subject: { kind: 'goal', id: 'g' } });
    expect(out[0]!.suggestion).toMatch(/Revise/);
  });
  it('stays silent when the goal was revised, or slipped only once', () => {
    expect(
      detectRigidity([
        { goalId: 'a', title: 'Revised', revisions: T.P2.maxRevisions + 1, milestoneSlips: 5 },
        { goalId: 'b', title: 'One slip', revisions: 0, milestoneSlips: T.P2.minSlips - 1 },
      ]),
    ).toEqual([]);
  });
});

describe('P3 tunnel vision', () => {
  const area = (areaId: string, checkins: number, active = true) => ({ areaId, name: areaId, active, checkins });
  it('fires when one area takes over 70% and another active area gets nothing', () => {
    const i = detectTunnelVision([area('Work', 12), area('Health', 0), area('Friends', 3)]);
    expect(i).toMatchObject({ key: 'P3', subject: { kind: 'area', id: 'Work' } });
    expect(i!.explanation).toContain('12 of your 15');
    expect(i!.explanation).toContain('"Health"');
  });
  it('stays silent on a balanced or quiet history', () => {
    expect(detectTunnelVision([area('Work', 7), area('Health', 3), area('Friends', 0)])).toBeNull(); // 70%, not over
    expect(detectTunnelVision([area('Work', 10), area('Health', 1)])).toBeNull(); // every area got some
    expect(detectTunnelVision([area('Work', 10), area('Old', 0, false)])).toBeNull(); // the empty area is not active
    expect(detectTunnelVision([area('Work', T.P3.minCheckins - 1), area('Health', 0)])).toBeNull(); // too few
  });
});

describe('P4 stress and burnout', () => {
  const calm: StrainInput = {
    energyWeeks: [
      { weekStart: '2026-10-26', average: 1, marks: 5 },
      { weekStart: '2026-11-02', average: 1.2, marks: 5 },
      { weekStart: '2026-11-09', average: 0.8, marks: 5 },
    ],
    restWindow: { days: 21, activeDays: 15, firstCheckinDaysAgo: 60 },
    who5: [
      { weekStart: '2026-11-02', raw: 18 },
      { weekStart: '2026-11-09', raw: 17 },
    ],
  };
  it('stays silent on a calm history', () => {
    expect(detectStrain(calm)).toBeNull();
  });
  it('fires when energy falls three weeks in a row', () => {
    const i = detectStrain({
      ...calm,
      energyWeeks: [
        { weekStart: '2026-10-26', average: 1.5, marks: 4 },
        { weekStart: '2026-11-02', average: 0.5, marks: 3 },
        { weekStart: '2026-11-09', average: -1, marks: 2 },
      ],
    });
    expect(i?.key).toBe('P4');
    expect(i!.explanation).toContain('energy');
    expect(i!.explanation).toContain('not a diagnosis');
    expect(i!.suggestion).toMatch(/pausing your stretch goals/);
  });
  it('does not read a trend into too few marks or a tiny fall', () => {
    const few = calm.energyWeeks.map((w, i) => ({ ...w, average: 1 - i, marks: T.P4.minMarksPerWeek - 1 }));
    expect(detectStrain({ ...calm, energyWeeks: few })).toBeNull();
    const tiny = calm.energyWeeks.map((w, i) => ({ ...w, average: 1 - i * 0.1 }));
    expect(detectStrain({ ...calm, energyWeeks: tiny })).toBeNull();
  });
  it('fires after weeks without a rest day, but not for someone new', () => {
    expect(
      detectStrain({ ...calm, restWindow: { days: 21, activeDays: 21, firstCheckinDaysAgo: 40 } })?.explanation,
    ).toContain('day off');
    expect(detectStrain({ ...calm, restWindow: { days: 21, activeDays: 21, firstCheckinDaysAgo: 10 } })).toBeNull();
    expect(detectStrain({ ...calm, restWindow: { days: 21, activeDays: 20, firstCheckinDaysAgo: 40 } })).toBeNull();
  });
  it('fires on a WHO-5 raw score under 13, or a fall of 10 points on the 0–100 scale', () => {
    const low = detectStrain({ ...calm, who5: [{ weekStart: '2026-11-09', raw: 12 }] });
    expect(low?.evidence).toContainEqual({ label: 'WHO-5 raw score, week of 2026-11-09 (0–25)', value: 12 });
    expect(detectStrain({ ...calm, who5: [{ weekStart: '2026-11-09', raw: 13 }] })).toBeNull();
    const fall = detectStrain({
      ...calm,
      who5: [
        { weekStart: '2026-11-02', raw: 20 },
        { weekStart: '2026-11-09', raw: 17 },
      ],
    });
    expect(fall?.evidence).toContainEqual({ label: 'WHO-5 change (0–100)', value: -12 });
    const small = detectStrain({
      ...calm,
      who5: [
        { weekStart: '2026-11-02', raw: 20 },
        { weekStart: '2026-11-09', raw: 18 },
      ],
    });
    expect(small).toBeNull();
  });
});

describe('P5 comparison', () => {
  const answers = (...c: Array<boolean | null>) => c.map((compared, i) => ({ weekStart: `w${i}`, compared }));
  it('fires after yes in 3 of the last 4 reviews (newest first)', () => {
    const i = detectComparison(answers(true, false, true, true, false));
    expect(i).toMatchObject({ key: 'P5', pitfall: 'P5' });
    expect(i!.suggestion).toContain('never ranks people');
  });
  it('stays silent on 2 of 4, on older answers, and on unanswered weeks', () => {
    expect(detectComparison(answers(true, false, true, false))).toBeNull();
    expect(detectComparison(answers(false, false, null, true, true, true))).toBeNull();
    expect(detectComparison(answers(true, true, null, null))).toBeNull();
  });
});
