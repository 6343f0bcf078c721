import type { CreateDirection, Direction, MakePractice, Practice, UpdateDirection } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { DirectionRecord, DiscoveryStore } from '../discovery/ports.ts';
import {
  type DiscoveryDeps,
  onlyDeleted,
  practiceNameFrom,
  requireConfirmation,
  restoreIn,
  saveOrConflict,
} from '../discovery/shared.ts';
import { conflict, invalid, notFound } from '../errors.ts';

export const DIRECTION_QUESTION = 'What would such a person do this week?';

export function toDirectionDto(d: DirectionRecord): Direction {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    question: DIRECTION_QUESTION,
    answers: d.answers.map(({ id, text, practiceId, createdAt }) => ({ id, text, practiceId, createdAt })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    deletedAt: d.deletedAt,
  };
}

export async function loadDirection(
  s: DiscoveryStore,
  actor: Actor,
  id: string,
  includeDeleted = false,
): Promise<DirectionRecord> {
  const d = await s.directions.get(actor.userId, id, includeDeleted);
  if (!d) throw notFound('Direction');
  return d;
}

/** Directions: "the kind of person I want to be", holding answers to "what would they do this week?". */
export function directionsService(deps: DiscoveryDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();

  return {
    async list(actor: Authorized<Actor>): Promise<Direction[]> {
      return (await store.directions.list(actor.userId)).map(toDirectionDto);
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Direction> {
      return toDirectionDto(await loadDirection(store, actor, id, true));
    },

    /** The owner's deleted directions (restorable), most recently deleted first. */
    async listDeleted(actor: Authorized<Actor>): Promise<Direction[]> {
      return onlyDeleted(await store.directions.list(actor.userId, {}, true)).map(toDirectionDto);
    },

    /** Brings back a deleted direction as it was; one that is not deleted is returned unchanged. */
    async restore(actor: Authorized<Actor>, id: string): Promise<Direction> {
      return toDirectionDto(await restoreIn(store.directions, await loadDirection(store, actor, id, true), nowIso()));
    },

    async create(actor: Authorized<Actor>, input: CreateDirection): Promise<Direction> {
      const at = nowIso();
      const record: DirectionRecord = {
        id: deps.newId(),
        userId: actor.userId,
        version: 0,
        name: input.name,
        description: input.description ?? null,
        answers: [],
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      await store.directions.insert(record);
      return toDirectionDto(record);
    },

    async update(actor: Authorized<Actor>, id: string, patch: UpdateDirection): Promise<Direction> {
      const d = await loadDirection(store, actor, id);
      const next: DirectionRecord = {
        ...d,
        name: patch.name ?? d.name,
        description: patch.description !== undefined ? patch.description || null : d.description,
        updatedAt: nowIso(),
      };
      return toDirectionDto(await saveOrConflict(store.directions, next));
    },

    /** Soft. A direction with answers or experiments has history: `confirm` is required. */
    async remove(actor: Authorized<Actor>, id: string, confirm: boolean): Promise<Direction> {
      return store.transaction(async (s) => {
        const d = await loadDirection(s, actor, id);
        const experiments = await s.experiments.list(actor.userId, { directionId: d.id });
        requireConfirmation(d.answers.length > 0 || experiments.length > 0, confirm, 'This direction');
        const at = nowIso();
        return toDirectionDto(await saveOrConflict(s.directions, { ...d, deletedAt: at, updatedAt: at }));
      });
    },

    async addAnswer(actor: Authorized<Actor>, id: string, text: string): Promise<Direction> {
      const d = await loadDirection(store, actor, id);
      const same = (a: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
      if (d.answers.some((a) => same(a.text) === same(text))) {
        throw invalid('text', 'this direction already has that answer');
      }
      const at = nowIso();
      const next: DirectionRecord = {
        ...d,
        answers: [...d.answers, { id: deps.newId(), text, practiceId: null, createdAt: at }],
        updatedAt: at,
      };
      return toDirectionDto(await saveOrConflict(store.directions, next));
    },

    /** Removes an answer; a practice made from it stays. */
    async removeAnswer(actor: Authorized<Actor>, id: string, answerId: string): Promise<Direction> {
      const d = await loadDirection(store, actor, id);
      if (!d.answers.some((a) => a.id === answerId)) throw notFound('Answer');
      const next = { ...d, answers: d.answers.filter((a) => a.id !== answerId), updatedAt: nowIso() };
      return toDirectionDto(await saveOrConflict(store.directions, next));
    },

    /** One step from an answer to a practice: creates it (via the practices service) and links it. */
    async answerToPractice(
      actor: Authorized<Actor>,
      id: string,
      answerId: string,
      input: MakePractice,
    ): Promise<{ practice: Practice; direction: Direction }> {
      const d = await loadDirection(store, actor, id);
      const answer = d.answers.find((a) => a.id === answerId);
      if (!answer) throw notFound('Answer');
      if (answer.practiceId) {
        throw conflict('This answer is already a practice', { practiceId: answer.practiceId });
      }
      const practice = await deps.practices.create(actor, {
        name: input.name ?? practiceNameFrom(answer.text),
        description: `From the direction "${d.name}": ${answer.text}`,
        kind: 'boolean',
        frequency: input.frequency,
        ...(input.startDate ? { startDate: input.startDate } : {}),
        ...(input.ifThen ? { ifThen: input.ifThen } : {}),
      });
      const next: DirectionRecord = {
        ...d,
        answers: d.answers.map((a) => (a.id === answerId ? { ...a, practiceId: practice.id } : a)),
        updatedAt: nowIso(),
      };
      return { practice, direction: toDirectionDto(await saveOrConflict(store.directions, next)) };
    },
  };
}

export type DirectionsService = ReturnType<typeof directionsService>;
