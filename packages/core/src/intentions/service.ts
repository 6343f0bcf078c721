import type { CreateIntention, Horizon, Intention, IntentionWeek, UpdateIntention } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { DiscoveryStore, IntentionRecord } from '../discovery/ports.ts';
import {
  checkPracticeIds,
  type DiscoveryDeps,
  mondayOf,
  onlyDeleted,
  personWeekOf,
  requireConfirmation,
  restoreIn,
  saveOrConflict,
} from '../discovery/shared.ts';
import { invalid, notFound } from '../errors.ts';
import { addDays } from '../practices/dates.ts';

export const INTENTION_QUESTION = 'Where did I live this intention this week?';

export function horizonColumns(h: Horizon): { horizonKind: string; horizonValue: string | null } {
  if (h.kind === 'quarter') return { horizonKind: 'quarter', horizonValue: h.quarter };
  if (h.kind === 'year') return { horizonKind: 'year', horizonValue: String(h.year) };
  return { horizonKind: 'open', horizonValue: null };
}

export function toIntentionDto(i: IntentionRecord): Intention {
  return {
    id: i.id,
    statement: i.statement,
    why: i.why,
    horizon: i.horizon,
    practiceIds: i.practiceIds,
    goalIds: i.goalIds,
    question: INTENTION_QUESTION,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    deletedAt: i.deletedAt,
  };
}

async function loadIntention(s: DiscoveryStore, actor: Actor, id: string, includeDeleted = false) {
  const i = await s.intentions.get(actor.userId, id, includeDeleted);
  if (!i) throw notFound('Intention');
  return i;
}

async function checkGoalIds(s: DiscoveryStore, actor: Actor, ids: readonly string[]): Promise<string[]> {
  for (const [n, id] of ids.entries()) {
    if (!(await s.goals.get(actor.userId, id))) throw invalid(`goalIds.${n}`, 'no such goal');
  }
  return [...new Set(ids)];
}

/** The days a quarter or a year covers; null for an open intention. */
export function horizonSpan(h: Horizon): { from: string; to: string; label: string } | null {
  if (h.kind === 'year') return { from: `${h.year}-01-01`, to: `${h.year}-12-31`, label: `year ${h.year}` };
  if (h.kind === 'quarter') {
    const year = Number(h.quarter.slice(0, 4));
    const q = Number(h.quarter.slice(6));
    const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const nextStart = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    return { from, to: addDays(nextStart, -1), label: `quarter ${h.quarter}` };
  }
  return null;
}

/** Intentions: values-driven statements with a horizon, answered week by week. */
export function intentionsService(deps: DiscoveryDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();

  return {
    async list(actor: Authorized<Actor>): Promise<Intention[]> {
      return (await store.intentions.list(actor.userId)).map(toIntentionDto);
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Intention> {
      return toIntentionDto(await loadIntention(store, actor, id, true));
    },

    /** The owner's deleted intentions (restorable), most recently deleted first. */
    async listDeleted(actor: Authorized<Actor>): Promise<Intention[]> {
      return onlyDeleted(await store.intentions.list(actor.userId, {}, true)).map(toIntentionDto);
    },

    /** Brings back a deleted intention with its weekly answers; one that is not deleted is returned unchanged. */
    async restore(actor: Authorized<Actor>, id: string): Promise<Intention> {
      return toIntentionDto(await restoreIn(store.intentions, await loadIntention(store, actor, id, true), nowIso()));
    },

    async create(actor: Authorized<Actor>, input: CreateIntention): Promise<Intention> {
      const practiceIds = await checkPracticeIds(deps.practices, actor, input.practiceIds, 'practiceIds');
      const goalIds = await checkGoalIds(store, actor, input.goalIds);
      const at = nowIso();
      const record: IntentionRecord = {
        id: deps.newId(),
        userId: actor.userId,
        version: 0,
        statement: input.statement,
        why: input.why || null,
        horizon: input.horizon,
        ...horizonColumns(input.horizon),
        practiceIds,
        goalIds,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      await store.intentions.insert(record);
      return toIntentionDto(record);
    },

    async update(actor: Authorized<Actor>, id: string, patch: UpdateIntention): Promise<Intention> {
      const practiceIds =
        patch.practiceIds && (await checkPracticeIds(deps.practices, actor, patch.practiceIds, 'practiceIds'));
      const goalIds = patch.goalIds && (await checkGoalIds(store, actor, patch.goalIds));
      const i = await loadIntention(store, actor, id);
      const horizon = patch.horizon ?? i.horizon;
      const next: IntentionRecord = {
        ...i,
        statement: patch.statement ?? i.statement,
        why: patch.why !== undefined ? patch.why || null : i.why,
        horizon,
        ...horizonColumns(horizon),
        practiceIds: practiceIds ?? i.practiceIds,
        goalIds: goalIds ?? i.goalIds,
        updatedAt: nowIso(),
      };
      return toIntentionDto(await saveOrConflict(store.intentions, next));
    },

    /** Soft; with weekly answers it has history and needs `confirm`. */
    async remove(actor: Authorized<Actor>, id: string, confirm: boolean): Promise<Intention> {
      return store.transaction(async (s) => {
        const i = await loadIntention(s, actor, id);
        requireConfirmation((await s.intentionWeeks.list(i.id)).length > 0, confirm, 'This intention');
        const at = nowIso();
        return toIntentionDto(await saveOrConflict(s.intentions, { ...i, deletedAt: at, updatedAt: at }));
      });
    },

    /** "Where did I live this intention this week?" One answer per ISO week; writing again replaces it. */
    async putWeek(actor: Authorized<Actor>, id: string, week: string, answer: string): Promise<IntentionWeek> {
      mondayOf(week, 'isoWeek');
      const thisWeek = (await personWeekOf(deps, actor.userId)).isoWeek;
      if (week > thisWeek) throw invalid('isoWeek', `${week} has not started yet (this week is ${thisWeek})`);
      return store.transaction(async (s) => {
        const i = await loadIntention(s, actor, id);
        const span = horizonSpan(i.horizon);
        const monday = mondayOf(week, 'isoWeek');
        if (span && (addDays(monday, 6) < span.from || monday > span.to)) {
          throw invalid('isoWeek', `${week} is outside this intention's ${span.label} (${span.from} to ${span.to})`);
        }
        const existing = await s.intentionWeeks.get(i.id, week);
        const at = nowIso();
        const row: IntentionWeek = { isoWeek: week, answer, createdAt: existing?.createdAt ?? at, updatedAt: at };
        if (existing?.answer === answer) return existing;
        await s.intentionWeeks.put(actor.userId, i.id, row);
        return row;
      });
    },

    async weeks(actor: Authorized<Actor>, id: string): Promise<IntentionWeek[]> {
      const i = await loadIntention(store, actor, id, true);
      return store.intentionWeeks.list(i.id);
    },
  };
}

export type IntentionsService = ReturnType<typeof intentionsService>;
