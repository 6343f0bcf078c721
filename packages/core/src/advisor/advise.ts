import type { Advice, AdvisorAnswers, GoalAdvice, GoalKind, Recommendation } from '@tack/contracts';
import { ADVISOR_RULES, type AdvisorRule, IF_THEN_PROPOSALS, PRIORITY, SUMMARIES } from './rules.ts';

const reasonOf = (r: AdvisorRule) => ({ ruleId: r.id, citation: r.citation, text: r.reason, points: r.points });

/** The rules that apply to these answers, in rule order. */
export function applicableRules(answers: AdvisorAnswers, rules: readonly AdvisorRule[] = ADVISOR_RULES) {
  return rules.filter((r) => r.applies(answers));
}

/** The recommendation: the first in PRIORITY that an applicable rule argues for. */
export function recommend(answers: AdvisorAnswers, rules: readonly AdvisorRule[] = ADVISOR_RULES): Recommendation {
  const applied = applicableRules(answers, rules);
  const found = PRIORITY.find((rec) => applied.some((r) => r.points === rec));
  // R1, R2 and R3 together cover every answer (see the exhaustive test); this is a guard, not a branch.
  if (!found) throw new Error('advisor rules left the answers without a recommendation');
  return found;
}

/** Answers → recommendation with its reasons (each naming a rule and its citation) and if-then plans. */
export function advise(answers: AdvisorAnswers, rules: readonly AdvisorRule[] = ADVISOR_RULES): Advice {
  const recommendation = recommend(answers, rules);
  const applied = applicableRules(answers, rules);
  const supporting = applied.filter((r) => r.points === recommendation);
  const addOns = applied.filter((r) => r.points === 'addOn' && r.addsTo?.includes(recommendation));
  const milestones = applied.some((r) => r.id === 'R3');
  const ifThen = [IF_THEN_PROPOSALS[recommendation]];
  if (milestones) ifThen.push(IF_THEN_PROPOSALS.milestones);
  return {
    recommendation,
    summary: SUMMARIES[recommendation],
    reasons: [...supporting, ...addOns].map(reasonOf),
    ifThen,
    milestones,
  };
}

const KIND_WORDS: Record<GoalKind, string> = { performance: 'a performance goal', learning: 'a learning goal' };
const SWITCH_WORDS: Record<Recommendation, string> = {
  performanceGoal: 'make it a performance goal (switch its kind, with a reason; its history stays)',
  learningGoal: 'make it a learning goal (switch its kind, with a reason; its history stays)',
  intention: 'rework it as an intention, or question whether this goal is yours',
  experimentFirst: 'pause it and run an experiment first, then decide what kind of goal it deserves',
};

/** "Should this still be a performance goal?": the advice, read against the goal's current kind. */
export function adviseGoal(kind: GoalKind, answers: AdvisorAnswers): GoalAdvice {
  const advice = advise(answers);
  const keep =
    (kind === 'performance' && advice.recommendation === 'performanceGoal') ||
    (kind === 'learning' && advice.recommendation === 'learningGoal');
  const ids = advice.reasons.filter((r) => r.points !== 'addOn').map((r) => r.ruleId);
  const because = `(${ids.join(', ')})`;
  const explanation = keep
    ? `This is ${KIND_WORDS[kind]}, and your answers support keeping it that way ${because}.`
    : `This is ${KIND_WORDS[kind]}, but your answers point elsewhere ${because}: ${SWITCH_WORDS[advice.recommendation]}.`;
  return { ...advice, goalKind: kind, keep, explanation };
}
