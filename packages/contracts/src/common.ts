import { z } from 'zod';

/** A calendar date in a person's local time zone, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date().describe('Local calendar date, YYYY-MM-DD');
export type IsoDate = z.infer<typeof isoDateSchema>;

const zoneNames = new Set(Intl.supportedValuesOf('timeZone'));

function isTimeZone(value: string): boolean {
  if (value === 'UTC' || zoneNames.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as "Europe/Amsterdam" or "Pacific/Kiritimati". */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Not an IANA time zone name (e.g. "Europe/Amsterdam")' })
  .describe('IANA time zone name');

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

export const idSchema = z.string().min(1).max(64).describe('Opaque identifier');
export const idParamsSchema = z.strictObject({ id: idSchema });

export const timestampSchema = z.iso.datetime().describe('ISO 8601 instant, UTC');
