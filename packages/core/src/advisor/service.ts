import type { Advice, AdvisorAnswers, GoalAdvice } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { DiscoveryDeps } from '../discovery/shared.ts';
import { loadGoal } from '../goals/service.ts';
import { advise, adviseGoal } from './advise.ts';

/** The goal-type advisor: pure rules (rules.ts), plus reading a goal's kind for "should this still be…?". */
export function advisorService(deps: Pick<DiscoveryDeps, 'store'>) {
  return {
    advise: (_actor: Authorized<Actor>, answers: AdvisorAnswers): Advice => advise(answers),
    async adviseGoal(actor: Authorized<Actor>, goalId: string, answers: AdvisorAnswers): Promise<GoalAdvice> {
      const goal = await loadGoal(deps.store, actor, goalId);
      return adviseGoal(goal.kind, answers);
    },
  };
}

export type AdvisorService = ReturnType<typeof advisorService>;
