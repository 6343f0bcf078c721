import { z } from 'zod';
import { isoDateSchema, timestampSchema, timeZoneSchema, weekdaySchema } from './common.ts';
import { LIMITS } from './limits.ts';
import {
  CHECKIN_STATUSES,
  colorSchema,
  frequencySchema,
  ifThenSchema,
  PRACTICE_KINDS,
  TARGET_TYPES,
} from './practices.ts';

// ── full backup (docs/backup-format.md, docs/backup-format.schema.json) ──

export const BACKUP_FORMAT = 'tack-backup';
export const BACKUP_VERSION = 1;

/**
 * The document refers to areas and practices by `ref` ("area-1", "practice-3"): references local to
 * the document, not database ids, so restoring into another account (or another server) and exporting
 * again gives the same document.
 */
const refSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" or "-"');

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
  unit: z.string().max(40).nullable(),
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

/**
 * Version 1 of the backup document. Later features add sections as new optional top-level keys
 * (an older Tack refuses a document whose `version` it does not know rather than dropping data).
 */
export const backupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: timestampSchema.describe('When the export was made; the only field that differs between exports'),
    profile: backupProfileSchema,
    areas: z.array(backupAreaSchema),
    practices: z.array(backupPracticeSchema),
  })
  .superRefine((doc, ctx) => {
    const areaRefs = new Set<string>();
    doc.areas.forEach((a, i) => {
      if (areaRefs.has(a.ref)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'ref'], message: 'used twice' });
      areaRefs.add(a.ref);
    });
    const practiceRefs = new Set<string>();
    const externals = new Set<string>();
    doc.practices.forEach((p, i) => {
      if (p.external) {
        const key = JSON.stringify([p.external.source, p.external.id]);
        if (externals.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['practices', i, 'external'],
            message: 'two practices come from the same item',
          });
        }
        externals.add(key);
      }
      if (practiceRefs.has(p.ref))
        ctx.addIssue({ code: 'custom', path: ['practices', i, 'ref'], message: 'used twice' });
      practiceRefs.add(p.ref);
      if (p.areaRef !== null && !areaRefs.has(p.areaRef)) {
        ctx.addIssue({ code: 'custom', path: ['practices', i, 'areaRef'], message: 'no area has this ref' });
      }
      if (p.kind === 'measurable' && p.target === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['practices', i, 'target'],
          message: 'a measurable practice needs a target',
        });
      }
      const dates = new Set<string>();
      p.checkins.forEach((c, j) => {
        if (dates.has(c.date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['practices', i, 'checkins', j, 'date'],
            message: 'two check-ins on one day',
          });
        }
        dates.add(c.date);
      });
      const starts = new Set<string>();
      p.schedule.forEach((s, j) => {
        if (starts.has(s.effectiveFrom)) {
          ctx.addIssue({
            code: 'custom',
            path: ['practices', i, 'schedule', j, 'effectiveFrom'],
            message: 'two schedule versions start on one day',
          });
        }
        starts.add(s.effectiveFrom);
      });
      p.pauses.forEach((r, j) => {
        if (r.to !== null && r.to < r.from) {
          ctx.addIssue({
            code: 'custom',
            path: ['practices', i, 'pauses', j, 'to'],
            message: 'must be on or after from',
          });
        }
      });
    });
  })
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
    notMapped: z
      .array(z.object({ item: z.string(), reason: z.string() }))
      .describe('What the file holds that Tack could not take over, and why'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummary = z.infer<typeof importSummarySchema>;

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
    $id: 'https://tack.invalid/schemas/backup-v1.json',
    title: 'Tack backup, format version 1',
    description:
      'Everything one person owns in Tack. See docs/backup-format.md for the rules a schema cannot state ' +
      '(refs must resolve, one check-in per practice and day, one schedule version per start day).',
    ...z.toJSONSchema(backupSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}
