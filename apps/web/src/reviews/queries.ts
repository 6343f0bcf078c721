import type { Review, ReviewAnswers, UpdateFeedSettings } from '@tack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

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

/** Saves the draft; the answer replaces the cached review so the summary stays live. */
export function useSaveReview(week: string, queryWeek: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: ReviewAnswers) => api.reviews.update(week, answers),
    onSuccess: (review: Review) => {
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
