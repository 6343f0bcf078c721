import { createClient, TackApiError } from '@tack/client';
import type { FieldIssue, Review, ReviewAnswers, UpdateFeedSettings } from '@tack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { withoutFields } from './lib.ts';

export const reviewKeys = {
  all: ['reviews'] as const,
  one: (week: string) => ['reviews', 'one', week] as const,
  list: ['reviews', 'list'] as const,
  insights: ['insights'] as const,
  progress: (from: string, to: string) => ['progress', from, to] as const,
  feed: ['feed-settings'] as const,
};

/** The week's review: the server creates the pre-filled draft the first time it is asked. */
export function useReview(week: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.one(week ?? ''),
    queryFn: () => api.reviews.get(week ?? ''),
    enabled: Boolean(week),
    staleTime: 0,
  });
}

export function useReviewList() {
  return useQuery({ queryKey: reviewKeys.list, queryFn: () => api.reviews.list() });
}

/**
 * The same client with `keepalive` requests: a draft save sent as the page is left or reloaded still
 * reaches the server. Browsers carry at most 64 KB of keepalive bodies, so a larger draft goes the usual way.
 */
const keepaliveApi = createClient({
  fetch: (input, init) => globalThis.fetch(input, { ...init, keepalive: true }),
});
const KEEPALIVE_MAX_BYTES = 60_000;

export interface SavedDraft {
  review: Review;
  /** The API's issues (paths such as `drained`, `decisions.0.reason`) left out of this save: it refused them. */
  rejected: FieldIssue[];
}

/** Whether a draft is small enough to be sent while the page unloads. */
export function fitsKeepalive(answers: ReviewAnswers): boolean {
  return new TextEncoder().encode(JSON.stringify(answers)).length <= KEEPALIVE_MAX_BYTES;
}

/**
 * PUTs the whole draft. When the API refuses some fields (too long, say), saves the rest without them,
 * so one bad field never blocks saving the others.
 */
export async function saveDraft(week: string, answers: ReviewAnswers): Promise<SavedDraft> {
  const send = (a: ReviewAnswers) => (fitsKeepalive(a) ? keepaliveApi : api).reviews.update(week, a);
  try {
    return { review: await send(answers), rejected: [] };
  } catch (error) {
    const issues = error instanceof TackApiError && error.code === 'VALIDATION_FAILED' ? error.details.issues : [];
    const rejected = (issues ?? []).filter((i) => i.path && i.path !== 'week');
    if (rejected.length === 0) throw error;
    const review = await send(
      withoutFields(
        answers,
        rejected.map((i) => i.path),
      ),
    );
    return { review, rejected };
  }
}

/** Saves the draft; the answer replaces the cached review so the summary stays live (also after leaving). */
export function useSaveReview(week: string, queryWeek: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: ReviewAnswers) => saveDraft(week, answers),
    onSuccess: ({ review }: SavedDraft) => {
      qc.setQueryData(reviewKeys.one(queryWeek), review);
      void qc.invalidateQueries({ queryKey: reviewKeys.list });
    },
  });
}

/** `queryWeek`: how the page asked for the review (a date or the week start), the cache key to update. */
export function useCompleteReview(week: string, queryWeek: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: ReviewAnswers) => api.reviews.complete(week, answers),
    onSuccess: (review: Review) => {
      qc.setQueryData(reviewKeys.one(queryWeek), review);
      qc.setQueryData(reviewKeys.one(review.weekStart), review);
      void qc.invalidateQueries({ queryKey: reviewKeys.list });
      void qc.invalidateQueries({ queryKey: reviewKeys.insights });
      // Keep/adjust/drop changed practices.
      void qc.invalidateQueries({ queryKey: ['practices'] });
      void qc.invalidateQueries({ queryKey: ['today'] });
    },
  });
}

export function useInsights() {
  return useQuery({ queryKey: reviewKeys.insights, queryFn: () => api.insights.list() });
}

export function useDismissInsight() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.insights.dismiss(key),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.insights }),
  });
}

export function useProgress(from: string, to: string) {
  return useQuery({ queryKey: reviewKeys.progress(from, to), queryFn: () => api.progress({ from, to }) });
}

export function useFeedSettings() {
  return useQuery({ queryKey: reviewKeys.feed, queryFn: () => api.feed.settings() });
}

export function useUpdateFeedSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateFeedSettings) => api.feed.updateSettings(patch),
    onSuccess: (settings) => qc.setQueryData(reviewKeys.feed, settings),
  });
}

export function useRotateFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.feed.rotate(),
    onSuccess: (answer) => qc.setQueryData(reviewKeys.feed, answer.settings),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.feed.revoke(),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.feed }),
  });
}
