import type { Insight, PitfallId } from '@tack/contracts';
import { PITFALL_THRESHOLDS } from './thresholds.ts';

/**
 * The pitfall detectors (METHOD.md §4). Pure functions over plain inputs: they suggest, never
 * diagnose, and every insight carries the numbers that made it appear.
 */

const ORDONEZ =
  'Ordóñez, Schweitzer, Galinsky & Bazerman (2009), "Goals gone wild", Academy of Management Perspectives 23(1)';

export const PITFALLS: Record<PitfallId, { title: string; source: string }> = {
  P1: {
    title: 'Expectations may be set too high',
    source: `${ORDONEZ}; learning goals when the task is new: Seijts & Latham (2001) (advisor rules R1, R4)`,
  },
  P2: {
    title: 'A goal may need revising',
    source: `${ORDONEZ}; revisable checkpoints under uncertainty: Latham & Seijts (1999) (advisor rule R3)`,
  },
  P3: { title: 'One area is taking almost everything', source: ORDONEZ },
  P4: {
    title: 'Signs of strain: time to recover?',
    source: `${ORDONEZ}; WHO-5 cut-offs: Topp, Østergaard, Søndergaard & Bech (2015)`,
  },
  P5: { title: 'Comparing yourself with others', source: `${ORDONEZ}. Tack never ranks people.` },
};

const pct = (x: number) => Math.round(x * 100);

// ── P1 unrealistic expectations ──

export interface PracticeWeeks {
  practiceId: string;
  name: string;
  /** Completed weeks, oldest first. */
  weeks: ReadonlyArray<{ weekStart: string; planned: number; done: number }>;
}

/** Fires for a practice whose last `consecutiveWeeks` planned weeks (or more) all had done ÷ planned under `ratioBelow`. */
export function detectUnrealisticExpectations(
  practices: ReadonlyArray<PracticeWeeks>,
  t = PITFALL_THRESHOLDS.P1,
): Insight[] {
  const out: Insight[] = [];
  for (const p of practices) {
    const run: Array<{ weekStart: string; planned: number; done: number }> = [];
    for (let i = p.weeks.length - 1; i >= 0; i--) {
      const w = p.weeks[i]!;
      if (w.planned <= 0 || w.done / w.planned >= t.ratioBelow) break;
      run.unshift(w);
    }
    if (run.length < t.consecutiveWeeks) continue;
    const planned = run.reduce((s, w) => s + w.planned, 0);
    const done = run.reduce((s, w) => s + w.done, 0);
    out.push({
      key: `P1-${p.practiceId}`,
      pitfall: 'P1',
      title: PITFALLS.P1.title,
      explanation: `"${p.name}" was done ${done} of ${planned} planned times over the last ${run.length} weeks (${pct(done / planned)}%), under ${pct(t.ratioBelow)}% every week. A target that keeps being missed tends to lead to frustration, not progress.`,
      suggestion: `Try a lower frequency for "${p.name}" that you can meet most weeks, or turn it into a learning goal: what would make it easier to do?`,
      source: PITFALLS.P1.source,
      subject: { kind: 'practice', id: p.practiceId, name: p.name },
      evidence: [
        { label: 'weeks in a row under the threshold', value: run.length },
        ...run.map((w) => ({ label: `week of ${w.weekStart}: done / planned`, value: `${w.done} / ${w.planned}` })),
        { label: 'threshold (done ÷ planned under)', value: t.ratioBelow },
      ],
    });
  }
  return out;
}

// ── P2 rigidity ──

export interface GoalRigidityInput {
  goalId: string;
  title: string;
  /** Edits to the goal since it was created. */
  revisions: number;
  /** Times its milestones slipped: moved to a later date, or passed their date still open. */
  milestoneSlips: number;
}

export function detectRigidity(goals: ReadonlyArray<GoalRigidityInput>, t = PITFALL_THRESHOLDS.P2): Insight[] {
  return goals
    .filter((g) => g.revisions <= t.maxRevisions && g.milestoneSlips >= t.minSlips)
    .map((g) => ({
      key: `P2-${g.goalId}`,
      pitfall: 'P2' as const,
      title: PITFALLS.P2.title,
      explanation: `The milestones of "${g.title}" slipped ${g.milestoneSlips} times, and the goal itself has never been revised. Circumstances changed; the goal did not.`,
      suggestion: `Revise "${g.title}": loosen the long-range aim, add a short checkpoint you can reach, and note why. Changing a goal with a reason is learning, not failure.`,
      source: PITFALLS.P2.source,
      subject: { kind: 'goal' as const, id: g.goalId, name: g.title },
      evidence: [
        { label: 'milestone slips', value: g.milestoneSlips },
        { label: 'revisions of the goal', value: g.revisions },
        { label: 'threshold (slips at least)', value: t.minSlips },
      ],
    }));
}

// ── P3 tunnel vision ──

export interface AreaActivity {
  areaId: string;
  name: string;
  /** Whether the area has at least one active practice. */
  active: boolean;
  /** Check-ins marked done in the window. */
  checkins: number;
}

export function detectTunnelVision(areas: ReadonlyArray<AreaActivity>, t = PITFALL_THRESHOLDS.P3): Insight | null {
  const total = areas.reduce((s, a) => s + a.checkins, 0);
  if (total < t.minCheckins) return null;
  const top = [...areas].sort((a, b) => b.checkins - a.checkins)[0];
  if (!top || top.checkins / total <= t.shareAbove) return null;
  const neglected = areas.filter((a) => a !== top && a.active && a.checkins === 0);
  if (neglected.length === 0) return null;
  const names = neglected.map((a) => `"${a.name}"`).join(', ');
  return {
    key: 'P3',
    pitfall: 'P3',
    title: PITFALLS.P3.title,
    explanation: `In the last ${t.windowDays} days "${top.name}" took ${top.checkins} of your ${total} check-ins (${pct(top.checkins / total)}%), while ${names} got none.`,
    suggestion: `If that is your choice for now, fine. If not, pick one small thing in ${names} for next week, or pause what you are not doing there.`,
    source: PITFALLS.P3.source,
    subject: { kind: 'area', id: top.areaId, name: top.name },
    evidence: [
      { label: `check-ins in the last ${t.windowDays} days`, value: total },
      { label: `share of "${top.name}"`, value: Math.round((top.checkins / total) * 1000) / 1000 },
      ...neglected.map((a) => ({ label: `check-ins in "${a.name}"`, value: 0 })),
      { label: 'threshold (share above)', value: t.shareAbove },
    ],
  };
}

// ── P4 stress and burnout ──

export interface StrainInput {
  /** Completed weeks, oldest first: average energy (-2…2) and how many marks it is based on. */
  energyWeeks: ReadonlyArray<{ weekStart: string; average: number | null; marks: number }>;
  /**
   * Of the last `restWindowDays` days, how many had a done check-in beyond daily routines (a practice
   * not planned every day); `firstCheckinDaysAgo` is the person's first done check-in of any kind.
   */
  restWindow: { days: number; activeDays: number; firstCheckinDaysAgo: number | null };
  /** WHO-5 raw scores (0–25) of completed reviews, oldest first. */
  who5: ReadonlyArray<{ weekStart: string; raw: number }>;
}

export function detectStrain(input: StrainInput, t = PITFALL_THRESHOLDS.P4): Insight | null {
  const reasons: string[] = [];
  const evidence: Insight['evidence'] = [];

  const weeks = input.energyWeeks.slice(-t.energyWeeks);
  if (weeks.length === t.energyWeeks && weeks.every((w) => w.average !== null && w.marks >= t.minMarksPerWeek)) {
    const avgs = weeks.map((w) => w.average as number);
    const falling = avgs.every((a, i) => i === 0 || a < avgs[i - 1]!);
    const drop = avgs[0]! - avgs[avgs.length - 1]!;
    if (falling && drop >= t.minEnergyDrop) {
      reasons.push(`your energy marks fell ${t.energyWeeks} weeks in a row`);
      for (const w of weeks) {
        evidence.push({
          label: `average energy, week of ${w.weekStart}`,
          value: Math.round((w.average as number) * 100) / 100,
        });
      }
    }
  }

  const r = input.restWindow;
  // Only with history covering the whole window: a new person has not gone weeks without rest.
  if (
    r.days >= t.restWindowDays &&
    r.activeDays >= t.restWindowDays &&
    (r.firstCheckinDaysAgo ?? 0) >= t.restWindowDays - 1
  ) {
    reasons.push(`you have not had a day off in ${r.days} days: each one had more than your daily routines`);
    evidence.push({ label: `days with more than daily routines, of the last ${r.days}`, value: r.activeDays });
  }

  const last = input.who5.at(-1);
  const previous = input.who5.at(-2);
  if (last) {
    if (last.raw < t.who5RawBelow) {
      reasons.push('your latest WHO-5 answers are low');
      evidence.push({ label: `WHO-5 raw score, week of ${last.weekStart} (0–25)`, value: last.raw });
    }
    if (previous && (previous.raw - last.raw) * 4 >= t.who5DropPoints) {
      reasons.push('your WHO-5 score fell clearly since the time before');
      evidence.push({ label: 'WHO-5 change (0–100)', value: (last.raw - previous.raw) * 4 });
    }
  }
  if (reasons.length === 0) return null;
  return {
    key: 'P4',
    pitfall: 'P4',
    title: PITFALLS.P4.title,
    explanation: `Tack noticed that ${reasons.join('; ')}. Constant stretch without recovery tends to wear people down. This is an observation, not a diagnosis.`,
    suggestion:
      'Consider pausing your stretch goals for a week, planning a rest day, and keeping only what restores you. If you are struggling, talk to someone you trust or a professional.',
    source: PITFALLS.P4.source,
    subject: { kind: 'person', id: null, name: null },
    evidence,
  };
}

// ── P5 comparison ──

/** Answers to "did you compare yourself with others this week?" of completed reviews, newest first (null: not answered). */
export function detectComparison(
  answers: ReadonlyArray<{ weekStart: string; compared: boolean | null }>,
  t = PITFALL_THRESHOLDS.P5,
): Insight | null {
  const recent = answers.slice(0, t.lastReviews);
  const yes = recent.filter((a) => a.compared === true).length;
  if (yes < t.yesAtLeast) return null;
  return {
    key: 'P5',
    pitfall: 'P5',
    title: PITFALLS.P5.title,
    explanation: `In ${yes} of your last ${recent.length} reviews you said you compared yourself with others. Comparison tends to breed self-doubt rather than progress.`,
    suggestion:
      'Next week, compare with your own last month instead: what did you try, what did you learn? Tack shows only your own history and never ranks people.',
    source: PITFALLS.P5.source,
    subject: { kind: 'person', id: null, name: null },
    evidence: [
      { label: `"yes" in the last ${recent.length} reviews`, value: yes },
      { label: 'threshold (yes at least)', value: t.yesAtLeast },
    ],
  };
}
