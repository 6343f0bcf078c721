import { z } from 'zod';
import { idSchema, isoDateSchema, timestampSchema } from './common.ts';
import { LIMITS } from './limits.ts';
import { frequencySchema } from './practices.ts';

/**
 * A week, as the API addresses it. Two spellings, one rule:
 * - `YYYY-MM-DD`: the person's week that contains this date (normally its first day);
 * - `YYYY-Www` (ISO 8601 week): the person's week that contains that ISO week's Monday.
 * Either way the review is keyed by the date the person's week starts (their `weekStart`), in their
 * time zone: with weeks starting on Sunday, 2026-W47 (Monday 2026-11-16) is the week of 2026-11-15.
 */
export const weekParamSchema = z.strictObject({
  week: z.string().max(20).describe("YYYY-Www (ISO week) or YYYY-MM-DD: the person's week containing that day"),
});

/** The WHO-5 Well-Being Index, exactly as published; the wording must not be altered. */
export const WHO5 = {
  source:
    'WHO-5 Well-Being Index (WHO, 1998), Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Frederiksborg General Hospital, Hillerød, Denmark. Review: Topp, Østergaard, Søndergaard & Bech (2015), Psychotherapy and Psychosomatics 84, 167–176.',
  intro:
    'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.',
  items: [
    'I have felt cheerful and in good spirits',
    'I have felt calm and relaxed',
    'I have felt active and vigorous',
    'I woke up feeling fresh and rested',
    'My daily life has been filled with things that interest me',
  ],
  scale: [
    { value: 5, label: 'All of the time' },
    { value: 4, label: 'Most of the time' },
    { value: 3, label: 'More than half of the time' },
    { value: 2, label: 'Less than half of the time' },
    { value: 1, label: 'Some of the time' },
    { value: 0, label: 'At no time' },
  ],
} as const;

export const COMPARISON_QUESTION = 'Did you compare yourself with others this week?';
export const INTENTION_REVIEW_QUESTION = 'Where did I live this intention this week?';
export const REVIEW_DECISIONS = ['keep', 'adjust', 'drop'] as const;

const text = z.string().trim().max(LIMITS.textMax).nullable().optional();
const who5Item = z
  .number({ message: 'must be a number from 0 to 5' })
  .int('must be a whole number from 0 to 5')
  .min(0, 'must be from 0 (at no time) to 5 (all of the time)')
  .max(5, 'must be from 0 (at no time) to 5 (all of the time)');

export const reviewDecisionSchema = z
  .strictObject({
    practiceId: idSchema,
    decision: z.enum(REVIEW_DECISIONS),
    frequency: frequencySchema.optional().describe('For adjust: the schedule from next week on'),
    reason: z.string().trim().max(LIMITS.textMax).optional().describe('For drop: why (kept with the review)'),
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** What the person writes, step by step. Every field optional: a draft saves whatever is there. */
export const reviewAnswersSchema = z
  .strictObject({
    line: text.describe('Step 1: one line of your own about the week'),
    energised: text.describe('Step 2: what energised you'),
    drained: text.describe('Step 2: what drained you'),
    decisions: z.array(reviewDecisionSchema).max(200).optional().describe('Step 3: keep, adjust or drop per practice'),
    intentions: z
      .array(z.strictObject({ intentionId: idSchema, answer: z.string().trim().max(LIMITS.textMax) }))
      .max(100)
      .optional()
      .describe(`Step 4: "${INTENTION_REVIEW_QUESTION}"`),
    smallThing: text.describe("Step 5: next week's one small thing"),
    who5: z
      .array(who5Item)
      .length(5, 'answer all five statements, or none')
      .nullable()
      .optional()
      .describe('Step 6 (optional): WHO-5, five answers 0–5 in the published order; private to you'),
    compared: z.boolean().nullable().optional().describe(COMPARISON_QUESTION),
  })
  .meta({ id: 'ReviewAnswers' });
export type ReviewAnswers = z.infer<typeof reviewAnswersSchema>;

export const reviewPracticeWeekSchema = z
  .object({
    practiceId: z.string(),
    name: z.string(),
    kind: z.enum(['boolean', 'measurable']),
    unit: z.string().nullable(),
    state: z.string(),
    planned: z
      .number()
      .describe(
        'Check-ins the schedule asked for this week (paused days excluded), up to today while the week is under way',
      ),
    done: z
      .number()
      .describe('Check-ins marked done this week; a measurable one counts when its amount keeps a per-day target'),
    skipped: z.number(),
    pausedDays: z.number(),
    amount: z.number().nullable().describe('Sum of the amounts, for measurable practices'),
    strengthStart: z.number().describe('Strength at the end of the day before the week, 0…1'),
    strengthEnd: z.number().describe('Strength at the end of the week (or today), 0…1'),
  })
  .meta({ id: 'ReviewPracticeWeek' });

export const weekSummarySchema = z
  .object({
    practices: z.array(reviewPracticeWeekSchema),
    planned: z.number().describe("The practices' planned check-ins added up (up to today while the week is under way)"),
    done: z
      .number()
      .describe('Planned check-ins done: each practice adds its done check-ins, at most as many as it planned'),
    checkins: z.number().describe('Check-ins of any status this week'),
    energy: z
      .array(z.object({ date: isoDateSchema, average: z.number(), marks: z.number() }))
      .describe('Days with energy marks on check-ins, -2 (drained) … 2 (energised)'),
    notes: z.array(z.object({ date: isoDateSchema, practiceId: z.string(), practice: z.string(), note: z.string() })),
    experimentNotes: z
      .array(
        z.object({
          experimentId: z.string(),
          hypothesis: z.string(),
          date: isoDateSchema,
          tag: z.enum(['energises', 'drains']),
          text: z.string(),
        }),
      )
      .describe('Energises/drains notes from experiments running this week'),
    intentions: z
      .array(z.object({ id: z.string(), statement: z.string() }))
      .describe('Intentions to reflect on in step 4'),
  })
  .meta({ id: 'WeekSummary' });
export type WeekSummary = z.infer<typeof weekSummarySchema>;

export const reviewSchema = z
  .object({
    id: z.string(),
    weekStart: isoDateSchema.describe("First day of the person's week: the review's key"),
    weekEnd: isoDateSchema,
    isoWeek: z
      .string()
      .describe(
        'The ISO week of the Monday inside this week: its name, and the week its intention answers are filed under',
      ),
    status: z.enum(['draft', 'completed']),
    answers: reviewAnswersSchema,
    who5Score: z.number().nullable().describe('WHO-5 raw × 4, 0–100; null when not answered'),
    summary: weekSummarySchema.describe('Live while a draft; frozen at completion'),
    applied: z
      .array(
        z.object({
          practiceId: z.string(),
          decision: z.enum(REVIEW_DECISIONS),
          effectiveFrom: isoDateSchema.nullable(),
        }),
      )
      .describe('What completing the review changed'),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    completedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof reviewSchema>;

export const reviewBodySchema = z.object({ review: reviewSchema });

export const reviewListQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const reviewListItemSchema = z
  .object({
    weekStart: isoDateSchema,
    isoWeek: z.string(),
    status: z.enum(['draft', 'completed']),
    planned: z.number(),
    done: z.number(),
    checkins: z.number(),
    line: z.string().nullable(),
    smallThing: z.string().nullable(),
    completedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ReviewListItem' });
export const reviewListSchema = z.object({ reviews: z.array(reviewListItemSchema) });
export type ReviewListItem = z.infer<typeof reviewListItemSchema>;

// ── progress (recognising effort) ──

export const progressQuerySchema = z.strictObject({
  from: isoDateSchema.optional().describe('Default: 28 days before to'),
  to: isoDateSchema.optional().describe('Default: today'),
});

export const progressSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    checkins: z.number().describe('Check-ins marked done'),
    practiceMinutes: z.number().describe('Sum of measurable practices counted in minutes'),
    practicesStarted: z.number(),
    lessonsRecorded: z.number().describe('Completed reviews with a line of your own'),
    experimentsRun: z.number(),
    experimentsDecided: z.number(),
    strategiesTried: z.number(),
    notes: z.array(z.string()).describe('Anything not counted, and why'),
  })
  .meta({ id: 'Progress' });
export type Progress = z.infer<typeof progressSchema>;
