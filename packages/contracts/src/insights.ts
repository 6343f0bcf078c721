import { z } from 'zod';
import { timestampSchema } from './common.ts';

/** The pitfalls Tack watches for (METHOD.md §4, after Ordóñez, Schweitzer, Galinsky & Bazerman 2009). */
export const PITFALL_IDS = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type PitfallId = (typeof PITFALL_IDS)[number];
/** Each pitfall's short name, for people (the ids are for keys and the method's references). */
export const PITFALL_NAMES: Readonly<Record<PitfallId, string>> = {
  P1: 'Expectations',
  P2: 'Flexibility',
  P3: 'Balance',
  P4: 'Recovery',
  P5: 'Comparison',
};

export const insightSchema = z
  .object({
    key: z
      .string()
      .describe('Stable while the condition holds: the pitfall id, plus the practice or goal it is about (P1-<id>)'),
    pitfall: z.enum(PITFALL_IDS),
    title: z.string(),
    explanation: z.string().describe('Plain language: what Tack noticed'),
    suggestion: z.string().describe('A suggested next step; never a diagnosis'),
    source: z.string().describe('The research it rests on'),
    subject: z
      .object({
        kind: z.enum(['practice', 'goal', 'area', 'person']),
        id: z.string().nullable(),
        name: z.string().nullable(),
      })
      .describe('What it is about'),
    evidence: z
      .array(z.object({ label: z.string(), value: z.union([z.number(), z.string(), z.boolean(), z.null()]) }))
      .describe('The numbers behind it: why it appeared'),
  })
  .meta({ id: 'Insight' });
export type Insight = z.infer<typeof insightSchema>;

export const insightListSchema = z
  .object({
    insights: z.array(insightSchema),
    dismissed: z.number().describe('Insights hidden because you dismissed them and their condition still holds'),
    notes: z.array(z.string()).describe('Detectors that could not run, and why'),
  })
  .meta({ id: 'Insights' });
export type InsightList = z.infer<typeof insightListSchema>;

export const insightKeyParamsSchema = z.strictObject({
  key: z
    .string()
    .min(2)
    .max(100)
    .regex(/^P[1-5](-[\w-]+)?$/, 'must be an insight key like P1-<id>'),
});

export const dismissedInsightSchema = z.object({ key: z.string(), dismissedAt: timestampSchema });
