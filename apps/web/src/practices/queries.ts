import type { CheckinDto, Today, TodayItem, UpsertCheckin } from '@tack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export type PracticeFilter = 'active' | 'paused' | 'archived' | 'deleted' | 'all';

export const practiceKeys = {
  today: ['today'] as const,
  areas: ['areas'] as const,
  list: (state: PracticeFilter | 'live') => ['practices', 'list', state] as const,
  all: ['practices'] as const,
  one: (id: string) => ['practices', 'one', id] as const,
  strength: (id: string, from: string, to: string) => ['practices', 'strength', id, from, to] as const,
  checkins: (id: string, from: string, to: string) => ['practices', 'checkins', id, from, to] as const,
  preview: (frequency: string, from: string) => ['schedule-preview', frequency, from] as const,
};

export function useToday() {
  return useQuery({ queryKey: practiceKeys.today, queryFn: () => api.today() });
}

export function useAreas() {
  return useQuery({ queryKey: practiceKeys.areas, queryFn: () => api.areas.list() });
}

export function usePracticeList(state: PracticeFilter | 'live') {
  return useQuery({
    queryKey: practiceKeys.list(state),
    queryFn: () => api.practices.list(state === 'live' ? undefined : state),
  });
}

export function usePractice(id: string) {
  return useQuery({ queryKey: practiceKeys.one(id), queryFn: () => api.practices.get(id) });
}

/** After anything that changes practices or check-ins: refresh every view of them. */
export function useInvalidatePractices() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: practiceKeys.today }),
      qc.invalidateQueries({ queryKey: practiceKeys.all }),
      qc.invalidateQueries({ queryKey: practiceKeys.areas }),
    ]);
}

export type CheckinChange =
  | { practiceId: string; date: string; input: UpsertCheckin; remove?: false }
  | { practiceId: string; date: string; remove: true };

function applyChange(item: TodayItem, change: CheckinChange): TodayItem {
  if (change.remove) return { ...item, checkin: null };
  const now = new Date().toISOString();
  const previous: CheckinDto = item.checkin ?? {
    practiceId: change.practiceId,
    date: change.date,
    status: 'done',
    value: null,
    note: null,
    energy: null,
    createdAt: now,
    updatedAt: now,
  };
  const { input } = change;
  return {
    ...item,
    checkin: {
      ...previous,
      status: input.status ?? previous.status,
      value: input.value !== undefined ? input.value : previous.value,
      note: input.note !== undefined ? input.note : previous.note,
      energy: input.energy !== undefined ? input.energy : previous.energy,
      updatedAt: now,
    },
  };
}

/**
 * Check-ins from the Today view, applied at once (optimistic) and rolled back when the server
 * refuses; the caller shows the error. Several changes go in one call (a whole area).
 */
export function useCheckinMutation() {
  const qc = useQueryClient();
  const invalidate = useInvalidatePractices();
  return useMutation({
    mutationFn: async (changes: CheckinChange[]) => {
      const first = changes[0];
      if (!first) return;
      const batchable = changes.length > 1 && changes.every((c) => !c.remove && c.date === first.date && !c.input.note);
      if (batchable) {
        await api.checkins.batch({ date: first.date, practiceIds: changes.map((c) => c.practiceId), status: 'done' });
        return;
      }
      for (const c of changes) {
        if (c.remove) await api.checkins.remove(c.practiceId, c.date);
        else await api.checkins.put(c.practiceId, c.date, c.input);
      }
    },
    onMutate: async (changes) => {
      await qc.cancelQueries({ queryKey: practiceKeys.today });
      const before = qc.getQueryData<Today>(practiceKeys.today);
      if (before) {
        qc.setQueryData<Today>(practiceKeys.today, {
          ...before,
          items: before.items.map((item) => {
            const change = changes.find((c) => c.practiceId === item.practice.id && c.date === before.date);
            return change ? applyChange(item, change) : item;
          }),
        });
      }
      return { before };
    },
    onError: (_error, _changes, context) => {
      if (context?.before) qc.setQueryData(practiceKeys.today, context.before);
    },
    onSettled: () => invalidate(),
  });
}
