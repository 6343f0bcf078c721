import { z } from 'zod';
import { idSchema, isoDateSchema, timestampSchema, WEEKDAYS } from './common.ts';
import { LIMITS } from './limits.ts';

export const MAX_SCHEDULE_DAYS = 365;

const wholeNumber = (min: number, max: number) =>
  z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** How often: "x times in y days" (rolling), specific weekdays, or every n days. */
export const frequencySchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('times'),
        times: wholeNumber(1, MAX_SCHEDULE_DAYS),
        days: wholeNumber(1, MAX_SCHEDULE_DAYS),
      })
      .refine((f) => f.times <= f.days, { path: ['times'], message: 'cannot be more than the number of days' }),
    z.strictObject({
      kind: z.literal('weekdays'),
      weekdays: z
        .array(z.enum(WEEKDAYS))
        .min(1, 'choose at least one weekday')
        .refine((w) => new Set(w).size === w.length, 'each weekday once'),
    }),
    z.strictObject({ kind: z.literal('interval'), everyDays: wholeNumber(1, MAX_SCHEDULE_DAYS) }),
  ])
  .meta({ id: 'Frequency' });
export type FrequencyDto = z.infer<typeof frequencySchema>;

/** "daily", "3× in 7 days", "once a week", "Mon, Thu", "every 2 days": as the web app and the review's Markdown say it. */
export function scheduleInWords(f: FrequencyDto): string {
  switch (f.kind) {
    case 'times':
      if (f.times === f.days) return 'daily';
      if (f.times === 1) return f.days === 7 ? 'once a week' : `once in ${f.days} days`;
      return `${f.times}× in ${f.days} days`;
    case 'weekdays':
      if (f.weekdays.length === 7) return 'daily';
      return WEEKDAYS.filter((d) => f.weekdays.includes(d))
        .map((d) => `${d.charAt(0).toUpperCase()}${d.slice(1, 3)}`)
        .join(', ');
    case 'interval':
      return f.everyDays === 1 ? 'daily' : `every ${f.everyDays} days`;
  }
}

/**
 * The days a measurable practice's target counts over: strength sums the amounts of the last this many
 * days and compares the sum with the target ("times in days" → days, weekdays → 7, "every n days" → n).
 */
export function targetWindowDays(f: FrequencyDto): number {
  if (f.kind === 'times') return f.days;
  if (f.kind === 'weekdays') return 7;
  return f.everyDays;
}

export const scheduleVersionSchema = z
  .object({ effectiveFrom: isoDateSchema, frequency: frequencySchema })
  .meta({ id: 'ScheduleVersion' });

export const ifThenSchema = z
  .strictObject({
    cue: z.string().trim().min(1).max(LIMITS.textMax).describe('If… the situation: "it is 7am on a weekday"'),
    action: z.string().trim().min(1).max(LIMITS.textMax).describe('…then: "I put on my running shoes"'),
  })
  .meta({ id: 'IfThenPlan' });

export const PRACTICE_KINDS = ['boolean', 'measurable'] as const;
export const TARGET_TYPES = ['atLeast', 'atMost'] as const;
export const PRACTICE_STATES = ['active', 'paused', 'archived', 'deleted'] as const;
export type PracticeState = (typeof PRACTICE_STATES)[number];

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f7a8c');

export const pauseSchema = z.object({ from: isoDateSchema, to: isoDateSchema.nullable() }).meta({ id: 'Pause' });

export const practiceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    why: z.string().nullable().describe('Why it matters'),
    areaId: z.string().nullable(),
    color: z.string(),
    kind: z.enum(PRACTICE_KINDS),
    unit: z.string().nullable(),
    target: z.number().nullable(),
    targetType: z.enum(TARGET_TYPES).nullable(),
    ifThen: ifThenSchema.nullable(),
    state: z.enum(PRACTICE_STATES),
    position: z.number(),
    schedule: scheduleVersionSchema.describe('The version in force today'),
    scheduleHistory: z.array(scheduleVersionSchema),
    pauses: z.array(pauseSchema),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    archivedAt: timestampSchema.nullable(),
    deletedAt: timestampSchema.nullable(),
    purgeAfter: timestampSchema.nullable().describe('When a deleted practice is removed for good'),
  })
  .meta({ id: 'Practice' });
export type Practice = z.infer<typeof practiceSchema>;

const optionalText = z.string().trim().max(LIMITS.textMax).nullable().optional();

export const createPracticeSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    description: optionalText,
    why: optionalText,
    areaId: idSchema.nullable().optional(),
    color: colorSchema.optional(),
    kind: z.enum(PRACTICE_KINDS).default('boolean'),
    unit: z.string().trim().min(1).max(LIMITS.unitMax).nullable().optional(),
    target: z.number().min(0, 'must be 0 or more').max(1e9).nullable().optional(),
    targetType: z.enum(TARGET_TYPES).nullable().optional(),
    ifThen: ifThenSchema.nullable().optional(),
    frequency: frequencySchema,
    startDate: isoDateSchema.optional().describe('First day of the schedule; default today'),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'measurable' && (p.target === undefined || p.target === null)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a measurable practice needs a target' });
    }
    if (p.kind === 'boolean') {
      for (const f of ['target', 'unit', 'targetType'] as const) {
        if (p[f] !== undefined && p[f] !== null) {
          ctx.addIssue({ code: 'custom', path: [f], message: 'only measurable practices have this' });
        }
      }
    }
  })
  .meta({ id: 'CreatePractice' });
export type CreatePractice = z.infer<typeof createPracticeSchema>;

export const updatePracticeSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
    description: optionalText,
    why: optionalText,
    areaId: idSchema.nullable().optional(),
    color: colorSchema.optional(),
    unit: z.string().trim().min(1).max(LIMITS.unitMax).nullable().optional(),
    target: z.number().min(0, 'must be 0 or more').max(1e9).optional(),
    targetType: z.enum(TARGET_TYPES).optional(),
    ifThen: ifThenSchema.nullable().optional(),
    position: z.number().int().min(0).max(1_000_000).optional(),
    schedule: z
      .strictObject({
        frequency: frequencySchema,
        effectiveFrom: isoDateSchema.describe(
          'The new schedule applies from this day on (it replaces any version dated this day or later; ' +
            "earlier strength is kept). Not before the practice's start (its first version)",
        ),
      })
      .optional(),
  })
  .meta({ id: 'UpdatePractice' });
export type UpdatePractice = z.infer<typeof updatePracticeSchema>;

export const practiceListQuerySchema = z.strictObject({
  state: z.enum(['active', 'paused', 'archived', 'deleted', 'all']).optional().describe('Default: active and paused'),
});

export const practiceListSchema = z.object({ practices: z.array(practiceSchema) });

export const pauseBodySchema = z
  .strictObject({
    from: isoDateSchema.optional().describe('Default today'),
    to: isoDateSchema.nullable().optional().describe('Last paused day; null or absent: until resumed'),
  })
  .meta({ id: 'PauseRequest' });

export const resumeBodySchema = z.strictObject({
  on: isoDateSchema.optional().describe('First active day; default today'),
});

export const schedulePreviewQuerySchema = z.strictObject({
  frequency: z.string().max(500).describe('The frequency as JSON'),
  from: isoDateSchema.optional(),
});

export const schedulePreviewSchema = z.object({
  days: z.array(z.object({ date: isoDateSchema, weekday: z.enum(WEEKDAYS), due: z.boolean() })),
});

// ── check-ins ──

export const CHECKIN_STATUSES = ['done', 'skipped', 'notDone'] as const;
export const ENERGY_MIN = -2;
export const ENERGY_MAX = 2;

export const energySchema = z
  .number({ message: 'must be a number from -2 to 2' })
  .int('must be a whole number from -2 to 2')
  .min(ENERGY_MIN, 'must be from -2 (drained me) to 2 (energised me)')
  .max(ENERGY_MAX, 'must be from -2 (drained me) to 2 (energised me)');

export const checkinSchema = z
  .object({
    practiceId: z.string(),
    date: isoDateSchema,
    status: z.enum(CHECKIN_STATUSES),
    value: z.number().nullable(),
    note: z.string().nullable(),
    energy: z.number().int().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'CheckIn' });
export type CheckinDto = z.infer<typeof checkinSchema>;

export const upsertCheckinSchema = z
  .strictObject({
    status: z.enum(CHECKIN_STATUSES).optional().describe('Default done'),
    value: z
      .number({ message: 'must be a number' })
      .min(0, 'cannot be negative')
      .max(1e9, 'at most 1000000000')
      .nullable()
      .optional(),
    note: z
      .string()
      .trim()
      .max(LIMITS.textMax)
      .nullable()
      .optional()
      .describe('Left out: the earlier note stays; null or empty: no note'),
    energy: energySchema.nullable().optional().describe('Left out: the earlier energy stays; null: none'),
  })
  .meta({ id: 'UpsertCheckIn' });
export type UpsertCheckin = z.infer<typeof upsertCheckinSchema>;

export const checkinParamsSchema = z.strictObject({ id: idSchema, date: isoDateSchema });

export const dateRangeQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const checkinListSchema = z.object({ checkins: z.array(checkinSchema) });

export const batchCheckinSchema = z
  .strictObject({
    date: isoDateSchema.optional().describe('Default today'),
    practiceIds: z.array(idSchema).min(1).max(200),
    status: z.enum(CHECKIN_STATUSES).default('done'),
  })
  .meta({ id: 'BatchCheckIn' });

// ── strength ──

export const streakSchema = z.object({
  start: isoDateSchema,
  end: isoDateSchema,
  length: z.number(),
  doneDays: z.number(),
});

export const strengthSchema = z
  .object({
    practiceId: z.string(),
    from: isoDateSchema,
    to: isoDateSchema,
    points: z.array(z.object({ date: isoDateSchema, score: z.number() })),
    current: z.number().describe('Score today, 0…1'),
    explanation: z.string(),
    streaks: z.object({ current: streakSchema.nullable(), best: streakSchema.nullable() }),
  })
  .meta({ id: 'Strength' });
export type StrengthDto = z.infer<typeof strengthSchema>;

// ── areas ──

export const areaSchema = z
  .object({ id: z.string(), name: z.string(), position: z.number(), createdAt: timestampSchema })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof areaSchema>;
export const areaListSchema = z.object({ areas: z.array(areaSchema) });
export const createAreaSchema = z.strictObject({ name: z.string().trim().min(1).max(LIMITS.nameMax) });
export const updateAreaSchema = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
});

// ── today ──

export const todayItemSchema = z
  .object({
    practice: practiceSchema,
    due: z.boolean(),
    paused: z.boolean(),
    checkin: checkinSchema.nullable(),
    strength: z.number(),
    explanation: z.string(),
  })
  .meta({ id: 'TodayItem' });
export type TodayItem = z.infer<typeof todayItemSchema>;

/**
 * Whether a day's amount keeps a measurable practice's target: true or false when the target is per day
 * (a window of one day), null when there is no amount or target, or the target counts over several days.
 */
export function dailyTargetMet(
  p: { target: number | null; targetType: 'atLeast' | 'atMost' | null; schedule: { frequency: FrequencyDto } },
  value: number | null,
): boolean | null {
  if (value === null || p.target === null || targetWindowDays(p.schedule.frequency) !== 1) return null;
  return p.targetType === 'atMost' ? value <= p.target : value >= p.target;
}

/**
 * A check-in said done whose amount misses its measurable practice's per-day target or goes over its
 * limit: logged, but not counted or shown as done (the web's Today, `tack today`, `tack checkin`).
 */
export function checkinOffTarget(
  p: Pick<TodayItem['practice'], 'kind' | 'target' | 'targetType' | 'schedule'>,
  checkin: Pick<CheckinDto, 'status' | 'value'> | null | undefined,
): boolean {
  return p.kind === 'measurable' && checkin?.status === 'done' && dailyTargetMet(p, checkin.value) === false;
}

/** The tally of a day's due practices: done, and done but off target (checkinOffTarget). */
export function todayTally(items: readonly Pick<TodayItem, 'practice' | 'checkin'>[]): {
  done: number;
  offTarget: number;
} {
  let done = 0;
  let offTarget = 0;
  for (const { practice, checkin } of items) {
    if (checkin?.status !== 'done') continue;
    if (checkinOffTarget(practice, checkin)) offTarget++;
    else done++;
  }
  return { done, offTarget };
}

export const todaySchema = z
  .object({
    date: isoDateSchema,
    timeZone: z.string(),
    items: z.array(todayItemSchema),
    areas: z.array(areaSchema),
  })
  .meta({ id: 'Today' });
export type Today = z.infer<typeof todaySchema>;

export const todayQuerySchema = z.strictObject({ date: isoDateSchema.optional() });
