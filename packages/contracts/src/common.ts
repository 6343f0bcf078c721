import { z } from 'zod';

/**
 * The dates Tack takes in: from 2000 (no habit tracker holds older records, and a year-1 date made the day-by-day
 * scores replay two thousand years) to 2999 (dates Tack works out from one, such as an experiment's decision
 * date, stay four-digit).
 */
export const DATE_RANGE = { min: '2000-01-01', max: '2999-12-31' } as const;
/** The same range for weeks, in words: "must be a week from 2000 to 2999". */
export const WEEK_RANGE_MESSAGE = `must be a week from ${DATE_RANGE.min.slice(0, 4)} to ${DATE_RANGE.max.slice(0, 4)}`;

/** The check of DATE_RANGE, on what comes in only: a date Tack works out and sends may lie a little past it. */
function dateInRange(value: string, ctx: z.core.ParsePayload<string>) {
  if (value < DATE_RANGE.min || value > DATE_RANGE.max) {
    ctx.issues.push({
      code: 'custom',
      message: `must be a date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
      input: value,
    });
  }
  return value;
}

const YEARS = { min: Number(DATE_RANGE.min.slice(0, 4)), max: Number(DATE_RANGE.max.slice(0, 4)) } as const;

/** A quarter like 2026-Q4, its year within DATE_RANGE on what comes in (as dates are). */
export const quarterSchema = z
  .codec(z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q4'), z.string(), {
    decode: (value, ctx) => {
      const year = Number(value.slice(0, 4));
      if (year < YEARS.min || year > YEARS.max) {
        ctx.issues.push({
          code: 'custom',
          message: `must be a quarter from ${YEARS.min}-Q1 to ${YEARS.max}-Q4`,
          input: value,
        });
      }
      return value;
    },
    encode: (value) => value,
  })
  .describe(`A quarter like 2026-Q4, from ${YEARS.min}-Q1 to ${YEARS.max}-Q4`);

/** A calendar year within DATE_RANGE (the limit was 2200 until 2026-11, so every stored year is inside). */
export const yearSchema = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(YEARS.min, `must be a year from ${YEARS.min} to ${YEARS.max}`)
  .max(YEARS.max, `must be a year from ${YEARS.min} to ${YEARS.max}`);

/** A calendar date in a person's local time zone, YYYY-MM-DD. */
export const isoDateSchema = z
  .codec(z.iso.date({ message: 'must be a real date as YYYY-MM-DD' }), z.iso.date(), {
    decode: dateInRange,
    encode: (value) => value,
  })
  .describe(`Local calendar date, YYYY-MM-DD, from ${DATE_RANGE.min} to ${DATE_RANGE.max}`);
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

/**
 * Today's IANA names of zones some ICU builds (Node's, Chromium's) still list only by their old names: someone
 * in Kolkata looks for "Kolkata", not "Calcutta". Both are accepted and kept as given.
 */
export const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  'America/Godthab': 'America/Nuuk',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

const zonesByLowerCase = new Map(
  [...zoneNames, ...Object.values(CURRENT_ZONE_NAMES), 'UTC'].map((name) => [name.toLowerCase(), name]),
);

/**
 * A zone as IANA spells it: "america/new_york" is America/New_York. Calendar apps match a feed's TZID
 * exactly, so a zone stored as typed gave events no zone definition.
 */
export function canonicalTimeZone(value: string): string {
  const known = zonesByLowerCase.get(value.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return value;
  }
}

const zoneText = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Not an IANA time zone name (e.g. "Europe/Amsterdam")' });

/** An IANA time zone name such as "Europe/Amsterdam" or "Pacific/Kiritimati"; taken in any letter case. */
export const timeZoneSchema = z
  .codec(zoneText, zoneText, { decode: canonicalTimeZone, encode: (value) => value })
  .describe('IANA time zone name');

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

export const idSchema = z.string().min(1).max(64).describe('Opaque identifier');
export const idParamsSchema = z.strictObject({ id: idSchema });

export const timestampSchema = z.iso.datetime().describe('ISO 8601 instant, UTC');
