import type { CreateMilestone, Milestone, MilestoneMap } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { DiscoveryStore, MilestoneRecord, MilestoneState } from '../discovery/ports.ts';
import { type DiscoveryDeps, saveOrConflict } from '../discovery/shared.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { toDayNumber } from '../practices/dates.ts';

export function toMilestoneDto(m: MilestoneRecord): Milestone {
  return {
    id: m.id,
    goalId: m.goalId,
    directionId: m.directionId,
    title: m.title,
    targetDate: m.targetDate,
    status: m.status,
    original: m.original,
    changes: m.changes,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

const stateOf = (m: MilestoneRecord): MilestoneState => ({
  title: m.title,
  targetDate: m.targetDate,
  status: m.status,
});
const byDate = (a: { targetDate: string; id: string }, b: { targetDate: string; id: string }) =>
  a.targetDate.localeCompare(b.targetDate) || a.id.localeCompare(b.id);

/** The original plan (every checkpoint as first planned) beside the current one. */
export function toMilestoneMap(ms: readonly MilestoneRecord[]): MilestoneMap {
  return {
    original: ms.map((m) => ({ id: m.id, ...m.original })).sort(byDate),
    current: ms
      .filter((m) => m.status !== 'dropped')
      .sort(byDate)
      .map(toMilestoneDto),
    dropped: ms
      .filter((m) => m.status === 'dropped')
      .sort(byDate)
      .map(toMilestoneDto),
  };
}

async function loadMilestone(s: DiscoveryStore, actor: Actor, id: string) {
  const m = await s.milestones.get(actor.userId, id);
  if (!m) throw notFound('Milestone');
  return m;
}

/** Milestone maps: adaptive checkpoints on a goal or a direction; every move keeps its reason. */
export function milestonesService(deps: DiscoveryDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();

  async function owner(
    s: DiscoveryStore,
    actor: Actor,
    q: { goalId?: string | undefined; directionId?: string | undefined },
  ) {
    if (q.goalId) {
      if (!(await s.goals.get(actor.userId, q.goalId))) throw invalid('goalId', 'no such goal');
      return { goalId: q.goalId, directionId: null };
    }
    if (q.directionId && (await s.directions.get(actor.userId, q.directionId))) {
      return { goalId: null, directionId: q.directionId };
    }
    throw invalid('directionId', 'no such direction');
  }

  function record(
    m: MilestoneRecord,
    kind: MilestoneRecord['changes'][number]['kind'],
    after: MilestoneState,
    reason: string | null,
  ) {
    const at = nowIso();
    return {
      ...m,
      ...after,
      changes: [...m.changes, { at, kind, before: stateOf(m), after, reason }],
      updatedAt: at,
    };
  }

  return {
    async map(
      actor: Authorized<Actor>,
      q: { goalId?: string | undefined; directionId?: string | undefined },
    ): Promise<MilestoneMap> {
      const o = await owner(store, actor, q);
      const rows = await store.milestones.list(
        actor.userId,
        o.goalId ? { goalId: o.goalId } : { directionId: o.directionId },
      );
      return toMilestoneMap(rows);
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Milestone> {
      return toMilestoneDto(await loadMilestone(store, actor, id));
    },

    async create(actor: Authorized<Actor>, input: CreateMilestone): Promise<Milestone> {
      toDayNumber(input.targetDate, 'targetDate');
      return store.transaction(async (s) => {
        const o = await owner(s, actor, input);
        const at = nowIso();
        const m: MilestoneRecord = {
          id: deps.newId(),
          userId: actor.userId,
          version: 0,
          ...o,
          title: input.title,
          targetDate: input.targetDate,
          status: 'open',
          original: { title: input.title, targetDate: input.targetDate },
          changes: [],
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
        };
        await s.milestones.insert(m);
        return toMilestoneDto(m);
      });
    },

    /** Move (new date) or change (new title): old and new values are kept with the reason. */
    async update(
      actor: Authorized<Actor>,
      id: string,
      patch: { title?: string | undefined; targetDate?: string | undefined; reason: string },
    ): Promise<Milestone> {
      const m = await loadMilestone(store, actor, id);
      if (m.status === 'dropped') throw conflict('This checkpoint was dropped');
      const after: MilestoneState = {
        title: patch.title ?? m.title,
        targetDate: patch.targetDate ?? m.targetDate,
        status: m.status,
      };
      if (after.title === m.title && after.targetDate === m.targetDate) return toMilestoneDto(m);
      const kind = after.targetDate !== m.targetDate ? 'moved' : 'changed';
      return toMilestoneDto(await saveOrConflict(store.milestones, record(m, kind, after, patch.reason)));
    },

    async drop(actor: Authorized<Actor>, id: string, reason: string): Promise<Milestone> {
      const m = await loadMilestone(store, actor, id);
      if (m.status === 'dropped') throw conflict('This checkpoint was dropped already');
      const next = record(m, 'dropped', { ...stateOf(m), status: 'dropped' }, reason);
      return toMilestoneDto(await saveOrConflict(store.milestones, next));
    },

    async reach(actor: Authorized<Actor>, id: string): Promise<Milestone> {
      const m = await loadMilestone(store, actor, id);
      if (m.status !== 'open') throw conflict(`This checkpoint is ${m.status}`);
      const next = record(m, 'reached', { ...stateOf(m), status: 'reached' }, null);
      return toMilestoneDto(await saveOrConflict(store.milestones, next));
    },

    /** Undoes "reached": the checkpoint is open again, and the history keeps both steps. */
    async reopen(actor: Authorized<Actor>, id: string): Promise<Milestone> {
      const m = await loadMilestone(store, actor, id);
      if (m.status !== 'reached') throw conflict(`This checkpoint is ${m.status}, not reached`);
      const next = record(m, 'reopened', { ...stateOf(m), status: 'open' }, null);
      return toMilestoneDto(await saveOrConflict(store.milestones, next));
    },
  };
}

export type MilestonesService = ReturnType<typeof milestonesService>;
