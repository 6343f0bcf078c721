import type { Chain, MakePractice, Practice } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { ChainRecord, ChainStepRecord, DiscoveryStore } from '../discovery/ports.ts';
import {
  type DiscoveryDeps,
  mondayOf,
  onlyDeleted,
  type PersonWeek,
  personWeekOf,
  practiceNameFrom,
  requireConfirmation,
  restoreIn,
  saveOrConflict,
  shiftWeek,
  weeksBetween,
} from '../discovery/shared.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { weekStartOf } from '../practices/dates.ts';

export const CHAIN_QUESTION = 'What would I have needed to do the week before to make this easier?';
/** A chain reaches back at most this many weeks (two years). */
export const CHAIN_MAX_WEEKS = 104;

const byWeek = (a: ChainStepRecord, b: ChainStepRecord) =>
  a.isoWeek.localeCompare(b.isoWeek) || a.createdAt.localeCompare(b.createdAt);

/** The chain, oldest week first, with a timeline of every week from the earliest step to this week. */
export function toChainDto(c: ChainRecord, thisWeek: string): Chain {
  const steps = [...c.steps].sort(byWeek);
  const first = steps[0]?.isoWeek ?? thisWeek;
  const last = steps.at(-1)?.isoWeek ?? thisWeek;
  const end = last > thisWeek ? last : thisWeek;
  return {
    id: c.id,
    title: c.title,
    question: CHAIN_QUESTION,
    steps: steps.map(({ id, isoWeek: week, text, kind, practiceId, done, createdAt }) => ({
      id,
      isoWeek: week,
      text,
      kind,
      practiceId,
      done,
      createdAt,
    })),
    timeline: weeksBetween(first, end).map((w) => ({
      isoWeek: w,
      steps: steps.filter((s) => s.isoWeek === w).map((s) => s.id),
    })),
    thisWeek,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    deletedAt: c.deletedAt,
  };
}

async function loadChain(s: DiscoveryStore, actor: Actor, id: string, includeDeleted = false) {
  const c = await s.chains.get(actor.userId, id, includeDeleted);
  if (!c) throw notFound('Chain');
  return c;
}

function findStep(c: ChainRecord, stepId: string): ChainStepRecord {
  const step = c.steps.find((s) => s.id === stepId);
  if (!step) throw notFound('Step');
  return step;
}

/** Backwards chains: this week's small thing, then what last week would have needed, and so on back. */
export function chainsService(deps: DiscoveryDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();
  const thisWeekOf = async (actor: Actor) => (await personWeekOf(deps, actor.userId)).isoWeek;
  /** The first day of the person's week of that name, or today when it has passed. */
  const firstPlannableDay = (now: PersonWeek, week: string) => {
    const first = weekStartOf(mondayOf(week), now.weekStart);
    return first < now.today ? now.today : first;
  };

  const step = (week: string, text: string): ChainStepRecord => ({
    id: deps.newId(),
    isoWeek: week,
    text,
    kind: 'idea',
    practiceId: null,
    done: false,
    createdAt: nowIso(),
  });

  return {
    async list(actor: Authorized<Actor>): Promise<Chain[]> {
      const week = await thisWeekOf(actor);
      return (await store.chains.list(actor.userId)).map((c) => toChainDto(c, week));
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Chain> {
      return toChainDto(await loadChain(store, actor, id, true), await thisWeekOf(actor));
    },

    /** The owner's deleted chains (restorable), most recently deleted first. */
    async listDeleted(actor: Authorized<Actor>): Promise<Chain[]> {
      const week = await thisWeekOf(actor);
      return onlyDeleted(await store.chains.list(actor.userId, {}, true)).map((c) => toChainDto(c, week));
    },

    /** Brings back a deleted chain with its steps; one that is not deleted is returned unchanged. */
    async restore(actor: Authorized<Actor>, id: string): Promise<Chain> {
      const week = await thisWeekOf(actor);
      return toChainDto(await restoreIn(store.chains, await loadChain(store, actor, id, true), nowIso()), week);
    },

    async create(
      actor: Authorized<Actor>,
      input: { thisWeek: string; title?: string | null | undefined; isoWeek?: string | undefined },
    ): Promise<Chain> {
      const current = await thisWeekOf(actor);
      const week = input.isoWeek ?? current;
      mondayOf(week, 'isoWeek');
      if (week > current) throw invalid('isoWeek', `a chain starts from this week (${current}) or an earlier one`);
      if (weeksBetween(week, current).length > CHAIN_MAX_WEEKS) {
        throw invalid('isoWeek', `must be within ${CHAIN_MAX_WEEKS} weeks of this week (${current})`);
      }
      const at = nowIso();
      const record: ChainRecord = {
        id: deps.newId(),
        userId: actor.userId,
        version: 0,
        title: input.title ?? null,
        steps: [step(week, input.thisWeek)],
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      await store.chains.insert(record);
      return toChainDto(record, current);
    },

    /** Adds the step for the week before the earliest one. */
    async addStep(actor: Authorized<Actor>, id: string, text: string): Promise<Chain> {
      const current = await thisWeekOf(actor);
      const c = await loadChain(store, actor, id);
      const earliest = [...c.steps].sort(byWeek)[0]?.isoWeek ?? current;
      const week = shiftWeek(earliest, -1);
      const latest = [...c.steps].sort(byWeek).at(-1)?.isoWeek ?? current;
      if (weeksBetween(week, latest).length > CHAIN_MAX_WEEKS) {
        throw invalid('text', `a chain reaches back at most ${CHAIN_MAX_WEEKS} weeks`);
      }
      const next = { ...c, steps: [...c.steps, step(week, text)], updatedAt: nowIso() };
      return toChainDto(await saveOrConflict(store.chains, next), current);
    },

    /** Edit a step's text, make it a one-off task for its week (or back to an idea), mark it done. */
    async updateStep(
      actor: Authorized<Actor>,
      id: string,
      stepId: string,
      patch: { text?: string | undefined; task?: boolean | undefined; done?: boolean | undefined },
    ): Promise<Chain> {
      const current = await thisWeekOf(actor);
      const c = await loadChain(store, actor, id);
      const s = findStep(c, stepId);
      if (patch.task !== undefined && s.kind === 'practice') {
        throw conflict('This step is a practice already', { practiceId: s.practiceId });
      }
      const kind = patch.task === undefined ? s.kind : patch.task ? 'task' : 'idea';
      if (patch.done !== undefined && kind !== 'task') throw invalid('done', 'only a task is done or not');
      const updated: ChainStepRecord = {
        ...s,
        text: patch.text ?? s.text,
        kind,
        done: kind === 'task' ? (patch.done ?? s.done) : false,
      };
      const next = { ...c, steps: c.steps.map((x) => (x.id === stepId ? updated : x)), updatedAt: nowIso() };
      return toChainDto(await saveOrConflict(store.chains, next), current);
    },

    async removeStep(actor: Authorized<Actor>, id: string, stepId: string): Promise<Chain> {
      const current = await thisWeekOf(actor);
      const c = await loadChain(store, actor, id);
      findStep(c, stepId);
      if (c.steps.length === 1) throw conflict('A chain keeps at least one step; delete the chain instead');
      const next = { ...c, steps: c.steps.filter((x) => x.id !== stepId), updatedAt: nowIso() };
      return toChainDto(await saveOrConflict(store.chains, next), current);
    },

    /**
     * A step becomes a practice, starting on the first day of its week (the person's week), or
     * today when that day has passed: days already gone cannot be planned, and would only count as
     * missed. A `startDate` given wins.
     */
    async stepToPractice(
      actor: Authorized<Actor>,
      id: string,
      stepId: string,
      input: MakePractice,
    ): Promise<{ practice: Practice; chain: Chain }> {
      const now = await personWeekOf(deps, actor.userId);
      const c = await loadChain(store, actor, id);
      const s = findStep(c, stepId);
      if (s.practiceId) throw conflict('This step is a practice already', { practiceId: s.practiceId });
      const practice = await deps.practices.create(actor, {
        name: input.name ?? practiceNameFrom(s.text),
        description: `From a backwards chain (${s.isoWeek}): ${s.text}`,
        kind: 'boolean',
        frequency: input.frequency,
        startDate: input.startDate ?? firstPlannableDay(now, s.isoWeek),
        ...(input.ifThen ? { ifThen: input.ifThen } : {}),
      });
      const updated: ChainStepRecord = { ...s, kind: 'practice', practiceId: practice.id, done: false };
      const next = { ...c, steps: c.steps.map((x) => (x.id === stepId ? updated : x)), updatedAt: nowIso() };
      return { practice, chain: toChainDto(await saveOrConflict(store.chains, next), now.isoWeek) };
    },

    /** Soft; a chain of more than one step has history and needs `confirm`. */
    async remove(actor: Authorized<Actor>, id: string, confirm: boolean): Promise<Chain> {
      const current = await thisWeekOf(actor);
      const c = await loadChain(store, actor, id);
      requireConfirmation(c.steps.length > 1, confirm, 'This chain');
      const at = nowIso();
      return toChainDto(await saveOrConflict(store.chains, { ...c, deletedAt: at, updatedAt: at }), current);
    },
  };
}

export type ChainsService = ReturnType<typeof chainsService>;
