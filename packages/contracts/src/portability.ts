import { z } from 'zod';
import { isoDateSchema, quarterSchema, timestampSchema, timeZoneSchema, weekdaySchema, yearSchema } from './common.ts';
import { LIMITS } from './limits.ts';
import {
  CHECKIN_STATUSES,
  colorSchema,
  frequencySchema,
  ifThenSchema,
  PRACTICE_KINDS,
  TARGET_TYPES,
} from './practices.ts';
import {
  REVIEW_DECISIONS,
  reviewAnswersSchema,
  reviewDecisionSchema,
  reviewPracticeWeekSchema,
  weekSummarySchema,
} from './reviews.ts';

// ── full backup (docs/backup-format.md, docs/backup-format.schema.json) ──

export const BACKUP_FORMAT = 'tack-backup';
/** The version exports write. Restore also reads every earlier version (BACKUP_VERSIONS_READ). */
export const BACKUP_VERSION = 2;
export const BACKUP_VERSIONS_READ = [1, 2] as const;

/**
 * The document refers to its items by `ref` ("area-1", "practice-3", "goal-2"): references local to
 * the document, not database ids, so restoring into another account (or another server) and exporting
 * again gives the same document.
 */
const refSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" or "-"');
/** A reference that may name something no longer in the account (then null; see the format's docs). */
const linkSchema = refSchema.nullable();
/** Ids of parts inside an item (answers, notes, key results, steps…): kept as they are. */
const partIdSchema = z.string().min(1).max(64);
const nameText = z.string().min(1).max(LIMITS.nameMax);
const longText = z.string().max(LIMITS.textMax);
const amount = z.number().min(-1e12).max(1e12);
const deletable = { createdAt: timestampSchema, updatedAt: timestampSchema, deletedAt: timestampSchema.nullable() };

export const backupCheckinSchema = z.strictObject({
  date: isoDateSchema,
  status: z.enum(CHECKIN_STATUSES),
  value: z.number().min(0).max(1e9).nullable(),
  note: z.string().max(LIMITS.textMax).nullable(),
  energy: z.number().int().min(-2).max(2).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type BackupCheckin = z.infer<typeof backupCheckinSchema>;

export const backupPracticeSchema = z.strictObject({
  ref: refSchema,
  areaRef: refSchema.nullable(),
  name: z.string().min(1).max(LIMITS.nameMax),
  description: z.string().max(LIMITS.textMax).nullable(),
  why: z.string().max(LIMITS.textMax).nullable(),
  color: colorSchema,
  kind: z.enum(PRACTICE_KINDS),
  unit: z.string().max(LIMITS.unitMax).nullable(),
  target: z.number().min(0).max(1e9).nullable(),
  targetType: z.enum(TARGET_TYPES).nullable(),
  ifThen: ifThenSchema.nullable(),
  position: z.number().int().min(0).max(10_000_000),
  external: z.strictObject({ source: z.string().min(1).max(40), id: z.string().min(1).max(200) }).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  archivedAt: timestampSchema.nullable(),
  deletedAt: timestampSchema.nullable(),
  schedule: z.array(z.strictObject({ effectiveFrom: isoDateSchema, frequency: frequencySchema })).min(1),
  pauses: z.array(z.strictObject({ from: isoDateSchema, to: isoDateSchema.nullable() })),
  checkins: z.array(backupCheckinSchema),
});
export type BackupPractice = z.infer<typeof backupPracticeSchema>;

export const backupAreaSchema = z.strictObject({
  ref: refSchema,
  name: z.string().min(1).max(LIMITS.nameMax),
  position: z.number().int().min(0).max(10_000_000),
  createdAt: timestampSchema,
});
export type BackupArea = z.infer<typeof backupAreaSchema>;

export const backupProfileSchema = z.strictObject({
  name: z.string().min(1).max(LIMITS.nameMax),
  timeZone: timeZoneSchema,
  weekStart: weekdaySchema,
});

// ── version 2: discovery, reviews, insights, calendar-feed settings ──

export const backupDirectionSchema = z.strictObject({
  ref: refSchema,
  name: nameText,
  description: longText.nullable(),
  answers: z.array(
    z.strictObject({
      id: partIdSchema,
      text: longText,
      practiceRef: linkSchema.describe('The practice this answer became, if any'),
      createdAt: timestampSchema,
    }),
  ),
  ...deletable,
});
export type BackupDirection = z.infer<typeof backupDirectionSchema>;

export const backupExperimentSchema = z.strictObject({
  ref: refSchema,
  directionRef: refSchema,
  hypothesis: longText,
  practiceRefs: z.array(linkSchema),
  startDate: isoDateSchema,
  lengthWeeks: z.number().int().min(1).max(520),
  decisionDate: isoDateSchema,
  notes: z.array(
    z.strictObject({
      id: partIdSchema,
      date: isoDateSchema,
      tag: z.enum(['energises', 'drains']),
      text: longText,
      createdAt: timestampSchema,
    }),
  ),
  verdict: z
    .strictObject({
      verdict: z.enum(['deepen', 'adjust', 'letGo']),
      learned: longText,
      decidedOn: isoDateSchema,
      goalRef: linkSchema.describe('deepen: the goal made from it'),
      nextExperimentRef: linkSchema.describe('adjust: the experiment that followed'),
    })
    .nullable(),
  previousExperimentRef: linkSchema,
  ...deletable,
});
export type BackupExperiment = z.infer<typeof backupExperimentSchema>;

/** A goal's fields as a revision records them (before and after an edit). */
export const backupGoalStateSchema = z.strictObject({
  kind: z.enum(['performance', 'learning']),
  title: nameText,
  why: longText.nullable(),
  status: z.enum(['exploring', 'active', 'paused', 'achieved', 'letGo']),
  learnings: longText.nullable(),
  directionRef: linkSchema,
  intentionRef: linkSchema,
  ifThen: z.array(ifThenSchema),
  metric: z
    .strictObject({
      name: nameText,
      unit: z.string().min(1).max(LIMITS.unitMax),
      baseline: amount,
      target: amount,
      current: amount.optional(),
    })
    .nullable(),
  dueDate: isoDateSchema.nullable(),
  keyResults: z.array(
    z.strictObject({
      id: partIdSchema,
      title: nameText,
      target: amount,
      current: amount,
      unit: z.string().max(LIMITS.unitMax).nullable(),
      confidence: z.number().int().min(0).max(10),
    }),
  ),
  whatToLearn: longText.nullable(),
  strategies: z.array(
    z.strictObject({ id: partIdSchema, text: longText, tried: z.boolean(), reflection: longText.nullable() }),
  ),
  evidence: z.array(z.strictObject({ id: partIdSchema, date: isoDateSchema, text: longText })),
});
export type BackupGoalState = z.infer<typeof backupGoalStateSchema>;

export const backupGoalSchema = backupGoalStateSchema.extend({
  ref: refSchema,
  ...deletable,
  revisions: z
    .array(
      z.strictObject({
        number: z.number().int().min(0).describe('0 is the creation'),
        at: timestampSchema,
        reason: longText,
        changed: z.array(z.string().max(64)),
        before: backupGoalStateSchema.nullable(),
        after: backupGoalStateSchema,
      }),
    )
    .describe('The whole revision history, oldest first'),
});
export type BackupGoal = z.infer<typeof backupGoalSchema>;

export const backupIntentionSchema = z.strictObject({
  ref: refSchema,
  statement: longText,
  why: longText.nullable(),
  horizon: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('quarter'), quarter: quarterSchema }),
    z.strictObject({ kind: z.literal('year'), year: yearSchema, theme: nameText }),
    z.strictObject({ kind: z.literal('open') }),
  ]),
  practiceRefs: z.array(linkSchema),
  goalRefs: z.array(linkSchema),
  ...deletable,
  weeks: z
    .array(
      z.strictObject({
        isoWeek: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week like 2026-W47'),
        answer: longText,
        createdAt: timestampSchema,
        updatedAt: timestampSchema,
      }),
    )
    .describe('"Where did I live this intention this week?", oldest week first'),
});
export type BackupIntention = z.infer<typeof backupIntentionSchema>;

export const backupChainSchema = z.strictObject({
  ref: refSchema,
  title: nameText.nullable(),
  steps: z.array(
    z.strictObject({
      id: partIdSchema,
      isoWeek: z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week like 2026-W47'),
      text: longText,
      kind: z.enum(['idea', 'practice', 'task']),
      practiceRef: linkSchema,
      done: z.boolean(),
      createdAt: timestampSchema,
    }),
  ),
  ...deletable,
});
export type BackupChain = z.infer<typeof backupChainSchema>;

const milestoneState = z.strictObject({
  title: nameText,
  targetDate: isoDateSchema,
  status: z.enum(['open', 'reached', 'dropped']),
});
export const backupMilestoneSchema = z.strictObject({
  ref: refSchema,
  goalRef: linkSchema,
  directionRef: linkSchema,
  title: nameText,
  targetDate: isoDateSchema,
  status: z.enum(['open', 'reached', 'dropped']),
  original: z.strictObject({ title: nameText, targetDate: isoDateSchema }).describe('As first planned'),
  changes: z
    .array(
      z.strictObject({
        at: timestampSchema,
        kind: z.enum(['moved', 'changed', 'dropped', 'reached', 'reopened']),
        before: milestoneState,
        after: milestoneState,
        reason: longText.nullable(),
      }),
    )
    .describe('Every move, change, drop and reach, oldest first'),
  ...deletable,
});
export type BackupMilestone = z.infer<typeof backupMilestoneSchema>;

/** A review's answers: the API's, with practice and intention refs instead of ids. */
export const backupReviewAnswersSchema = reviewAnswersSchema.extend({
  decisions: z
    .array(reviewDecisionSchema.omit({ practiceId: true }).extend({ practiceRef: linkSchema }).strict())
    .max(200)
    .optional(),
  intentions: z
    .array(z.strictObject({ intentionRef: linkSchema, answer: z.string().max(LIMITS.textMax) }))
    .max(100)
    .optional(),
});
export type BackupReviewAnswers = z.infer<typeof backupReviewAnswersSchema>;

/** The week's numbers frozen at completion: the API's, with refs instead of ids. */
export const backupWeekSummarySchema = weekSummarySchema.extend({
  practices: z.array(reviewPracticeWeekSchema.omit({ practiceId: true }).extend({ practiceRef: linkSchema })),
  notes: z.array(z.object({ date: isoDateSchema, practiceRef: linkSchema, practice: z.string(), note: z.string() })),
  experimentNotes: z.array(
    z.object({
      experimentRef: linkSchema,
      hypothesis: z.string(),
      date: isoDateSchema,
      tag: z.enum(['energises', 'drains']),
      text: z.string(),
    }),
  ),
  intentions: z.array(z.object({ intentionRef: linkSchema, statement: z.string() })),
});
export type BackupWeekSummary = z.infer<typeof backupWeekSummarySchema>;

export const backupReviewSchema = z.strictObject({
  weekStart: isoDateSchema.describe("First day of the person's week: one review per week"),
  status: z.enum(['draft', 'completed']),
  answers: backupReviewAnswersSchema.describe("Including the WHO-5 answers, if given: the person's own data"),
  summary: backupWeekSummarySchema.nullable().describe('Frozen at completion; null for a draft'),
  applied: z.array(
    z.strictObject({
      practiceRef: linkSchema,
      decision: z.enum(REVIEW_DECISIONS),
      effectiveFrom: isoDateSchema.nullable(),
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
});
export type BackupReview = z.infer<typeof backupReviewSchema>;

export const backupInsightDismissalSchema = z.strictObject({
  insight: z.string().min(1).max(64).describe('The pitfall (P1…P5), or the whole key when it names no item'),
  subjectRef: linkSchema.describe('The practice or goal the dismissed insight was about'),
  dismissedAt: timestampSchema,
});
export type BackupInsightDismissal = z.infer<typeof backupInsightDismissalSchema>;

export const backupFeedSettingsSchema = z
  .strictObject({
    reviewDay: weekdaySchema,
    reviewTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 18:30'),
    reviewMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    practiceTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:30'),
    updatedAt: timestampSchema,
  })
  .describe('Calendar-feed settings; never the secret feed URL (a restored account makes a new one)');
export type BackupFeedSettings = z.infer<typeof backupFeedSettingsSchema>;

const v1Shape = {
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: timestampSchema.describe('When the export was made; the only field that differs between exports'),
  profile: backupProfileSchema,
  areas: z.array(backupAreaSchema),
  practices: z.array(backupPracticeSchema),
};

type Ctx = z.core.$RefinementCtx;
type Path = Array<string | number>;
const issue = (ctx: Ctx, path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

/** The rules of version 1 (areas and practices). `uniqueAcross`: refs unique over the whole document. */
function checkPractices(
  doc: { areas: BackupArea[]; practices: BackupPractice[] },
  ctx: Ctx,
  seen: Set<string> | null,
): void {
  const areaRefs = new Set<string>();
  doc.areas.forEach((a, i) => {
    if (areaRefs.has(a.ref) || seen?.has(a.ref)) issue(ctx, ['areas', i, 'ref'], 'used twice');
    areaRefs.add(a.ref);
    seen?.add(a.ref);
  });
  const practiceRefs = new Set<string>();
  const externals = new Set<string>();
  doc.practices.forEach((p, i) => {
    if (p.external) {
      const key = JSON.stringify([p.external.source, p.external.id]);
      if (externals.has(key)) issue(ctx, ['practices', i, 'external'], 'two practices come from the same item');
      externals.add(key);
    }
    if (practiceRefs.has(p.ref) || seen?.has(p.ref)) issue(ctx, ['practices', i, 'ref'], 'used twice');
    practiceRefs.add(p.ref);
    seen?.add(p.ref);
    if (p.areaRef !== null && !areaRefs.has(p.areaRef)) issue(ctx, ['practices', i, 'areaRef'], 'no area has this ref');
    if (p.kind === 'measurable' && p.target === null) {
      issue(ctx, ['practices', i, 'target'], 'a measurable practice needs a target');
    }
    const dates = new Set<string>();
    p.checkins.forEach((c, j) => {
      if (dates.has(c.date)) issue(ctx, ['practices', i, 'checkins', j, 'date'], 'two check-ins on one day');
      dates.add(c.date);
    });
    const starts = new Set<string>();
    p.schedule.forEach((s, j) => {
      if (starts.has(s.effectiveFrom)) {
        issue(ctx, ['practices', i, 'schedule', j, 'effectiveFrom'], 'two schedule versions start on one day');
      }
      starts.add(s.effectiveFrom);
    });
    p.pauses.forEach((r, j) => {
      if (r.to !== null && r.to < r.from)
        issue(ctx, ['practices', i, 'pauses', j, 'to'], 'must be on or after the first paused day (from)');
    });
  });
}

/** Version 1 of the backup document (areas and practices only); still read by restore. */
export const backupV1Schema = z
  .strictObject(v1Shape)
  .superRefine((doc, ctx) => checkPractices(doc, ctx, null))
  .meta({ id: 'BackupV1' });
export type BackupV1 = z.infer<typeof backupV1Schema>;

const v2Shape = {
  ...v1Shape,
  version: z.literal(2),
  directions: z.array(backupDirectionSchema),
  experiments: z.array(backupExperimentSchema),
  goals: z.array(backupGoalSchema),
  intentions: z.array(backupIntentionSchema),
  chains: z.array(backupChainSchema),
  milestones: z.array(backupMilestoneSchema),
  reviews: z.array(backupReviewSchema),
  insightDismissals: z.array(backupInsightDismissalSchema),
  feedSettings: backupFeedSettingsSchema.nullable(),
};
type V2 = z.infer<z.ZodObject<typeof v2Shape>>;

/** Version 2's rules: every ref unique in the document, and every link names an item of the right kind. */
function checkLinks(doc: V2, ctx: Ctx): void {
  const seen = new Set<string>();
  checkPractices(doc, ctx, seen);
  const kinds = new Map<string, Set<string>>();
  const define = (kind: string, items: Array<{ ref: string }>) => {
    const refs = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.ref)) issue(ctx, [kind, i, 'ref'], 'used twice');
      seen.add(item.ref);
      refs.add(item.ref);
    });
    kinds.set(kind, refs);
  };
  // (checkPractices saw the practices' refs)
  kinds.set('practices', new Set(doc.practices.map((p) => p.ref)));
  define('directions', doc.directions);
  define('experiments', doc.experiments);
  define('goals', doc.goals);
  define('intentions', doc.intentions);
  define('chains', doc.chains);
  define('milestones', doc.milestones);
  const link = (kind: string, ref: string | null, path: Path) => {
    if (ref !== null && !kinds.get(kind)?.has(ref)) issue(ctx, path, `no ${kind.slice(0, -1)} has this ref`);
  };
  const links = (kind: string, refs: ReadonlyArray<string | null>, path: (j: number) => Path) => {
    for (const [j, ref] of refs.entries()) link(kind, ref, path(j));
  };
  const unique = (values: string[], path: (j: number) => Path, message: string) => {
    const s = new Set<string>();
    values.forEach((v, j) => {
      if (s.has(v)) issue(ctx, path(j), message);
      s.add(v);
    });
  };
  doc.directions.forEach((d, i) => {
    links(
      'practices',
      d.answers.map((a) => a.practiceRef),
      (j) => ['directions', i, 'answers', j, 'practiceRef'],
    );
    unique(
      d.answers.map((a) => a.id),
      (j) => ['directions', i, 'answers', j, 'id'],
      'used twice',
    );
  });
  doc.experiments.forEach((e, i) => {
    const at = (...rest: Path): Path => ['experiments', i, ...rest];
    link('directions', e.directionRef, at('directionRef'));
    links('practices', e.practiceRefs, (j) => at('practiceRefs', j));
    link('experiments', e.previousExperimentRef, at('previousExperimentRef'));
    if (e.verdict) {
      link('goals', e.verdict.goalRef, at('verdict', 'goalRef'));
      link('experiments', e.verdict.nextExperimentRef, at('verdict', 'nextExperimentRef'));
    }
    if (e.decisionDate < e.startDate) issue(ctx, at('decisionDate'), 'must be on or after startDate');
    unique(
      e.notes.map((n) => n.id),
      (j) => at('notes', j, 'id'),
      'used twice',
    );
  });
  const state = (g: BackupGoalState, path: Path) => {
    link('directions', g.directionRef, [...path, 'directionRef']);
    link('intentions', g.intentionRef, [...path, 'intentionRef']);
  };
  doc.goals.forEach((g, i) => {
    state(g, ['goals', i]);
    unique(
      g.revisions.map((r) => String(r.number)),
      (j) => ['goals', i, 'revisions', j, 'number'],
      'used twice',
    );
    g.revisions.forEach((r, j) => {
      if (r.before) state(r.before, ['goals', i, 'revisions', j, 'before']);
      state(r.after, ['goals', i, 'revisions', j, 'after']);
    });
  });
  doc.intentions.forEach((n, i) => {
    links('practices', n.practiceRefs, (j) => ['intentions', i, 'practiceRefs', j]);
    links('goals', n.goalRefs, (j) => ['intentions', i, 'goalRefs', j]);
    unique(
      n.weeks.map((w) => w.isoWeek),
      (j) => ['intentions', i, 'weeks', j, 'isoWeek'],
      'two answers for one week',
    );
  });
  doc.chains.forEach((c, i) => {
    links(
      'practices',
      c.steps.map((s) => s.practiceRef),
      (j) => ['chains', i, 'steps', j, 'practiceRef'],
    );
    unique(
      c.steps.map((s) => s.id),
      (j) => ['chains', i, 'steps', j, 'id'],
      'used twice',
    );
  });
  doc.milestones.forEach((m, i) => {
    link('goals', m.goalRef, ['milestones', i, 'goalRef']);
    link('directions', m.directionRef, ['milestones', i, 'directionRef']);
  });
  unique(
    doc.reviews.map((r) => r.weekStart),
    (j) => ['reviews', j, 'weekStart'],
    'two reviews of one week',
  );
  doc.reviews.forEach((r, i) => {
    const at = (...rest: Path): Path => ['reviews', i, ...rest];
    links(
      'practices',
      (r.answers.decisions ?? []).map((d) => d.practiceRef),
      (j) => at('answers', 'decisions', j, 'practiceRef'),
    );
    links(
      'intentions',
      (r.answers.intentions ?? []).map((d) => d.intentionRef),
      (j) => at('answers', 'intentions', j, 'intentionRef'),
    );
    links(
      'practices',
      r.applied.map((a) => a.practiceRef),
      (j) => at('applied', j, 'practiceRef'),
    );
    if (r.summary) {
      const sum = r.summary;
      links(
        'practices',
        sum.practices.map((p) => p.practiceRef),
        (j) => at('summary', 'practices', j, 'practiceRef'),
      );
      links(
        'practices',
        sum.notes.map((p) => p.practiceRef),
        (j) => at('summary', 'notes', j, 'practiceRef'),
      );
      links(
        'experiments',
        sum.experimentNotes.map((p) => p.experimentRef),
        (j) => at('summary', 'experimentNotes', j, 'experimentRef'),
      );
      links(
        'intentions',
        sum.intentions.map((p) => p.intentionRef),
        (j) => at('summary', 'intentions', j, 'intentionRef'),
      );
    }
    if (r.status === 'completed' && (r.summary === null || r.completedAt === null)) {
      issue(ctx, at('summary'), 'a completed review has its frozen summary and completedAt');
    }
  });
  unique(
    doc.insightDismissals.map((d) => JSON.stringify([d.insight, d.subjectRef])),
    (j) => ['insightDismissals', j],
    'dismissed twice',
  );
  doc.insightDismissals.forEach((d, i) => {
    if (d.subjectRef !== null && !seen.has(d.subjectRef)) {
      issue(ctx, ['insightDismissals', i, 'subjectRef'], 'no item has this ref');
    }
  });
}

/**
 * The backup document, version 2: version 1's sections plus discovery (directions, experiments,
 * goals with their revisions, intentions with their weekly answers, chains, milestones), weekly
 * reviews, insight dismissals and calendar-feed settings. A later Tack adds sections and raises
 * `version`; restore reads every version in BACKUP_VERSIONS_READ.
 */
export const backupSchema = z
  .strictObject(v2Shape)
  .superRefine((doc, ctx) => checkLinks(doc, ctx))
  .meta({ id: 'Backup' });
export type Backup = z.infer<typeof backupSchema>;

// ── imports ──

export const IMPORT_SOURCES = ['loop', 'habitica', 'backup'] as const;

export const importSummarySchema = z
  .object({
    source: z.enum(IMPORT_SOURCES),
    format: z.string().describe('What the file was recognised as, e.g. "loop-backup", "loop-csv-zip", "habitica-json"'),
    practicesCreated: z.number().int(),
    practicesUpdated: z.number().int(),
    checkins: z.number().int().describe('Check-ins written (new or updated)'),
    areas: z.number().int(),
    restored: z
      .object({
        directions: z.number().int(),
        experiments: z.number().int(),
        goals: z.number().int(),
        intentions: z.number().int(),
        chains: z.number().int(),
        milestones: z.number().int(),
        reviews: z.number().int(),
      })
      .nullable()
      .describe(
        'A backup restore: how many of each item beyond practices came back (deleted ones included); null for other imports',
      ),
    notMapped: z
      .array(z.object({ item: z.string(), reason: z.string() }))
      .describe('What the file holds that Tack could not take over, and why'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Singular and plural of each item a backup holds beyond practices, in the order people read them. */
export const RESTORED_ITEM_WORDS: Record<keyof NonNullable<ImportSummary['restored']>, [string, string]> = {
  directions: ['direction', 'directions'],
  experiments: ['experiment', 'experiments'],
  goals: ['goal', 'goals'],
  intentions: ['intention', 'intentions'],
  chains: ['chain', 'chains'],
  milestones: ['milestone', 'milestones'],
  reviews: ['weekly review', 'weekly reviews'],
};

/**
 * "2 directions, 1 experiment and 5 weekly reviews": the non-zero counts, in the order of `words`
 * (singular and plural of each), or "" when all are zero.
 */
export function countsInWords<K extends string>(
  counts: Readonly<Record<K, number>>,
  words: Record<K, [string, string]>,
) {
  const parts = (Object.keys(words) as K[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${words[k][counts[k] === 1 ? 0 : 1]}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What a restore brought back beyond practices, in words ("" for none, or for another import). */
export function restoredInWords(restored: ImportSummary['restored']): string {
  return restored ? countsInWords(restored, RESTORED_ITEM_WORDS) : '';
}

export const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json').describe('json: the full backup document; csv: one row per check-in'),
});

// ── account erasure ──

export const ERASURE_GRACE_DAYS = 7;

export const erasureRequestSchema = z
  .strictObject({
    confirm: z.string().min(1).max(LIMITS.emailMax).describe("Your account's email address, typed again"),
  })
  .meta({ id: 'ErasureRequest' });

export const erasureStatusSchema = z
  .object({
    scheduled: z.boolean(),
    requestedAt: timestampSchema.nullable(),
    purgeAfter: timestampSchema.nullable().describe('From this instant the account and everything in it is deleted'),
  })
  .meta({ id: 'ErasureStatus' });
export type ErasureStatus = z.infer<typeof erasureStatusSchema>;

// ── Habitica's userdata.json: the parts Tack reads (unknown fields are ignored) ──

const when = z.union([z.number().finite(), z.string().min(1).max(64)]);
const habitSchema = z.looseObject({
  id: z.string().min(1).max(200),
  text: z.string().max(10_000),
  notes: z.string().max(100_000).nullish(),
  up: z.boolean().nullish(),
  down: z.boolean().nullish(),
  frequency: z.string().max(20).nullish(),
  history: z
    .array(
      z.looseObject({
        date: when,
        value: z.number().nullish(),
        scoredUp: z.number().nullish(),
        scoredDown: z.number().nullish(),
      }),
    )
    .nullish(),
});
const dailySchema = z.looseObject({
  id: z.string().min(1).max(200),
  text: z.string().max(10_000),
  notes: z.string().max(100_000).nullish(),
  frequency: z.string().max(20).nullish(),
  everyX: z.number().int().nullish(),
  startDate: when.nullish(),
  repeat: z.record(z.string(), z.boolean()).nullish(),
  daysOfMonth: z.array(z.number()).nullish(),
  history: z
    .array(
      z.looseObject({
        date: when,
        value: z.number().nullish(),
        isDue: z.boolean().nullish(),
        completed: z.boolean().nullish(),
      }),
    )
    .nullish(),
});
const todoSchema = z.looseObject({ id: z.string().nullish(), text: z.string().max(10_000) });

export const habiticaExportSchema = z.looseObject({
  preferences: z.looseObject({ timezoneOffset: z.number().finite().nullish() }).nullish(),
  tasks: z.looseObject({
    habits: z.array(habitSchema).default([]),
    dailys: z.array(dailySchema).default([]),
    todos: z.array(todoSchema).default([]),
    rewards: z.array(z.unknown()).default([]),
  }),
});

/** The JSON Schema of the backup document, as published in docs/backup-format.schema.json. */
export function backupJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://tack.invalid/schemas/backup-v2.json',
    title: 'Tack backup, format version 2',
    description:
      'Everything one person owns in Tack. See docs/backup-format.md for the rules a schema cannot state ' +
      '(refs unique and resolving to an item of the right kind, one check-in per practice and day, one ' +
      'schedule version per start day, one review per week).',
    ...z.toJSONSchema(backupSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}

/** Version 1, still read by restore: docs/backup-format-v1.schema.json. */
export function backupV1JsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://tack.invalid/schemas/backup-v1.json',
    title: 'Tack backup, format version 1',
    description:
      'Areas and practices only (Tack before discovery and reviews). Restore still reads it. See docs/backup-format.md.',
    ...z.toJSONSchema(backupV1Schema, { target: 'draft-2020-12', io: 'input' }),
  };
}
