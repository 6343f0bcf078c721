import type {
  Area,
  Backup,
  BackupGoalState,
  BackupReviewAnswers,
  BackupWeekSummary,
  GoalSnapshot,
  ReviewAnswers,
  WeekSummary,
} from '@tack/contracts';
import type { GoalRecord } from '../discovery/ports.ts';
import { horizonColumns } from '../intentions/service.ts';
import type { NewPractice, OwnedRows } from './ports.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface RestorePlan {
  areas: Area[];
  practices: NewPractice[];
  pauses: Array<{ id: string; practiceId: string; from: string; to: string | null; createdAt: string }>;
  checkins: RestoredCheckin[];
  owned: OwnedRows;
}

export interface RestoredCheckin {
  practiceId: string;
  date: string;
  status: Backup['practices'][number]['checkins'][number]['status'];
  value: number | null;
  note: string | null;
  energy: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * New database ids for a document's refs, handed out in ascending order in document order: items
 * that tie in everything an export sorts by keep their order, so the restored account exports the
 * same document.
 */
function freshIds(refs: readonly string[], newId: () => string): Map<string, string> {
  const ids = refs.map(() => newId()).sort(cmp);
  return new Map(refs.map((ref, i) => [ref, ids[i] ?? newId()]));
}

/** Everything a (validated) document holds, as rows of the account `userId`. `at`: when restored. */
export function restorePlan(doc: Backup, userId: string, newId: () => string, at: string): RestorePlan {
  const maps = {
    area: freshIds(
      doc.areas.map((a) => a.ref),
      newId,
    ),
    practice: freshIds(
      doc.practices.map((p) => p.ref),
      newId,
    ),
    direction: freshIds(
      doc.directions.map((d) => d.ref),
      newId,
    ),
    experiment: freshIds(
      doc.experiments.map((e) => e.ref),
      newId,
    ),
    goal: freshIds(
      doc.goals.map((g) => g.ref),
      newId,
    ),
    intention: freshIds(
      doc.intentions.map((n) => n.ref),
      newId,
    ),
    chain: freshIds(
      doc.chains.map((c) => c.ref),
      newId,
    ),
    milestone: freshIds(
      doc.milestones.map((m) => m.ref),
      newId,
    ),
  };
  type Kind = keyof typeof maps;
  /** The new id of a ref the document defines (validation checked that it does). */
  const id = (kind: Kind, ref: string): string => maps[kind].get(ref) ?? newId();
  /** A link that may be absent: null stays null. */
  const optional = (kind: Kind, ref: string | null): string | null => (ref === null ? null : id(kind, ref));
  /**
   * A link that cannot be absent in the stored data: null in the document (it named something the
   * account no longer had) becomes a new id that names nothing, as before.
   */
  const required = (kind: Kind, ref: string | null): string => (ref === null ? newId() : id(kind, ref));
  const anyKind = (ref: string): string | null => {
    for (const map of Object.values(maps)) {
      const found = map.get(ref);
      if (found) return found;
    }
    return null;
  };

  const areas = doc.areas.map((a) => ({
    id: id('area', a.ref),
    name: a.name,
    position: a.position,
    createdAt: a.createdAt,
  }));
  const practices: NewPractice[] = [];
  const pauses: RestorePlan['pauses'] = [];
  const checkins: RestoredCheckin[] = [];
  for (const p of doc.practices) {
    const practiceId = id('practice', p.ref);
    practices.push({
      id: practiceId,
      userId,
      areaId: optional('area', p.areaRef),
      name: p.name,
      description: p.description,
      why: p.why,
      color: p.color,
      kind: p.kind,
      unit: p.unit,
      target: p.target,
      targetType: p.targetType,
      ifThen: p.ifThen,
      position: p.position,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      archivedAt: p.archivedAt,
      deletedAt: p.deletedAt,
      versions: p.schedule,
      external: p.external,
    });
    for (const r of p.pauses) pauses.push({ id: newId(), practiceId, from: r.from, to: r.to, createdAt: at });
    for (const c of p.checkins) checkins.push({ practiceId, ...c });
  }

  const meta = (kind: Kind, item: { ref: string; createdAt: string; updatedAt: string; deletedAt: string | null }) => ({
    id: id(kind, item.ref),
    userId,
    version: 0,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    deletedAt: item.deletedAt,
  });
  const goalFields = (g: BackupGoalState) => ({
    kind: g.kind,
    status: g.status,
    title: g.title,
    why: g.why,
    learnings: g.learnings,
    directionId: optional('direction', g.directionRef),
    intentionId: optional('intention', g.intentionRef),
    ifThen: g.ifThen,
    metric: g.metric,
    dueDate: g.dueDate,
    keyResults: g.keyResults,
    whatToLearn: g.whatToLearn,
    strategies: g.strategies,
    evidence: g.evidence,
  });
  const snapshot = (goalId: string, g: BackupGoalState): GoalSnapshot => ({ id: goalId, ...goalFields(g) });
  const answers = (a: BackupReviewAnswers): ReviewAnswers => {
    const { decisions, intentions, ...rest } = a;
    const out: ReviewAnswers = { ...rest };
    if (decisions) {
      out.decisions = decisions.map(({ practiceRef, ...d }) => ({
        practiceId: required('practice', practiceRef),
        ...d,
      }));
    }
    if (intentions) {
      out.intentions = intentions.map((x) => ({
        intentionId: required('intention', x.intentionRef),
        answer: x.answer,
      }));
    }
    return out;
  };
  const summary = (s: BackupWeekSummary): WeekSummary => ({
    ...s,
    practices: s.practices.map(({ practiceRef, ...p }) => ({ practiceId: required('practice', practiceRef), ...p })),
    notes: s.notes.map(({ practiceRef, ...n }) => ({ ...n, practiceId: required('practice', practiceRef) })),
    experimentNotes: s.experimentNotes.map(({ experimentRef, ...n }) => ({
      experimentId: required('experiment', experimentRef),
      ...n,
    })),
    intentions: s.intentions.map((i) => ({ id: required('intention', i.intentionRef), statement: i.statement })),
  });

  const owned: OwnedRows = {
    directions: doc.directions.map((d) => ({
      ...meta('direction', d),
      name: d.name,
      description: d.description,
      answers: d.answers.map((a) => ({
        id: a.id,
        text: a.text,
        practiceId: optional('practice', a.practiceRef),
        createdAt: a.createdAt,
      })),
    })),
    experiments: doc.experiments.map((e) => ({
      ...meta('experiment', e),
      directionId: id('direction', e.directionRef),
      hypothesis: e.hypothesis,
      practiceIds: e.practiceRefs.map((r) => required('practice', r)),
      startDate: e.startDate,
      lengthWeeks: e.lengthWeeks,
      decisionDate: e.decisionDate,
      decidedOn: e.verdict?.decidedOn ?? null,
      notes: e.notes,
      verdict: e.verdict
        ? {
            verdict: e.verdict.verdict,
            learned: e.verdict.learned,
            decidedOn: e.verdict.decidedOn,
            goalId: optional('goal', e.verdict.goalRef),
            nextExperimentId: optional('experiment', e.verdict.nextExperimentRef),
          }
        : null,
      previousExperimentId: optional('experiment', e.previousExperimentRef),
    })),
    goals: doc.goals.map(
      (g): GoalRecord => ({
        ...meta('goal', g),
        ...goalFields(g),
        revisions: g.revisions.reduce((n, r) => Math.max(n, r.number), 0),
      }),
    ),
    goalRevisions: doc.goals.flatMap((g) => {
      const goalId = id('goal', g.ref);
      return g.revisions.map((r) => ({
        goalId,
        number: r.number,
        at: r.at,
        reason: r.reason,
        changed: r.changed,
        before: r.before ? snapshot(goalId, r.before) : null,
        after: snapshot(goalId, r.after),
      }));
    }),
    intentions: doc.intentions.map((n) => ({
      ...meta('intention', n),
      statement: n.statement,
      why: n.why,
      horizon: n.horizon,
      ...horizonColumns(n.horizon),
      practiceIds: n.practiceRefs.map((r) => required('practice', r)),
      goalIds: n.goalRefs.map((r) => required('goal', r)),
    })),
    intentionWeeks: doc.intentions.flatMap((n) => n.weeks.map((w) => ({ intentionId: id('intention', n.ref), ...w }))),
    chains: doc.chains.map((c) => ({
      ...meta('chain', c),
      title: c.title,
      steps: c.steps.map(({ practiceRef, ...st }) => ({ ...st, practiceId: optional('practice', practiceRef) })),
    })),
    milestones: doc.milestones.map((m) => ({
      ...meta('milestone', m),
      goalId: optional('goal', m.goalRef),
      directionId: optional('direction', m.directionRef),
      title: m.title,
      targetDate: m.targetDate,
      status: m.status,
      original: m.original,
      changes: m.changes,
    })),
    reviews: doc.reviews.map((r) => ({
      id: newId(),
      userId,
      weekStart: r.weekStart,
      status: r.status,
      answers: answers(r.answers),
      summary: r.summary ? summary(r.summary) : null,
      applied: r.applied.map((a) => ({
        practiceId: required('practice', a.practiceRef),
        decision: a.decision,
        effectiveFrom: a.effectiveFrom,
      })),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      completedAt: r.completedAt,
    })),
    dismissals: doc.insightDismissals.map((d) => {
      const subject = d.subjectRef === null ? null : anyKind(d.subjectRef);
      return { key: subject ? `${d.insight}-${subject}` : d.insight, dismissedAt: d.dismissedAt };
    }),
    feedSettings: doc.feedSettings ? { userId, ...doc.feedSettings } : null,
  };
  return { areas, practices, pauses, checkins, owned };
}
