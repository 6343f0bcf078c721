import type {
  AddNote,
  CreateExperiment,
  Experiment,
  Learning,
  UpdateExperiment,
  UpdateNote,
  VerdictBody,
  VerdictResult,
} from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { DiscoveryStore, ExperimentRecord } from '../discovery/ports.ts';
import {
  checkPracticeIds,
  type DiscoveryDeps,
  onlyDeleted,
  requireConfirmation,
  restoreIn,
  saveOrConflict,
} from '../discovery/shared.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import { insertGoal } from '../goals/service.ts';
import { addDays, toDayNumber } from '../practices/dates.ts';

/** The decision date: `lengthWeeks` whole weeks after the start. */
export function decisionDateOf(startDate: string, lengthWeeks: number): string {
  return addDays(startDate, lengthWeeks * 7);
}

/** Half-way: a moment to look at the energises/drains notes, not to decide. */
export function midpointOf(startDate: string, lengthWeeks: number): string {
  return addDays(startDate, Math.round((lengthWeeks * 7) / 2));
}

/** The 409 for a second experiment in a direction while one runs (`moving`: the one being lengthened). */
function stillRunning(current: ExperimentRecord, moving?: ExperimentRecord): DomainError {
  const message = moving
    ? `The next experiment in this direction starts on ${current.startDate}: this one can run until then at most.`
    : `An experiment in this direction runs until its decision date, ${current.decisionDate}. ` +
      `Decide it now (deepen, adjust or let go), or start the new one on or after ${current.decisionDate}.`;
  return new DomainError('CONFLICT', message, { currentExperimentId: current.id, decisionDate: current.decisionDate });
}

/** An undecided experiment of the same direction whose run overlaps `e`'s, other than those in `except`. */
async function overlapping(
  s: DiscoveryStore,
  actor: Actor,
  e: Pick<ExperimentRecord, 'directionId' | 'startDate' | 'decisionDate'>,
  except: string[],
): Promise<ExperimentRecord | undefined> {
  return (await s.experiments.list(actor.userId, { directionId: e.directionId })).find(
    (o) => !except.includes(o.id) && !o.verdict && o.startDate < e.decisionDate && e.startDate < o.decisionDate,
  );
}

/** An experiment is planned for the coming year at most. */
function checkStartsWithinAYear(startDate: string, today: string, path: string) {
  const latest = addDays(today, 365);
  if (startDate > latest) throw invalid(path, `must be within a year from today (on or before ${latest})`);
}

export function experimentStatus(e: ExperimentRecord, today: string): Experiment['status'] {
  if (e.verdict) return 'decided';
  if (today < e.startDate) return 'planned';
  return today >= e.decisionDate ? 'decisionDue' : 'running';
}

export function toExperimentDto(e: ExperimentRecord, today: string): Experiment {
  return {
    id: e.id,
    directionId: e.directionId,
    hypothesis: e.hypothesis,
    practiceIds: e.practiceIds,
    startDate: e.startDate,
    lengthWeeks: e.lengthWeeks,
    midpointDate: midpointOf(e.startDate, e.lengthWeeks),
    decisionDate: e.decisionDate,
    status: experimentStatus(e, today),
    notes: [...e.notes].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)),
    verdict: e.verdict,
    previousExperimentId: e.previousExperimentId,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    deletedAt: e.deletedAt,
  };
}

async function loadExperiment(s: DiscoveryStore, actor: Actor, id: string, includeDeleted = false) {
  const e = await s.experiments.get(actor.userId, id, includeDeleted);
  if (!e) throw notFound('Experiment');
  return e;
}

const decided = () =>
  new DomainError('CONFLICT', 'This experiment has its verdict; start a new one (or adjust) to keep going');

/** Experiments: a time-boxed trial of a direction, ended by a verdict. "Let go" is a result, not a failure. */
export function experimentsService(deps: DiscoveryDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();
  const today = (actor: Actor) => deps.practices.today(actor.userId);

  function build(
    actor: Actor,
    input: { directionId: string; hypothesis: string; practiceIds: string[]; startDate: string; lengthWeeks: number },
    previousExperimentId: string | null,
  ): ExperimentRecord {
    toDayNumber(input.startDate, 'startDate');
    const at = nowIso();
    return {
      id: deps.newId(),
      userId: actor.userId,
      version: 0,
      directionId: input.directionId,
      hypothesis: input.hypothesis,
      practiceIds: input.practiceIds,
      startDate: input.startDate,
      lengthWeeks: input.lengthWeeks,
      decisionDate: decisionDateOf(input.startDate, input.lengthWeeks),
      decidedOn: null,
      notes: [],
      verdict: null,
      previousExperimentId,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
  }

  return {
    async list(actor: Authorized<Actor>, directionId?: string): Promise<Experiment[]> {
      const day = await today(actor);
      const rows = await store.experiments.list(actor.userId, directionId ? { directionId } : {});
      return rows.sort((a, b) => a.startDate.localeCompare(b.startDate)).map((e) => toExperimentDto(e, day));
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Experiment> {
      return toExperimentDto(await loadExperiment(store, actor, id, true), await today(actor));
    },

    /** The owner's deleted experiments (restorable), most recently deleted first. */
    async listDeleted(actor: Authorized<Actor>, directionId?: string): Promise<Experiment[]> {
      const day = await today(actor);
      const rows = await store.experiments.list(actor.userId, directionId ? { directionId } : {}, true);
      return onlyDeleted(rows).map((e) => toExperimentDto(e, day));
    },

    /** Brings back a deleted experiment with its notes and verdict; one that is not deleted is returned unchanged. */
    async restore(actor: Authorized<Actor>, id: string): Promise<Experiment> {
      const day = await today(actor);
      return store.transaction(async (s) => {
        const e = await loadExperiment(s, actor, id, true);
        if (e.deletedAt === null) return toExperimentDto(e, day);
        if (!(await s.directions.get(actor.userId, e.directionId))) {
          throw new DomainError('CONFLICT', 'Its direction is deleted: restore the direction first', {
            directionId: e.directionId,
          });
        }
        // One undecided experiment at a time per direction, as when starting one.
        const other = e.verdict ? undefined : await overlapping(s, actor, e, [e.id]);
        if (other) {
          throw new DomainError(
            'CONFLICT',
            `Another experiment in this direction runs until ${other.decisionDate}. Decide it first, then restore this one.`,
            { currentExperimentId: other.id, decisionDate: other.decisionDate },
          );
        }
        return toExperimentDto(await restoreIn(s.experiments, e, nowIso()), day);
      });
    },

    /**
     * Starts an experiment in a direction. One at a time per direction: starting before the current
     * one's decision date is a 409 whose details name it, so the app can offer "decide now".
     */
    async create(actor: Authorized<Actor>, input: CreateExperiment): Promise<Experiment> {
      const day = await today(actor);
      const practiceIds = await checkPracticeIds(deps.practices, actor, input.practiceIds, 'practiceIds');
      const startDate = input.startDate ?? day;
      checkStartsWithinAYear(startDate, day, 'startDate');
      return store.transaction(async (s) => {
        if (!(await s.directions.get(actor.userId, input.directionId)))
          throw invalid('directionId', 'no such direction');
        const current = (await s.experiments.list(actor.userId, { directionId: input.directionId }))
          .filter((e) => !e.verdict && e.decisionDate > startDate)
          .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate))[0];
        if (current) throw stillRunning(current);
        const record = build(actor, { ...input, practiceIds, startDate }, null);
        await s.experiments.insert(record);
        return toExperimentDto(record, day);
      });
    },

    async update(actor: Authorized<Actor>, id: string, patch: UpdateExperiment): Promise<Experiment> {
      const day = await today(actor);
      const practiceIds =
        patch.practiceIds && (await checkPracticeIds(deps.practices, actor, patch.practiceIds, 'practiceIds'));
      const e = await loadExperiment(store, actor, id);
      if (e.verdict) throw decided();
      const lengthWeeks = patch.lengthWeeks ?? e.lengthWeeks;
      const next: ExperimentRecord = {
        ...e,
        hypothesis: patch.hypothesis ?? e.hypothesis,
        practiceIds: practiceIds ?? e.practiceIds,
        lengthWeeks,
        decisionDate: decisionDateOf(e.startDate, lengthWeeks),
        updatedAt: nowIso(),
      };
      return store.transaction(async (s) => {
        // A longer run may not reach into the next experiment of its direction.
        if (next.decisionDate > e.decisionDate) {
          const other = await overlapping(s, actor, next, [e.id]);
          if (other) throw stillRunning(other, e);
        }
        return toExperimentDto(await saveOrConflict(s.experiments, next), day);
      });
    },

    /** A note while it runs: what energises, what drains. */
    async addNote(actor: Authorized<Actor>, id: string, input: AddNote): Promise<Experiment> {
      const day = await today(actor);
      const date = input.date ?? day;
      const e = await loadExperiment(store, actor, id);
      if (e.verdict) throw decided();
      if (date > day) throw invalid('date', `${date} is in the future (today is ${day})`);
      if (date < e.startDate) throw invalid('date', `the experiment starts on ${e.startDate}`);
      if (date > e.decisionDate) throw invalid('date', `the experiment ended on ${e.decisionDate}; give it a verdict`);
      const at = nowIso();
      const next: ExperimentRecord = {
        ...e,
        notes: [...e.notes, { id: deps.newId(), date, tag: input.tag, text: input.text, createdAt: at }],
        updatedAt: at,
      };
      return toExperimentDto(await saveOrConflict(store.experiments, next), day);
    },

    /** Corrects a note (its text or its energises/drains tag), also after the verdict: a typo is not a discovery. */
    async updateNote(actor: Authorized<Actor>, id: string, noteId: string, patch: UpdateNote): Promise<Experiment> {
      const day = await today(actor);
      const e = await loadExperiment(store, actor, id);
      const note = e.notes.find((n) => n.id === noteId);
      if (!note) throw notFound('Note');
      const changed = { ...note, tag: patch.tag ?? note.tag, text: patch.text ?? note.text };
      const next: ExperimentRecord = {
        ...e,
        notes: e.notes.map((n) => (n.id === noteId ? changed : n)),
        updatedAt: nowIso(),
      };
      return toExperimentDto(await saveOrConflict(store.experiments, next), day);
    },

    /** Removes a note for good (a mistake, a wrong tag): it no longer counts in what was learned. */
    async removeNote(actor: Authorized<Actor>, id: string, noteId: string): Promise<Experiment> {
      const day = await today(actor);
      const e = await loadExperiment(store, actor, id);
      if (!e.notes.some((n) => n.id === noteId)) throw notFound('Note');
      const next: ExperimentRecord = { ...e, notes: e.notes.filter((n) => n.id !== noteId), updatedAt: nowIso() };
      return toExperimentDto(await saveOrConflict(store.experiments, next), day);
    },

    /**
     * The verdict: deepen (keep the practices; optionally a goal from it), adjust (a new experiment,
     * pre-filled with the changes) or letGo (a completed discovery). Allowed from the start date on,
     * so "decide now" works before the decision date.
     */
    async decide(actor: Authorized<Actor>, id: string, input: VerdictBody): Promise<VerdictResult> {
      const day = await today(actor);
      const decidedOn = input.decidedOn ?? day;
      const changedPractices =
        input.changes?.practiceIds &&
        (await checkPracticeIds(deps.practices, actor, input.changes.practiceIds, 'changes.practiceIds'));
      return store.transaction(async (s) => {
        const e = await loadExperiment(s, actor, id);
        if (e.verdict) throw decided();
        if (decidedOn < e.startDate) {
          throw invalid('decidedOn', `the experiment starts on ${e.startDate}; a verdict can come from then on`);
        }
        if (decidedOn > day) throw invalid('decidedOn', `${decidedOn} is in the future (today is ${day})`);
        let goalId: string | null = null;
        let next: ExperimentRecord | null = null;
        if (input.verdict === 'deepen' && input.goal) {
          const goal = await insertGoal(
            s,
            deps,
            actor,
            { ...input.goal, directionId: input.goal.directionId ?? e.directionId },
            `Deepened from the experiment "${e.hypothesis}": ${input.learned}`,
            day,
            'goal.',
          );
          goalId = goal.id;
        }
        if (input.verdict === 'adjust') {
          const c = input.changes ?? {};
          if (c.startDate) checkStartsWithinAYear(c.startDate, day, 'changes.startDate');
          next = build(
            actor,
            {
              directionId: e.directionId,
              hypothesis: c.hypothesis ?? e.hypothesis,
              practiceIds: changedPractices ?? e.practiceIds,
              startDate: c.startDate ?? decidedOn,
              lengthWeeks: c.lengthWeeks ?? e.lengthWeeks,
            },
            e.id,
          );
          // The follow-up is a new run: it may not overlap another undecided experiment of the direction.
          const other = await overlapping(s, actor, next, [e.id]);
          if (other) throw stillRunning(other);
          await s.experiments.insert(next);
        }
        const verdict = {
          verdict: input.verdict,
          learned: input.learned,
          decidedOn,
          goalId,
          nextExperimentId: next?.id ?? null,
        };
        const saved = await saveOrConflict(s.experiments, { ...e, verdict, decidedOn, updatedAt: nowIso() });
        return {
          experiment: toExperimentDto(saved, day),
          next: next && toExperimentDto(next, day),
          goalId,
        };
      });
    },

    /** Soft delete; one with notes or a verdict has history and needs `confirm`. */
    async remove(actor: Authorized<Actor>, id: string, confirm: boolean): Promise<Experiment> {
      const day = await today(actor);
      const e = await loadExperiment(store, actor, id);
      requireConfirmation(e.notes.length > 0 || e.verdict !== null, confirm, 'This experiment');
      const at = nowIso();
      return toExperimentDto(await saveOrConflict(store.experiments, { ...e, deletedAt: at, updatedAt: at }), day);
    },

    /** "What I learned": every verdict, newest first. */
    async learnings(actor: Authorized<Actor>): Promise<Learning[]> {
      const [experiments, directions] = await Promise.all([
        store.experiments.list(actor.userId),
        store.directions.list(actor.userId, {}, true),
      ]);
      const names = new Map(directions.map((d) => [d.id, d.name]));
      return experiments
        .filter((e) => e.verdict !== null)
        .map((e) => {
          const v = e.verdict!;
          return {
            experimentId: e.id,
            directionId: e.directionId,
            directionName: names.get(e.directionId) ?? '',
            hypothesis: e.hypothesis,
            startDate: e.startDate,
            decidedOn: v.decidedOn,
            verdict: v.verdict,
            learned: v.learned,
            energises: e.notes.filter((n) => n.tag === 'energises').length,
            drains: e.notes.filter((n) => n.tag === 'drains').length,
            completedDiscovery: true as const,
          };
        })
        .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
    },
  };
}

export type ExperimentsService = ReturnType<typeof experimentsService>;
