import { readFileSync } from 'node:fs';
import { ADVISOR_RULE_IDS, type AdvisorAnswers, advisorAnswersSchema, RECOMMENDATIONS } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { advise, adviseGoal, applicableRules, recommend } from '../../src/advisor/advise.ts';
import { ADVISOR_RULES, IF_THEN_PROPOSALS, PRIORITY } from '../../src/advisor/rules.ts';

/** Neutral answers: only R2 (and R8) apply. Each test changes what it is about. */
const base: AdvisorAnswers = {
  control: 'high',
  novelty: 'familiar',
  context: 'stable',
  capability: 'solid',
  why: 'ownValues',
  structure: 'neutral',
  selfEfficacy: 'medium',
};
const ids = (a: Partial<AdvisorAnswers>) => applicableRules({ ...base, ...a }).map((r) => r.id);
const rule = (id: string) => ADVISOR_RULES.find((r) => r.id === id)!;

describe('advisor rules (data)', () => {
  it('has every rule id R1…R9 once, in order, each with a citation and reason', () => {
    expect(ADVISOR_RULES.map((r) => r.id)).toEqual([...ADVISOR_RULE_IDS]);
    for (const r of ADVISOR_RULES) {
      expect(r.citation.length, r.id).toBeGreaterThan(5);
      expect(r.reason.length, r.id).toBeGreaterThan(20);
    }
  });

  it('cites exactly the sources METHOD.md gives for each rule (R9 has none and says so)', () => {
    const method = readFileSync(new URL('../../../../docs/METHOD.md', import.meta.url), 'utf8');
    for (const r of ADVISOR_RULES) {
      const line = method
        .split(/\n- /)
        .find((l) => l.startsWith(`**${r.id}**`))
        ?.replace(/\s+/g, ' ');
      expect(line, r.id).toBeDefined();
      if (r.id === 'R9') expect(r.citation).toContain('no study is cited');
      else expect(line, r.id).toContain(r.citation);
    }
  });

  it('orders recommendations: intention, then experiment first, then learning goal, then performance goal', () => {
    expect(PRIORITY).toEqual(['intention', 'experimentFirst', 'learningGoal', 'performanceGoal']);
    expect([...PRIORITY].sort()).toEqual([...RECOMMENDATIONS].sort());
  });
});

describe('each rule applies exactly on its condition', () => {
  it('R1: knowledge lacking or the task new → learning goal', () => {
    expect(ids({ capability: 'none' })).toContain('R1');
    expect(ids({ novelty: 'new' })).toContain('R1');
    expect(ids({ capability: 'some', novelty: 'some' })).not.toContain('R1');
    expect(ids({})).not.toContain('R1');
    expect(rule('R1').points).toBe('learningGoal');
  });

  it('R2: skill there, task not new, outcome not out of control, context not unstable → performance goal', () => {
    expect(ids({})).toContain('R2');
    expect(ids({ capability: 'some', novelty: 'some', control: 'some', context: 'changing' })).toContain('R2');
    expect(ids({ capability: 'none' })).not.toContain('R2');
    expect(ids({ novelty: 'new' })).not.toContain('R2');
    expect(ids({ control: 'low' })).not.toContain('R2');
    expect(ids({ context: 'unstable' })).not.toContain('R2');
    expect(rule('R2').points).toBe('performanceGoal');
  });

  it('R3: low control or an unstable context → loose aim with checkpoints', () => {
    expect(ids({ control: 'low' })).toContain('R3');
    expect(ids({ context: 'unstable' })).toContain('R3');
    expect(ids({ control: 'some', context: 'changing' })).not.toContain('R3');
  });

  it('R4: new task and no knowledge yet (early in learning) → experiment first', () => {
    expect(ids({ novelty: 'new', capability: 'none' })).toContain('R4');
    expect(ids({ novelty: 'new', capability: 'some' })).not.toContain('R4');
    expect(ids({ novelty: 'some', capability: 'none' })).not.toContain('R4');
  });

  it('R5: skill partly there in a performance setting → keep an added learning goal easy', () => {
    expect(ids({ capability: 'some' })).toContain('R5');
    expect(ids({ capability: 'solid' })).not.toContain('R5');
    expect(ids({ capability: 'some', control: 'low' })).not.toContain('R5');
  });

  it('R6: low self-efficacy → learning or short-range goals first', () => {
    expect(ids({ selfEfficacy: 'low' })).toContain('R6');
    expect(ids({ selfEfficacy: 'medium' })).not.toContain('R6');
    expect(ids({ selfEfficacy: 'high' })).not.toContain('R6');
  });

  it('R7: outside pressure rather than own values → intention', () => {
    expect(ids({ why: 'outsidePressure' })).toContain('R7');
    expect(ids({ why: 'mixed' })).not.toContain('R7');
    expect(ids({ why: 'ownValues' })).not.toContain('R7');
  });

  it('R8: always', () => {
    expect(ids({})).toContain('R8');
    expect(ids({ structure: 'constraining', novelty: 'new', control: 'low' })).toContain('R8');
  });

  it('R9: structure feels constraining → intention', () => {
    expect(ids({ structure: 'constraining' })).toContain('R9');
    expect(ids({ structure: 'wants' })).not.toContain('R9');
    expect(ids({ structure: 'neutral' })).not.toContain('R9');
  });
});

describe('recommendation and reasons', () => {
  const reasonIds = (a: Partial<AdvisorAnswers>) => advise({ ...base, ...a }).reasons.map((r) => r.ruleId);

  it('performance goal when only R2 decides, with R8', () => {
    const a = advise(base);
    expect(a.recommendation).toBe('performanceGoal');
    expect(a.reasons.map((r) => r.ruleId)).toEqual(['R2', 'R8']);
    expect(a.milestones).toBe(false);
    expect(a.ifThen).toEqual([IF_THEN_PROPOSALS.performanceGoal]);
  });

  it('adds R5 to a performance goal when the skill is partly there', () => {
    expect(reasonIds({ capability: 'some' })).toEqual(['R2', 'R5', 'R8']);
    expect(advise({ ...base, capability: 'some' }).reasons.find((r) => r.ruleId === 'R5')?.points).toBe('addOn');
  });

  it('does not add R5 when the recommendation is not a performance goal', () => {
    // capability some with low self-efficacy: R5 applies but a learning goal is recommended.
    const a = advise({ ...base, capability: 'some', selfEfficacy: 'low' });
    expect(a.recommendation).toBe('learningGoal');
    expect(a.reasons.map((r) => r.ruleId)).toEqual(['R6', 'R8']);
  });

  it('learning goal from R1, R3 or R6, naming each that applies', () => {
    expect(recommend({ ...base, capability: 'none' })).toBe('learningGoal');
    expect(reasonIds({ capability: 'none' })).toEqual(['R1', 'R8']);
    expect(recommend({ ...base, control: 'low' })).toBe('learningGoal');
    expect(reasonIds({ control: 'low' })).toEqual(['R3', 'R8']);
    expect(recommend({ ...base, selfEfficacy: 'low' })).toBe('learningGoal');
    expect(reasonIds({ novelty: 'new', context: 'unstable', selfEfficacy: 'low' })).toEqual(['R1', 'R3', 'R6', 'R8']);
  });

  it('R3 adds a milestone map and its if-then plan', () => {
    const a = advise({ ...base, context: 'unstable' });
    expect(a.milestones).toBe(true);
    expect(a.ifThen).toEqual([IF_THEN_PROPOSALS.learningGoal, IF_THEN_PROPOSALS.milestones]);
  });

  it('experiment first (R4) beats a learning goal (R1)', () => {
    const a = advise({ ...base, novelty: 'new', capability: 'none' });
    expect(a.recommendation).toBe('experimentFirst');
    expect(a.reasons.map((r) => r.ruleId)).toEqual(['R4', 'R8']);
    expect(a.ifThen[0]).toEqual(IF_THEN_PROPOSALS.experimentFirst);
  });

  it('intention (R7, R9) beats everything else', () => {
    expect(advise({ ...base, why: 'outsidePressure' }).recommendation).toBe('intention');
    expect(reasonIds({ why: 'outsidePressure' })).toEqual(['R7', 'R8']);
    expect(reasonIds({ structure: 'constraining', novelty: 'new', capability: 'none' })).toEqual(['R9', 'R8']);
    expect(reasonIds({ structure: 'constraining', why: 'outsidePressure' })).toEqual(['R7', 'R9', 'R8']);
    expect(advise({ ...base, structure: 'constraining' }).ifThen[0]).toEqual(IF_THEN_PROPOSALS.intention);
  });

  it('every possible answer gets a recommendation, a reason for it and at least one if-then plan (R8)', () => {
    const options = advisorAnswersSchema.shape;
    let count = 0;
    for (const control of options.control.options)
      for (const novelty of options.novelty.options)
        for (const context of options.context.options)
          for (const capability of options.capability.options)
            for (const why of options.why.options)
              for (const structure of options.structure.options)
                for (const selfEfficacy of ['low', 'medium', 'high'] as const) {
                  const a = advise({ control, novelty, context, capability, why, structure, selfEfficacy });
                  count += 1;
                  expect(a.reasons.some((r) => r.points === a.recommendation)).toBe(true);
                  expect(a.reasons.at(-1)?.ruleId).toBe('R8');
                  expect(a.ifThen.length).toBeGreaterThanOrEqual(1);
                  for (const r of a.reasons) expect(r.citation).toBe(rule(r.ruleId).citation);
                }
    expect(count).toBe(3 ** 6 * 3);
  });

  it('the guard fires when rules leave answers without a recommendation', () => {
    expect(() => recommend(base, [rule('R8')])).toThrow(/without a recommendation/);
  });
});

describe('advice on an existing goal', () => {
  it('keeps a performance goal that fits, in words naming the kind and the rule', () => {
    const a = adviseGoal('performance', base);
    expect(a).toMatchObject({ goalKind: 'performance', keep: true, recommendation: 'performanceGoal' });
    expect(a.explanation).toBe('This is a performance goal, and your answers support keeping it that way (R2).');
  });

  it('suggests switching a performance goal to a learning goal, keeping history', () => {
    const a = adviseGoal('performance', { ...base, capability: 'none' });
    expect(a.keep).toBe(false);
    expect(a.explanation).toBe(
      'This is a performance goal, but your answers point elsewhere (R1): make it a learning goal ' +
        '(switch its kind, with a reason; its history stays).',
    );
  });

  it('keeps a learning goal that fits and suggests performance when the skill is there', () => {
    expect(adviseGoal('learning', { ...base, capability: 'none' }).keep).toBe(true);
    const a = adviseGoal('learning', base);
    expect(a.keep).toBe(false);
    expect(a.explanation).toContain(
      'This is a learning goal, but your answers point elsewhere (R2): make it a performance goal',
    );
  });

  it('suggests an intention or an experiment whatever the kind', () => {
    expect(adviseGoal('learning', { ...base, why: 'outsidePressure' }).explanation).toContain(
      'rework it as an intention',
    );
    expect(adviseGoal('performance', { ...base, novelty: 'new', capability: 'none' }).explanation).toContain(
      'run an experiment first',
    );
  });
});
