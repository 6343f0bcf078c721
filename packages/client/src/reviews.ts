import {
  errorBodySchema,
  type FeedSettings,
  feedRotateSchema,
  feedSettingsBodySchema,
  type InsightList,
  insightListSchema,
  type Progress,
  progressSchema,
  type Review,
  type ReviewAnswers,
  type ReviewListItem,
  reviewBodySchema,
  reviewListSchema,
  type UpdateFeedSettings,
} from '@tack/contracts';
import type { z } from 'zod';
import type { RawTransport } from './portability.ts';

type JsonRequest = <S extends z.ZodType | undefined = undefined>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  opts?: { body?: unknown; query?: Record<string, string | number | boolean | undefined>; schema?: S },
) => Promise<S extends z.ZodType ? z.infer<S> : unknown>;

const enc = encodeURIComponent;

/**
 * The weekly review, progress, insights and the calendar feed. `week` is an ISO week ('2026-W47':
 * your week holding that ISO week's Monday) or a date (your week holding it).
 */
export function reviewMethods(request: JsonRequest, t: RawTransport) {
  async function text(path: string): Promise<string> {
    const url = new URL(`${t.base}${path}`, t.base ? undefined : globalThis.location?.origin);
    const headers: Record<string, string> = {};
    if (t.token) headers.authorization = `Bearer ${t.token}`;
    let res: Response;
    try {
      res = await t.fetch(url, { method: 'GET', headers, credentials: 'same-origin' });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw t.fail(0, 'INTERNAL', `Could not reach the Tack server at ${url.origin}: ${reason}`);
    }
    const body = await res.text();
    if (!res.ok) {
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {}
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success)
        throw t.fail(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      throw t.fail(res.status, 'INTERNAL', `Unexpected ${res.status} answer from the server`);
    }
    return body;
  }

  return {
    reviews: {
      /** The week's review, created as a draft pre-filled from what happened the first time. */
      get: async (week: string): Promise<Review> =>
        (await request('GET', `/api/v1/reviews/${enc(week)}`, { schema: reviewBodySchema })).review,
      /** Saves the draft: fields given replace the saved ones. */
      update: async (week: string, answers: ReviewAnswers): Promise<Review> =>
        (await request('PUT', `/api/v1/reviews/${enc(week)}`, { body: answers, schema: reviewBodySchema })).review,
      /** Completes it: applies keep/adjust/drop and freezes the numbers. */
      complete: async (week: string, answers: ReviewAnswers = {}): Promise<Review> =>
        (await request('POST', `/api/v1/reviews/${enc(week)}/complete`, { body: answers, schema: reviewBodySchema }))
          .review,
      list: async (range: { from?: string; to?: string } = {}): Promise<ReviewListItem[]> =>
        (await request('GET', '/api/v1/reviews', { query: range, schema: reviewListSchema })).reviews,
      markdown: (week: string): Promise<string> => text(`/api/v1/reviews/${enc(week)}/markdown`),
    },
    progress: (range: { from?: string; to?: string } = {}): Promise<Progress> =>
      request('GET', '/api/v1/progress', { query: range, schema: progressSchema }),
    insights: {
      list: (): Promise<InsightList> => request('GET', '/api/v1/insights', { schema: insightListSchema }),
      dismiss: async (key: string): Promise<void> => {
        await request('POST', `/api/v1/insights/${enc(key)}/dismiss`);
      },
    },
    feed: {
      settings: async (): Promise<FeedSettings> =>
        (await request('GET', '/api/v1/feed/settings', { schema: feedSettingsBodySchema })).settings,
      updateSettings: async (patch: UpdateFeedSettings): Promise<FeedSettings> =>
        (await request('PATCH', '/api/v1/feed/settings', { body: patch, schema: feedSettingsBodySchema })).settings,
      /** A new secret calendar URL (shown once); the old one stops working. */
      rotate: (): Promise<{ url: string; settings: FeedSettings }> =>
        request('POST', '/api/v1/feed/rotate', { schema: feedRotateSchema }),
      revoke: async (): Promise<void> => {
        await request('DELETE', '/api/v1/feed');
      },
    },
  };
}
