import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export const discoveryKeys = {
  directions: ['directions'] as const,
  direction: (id: string) => ['directions', id] as const,
  experiments: ['experiments'] as const,
  experimentList: (directionId?: string) => ['experiments', 'list', directionId ?? 'all'] as const,
  experiment: (id: string) => ['experiments', 'one', id] as const,
  learnings: ['learnings'] as const,
  goals: ['goals'] as const,
  goalList: ['goals', 'list'] as const,
  goal: (id: string) => ['goals', 'one', id] as const,
  revisions: (id: string) => ['goals', 'revisions', id] as const,
  intentions: ['intentions'] as const,
  intentionWeeks: (id: string) => ['intentions', 'weeks', id] as const,
  chains: ['chains'] as const,
  milestones: ['milestones'] as const,
  milestoneMap: (kind: 'goal' | 'direction', id: string) => ['milestones', kind, id] as const,
  /** The deleted ones, under the feature's root key (so invalidating the feature refreshes them). */
  deleted: (feature: 'directions' | 'experiments' | 'goals' | 'intentions' | 'chains') => [feature, 'deleted'] as const,
};

export function useDirections() {
  return useQuery({ queryKey: discoveryKeys.directions, queryFn: () => api.directions.list() });
}
export function useDirection(id: string) {
  return useQuery({ queryKey: discoveryKeys.direction(id), queryFn: () => api.directions.get(id) });
}
export function useExperiments(directionId?: string) {
  return useQuery({
    queryKey: discoveryKeys.experimentList(directionId),
    queryFn: () => api.experiments.list(directionId ? { directionId } : {}),
  });
}
export function useExperiment(id: string) {
  return useQuery({ queryKey: discoveryKeys.experiment(id), queryFn: () => api.experiments.get(id) });
}
export function useLearnings() {
  return useQuery({ queryKey: discoveryKeys.learnings, queryFn: () => api.learnings() });
}
export function useGoals() {
  return useQuery({ queryKey: discoveryKeys.goalList, queryFn: () => api.goals.list() });
}
export function useGoal(id: string) {
  return useQuery({ queryKey: discoveryKeys.goal(id), queryFn: () => api.goals.get(id) });
}
export function useRevisions(id: string) {
  return useQuery({ queryKey: discoveryKeys.revisions(id), queryFn: () => api.goals.revisions(id) });
}
export function useIntentions() {
  return useQuery({ queryKey: discoveryKeys.intentions, queryFn: () => api.intentions.list() });
}
export function useIntentionWeeks(id: string) {
  return useQuery({ queryKey: discoveryKeys.intentionWeeks(id), queryFn: () => api.intentions.weeks(id) });
}
export function useChains() {
  return useQuery({ queryKey: discoveryKeys.chains, queryFn: () => api.chains.list() });
}
export function useMilestoneMap(of: { goalId: string } | { directionId: string }) {
  const key =
    'goalId' in of
      ? discoveryKeys.milestoneMap('goal', of.goalId)
      : discoveryKeys.milestoneMap('direction', of.directionId);
  return useQuery({ queryKey: key, queryFn: () => api.milestones.map(of) });
}

/** After a change anywhere in discovery: refresh its views (they link to each other), practices and reviews. */
export function useInvalidateDiscovery() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [
        discoveryKeys.directions,
        discoveryKeys.experiments,
        discoveryKeys.learnings,
        discoveryKeys.goals,
        discoveryKeys.intentions,
        discoveryKeys.chains,
        discoveryKeys.milestones,
        ['practices'],
        ['today'],
        // The weekly review and its insights quote hypotheses, notes and intentions.
        ['reviews'],
        ['insights'],
      ].map((queryKey) => qc.invalidateQueries({ queryKey })),
    );
}
