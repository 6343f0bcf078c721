import { z } from 'zod';
import { timestampSchema, weekdaySchema } from './common.ts';

/** When the weekly review happens; the calendar feed carries it as a weekly event. */
export const feedSettingsSchema = z
  .object({
    reviewDay: weekdaySchema,
    reviewTime: z.string().describe("HH:MM, in the person's time zone"),
    reviewMinutes: z.number(),
    practiceTime: z.string().describe("HH:MM: when practices' reminders sit in the calendar"),
    feedActive: z.boolean().describe('Whether a secret calendar URL exists (the URL itself is shown only when made)'),
    feedCreatedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'FeedSettings' });
export type FeedSettings = z.infer<typeof feedSettingsSchema>;

export const updateFeedSettingsSchema = z
  .strictObject({
    reviewDay: weekdaySchema.optional(),
    reviewTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 18:30')
      .optional(),
    reviewMinutes: z
      .number()
      .int('must be a whole number')
      .min(5, 'at least 5 minutes')
      .max(180, 'at most 180 minutes')
      .optional(),
    practiceTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:30')
      .optional(),
  })
  .meta({ id: 'UpdateFeedSettings' });
export type UpdateFeedSettings = z.infer<typeof updateFeedSettingsSchema>;

export const feedSettingsBodySchema = z.object({ settings: feedSettingsSchema });

export const feedRotateSchema = z
  .object({
    url: z.string().describe('The secret iCalendar URL. Shown once: only a digest is stored'),
    settings: feedSettingsSchema,
  })
  .meta({ id: 'FeedRotated' });

export const feedSecretParamsSchema = z.strictObject({
  secret: z.string().min(1).max(200),
});
