import {
  type CreateGoal,
  type Goal,
  type GoalRevision,
  type GoalSnapshot,
  goalKindIssues,
  type UpdateGoal,
} from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { AggregateMeta, DiscoveryStore, GoalRecord } from '../discovery/ports.ts';
import {
  type DiscoveryDeps,
  onlyDeleted,
  requireConfirmation,
  restoreIn,
  saveOrConflict,
} from '../discovery/shared.ts';
import { invalid, notFound } from '../errors.ts';

const SNAPSHOT_FIELDS = [
  'kind',
  'title',
  'why',
  'status',
  'learnings',
  'directionId',
  'intentionId',
  'ifThen',
  'metric',
  'dueDate',
  'keyResults',
  'whatToLearn',
  'strategies',
  'evidence',
] as const satisfies ReadonlyArray<keyof GoalRecord & keyof GoalSnapshot>;

export function toGoalSnapshot(g: GoalRecord): GoalSnapshot {
  return {
    id: g.id,
    kind: g.kind,
    title: g.title,
    why: g.why,
    status: g.status,
    learnings: g.learnings,
    directionId: g.directionId,
    intentionId: g.intentionId,
    ifThen: g.ifThen,
    metric: g.metric,
    dueDate: g.dueDate,
    keyResults: g.keyResults,
    whatToLearn: g.whatToLearn,
    strategies: g.strategies,
    evidence: g.evidence,
  };
}

const clampPercent = (x: number) => Math.round(Math.min(100, Math.max(0, x)) * 10) / 10;

/** Progress: a number for performance goals; for learning goals, strategies tried and reflections. */
export function goalProgress(g: GoalRecord): Goal['progress'] {
  if (g.kind === 'performance') {
    const m = g.metric;
    const percent =
      m && m.target !== m.baseline
        ? clampPercent((((m.current ?? m.baseline) - m.baseline) / (m.target - m.baseline)) * 100)
        : null;
    return {
      kind: 'performance',
      percent,
      keyResults: g.keyResults.map((k) => ({
        id: k.id,
        percent: k.target === 0 ? null : clampPercent((k.current / k.target) * 100),
        confidence: k.confidence,
      })),
    };
  }
  const tried = g.strategies.filter((s) => s.tried).length;
  const reflections = g.strategies.filter((s) => s.reflection).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return {
    kind: 'learning',
    strategiesTried: tried,
    strategies: g.strategies.length,
    reflections,
    evidence: g.evidence.length,
    summary:
      `Tried ${tried} of ${plural(g.strategies.length, 'strategy', 'strategies')}; ` +
      `${plural(reflections, 'reflection', 'reflections')}; ${plural(g.evidence.length, 'piece', 'pieces')} of evidence.`,
  };
}

export function toGoalDto(g: GoalRecord): Goal {
  return {
    ...toGoalSnapshot(g),
    progress: goalProgress(g),
    revisions: g.revisions,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    deletedAt: g.deletedAt,
  };
}

export async function loadGoal(s: DiscoveryStore, actor: Actor, id: string, includeDeleted = false) {
  const g = await s.goals.get(actor.userId, id, includeDeleted);
  if (!g) throw notFound('Goal');
  return g;
}

/** Nested items keep the id they had (when it is one of theirs) and get a new one otherwise. */
function withIds<T extends { id?: string | undefined }>(
  items: T[],
  existing: ReadonlyArray<{ id: string }>,
  newId: () => string,
) {
  const known = new Set(existing.map((e) => e.id));
  const seen = new Set<string>();
  return items.map((item) => {
    const id = item.id && known.has(item.id) && !seen.has(item.id) ? item.id : newId();
    seen.add(id);
    return { ...item, id };
  });
}

type GoalFields = Omit<GoalRecord, keyof AggregateMeta | 'revisions'>;

function normalise(fields: Omit<CreateGoal, 'reason'>, existing: GoalRecord | null, newId: () => string): GoalFields {
  return {
    kind: fields.kind,
    status: fields.status,
    title: fields.title,
    why: fields.why || null,
    learnings: fields.learnings || null,
    directionId: fields.directionId ?? null,
    intentionId: fields.intentionId ?? null,
    ifThen: fields.ifThen,
    metric: fields.metric ?? null,
    dueDate: fields.dueDate ?? null,
    keyResults: withIds(fields.keyResults, existing?.keyResults ?? [], newId).map((k) => ({
      id: k.id,
      title: k.title,
      target: k.target,
      current: k.current,
      unit: k.unit ?? null,
      confidence: k.confidence,
    })),
    whatToLearn: fields.whatToLearn || null,
    strategies: withIds(fields.strategies, existing?.strategies ?? [], newId).map((st) => ({
      id: st.id,
      text: st.text,
      tried: st.tried,
      reflection: st.reflection || null,
    })),
    evidence: withIds(fields.evidence, existing?.evidence ?? [], newId).map((e) => ({
      id: e.id,
      date: e.date,
      text: e.text,
    })),
  };
}

async function checkRefs(
  s: DiscoveryStore,
  actor: Actor,
  g: { directionId: string | null; intentionId: string | null },
  prefix = '',
) {
  if (g.directionId && !(await s.directions.get(actor.userId, g.directionId))) {
    throw invalid(`${prefix}directionId`, 'no such direction');
  }
  if (g.intentionId && !(await s.intentions.get(actor.userId, g.intentionId))) {
    throw invalid(`${prefix}intentionId`, 'no such intention');
  }
}

/** Evidence is what happened: not dated after today. Evidence kept unchanged from before is left alone. */
function checkEvidenceDates(g: GoalFields, existing: GoalRecord | null, today: string, prefix = '') {
  const before = new Map((existing?.evidence ?? []).map((e) => [e.id, e.date]));
  g.evidence.forEach((e, i) => {
    if (e.date > today && before.get(e.id) !== e.date) {
      throw invalid(
        `${prefix}evidence.${i}.date`,
        `${e.date} is in the future (today is ${today}); evidence is what already happened`,
      );
    }
  });
}

function checkKind(g: GoalFields, prefix = '') {
  const issue = goalKindIssues(g)[0];
  if (issue) throw invalid(`${prefix}${issue.path}`, issue.message);
}

/** Creates a goal and its revision 0 inside the caller's transaction (also used by experiment verdicts). */
export async function insertGoal(
  s: DiscoveryStore,
  deps: Pick<DiscoveryDeps, 'newId' | 'clock'>,
  actor: Actor,
  input: CreateGoal,
  reason: string,
  /** The person's local date. */
  today: string,
  /** Where the goal sits in the request body, for error paths ('goal.' in a verdict). */
  pathPrefix = '',
): Promise<GoalRecord> {
  const fields = normalise(input, null, deps.newId);
  checkKind(fields, pathPrefix);
  checkEvidenceDates(fields, null, today, pathPrefix);
  await checkRefs(s, actor, fields, pathPrefix);
  const at = deps.clock.now().toISOString();
  const record: GoalRecord = {
    ...fields,
    id: deps.newId(),
    userId: actor.userId,
    version: 0,
    revisions: 0,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
  await s.goals.insert(record);
  await s.goalRevisions.add(actor.userId, record.id, {
    number: 0,
    at,
    reason,
    changed: [],
    before: null,
    after: toGoalSnapshot(record),
  });
  return record;
}

type GoalFilter = { status?: Goal['status']; kind?: Goal['kind'] };

function goalWhere(filter: GoalFilter): GoalFilter {
  const where: GoalFilter = {};
  if (filter.status) where.status = filter.status;
  if (filter.kind) where.kind = filter.kind;
  return where;
}

/** Goals that may change: every edit is a revision with its reason; nothing ever "fails". */
export function goalsService(deps: DiscoveryDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();

  return {
    async list(actor: Authorized<Actor>, filter: GoalFilter = {}) {
      return (await store.goals.list(actor.userId, goalWhere(filter))).map(toGoalDto);
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Goal> {
      return toGoalDto(await loadGoal(store, actor, id, true));
    },

    /** The owner's deleted goals (restorable), most recently deleted first. */
    async listDeleted(actor: Authorized<Actor>, filter: GoalFilter = {}): Promise<Goal[]> {
      return onlyDeleted(await store.goals.list(actor.userId, goalWhere(filter), true)).map(toGoalDto);
    },

    /** Brings back a deleted goal with its revisions; not an edit, so no revision. Not deleted: unchanged. */
    async restore(actor: Authorized<Actor>, id: string): Promise<Goal> {
      return toGoalDto(await restoreIn(store.goals, await loadGoal(store, actor, id, true), nowIso()));
    },

    async create(actor: Authorized<Actor>, input: CreateGoal): Promise<Goal> {
      const today = await deps.practices.today(actor.userId);
      return toGoalDto(await store.transaction((s) => insertGoal(s, deps, actor, input, 'Created', today)));
    },

    /** Applies a change and records it (full before/after) with its reason. No change: no revision. */
    async update(actor: Authorized<Actor>, id: string, patch: UpdateGoal): Promise<Goal> {
      const today = await deps.practices.today(actor.userId);
      return store.transaction(async (s) => {
        const g = await loadGoal(s, actor, id);
        const { reason, ...changes } = patch;
        const merged = normalise(
          {
            kind: changes.kind ?? g.kind,
            status: changes.status ?? g.status,
            title: changes.title ?? g.title,
            why: changes.why !== undefined ? changes.why : g.why,
            learnings: changes.learnings !== undefined ? changes.learnings : g.learnings,
            directionId: changes.directionId !== undefined ? changes.directionId : g.directionId,
            intentionId: changes.intentionId !== undefined ? changes.intentionId : g.intentionId,
            ifThen: changes.ifThen ?? g.ifThen,
            metric: changes.metric !== undefined ? changes.metric : g.metric,
            dueDate: changes.dueDate !== undefined ? changes.dueDate : g.dueDate,
            keyResults: changes.keyResults ?? g.keyResults,
            whatToLearn: changes.whatToLearn !== undefined ? changes.whatToLearn : g.whatToLearn,
            strategies: changes.strategies ?? g.strategies,
            evidence: changes.evidence ?? g.evidence,
          },
          g,
          deps.newId,
        );
        checkKind(merged);
        checkEvidenceDates(merged, g, today);
        await checkRefs(s, actor, merged);
        const changed = SNAPSHOT_FIELDS.filter((f) => JSON.stringify(merged[f]) !== JSON.stringify(g[f]));
        if (changed.length === 0) return toGoalDto(g);
        const at = nowIso();
        const next: GoalRecord = { ...g, ...merged, revisions: g.revisions + 1, updatedAt: at };
        const saved = await saveOrConflict(s.goals, next);
        await s.goalRevisions.add(actor.userId, g.id, {
          number: next.revisions,
          at,
          reason,
          changed: [...changed],
          before: toGoalSnapshot(g),
          after: toGoalSnapshot(next),
        });
        return toGoalDto(saved);
      });
    },

    async revisions(actor: Authorized<Actor>, id: string): Promise<GoalRevision[]> {
      const g = await loadGoal(store, actor, id, true);
      return store.goalRevisions.list(g.id);
    },

    /** Soft delete; a goal that has been revised has history and needs `confirm`. */
    async remove(actor: Authorized<Actor>, id: string, confirm: boolean): Promise<Goal> {
      return store.transaction(async (s) => {
        const g = await loadGoal(s, actor, id);
        requireConfirmation(g.revisions > 0, confirm, 'This goal');
        const at = nowIso();
        return toGoalDto(await saveOrConflict(s.goals, { ...g, deletedAt: at, updatedAt: at }));
      });
    },

    /** For the advisor: the goal's kind (and that it is the actor's). */
    async kindOf(actor: Authorized<Actor>, id: string): Promise<Goal['kind']> {
      return (await loadGoal(store, actor, id)).kind;
    },
  };
}

export type GoalsService = ReturnType<typeof goalsService>;
