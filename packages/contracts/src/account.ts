import { z } from 'zod';
import { timestampSchema, timeZoneSchema, weekdaySchema } from './common.ts';
import { LIMITS } from './limits.ts';

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    timeZone: timeZoneSchema,
    weekStart: weekdaySchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const meResponseSchema = z.object({ user: userSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const updateMeSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
    timeZone: timeZoneSchema.optional(),
    weekStart: weekdaySchema.optional(),
  })
  .meta({ id: 'UpdateMe' });
export type UpdateMe = z.infer<typeof updateMeSchema>;

export const setupStatusSchema = z.object({
  needsFirstAccount: z.boolean().describe('True on a fresh install with no accounts yet'),
  version: z.string(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('First characters of the token, to recognise it'),
    createdAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createTokenSchema = z
  .strictObject({ name: z.string().trim().min(1).max(LIMITS.tokenNameMax) })
  .meta({ id: 'CreateToken' });
export type CreateToken = z.infer<typeof createTokenSchema>;

export const createTokenResponseSchema = z.object({
  token: z.string().describe('The secret. Shown once; store it now.'),
  apiToken: apiTokenSchema,
});
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

export const tokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export type TokenList = z.infer<typeof tokenListSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
