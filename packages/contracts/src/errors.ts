import { z } from 'zod';

/**
 * The closed list of error codes Tack returns. Stable: clients and scripts match on these.
 * The server maps each code to one HTTP status in one table (apps/server/src/errors.ts).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CONFIRMATION_REQUIRED',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

export const fieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "schedule.times"'),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      details: z
        .object({ issues: z.array(fieldIssueSchema).optional() })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A zod issue as it reaches us: zod's own, or the copy fastify-type-provider-zod keeps in `params`. */
export interface IssueLike {
  code?: string | undefined;
  message?: string | undefined;
  origin?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: unknown;
  expected?: unknown;
  values?: unknown;
  options?: unknown;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * zod's default messages ("Too big: expected string to have <=80 characters") in plain words ("at most 80
 * characters"). A message a schema wrote itself is kept as it is.
 */
export function plainIssueMessage(issue: IssueLike): string {
  const message = issue.message ?? 'Invalid value';
  if (issue.code === 'invalid_union' && Array.isArray(issue.options) && issue.options.length > 0) {
    return `must be one of: ${issue.options.map(String).join(', ')}`;
  }
  if (message === 'Invalid ISO date') return 'must be a real date as YYYY-MM-DD';
  if (!/^(Too big|Too small|Invalid input|Invalid option):/.test(message)) return message;
  const origin = typeof issue.origin === 'string' ? issue.origin : '';
  const inclusive = issue.inclusive !== false;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    const max = issue.maximum;
    if (origin === 'string') return `at most ${plural(inclusive ? max : max - 1, 'character', 'characters')}`;
    if (origin === 'array' || origin === 'set') return `at most ${plural(inclusive ? max : max - 1, 'item', 'items')}`;
    if (origin === 'number' || origin === 'int') return inclusive ? `at most ${max}` : `less than ${max}`;
  }
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') {
    const min = issue.minimum;
    if (origin === 'string')
      return min <= 1 && inclusive
        ? 'must not be empty'
        : `at least ${plural(inclusive ? min : min + 1, 'character', 'characters')}`;
    if (origin === 'array' || origin === 'set') return `at least ${plural(inclusive ? min : min + 1, 'item', 'items')}`;
    if (origin === 'number' || origin === 'int') return inclusive ? `at least ${min}` : `more than ${min}`;
  }
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    if (/received undefined$/.test(message)) return 'required';
    const what: Record<string, string> = {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      array: 'a list',
      object: 'an object',
      null: 'null',
    };
    return `must be ${what[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_value' && Array.isArray(issue.values) && issue.values.length > 0) {
    return `must be one of: ${issue.values.map(String).join(', ')}`;
  }
  return message;
}
