import type { AdvisorAnswers, AdvisorRuleId, Recommendation } from '@tack/contracts';

/**
 * The goal-type advisor's rules, as data. Ids and citations are those of docs/METHOD.md §3 (stable:
 * the UI cites them). `points` is what the rule argues for; 'addOn' rules add a plan to whatever is
 * recommended (`addsTo`). Conditions are pure functions of the questionnaire's answers.
 */
export interface AdvisorRule {
  id: AdvisorRuleId;
  citation: string;
  /** The rule as METHOD.md states it. */
  rule: string;
  applies: (a: AdvisorAnswers) => boolean;
  points: Recommendation | 'addOn';
  /** For addOn rules: the recommendations they add to. */
  addsTo?: readonly Recommendation[];
  /** The reason shown to the person. */
  reason: string;
}

/** The skill is there, the task familiar enough, the outcome mostly in reach (R2's condition). */
const skilledAndInControl = (a: AdvisorAnswers) =>
  a.capability !== 'none' && a.novelty !== 'new' && a.control !== 'low' && a.context !== 'unstable';

export const ADVISOR_RULES: readonly AdvisorRule[] = [
  {
    id: 'R1',
    citation: 'Winters & Latham 1996; Seijts & Latham 2001, 2005; Seijts, Latham, Tasa & Latham 2004',
    rule: 'Knowledge or strategies are lacking, or the task is new or complex → a specific, challenging learning goal.',
    applies: (a) => a.capability === 'none' || a.novelty === 'new',
    points: 'learningGoal',
    reason:
      'You are still building the knowledge or strategies, or the task is new or complex for you: a specific, ' +
      'challenging learning goal (what to learn, which strategies to try) beats an outcome target here.',
  },
  {
    id: 'R2',
    citation: 'Locke & Latham 2002; Latham, Seijts & Crim 2008',
    rule: "The skill is there, the task is straightforward, the outcome mostly in the person's control → a specific, difficult performance goal works.",
    applies: skilledAndInControl,
    points: 'performanceGoal',
    reason:
      'You have at least part of the skill, the task is not new to you, and the outcome is not out of your ' +
      'hands in a context that holds still: a specific, difficult performance goal can work.',
  },
  {
    id: 'R3',
    citation: 'Latham & Seijts 1999',
    rule: 'Low control or an uncertain context → keep the long-range aim loose and add short, revisable checkpoints read as information (milestone mapping).',
    applies: (a) => a.control === 'low' || a.context === 'unstable',
    points: 'learningGoal',
    reason:
      'Much of the outcome is outside your control, or the context is unsettled: keep the long-range aim loose, ' +
      'work on what you can learn and do, and add short checkpoints you read as information, not verdicts.',
  },
  {
    id: 'R4',
    citation: 'Seijts & Latham 2001; Kanfer & Ackerman 1989',
    rule: 'Early in learning → no long-range outcome target yet; an experiment or learning goal first.',
    applies: (a) => a.novelty === 'new' && a.capability === 'none',
    points: 'experimentFirst',
    reason:
      'This is early in learning: set no long-range target yet. Try it for a few weeks as an experiment, ' +
      'notice what energises and what drains you, then decide.',
  },
  {
    id: 'R5',
    citation: 'Masuda, Locke & Williams 2015',
    rule: 'When an outcome goal and a learning goal are combined, keep the learning goal easy.',
    applies: (a) => a.capability === 'some' && skilledAndInControl(a),
    points: 'addOn',
    addsTo: ['performanceGoal'],
    reason:
      'Part of the skill is still being learned. If you add a learning goal beside the performance goal, ' +
      'keep the learning goal easy so the two do not compete.',
  },
  {
    id: 'R6',
    citation: 'Seijts & Latham 2001',
    rule: 'Low commitment or low self-efficacy → learning or short-range goals first.',
    applies: (a) => a.selfEfficacy === 'low',
    points: 'learningGoal',
    reason:
      'You are not yet sure you can do this: start with a learning goal or a short-range goal, and let ' +
      'confidence grow from what you find out.',
  },
  {
    id: 'R7',
    citation: 'Sheldon & Elliot 1999',
    rule: 'Ask why it matters; a reason driven by outside pressure rather than own values → rework it as an intention or question the goal.',
    applies: (a) => a.why === 'outsidePressure',
    points: 'intention',
    reason:
      'The reason comes from outside pressure more than from your own values: rework it as an intention ' +
      'that says what you value, or question whether this goal is yours at all.',
  },
  {
    id: 'R8',
    citation: 'Gollwitzer & Sheeran 2006: 94 tests, d = .65',
    rule: 'Always add at least one if-then plan ("If situation X, then I do Y").',
    applies: () => true,
    points: 'addOn',
    addsTo: ['learningGoal', 'performanceGoal', 'intention', 'experimentFirst'],
    reason: 'Add at least one if-then plan ("If situation X, then I do Y"): it makes acting on it far more likely.',
  },
  {
    id: 'R9',
    citation: 'Coaching practice with intentions; no study is cited for this rule',
    rule: 'Structure feels constraining → an intention instead of a SMART goal.',
    applies: (a) => a.structure === 'constraining',
    points: 'intention',
    reason:
      'Structure feels constraining to you: a values-driven intention guides you without limiting exploration, ' +
      'where a SMART goal would box you in.',
  },
];

/** Which recommendation wins when rules disagree: first in this list with a rule that applies. */
export const PRIORITY: readonly Recommendation[] = ['intention', 'experimentFirst', 'learningGoal', 'performanceGoal'];

/** If-then plans proposed with each recommendation (R8), and with a milestone map (R3). */
export const IF_THEN_PROPOSALS: Readonly<Record<Recommendation | 'milestones', { cue: string; action: string }>> = {
  learningGoal: {
    cue: 'When I sit down to work on this',
    action: 'I pick one strategy to try and write one line about what happened',
  },
  performanceGoal: {
    cue: 'When my week starts on Monday morning',
    action: 'I put the next step toward the target in my calendar',
  },
  intention: {
    cue: 'When I notice the kind of moment this intention is about',
    action: 'I pause for a breath and ask what acting on it would look like',
  },
  experimentFirst: {
    cue: 'If I feel like skipping a session of the experiment',
    action: 'I do a two-minute version and note whether it energised or drained me',
  },
  milestones: {
    cue: 'When a checkpoint date arrives',
    action: 'I read where I am as information and adjust the next checkpoint',
  },
};

export const SUMMARIES: Readonly<Record<Recommendation, string>> = {
  learningGoal: 'A learning goal: say what you will learn and which strategies you will try.',
  performanceGoal: 'A performance goal: a specific, difficult target with a metric and a date.',
  intention: 'An intention: a values-driven statement that guides you without a target.',
  experimentFirst: 'An experiment first: try it for about six weeks, then decide what kind of goal it deserves.',
};
