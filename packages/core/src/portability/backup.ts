import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupArea,
  type BackupChain,
  type BackupDirection,
  type BackupExperiment,
  type BackupGoal,
  type BackupGoalState,
  type BackupInsightDismissal,
  type BackupIntention,
  type BackupMilestone,
  type BackupPractice,
  type BackupReview,
  type BackupReviewAnswers,
  type BackupWeekSummary,
  type CheckinDto,
  type GoalSnapshot,
  type ReviewAnswers,
  type WeekSummary,
} from '@tack/contracts';
import { csvRow } from './csv.ts';
import type { Snapshot } from './ports.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Display order, then (for items equal in everything shown) database id: restore gives the items
 * new ids in the same relative order, so a restored account exports the same document.
 */
const byOrder = <T extends { id: string; position: number; createdAt: string; name: string }>(a: T, b: T) =>
  a.position - b.position || cmp(a.createdAt, b.createdAt) || cmp(a.name, b.name) || cmp(a.id, b.id);
const byCreation = <T extends { id: string; createdAt: string }>(a: T, b: T) =>
  cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);

/** The document's ref of each stored id, per kind of item. */
class Refs {
  private readonly maps = new Map<string, Map<string, string>>();
  /** Names `items` (already in order) `prefix-1`, `prefix-2`, … */
  add(prefix: string, items: ReadonlyArray<{ id: string }>) {
    this.maps.set(prefix, new Map(items.map((item, i) => [item.id, `${prefix}-${i + 1}`])));
  }
  /** The ref of a stored id; null when it names nothing the account still has (or is null). */
  of(prefix: string, id: string | null): string | null {
    return id === null ? null : (this.maps.get(prefix)?.get(id) ?? null);
  }
  /** The ref of an id of any kind. */
  any(id: string): string | null {
    for (const map of this.maps.values()) {
      const ref = map.get(id);
      if (ref) return ref;
    }
    return null;
  }
}

function goalState(g: Omit<GoalSnapshot, 'id'>, refs: Refs): BackupGoalState {
  return {
    kind: g.kind,
    title: g.title,
    why: g.why,
    status: g.status,
    learnings: g.learnings,
    directionRef: refs.of('direction', g.directionId),
    intentionRef: refs.of('intention', g.intentionId),
    ifThen: g.ifThen,
    metric: g.metric,
    dueDate: g.dueDate,
    keyResults: g.keyResults,
    whatToLearn: g.whatToLearn,
    strategies: g.strategies,
    evidence: g.evidence,
  };
}

function reviewAnswers(a: ReviewAnswers, refs: Refs): BackupReviewAnswers {
  const { decisions, intentions, ...rest } = a;
  const out: BackupReviewAnswers = { ...rest };
  if (decisions) {
    out.decisions = decisions.map(({ practiceId, ...d }) => ({ ...d, practiceRef: refs.of('practice', practiceId) }));
  }
  if (intentions) {
    out.intentions = intentions.map((x) => ({
      intentionRef: refs.of('intention', x.intentionId),
      answer: x.answer,
    }));
  }
  return out;
}

function weekSummary(s: WeekSummary, refs: Refs): BackupWeekSummary {
  return {
    ...s,
    practices: s.practices.map(({ practiceId, ...p }) => ({ ...p, practiceRef: refs.of('practice', practiceId) })),
    notes: s.notes.map(({ practiceId, ...n }) => ({ ...n, practiceRef: refs.of('practice', practiceId) })),
    experimentNotes: s.experimentNotes.map(({ experimentId, ...n }) => ({
      experimentRef: refs.of('experiment', experimentId),
      ...n,
    })),
    intentions: s.intentions.map((i) => ({ intentionRef: refs.of('intention', i.id), statement: i.statement })),
  };
}

/** An insight key names its subject by id after the pitfall ("P1-<practice id>"); the document by ref. */
function dismissal(key: string, dismissedAt: string, refs: Refs): BackupInsightDismissal {
  const dash = key.indexOf('-');
  const subjectRef = dash > 0 ? refs.any(key.slice(dash + 1)) : null;
  return subjectRef
    ? { insight: key.slice(0, dash), subjectRef, dismissedAt }
    : { insight: key, subjectRef: null, dismissedAt };
}

/**
 * The backup document of a snapshot. Items are listed in their order and named by refs from that
 * order, so the same data always gives the same document (whatever its database ids).
 */
export function buildBackup(s: Snapshot, exportedAt: string): Backup {
  const areas = [...s.areas].sort(byOrder);
  const practices = [...s.practices].sort(byOrder);
  const directions = [...s.directions].sort(byCreation);
  const experiments = [...s.experiments].sort(byCreation);
  const goals = [...s.goals].sort(byCreation);
  const intentions = [...s.intentions].sort(byCreation);
  const chains = [...s.chains].sort(byCreation);
  const milestones = [...s.milestones].sort(byCreation);
  const refs = new Refs();
  refs.add('area', areas);
  refs.add('practice', practices);
  refs.add('direction', directions);
  refs.add('experiment', experiments);
  refs.add('goal', goals);
  refs.add('intention', intentions);
  refs.add('chain', chains);
  refs.add('milestone', milestones);
  const ref = (prefix: string, id: string) => refs.of(prefix, id) ?? '';

  const checkinsOf = new Map<string, CheckinDto[]>();
  for (const c of s.checkins) {
    const list = checkinsOf.get(c.practiceId) ?? [];
    list.push(c);
    checkinsOf.set(c.practiceId, list);
  }
  const revisionsOf = new Map<string, Snapshot['goalRevisions']>();
  for (const r of s.goalRevisions) revisionsOf.set(r.goalId, [...(revisionsOf.get(r.goalId) ?? []), r]);
  const weeksOf = new Map<string, Snapshot['intentionWeeks']>();
  for (const w of s.intentionWeeks) weeksOf.set(w.intentionId, [...(weeksOf.get(w.intentionId) ?? []), w]);
  const meta = (r: { createdAt: string; updatedAt: string; deletedAt: string | null }) => ({
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
  });

  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    profile: {
      name: s.profile.name,
      timeZone: s.profile.timeZone,
      weekStart: s.profile.weekStart as Backup['profile']['weekStart'],
    },
    areas: areas.map(
      (a): BackupArea => ({ ref: ref('area', a.id), name: a.name, position: a.position, createdAt: a.createdAt }),
    ),
    practices: practices.map(
      (p): BackupPractice => ({
        ref: ref('practice', p.id),
        areaRef: refs.of('area', p.areaId),
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
        external: p.external,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        archivedAt: p.archivedAt,
        deletedAt: p.deletedAt,
        schedule: [...p.versions]
          .sort((a, b) => cmp(a.effectiveFrom, b.effectiveFrom))
          .map((v) => ({ effectiveFrom: v.effectiveFrom, frequency: v.frequency })),
        pauses: [...p.pauses].sort((a, b) => cmp(a.from, b.from)).map((r) => ({ from: r.from, to: r.to })),
        checkins: (checkinsOf.get(p.id) ?? [])
          .sort((a, b) => cmp(a.date, b.date))
          .map((c) => ({
            date: c.date,
            status: c.status,
            value: c.value,
            note: c.note,
            energy: c.energy,
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
          })),
      }),
    ),
    directions: directions.map(
      (d): BackupDirection => ({
        ref: ref('direction', d.id),
        name: d.name,
        description: d.description,
        answers: d.answers.map((a) => ({
          id: a.id,
          text: a.text,
          practiceRef: refs.of('practice', a.practiceId),
          createdAt: a.createdAt,
        })),
        ...meta(d),
      }),
    ),
    experiments: experiments.map(
      (e): BackupExperiment => ({
        ref: ref('experiment', e.id),
        directionRef: ref('direction', e.directionId),
        hypothesis: e.hypothesis,
        practiceRefs: e.practiceIds.map((id) => refs.of('practice', id)),
        startDate: e.startDate,
        lengthWeeks: e.lengthWeeks,
        decisionDate: e.decisionDate,
        notes: e.notes.map((n) => ({ id: n.id, date: n.date, tag: n.tag, text: n.text, createdAt: n.createdAt })),
        verdict: e.verdict
          ? {
              verdict: e.verdict.verdict,
              learned: e.verdict.learned,
              decidedOn: e.verdict.decidedOn,
              goalRef: refs.of('goal', e.verdict.goalId),
              nextExperimentRef: refs.of('experiment', e.verdict.nextExperimentId),
            }
          : null,
        previousExperimentRef: refs.of('experiment', e.previousExperimentId),
        ...meta(e),
      }),
    ),
    goals: goals.map(
      (g): BackupGoal => ({
        ref: ref('goal', g.id),
        ...goalState(g, refs),
        ...meta(g),
        revisions: (revisionsOf.get(g.id) ?? [])
          .sort((a, b) => a.number - b.number)
          .map((r) => ({
            number: r.number,
            at: r.at,
            reason: r.reason,
            changed: r.changed,
            before: r.before ? goalState(r.before, refs) : null,
            after: goalState(r.after, refs),
          })),
      }),
    ),
    intentions: intentions.map(
      (n): BackupIntention => ({
        ref: ref('intention', n.id),
        statement: n.statement,
        why: n.why,
        horizon: n.horizon,
        practiceRefs: n.practiceIds.map((id) => refs.of('practice', id)),
        goalRefs: n.goalIds.map((id) => refs.of('goal', id)),
        ...meta(n),
        weeks: (weeksOf.get(n.id) ?? [])
          .sort((a, b) => cmp(a.isoWeek, b.isoWeek))
          .map((w) => ({ isoWeek: w.isoWeek, answer: w.answer, createdAt: w.createdAt, updatedAt: w.updatedAt })),
      }),
    ),
    chains: chains.map(
      (c): BackupChain => ({
        ref: ref('chain', c.id),
        title: c.title,
        steps: c.steps.map((st) => ({
          id: st.id,
          isoWeek: st.isoWeek,
          text: st.text,
          kind: st.kind,
          practiceRef: refs.of('practice', st.practiceId),
          done: st.done,
          createdAt: st.createdAt,
        })),
        ...meta(c),
      }),
    ),
    milestones: milestones.map(
      (m): BackupMilestone => ({
        ref: ref('milestone', m.id),
        goalRef: refs.of('goal', m.goalId),
        directionRef: refs.of('direction', m.directionId),
        title: m.title,
        targetDate: m.targetDate,
        status: m.status,
        original: { title: m.original.title, targetDate: m.original.targetDate },
        changes: m.changes.map((c) => ({
          at: c.at,
          kind: c.kind,
          before: { title: c.before.title, targetDate: c.before.targetDate, status: c.before.status },
          after: { title: c.after.title, targetDate: c.after.targetDate, status: c.after.status },
          reason: c.reason,
        })),
        ...meta(m),
      }),
    ),
    reviews: [...s.reviews]
      .sort((a, b) => cmp(a.weekStart, b.weekStart))
      .map(
        (r): BackupReview => ({
          weekStart: r.weekStart,
          status: r.status,
          answers: reviewAnswers(r.answers, refs),
          summary: r.summary ? weekSummary(r.summary, refs) : null,
          applied: r.applied.map((a) => ({
            practiceRef: refs.of('practice', a.practiceId),
            decision: a.decision,
            effectiveFrom: a.effectiveFrom,
          })),
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          completedAt: r.completedAt,
        }),
      ),
    insightDismissals: s.dismissals
      .map((d) => dismissal(d.key, d.dismissedAt, refs))
      .sort(
        (a, b) =>
          cmp(a.insight, b.insight) || cmp(a.subjectRef ?? '', b.subjectRef ?? '') || cmp(a.dismissedAt, b.dismissedAt),
      ),
    feedSettings: s.feedSettings
      ? {
          reviewDay: s.feedSettings.reviewDay,
          reviewTime: s.feedSettings.reviewTime,
          reviewMinutes: s.feedSettings.reviewMinutes,
          practiceTime: s.feedSettings.practiceTime,
          updatedAt: s.feedSettings.updatedAt,
        }
      : null,
  };
}

export const CSV_HEADER = [
  'practice',
  'area',
  'kind',
  'unit',
  'target',
  'target_type',
  'date',
  'status',
  'value',
  'note',
  'energy',
] as const;

/** One row per check-in (practices in order, days oldest first), with a header row; RFC 4180 quoting. */
export function backupToCsv(doc: Backup): string {
  const areaName = new Map(doc.areas.map((a) => [a.ref, a.name]));
  let out = csvRow([...CSV_HEADER]);
  for (const p of doc.practices) {
    for (const c of p.checkins) {
      out += csvRow([
        p.name,
        p.areaRef ? (areaName.get(p.areaRef) ?? null) : null,
        p.kind,
        p.unit,
        p.target,
        p.targetType,
        c.date,
        c.status,
        c.value,
        c.note,
        c.energy,
      ]);
    }
  }
  return out;
}
