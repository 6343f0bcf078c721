import type { GoalRevision, Horizon, IntentionWeek, Verdict } from '@tack/contracts';
import type { IfThen } from '../practices/ports.ts';

/** What every discovery aggregate carries. `version` guards against lost updates (optimistic). */
export interface AggregateMeta {
  id: string;
  userId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

type Scalar = string | number | null;
/** Equality filters on a record's scalar fields (those the repository keeps as columns). */
export type Where<T> = { [K in keyof T]?: T[K] extends Scalar ? T[K] : never };

export interface AggregatePort<T extends AggregateMeta> {
  /** The owner's records, oldest first; deleted ones only when asked. */
  list(userId: string, where?: Where<T>, includeDeleted?: boolean): Promise<T[]>;
  /** Only the owner's record: another person's is indistinguishable from a missing one. */
  get(userId: string, id: string, includeDeleted?: boolean): Promise<T | null>;
  insert(record: T): Promise<void>;
  /** Writes when the stored version still equals `record.version`, bumping it; false when it changed. */
  save(record: T): Promise<boolean>;
}

export interface DirectionAnswerRecord {
  id: string;
  text: string;
  practiceId: string | null;
  createdAt: string;
}

export interface DirectionRecord extends AggregateMeta {
  name: string;
  description: string | null;
  answers: DirectionAnswerRecord[];
}

export interface ExperimentNoteRecord {
  id: string;
  date: string;
  tag: 'energises' | 'drains';
  text: string;
  createdAt: string;
}

export interface VerdictRecord {
  verdict: Verdict;
  learned: string;
  decidedOn: string;
  goalId: string | null;
  nextExperimentId: string | null;
}

export interface ExperimentRecord extends AggregateMeta {
  directionId: string;
  hypothesis: string;
  practiceIds: string[];
  startDate: string;
  lengthWeeks: number;
  decisionDate: string;
  /** Mirrors verdict.decidedOn, kept as a column for the learnings archive. */
  decidedOn: string | null;
  notes: ExperimentNoteRecord[];
  verdict: VerdictRecord | null;
  previousExperimentId: string | null;
}

export interface GoalRecord extends AggregateMeta {
  kind: 'performance' | 'learning';
  status: 'exploring' | 'active' | 'paused' | 'achieved' | 'letGo';
  title: string;
  why: string | null;
  learnings: string | null;
  directionId: string | null;
  intentionId: string | null;
  ifThen: IfThen[];
  metric: { name: string; unit: string; baseline: number; target: number; current?: number | undefined } | null;
  dueDate: string | null;
  keyResults: Array<{
    id: string;
    title: string;
    target: number;
    current: number;
    unit: string | null;
    confidence: number;
  }>;
  whatToLearn: string | null;
  strategies: Array<{ id: string; text: string; tried: boolean; reflection: string | null }>;
  evidence: Array<{ id: string; date: string; text: string }>;
  /** Edits so far; the creation is revision 0. */
  revisions: number;
}

export interface IntentionRecord extends AggregateMeta {
  statement: string;
  why: string | null;
  horizon: Horizon;
  /** Column mirrors of the horizon, for filtering: 'quarter' + '2026-Q4', 'year' + '2026', 'open' + null. */
  horizonKind: string;
  horizonValue: string | null;
  practiceIds: string[];
  goalIds: string[];
}

export interface ChainStepRecord {
  id: string;
  isoWeek: string;
  text: string;
  kind: 'idea' | 'practice' | 'task';
  practiceId: string | null;
  done: boolean;
  createdAt: string;
}

export interface ChainRecord extends AggregateMeta {
  title: string | null;
  steps: ChainStepRecord[];
}

export interface MilestoneState {
  title: string;
  targetDate: string;
  status: 'open' | 'reached' | 'dropped';
}

export interface MilestoneRecord extends AggregateMeta {
  goalId: string | null;
  directionId: string | null;
  title: string;
  targetDate: string;
  status: 'open' | 'reached' | 'dropped';
  original: { title: string; targetDate: string };
  changes: Array<{
    at: string;
    kind: 'moved' | 'changed' | 'dropped' | 'reached' | 'reopened';
    before: MilestoneState;
    after: MilestoneState;
    reason: string | null;
  }>;
}

export interface GoalRevisionsPort {
  add(userId: string, goalId: string, revision: GoalRevision): Promise<void>;
  /** Oldest first. */
  list(goalId: string): Promise<GoalRevision[]>;
}

export interface IntentionWeeksPort {
  put(userId: string, intentionId: string, week: IntentionWeek): Promise<void>;
  get(intentionId: string, isoWeek: string): Promise<IntentionWeek | null>;
  /** Newest week first. */
  list(intentionId: string): Promise<IntentionWeek[]>;
}

/** Repositories bound to one transaction. */
export interface DiscoveryStore {
  directions: AggregatePort<DirectionRecord>;
  experiments: AggregatePort<ExperimentRecord>;
  goals: AggregatePort<GoalRecord>;
  goalRevisions: GoalRevisionsPort;
  intentions: AggregatePort<IntentionRecord>;
  intentionWeeks: IntentionWeeksPort;
  chains: AggregatePort<ChainRecord>;
  milestones: AggregatePort<MilestoneRecord>;
}

export interface DiscoveryUnitOfWork extends DiscoveryStore {
  transaction<T>(fn: (store: DiscoveryStore) => Promise<T>): Promise<T>;
}
