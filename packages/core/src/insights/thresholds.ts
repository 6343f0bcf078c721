/**
 * Every threshold the pitfall detectors use, in one place (METHOD.md §4: "Thresholds live in one
 * place and are tested both ways"). Change a number here and the tests on both sides of it move.
 */
export const PITFALL_THRESHOLDS = {
  /** Unrealistic expectations: done ÷ planned under `ratioBelow` for `consecutiveWeeks` weeks in a row. */
  P1: { ratioBelow: 0.5, consecutiveWeeks: 3, weeksLookedAt: 8 },
  /** Rigidity: a goal revised at most `maxRevisions` times while its milestones slipped `minSlips` times. */
  P2: { maxRevisions: 0, minSlips: 2 },
  /**
   * Tunnel vision: over `windowDays`, one area takes more than `shareAbove` of the check-ins (of at
   * least `minCheckins`) while another active area gets none.
   */
  P3: { windowDays: 14, shareAbove: 0.7, minCheckins: 5 },
  /**
   * Stress and burnout: weekly average energy falling for `energyWeeks` weeks (each with at least
   * `minMarksPerWeek` marks) by at least `minEnergyDrop` in all; or no rest day in `restWindowDays`
   * (a rest day: nothing done beyond daily routines, the practices planned every day); or WHO-5 raw under `who5RawBelow` (0–25), or a fall of
   * `who5DropPoints` or more on the 0–100 scale since the previous answer.
   */
  P4: {
    energyWeeks: 3,
    minMarksPerWeek: 2,
    minEnergyDrop: 0.5,
    restWindowDays: 21,
    who5RawBelow: 13,
    who5DropPoints: 10,
  },
  /** Comparison: answered yes in at least `yesAtLeast` of the last `lastReviews` completed reviews. */
  P5: { lastReviews: 4, yesAtLeast: 3 },
} as const;

export type PitfallThresholds = typeof PITFALL_THRESHOLDS;
