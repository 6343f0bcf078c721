// Discovery (issue 4): directions, experiments, goals that may change, intentions, the goal-type
// advisor, backwards chains and milestone maps. See docs/METHOD.md for what each is for.
import { z } from 'zod';
import {
  DATE_RANGE,
  idSchema,
  isoDateSchema,
  quarterSchema,
  timestampSchema,
  WEEK_RANGE_MESSAGE,
  yearSchema,
} from './common.ts';
import { LIMITS } from './limits.ts';
import { frequencySchema, ifThenSchema } from './practices.ts';

const name = z.string().trim().min(1).max(LIMITS.nameMax);
const text = z.string().trim().min(1).max(LIMITS.textMax);
const optionalText = z.string().trim().max(LIMITS.textMax).nullable().optional();

/** ISO 8601 week, e.g. 2026-W47 (weeks start on Monday). */
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week like 2026-W47')
  .refine(
    (w) => w.slice(0, 4) >= DATE_RANGE.min.slice(0, 4) && w.slice(0, 4) <= DATE_RANGE.max.slice(0, 4),
    WEEK_RANGE_MESSAGE,
  )
  .describe('ISO 8601 week, YYYY-Www');

/** `?confirm=true` on deletes of things with history. */
export const confirmQuerySchema = z.strictObject({
  confirm: z.enum(['true', 'false']).optional().describe('Required (true) when the item has history'),
});

/**
 * `?state=deleted` on discovery lists: only the deleted (soft) items, most recently deleted first, to bring
 * back with `POST …/:id/restore`. Deleted discovery items are kept, never purged.
 */
export const discoveryStateSchema = z
  .enum(['live', 'deleted'])
  .optional()
  .describe('Default live; deleted: only the deleted items (restorable), most recently deleted first');
export const discoveryListQuerySchema = z.strictObject({ state: discoveryStateSchema });

/** A practice made from an answer or a chain step: the practice fields, name defaulting to the text. */
export const makePracticeSchema = z
  .strictObject({
    frequency: frequencySchema,
    name: name.optional().describe('Default: the answer or step text (shortened)'),
    startDate: isoDateSchema.optional(),
    ifThen: ifThenSchema.nullable().optional(),
  })
  .meta({ id: 'MakePractice' });
export type MakePractice = z.infer<typeof makePracticeSchema>;

// ── directions ──

export const directionAnswerSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    practiceId: z.string().nullable().describe('The practice this answer became, if any'),
    createdAt: timestampSchema,
  })
  .meta({ id: 'DirectionAnswer' });

export const directionSchema = z
  .object({
    id: z.string(),
    name: z.string().describe('The kind of person I want to be'),
    description: z.string().nullable(),
    question: z.string().describe('"What would such a person do this week?"'),
    answers: z.array(directionAnswerSchema),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Direction' });
export type Direction = z.infer<typeof directionSchema>;

export const createDirectionSchema = z
  .strictObject({ name, description: optionalText })
  .meta({ id: 'CreateDirection' });
export type CreateDirection = z.infer<typeof createDirectionSchema>;
export const updateDirectionSchema = z
  .strictObject({ name: name.optional(), description: optionalText })
  .meta({ id: 'UpdateDirection' });
export type UpdateDirection = z.infer<typeof updateDirectionSchema>;
export const addAnswerSchema = z.strictObject({ text }).meta({ id: 'AddDirectionAnswer' });
export const answerParamsSchema = z.strictObject({ id: idSchema, answerId: idSchema });
export const directionListSchema = z.object({ directions: z.array(directionSchema) });

// ── experiments ──

export const EXPERIMENT_WEEKS_DEFAULT = 6;
export const EXPERIMENT_WEEKS_MIN = 1;
export const EXPERIMENT_WEEKS_MAX = 26;
export const NOTE_TAGS = ['energises', 'drains'] as const;
export const VERDICTS = ['deepen', 'adjust', 'letGo'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const EXPERIMENT_STATUSES = ['planned', 'running', 'decisionDue', 'decided'] as const;

export const lengthWeeksSchema = z
  .number({ message: 'must be a number of weeks' })
  .int('must be a whole number of weeks')
  .min(EXPERIMENT_WEEKS_MIN, `must be at least ${EXPERIMENT_WEEKS_MIN} week`)
  .max(EXPERIMENT_WEEKS_MAX, `must be at most ${EXPERIMENT_WEEKS_MAX} weeks`);

export const experimentNoteSchema = z
  .object({
    id: z.string(),
    date: isoDateSchema,
    tag: z.enum(NOTE_TAGS),
    text: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'ExperimentNote' });

export const experimentVerdictSchema = z
  .object({
    verdict: z.enum(VERDICTS),
    learned: z.string().describe('What I learned'),
    decidedOn: isoDateSchema,
    goalId: z.string().nullable().describe('deepen: the goal created from it, if any'),
    nextExperimentId: z.string().nullable().describe('adjust: the new experiment'),
  })
  .meta({ id: 'ExperimentVerdict' });

export const experimentSchema = z
  .object({
    id: z.string(),
    directionId: z.string(),
    hypothesis: z.string(),
    practiceIds: z.array(z.string()),
    startDate: isoDateSchema,
    lengthWeeks: z.number(),
    midpointDate: isoDateSchema,
    decisionDate: isoDateSchema,
    status: z.enum(EXPERIMENT_STATUSES).describe('decisionDue: the decision date has come and no verdict yet'),
    notes: z.array(experimentNoteSchema),
    verdict: experimentVerdictSchema.nullable(),
    previousExperimentId: z.string().nullable().describe('Set when an "adjust" verdict created this one'),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Experiment' });
export type Experiment = z.infer<typeof experimentSchema>;

export const createExperimentSchema = z
  .strictObject({
    directionId: idSchema,
    hypothesis: text.describe('What I expect to find out'),
    practiceIds: z.array(idSchema).max(50).default([]),
    startDate: isoDateSchema.optional().describe('Default today'),
    lengthWeeks: lengthWeeksSchema.default(EXPERIMENT_WEEKS_DEFAULT),
  })
  .meta({ id: 'CreateExperiment' });
export type CreateExperiment = z.infer<typeof createExperimentSchema>;

export const updateExperimentSchema = z
  .strictObject({
    hypothesis: text.optional(),
    practiceIds: z.array(idSchema).max(50).optional(),
    lengthWeeks: lengthWeeksSchema.optional(),
  })
  .meta({ id: 'UpdateExperiment' });
export type UpdateExperiment = z.infer<typeof updateExperimentSchema>;

export const addNoteSchema = z
  .strictObject({
    tag: z.enum(NOTE_TAGS),
    text,
    date: isoDateSchema.optional().describe('Default today'),
  })
  .meta({ id: 'AddExperimentNote' });
export type AddNote = z.infer<typeof addNoteSchema>;

export const noteParamsSchema = z.strictObject({ id: idSchema, noteId: idSchema });

export const updateNoteSchema = z
  .strictObject({
    tag: z.enum(NOTE_TAGS).optional(),
    text: text.optional(),
  })
  .meta({ id: 'UpdateExperimentNote' });
export type UpdateNote = z.infer<typeof updateNoteSchema>;

export const experimentListQuerySchema = z.strictObject({
  directionId: idSchema.optional(),
  state: discoveryStateSchema,
});
export const experimentListSchema = z.object({ experiments: z.array(experimentSchema) });

export const learningSchema = z
  .object({
    experimentId: z.string(),
    directionId: z.string(),
    directionName: z.string(),
    hypothesis: z.string(),
    startDate: isoDateSchema,
    decidedOn: isoDateSchema,
    verdict: z.enum(VERDICTS),
    learned: z.string(),
    energises: z.number().describe('Notes tagged energises'),
    drains: z.number().describe('Notes tagged drains'),
    completedDiscovery: z.literal(true).describe('Every verdict, letGo included, is a completed discovery'),
  })
  .meta({ id: 'Learning' });
export const learningListSchema = z.object({ learnings: z.array(learningSchema) });
export type Learning = z.infer<typeof learningSchema>;

// ── goals ──

export const GOAL_KINDS = ['performance', 'learning'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
/** No "failed": a goal that stops being right is let go, with what was learned. */
export const GOAL_STATUSES = ['exploring', 'active', 'paused', 'achieved', 'letGo'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const amount = z
  .number({ message: 'must be a number' })
  .min(-1e12, 'at least -1000000000000')
  .max(1e12, 'at most 1000000000000');

export const metricSchema = z
  .strictObject({
    name: name.describe('What is measured'),
    unit: z.string().trim().min(1).max(LIMITS.unitMax),
    baseline: amount,
    target: amount,
    current: amount.optional().describe('Where it stands now; default the baseline'),
  })
  .refine((m) => m.target !== m.baseline, {
    path: ['target'],
    message: 'must differ from the baseline: progress is measured from one to the other',
  })
  .meta({ id: 'GoalMetric' });

export const keyResultSchema = z
  .strictObject({
    id: idSchema.optional().describe('Kept when editing; assigned when absent'),
    title: name,
    target: amount
      .refine((v) => v !== 0, 'must not be 0: a key result counts from 0 up to its target')
      .describe('Not 0: progress is current ÷ target'),
    current: amount.default(0),
    unit: z.string().trim().min(1).max(LIMITS.unitMax).nullable().optional(),
    confidence: z
      .number({ message: 'must be a number from 0 to 10' })
      .int('must be a whole number from 0 to 10')
      .min(0, 'must be from 0 to 10')
      .max(10, 'must be from 0 to 10')
      .default(5)
      .describe('How sure am I (0–10)?'),
  })
  .meta({ id: 'KeyResultFields' });

export const strategyInputSchema = z
  .strictObject({
    id: idSchema.optional(),
    text,
    tried: z.boolean().default(false),
    reflection: optionalText.describe('What happened when I tried it'),
  })
  .meta({ id: 'StrategyFields' });

export const evidenceInputSchema = z
  .strictObject({ id: idSchema.optional(), date: isoDateSchema, text })
  .meta({ id: 'EvidenceFields' });

const goalFields = {
  title: name,
  why: optionalText.describe('Why it matters'),
  status: z.enum(GOAL_STATUSES),
  learnings: optionalText.describe('Required when letting go: what I learned'),
  directionId: idSchema.nullable().optional().describe('The direction it serves'),
  intentionId: idSchema.nullable().optional().describe('The intention it serves'),
  ifThen: z.array(ifThenSchema).max(20),
  // performance
  metric: metricSchema.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
  keyResults: z.array(keyResultSchema).max(20),
  // learning
  whatToLearn: optionalText,
  strategies: z.array(strategyInputSchema).max(50),
  evidence: z.array(evidenceInputSchema).max(200),
};

type GoalShape = {
  kind?: GoalKind | undefined;
  status?: GoalStatus | undefined;
  learnings?: string | null | undefined;
  metric?: unknown;
  dueDate?: string | null | undefined;
  whatToLearn?: string | null | undefined;
};

/** Fields a kind needs (checked on create; on edit the service checks the merged goal). */
export function goalKindIssues(g: GoalShape): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  if (g.kind === 'performance') {
    if (!g.metric) out.push({ path: 'metric', message: 'a performance goal needs a metric (baseline, target, unit)' });
    if (!g.dueDate) out.push({ path: 'dueDate', message: 'a performance goal needs a date' });
  }
  if (g.kind === 'learning' && !g.whatToLearn) {
    out.push({ path: 'whatToLearn', message: 'a learning goal says what is to be learned' });
  }
  if (g.status === 'letGo' && !g.learnings) {
    out.push({ path: 'learnings', message: 'letting go records what was learned' });
  }
  return out;
}

export const createGoalSchema = z
  .strictObject({
    kind: z.enum(GOAL_KINDS),
    ...goalFields,
    status: goalFields.status.default('exploring'),
    ifThen: goalFields.ifThen.default([]),
    keyResults: goalFields.keyResults.default([]),
    strategies: goalFields.strategies.default([]),
    evidence: goalFields.evidence.default([]),
  })
  .superRefine((g, ctx) => {
    for (const i of goalKindIssues(g)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  })
  .meta({ id: 'CreateGoal' });
export type CreateGoal = z.infer<typeof createGoalSchema>;
export type CreateGoalInput = z.input<typeof createGoalSchema>;

export const updateGoalSchema = z
  .strictObject({
    reason: text.describe('What changed, what I learned: required for every edit'),
    kind: z.enum(GOAL_KINDS).optional().describe('A goal can switch kind; its history stays'),
    title: goalFields.title.optional(),
    why: goalFields.why,
    status: goalFields.status.optional(),
    learnings: goalFields.learnings,
    directionId: goalFields.directionId,
    intentionId: goalFields.intentionId,
    ifThen: goalFields.ifThen.optional(),
    metric: goalFields.metric,
    dueDate: goalFields.dueDate,
    keyResults: goalFields.keyResults.optional(),
    whatToLearn: goalFields.whatToLearn,
    strategies: goalFields.strategies.optional(),
    evidence: goalFields.evidence.optional(),
  })
  .meta({ id: 'UpdateGoal' });
export type UpdateGoal = z.infer<typeof updateGoalSchema>;
export type UpdateGoalInput = z.input<typeof updateGoalSchema>;

// (experiment verdicts need the goal schema)
export const verdictBodySchema = z
  .strictObject({
    verdict: z.enum(VERDICTS),
    learned: text.describe('What I learned: kept in the learnings archive'),
    decidedOn: isoDateSchema.optional().describe('Default today; not before the start date'),
    goal: createGoalSchema
      .optional()
      .describe('deepen only: also create a goal; it serves the direction unless it says otherwise'),
    changes: updateExperimentSchema
      .extend({ startDate: isoDateSchema.optional().describe('Default: the decision day') })
      .optional()
      .describe('adjust only: what the next experiment changes; the rest is copied'),
  })
  .superRefine((v, ctx) => {
    if (v.goal && v.verdict !== 'deepen') ctx.addIssue({ code: 'custom', path: ['goal'], message: 'only with deepen' });
    if (v.changes && v.verdict !== 'adjust') {
      ctx.addIssue({ code: 'custom', path: ['changes'], message: 'only with adjust' });
    }
  })
  .meta({ id: 'ExperimentVerdictRequest' });
export type VerdictBody = z.infer<typeof verdictBodySchema>;

export const verdictResultSchema = z.object({
  experiment: experimentSchema,
  next: experimentSchema.nullable().describe('adjust: the new experiment, pre-filled'),
  goalId: z.string().nullable(),
});
export type VerdictResult = z.infer<typeof verdictResultSchema>;

export const keyResultDtoSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    target: z.number(),
    current: z.number(),
    unit: z.string().nullable(),
    confidence: z.number(),
  })
  .meta({ id: 'KeyResult' });
export const strategyDtoSchema = z
  .object({ id: z.string(), text: z.string(), tried: z.boolean(), reflection: z.string().nullable() })
  .meta({ id: 'Strategy' });
export const evidenceDtoSchema = z
  .object({ id: z.string(), date: isoDateSchema, text: z.string() })
  .meta({ id: 'Evidence' });

export const goalProgressSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('performance'),
      percent: z.number().nullable().describe('Metric progress from baseline to target, 0…100'),
      keyResults: z.array(z.object({ id: z.string(), percent: z.number().nullable(), confidence: z.number() })),
    }),
    z.object({
      kind: z.literal('learning'),
      strategiesTried: z.number(),
      strategies: z.number(),
      reflections: z.number(),
      evidence: z.number(),
      summary: z.string().describe('Progress in words: learning goals are not a number'),
    }),
  ])
  .meta({ id: 'GoalProgress' });

export const goalSchema = z
  .object({
    id: z.string(),
    kind: z.enum(GOAL_KINDS),
    title: z.string(),
    why: z.string().nullable(),
    status: z.enum(GOAL_STATUSES),
    learnings: z.string().nullable(),
    directionId: z.string().nullable(),
    intentionId: z.string().nullable(),
    ifThen: z.array(ifThenSchema),
    metric: metricSchema.nullable(),
    dueDate: isoDateSchema.nullable(),
    keyResults: z.array(keyResultDtoSchema),
    whatToLearn: z.string().nullable(),
    strategies: z.array(strategyDtoSchema),
    evidence: z.array(evidenceDtoSchema),
    progress: goalProgressSchema,
    revisions: z.number().describe('Edits so far (creation not counted)'),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof goalSchema>;

/** A goal as stored in a revision: everything but the derived fields. */
export const goalSnapshotSchema = goalSchema
  .omit({ progress: true, revisions: true, createdAt: true, updatedAt: true, deletedAt: true })
  .meta({ id: 'GoalSnapshot' });
export type GoalSnapshot = z.infer<typeof goalSnapshotSchema>;

export const goalRevisionSchema = z
  .object({
    number: z.number().describe('0 is the creation'),
    at: timestampSchema,
    reason: z.string(),
    changed: z.array(z.string()).describe('Fields that changed'),
    before: goalSnapshotSchema.nullable(),
    after: goalSnapshotSchema,
  })
  .meta({ id: 'GoalRevision' });
export type GoalRevision = z.infer<typeof goalRevisionSchema>;
export const goalRevisionListSchema = z.object({ revisions: z.array(goalRevisionSchema) });

export const goalListQuerySchema = z.strictObject({
  status: z.enum(GOAL_STATUSES).optional(),
  kind: z.enum(GOAL_KINDS).optional(),
  state: discoveryStateSchema,
});
export const goalListSchema = z.object({ goals: z.array(goalSchema) });

// ── intentions ──

export const HORIZON_KINDS = ['quarter', 'year', 'open'] as const;
export const horizonSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('quarter'),
      quarter: quarterSchema,
    }),
    z.strictObject({
      kind: z.literal('year'),
      year: yearSchema,
      theme: z.string().trim().min(1).max(LIMITS.nameMax).describe('The theme of the year'),
    }),
    z.strictObject({ kind: z.literal('open') }),
  ])
  .meta({ id: 'Horizon' });
export type Horizon = z.infer<typeof horizonSchema>;

export const intentionSchema = z
  .object({
    id: z.string(),
    statement: z.string().describe('"Lead with greater curiosity in team discussions"'),
    why: z.string().nullable().describe('The value behind it'),
    horizon: horizonSchema,
    practiceIds: z.array(z.string()),
    goalIds: z.array(z.string()),
    question: z.string().describe('"Where did I live this intention this week?"'),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Intention' });
export type Intention = z.infer<typeof intentionSchema>;

export const createIntentionSchema = z
  .strictObject({
    statement: text,
    why: optionalText,
    horizon: horizonSchema.default({ kind: 'open' }),
    practiceIds: z.array(idSchema).max(50).default([]),
    goalIds: z.array(idSchema).max(50).default([]),
  })
  .meta({ id: 'CreateIntention' });
export type CreateIntention = z.infer<typeof createIntentionSchema>;
export const updateIntentionSchema = z
  .strictObject({
    statement: text.optional(),
    why: optionalText,
    horizon: horizonSchema.optional(),
    practiceIds: z.array(idSchema).max(50).optional(),
    goalIds: z.array(idSchema).max(50).optional(),
  })
  .meta({ id: 'UpdateIntention' });
export type UpdateIntention = z.infer<typeof updateIntentionSchema>;
export const intentionListSchema = z.object({ intentions: z.array(intentionSchema) });

export const intentionWeekSchema = z
  .object({ isoWeek: z.string(), answer: z.string(), createdAt: timestampSchema, updatedAt: timestampSchema })
  .meta({ id: 'IntentionWeek' });
export type IntentionWeek = z.infer<typeof intentionWeekSchema>;
export const intentionWeekParamsSchema = z.strictObject({ id: idSchema, isoWeek: isoWeekSchema });
export const putIntentionWeekSchema = z.strictObject({ answer: text }).meta({ id: 'PutIntentionWeek' });
export const intentionWeekListSchema = z.object({ weeks: z.array(intentionWeekSchema) });

// ── advisor ──

export const ADVISOR_RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const;
export type AdvisorRuleId = (typeof ADVISOR_RULE_IDS)[number];
export const RECOMMENDATIONS = ['learningGoal', 'performanceGoal', 'intention', 'experimentFirst'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const advisorAnswersSchema = z
  .strictObject({
    control: z.enum(['low', 'some', 'high']).describe('How much of the outcome is in my control?'),
    novelty: z.enum(['new', 'some', 'familiar']).describe('How new or complex is the task for me?'),
    context: z.enum(['unstable', 'changing', 'stable']).describe('How stable is the context?'),
    capability: z.enum(['none', 'some', 'solid']).describe('Do I have the knowledge and skill already?'),
    why: z
      .enum(['ownValues', 'mixed', 'outsidePressure'])
      .describe('Why does it matter: my own values, or pressure from outside?'),
    structure: z.enum(['wants', 'neutral', 'constraining']).describe('How does structure (SMART, numbers) feel?'),
    selfEfficacy: z
      .enum(['low', 'medium', 'high'])
      .default('medium')
      .describe('How sure am I that I can do this? (commitment, self-efficacy)'),
  })
  .meta({ id: 'AdvisorAnswers' });
export type AdvisorAnswers = z.infer<typeof advisorAnswersSchema>;
export type AdvisorAnswersInput = z.input<typeof advisorAnswersSchema>;

export const advisorReasonSchema = z
  .object({
    ruleId: z.enum(ADVISOR_RULE_IDS),
    citation: z.string(),
    text: z.string(),
    points: z.enum([...RECOMMENDATIONS, 'addOn']).describe('What the rule argues for; addOn: a plan to add'),
  })
  .meta({ id: 'AdvisorReason' });

export const adviceSchema = z
  .object({
    recommendation: z.enum(RECOMMENDATIONS),
    summary: z.string(),
    reasons: z.array(advisorReasonSchema).min(1),
    ifThen: z.array(ifThenSchema).min(1).describe('At least one if-then plan to add (R8)'),
    milestones: z.boolean().describe('Add short, revisable checkpoints (a milestone map, R3)'),
  })
  .meta({ id: 'Advice' });
export type Advice = z.infer<typeof adviceSchema>;

export const goalAdviceSchema = adviceSchema
  .extend({
    goalKind: z.enum(GOAL_KINDS),
    keep: z.boolean().describe("True when the advice matches the goal's kind"),
    explanation: z.string(),
  })
  .meta({ id: 'GoalAdvice' });
export type GoalAdvice = z.infer<typeof goalAdviceSchema>;

// ── backwards chains ──

export const STEP_KINDS = ['idea', 'practice', 'task'] as const;
export const chainStepSchema = z
  .object({
    id: z.string(),
    isoWeek: z.string(),
    text: z.string(),
    kind: z.enum(STEP_KINDS).describe('idea: not scheduled yet; practice: became one; task: a one-off for its week'),
    practiceId: z.string().nullable(),
    done: z.boolean().describe('For a task: done in its week'),
    createdAt: timestampSchema,
  })
  .meta({ id: 'ChainStep' });

export const chainSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    question: z.string(),
    steps: z.array(chainStepSchema).describe('Oldest week first'),
    timeline: z
      .array(z.object({ isoWeek: z.string(), steps: z.array(z.string()).describe('Step ids') }))
      .describe('Every week from the earliest step to this week'),
    thisWeek: z.string(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    deletedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Chain' });
export type Chain = z.infer<typeof chainSchema>;

export const createChainSchema = z
  .strictObject({
    thisWeek: text.describe("This week's small thing"),
    title: name.nullable().optional(),
    isoWeek: isoWeekSchema.optional().describe('Default: this week'),
  })
  .meta({ id: 'CreateChain' });
export const addStepSchema = z
  .strictObject({ text: text.describe('What would I have needed to do the week before to make this easier?') })
  .meta({ id: 'AddChainStep' });
export const updateStepSchema = z
  .strictObject({
    text: text.optional(),
    task: z.boolean().optional().describe('true: make it a one-off task for its week; false: back to an idea'),
    done: z.boolean().optional(),
  })
  .meta({ id: 'UpdateChainStep' });
export const stepParamsSchema = z.strictObject({ id: idSchema, stepId: idSchema });
export const chainListSchema = z.object({ chains: z.array(chainSchema) });

// ── milestone maps ──

export const MILESTONE_STATUSES = ['open', 'reached', 'dropped'] as const;
const milestonePlanSchema = z.object({ title: z.string(), targetDate: isoDateSchema });
export const milestoneChangeSchema = z
  .object({
    at: timestampSchema,
    kind: z.enum(['moved', 'changed', 'dropped', 'reached', 'reopened']),
    before: z.object({ title: z.string(), targetDate: isoDateSchema, status: z.enum(MILESTONE_STATUSES) }),
    after: z.object({ title: z.string(), targetDate: isoDateSchema, status: z.enum(MILESTONE_STATUSES) }),
    reason: z.string().nullable(),
  })
  .meta({ id: 'MilestoneChange' });

export const milestoneSchema = z
  .object({
    id: z.string(),
    goalId: z.string().nullable(),
    directionId: z.string().nullable(),
    title: z.string(),
    targetDate: isoDateSchema,
    status: z.enum(MILESTONE_STATUSES),
    original: milestonePlanSchema.describe('As first planned'),
    changes: z.array(milestoneChangeSchema),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof milestoneSchema>;

export const createMilestoneSchema = z
  .strictObject({
    goalId: idSchema.optional(),
    directionId: idSchema.optional(),
    title: name,
    targetDate: isoDateSchema,
  })
  .superRefine((m, ctx) => {
    if ((m.goalId === undefined) === (m.directionId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['goalId'], message: 'give exactly one of goalId or directionId' });
    }
  })
  .meta({ id: 'CreateMilestone' });
export type CreateMilestone = z.infer<typeof createMilestoneSchema>;

export const updateMilestoneSchema = z
  .strictObject({
    title: name.optional(),
    targetDate: isoDateSchema.optional(),
    reason: text.describe('Why it moved or changed'),
  })
  .meta({ id: 'UpdateMilestone' });
export const dropMilestoneSchema = z.strictObject({ reason: text }).meta({ id: 'DropMilestone' });

export const milestoneMapQuerySchema = z
  .strictObject({ goalId: idSchema.optional(), directionId: idSchema.optional() })
  .refine((q) => (q.goalId === undefined) !== (q.directionId === undefined), {
    path: ['goalId'],
    message: 'give exactly one of goalId or directionId',
  });

export const milestoneMapSchema = z
  .object({
    original: z
      .array(milestonePlanSchema.extend({ id: z.string() }))
      .describe('Every checkpoint as first planned, by original date'),
    current: z.array(milestoneSchema).describe('Checkpoints not dropped, by current date'),
    dropped: z.array(milestoneSchema),
  })
  .meta({ id: 'MilestoneMap' });
export type MilestoneMap = z.infer<typeof milestoneMapSchema>;

/** One question of the goal-type advisor, shared by the web and the CLI so both ask the same thing. */
export interface AdvisorQuestion<K extends keyof AdvisorAnswers = keyof AdvisorAnswers> {
  key: K;
  text: string;
  hint?: string;
  options: Array<{ value: AdvisorAnswers[K]; label: string; hint?: string }>;
}

export const ADVISOR_QUESTIONS: AdvisorQuestion[] = [
  {
    key: 'control',
    text: 'How much of the outcome is in your control?',
    options: [
      { value: 'low', label: 'Little', hint: 'Others, luck or the market decide a lot' },
      { value: 'some', label: 'Some' },
      { value: 'high', label: 'Most of it', hint: 'If I do the work, it happens' },
    ],
  },
  {
    key: 'novelty',
    text: 'How new or complex is the task for you?',
    options: [
      { value: 'new', label: 'New or complex' },
      { value: 'some', label: 'Somewhat new' },
      { value: 'familiar', label: 'Familiar' },
    ],
  },
  {
    key: 'context',
    text: 'How stable is the context around it?',
    options: [
      { value: 'unstable', label: 'Unstable', hint: 'Restructures, shifting priorities' },
      { value: 'changing', label: 'Changing' },
      { value: 'stable', label: 'Stable' },
    ],
  },
  {
    key: 'capability',
    text: 'Do you already have the knowledge and skill?',
    options: [
      { value: 'none', label: 'Not yet' },
      { value: 'some', label: 'Some of it' },
      { value: 'solid', label: 'Yes, solidly' },
    ],
  },
  {
    key: 'why',
    text: 'Why does it matter to you?',
    options: [
      { value: 'ownValues', label: 'My own values', hint: 'I would do it even if nobody asked' },
      { value: 'mixed', label: 'A bit of both' },
      { value: 'outsidePressure', label: 'Pressure from outside', hint: 'Someone expects it of me' },
    ],
  },
  {
    key: 'structure',
    text: 'How do numbers and deadlines feel for this?',
    options: [
      { value: 'wants', label: 'Helpful', hint: 'I like a clear target' },
      { value: 'neutral', label: 'Fine either way' },
      { value: 'constraining', label: 'Constraining' },
    ],
  },
  {
    key: 'selfEfficacy',
    text: 'How sure are you that you can do it?',
    hint: 'Optional: “fairly sure” if you are not certain.',
    options: [
      { value: 'low', label: 'Not very sure' },
      { value: 'medium', label: 'Fairly sure' },
      { value: 'high', label: 'Very sure' },
    ],
  },
];
