import type { ReviewAnswers, Weekday, WeekSummary } from '@tack/contracts';
import type { GoalRigidityInput } from '../insights/detectors.ts';

export interface AppliedDecision {
  practiceId: string;
  decision: 'keep' | 'adjust' | 'drop';
  effectiveFrom: string | null;
}

/** One person's review of one week, keyed by the first day of their week. */
export interface ReviewRecord {
  id: string;
  userId: string;
  weekStart: string;
  status: 'draft' | 'completed';
  answers: ReviewAnswers;
  /** Frozen at completion; null while a draft (the summary is computed live). */
  summary: WeekSummary | null;
  applied: AppliedDecision[];
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface ReviewsPort {
  /** Only the owner's review. */
  get(userId: string, weekStart: string): Promise<ReviewRecord | null>;
  /** Inserts unless a review of that week exists already (a concurrent draft): then does nothing. */
  insertIfAbsent(record: ReviewRecord): Promise<void>;
  save(record: ReviewRecord): Promise<void>;
  /** The owner's reviews, oldest week first, optionally within [from, to] by week start and by status. */
  list(
    userId: string,
    filter?: { from?: string; to?: string; status?: 'draft' | 'completed' },
  ): Promise<ReviewRecord[]>;
}

export interface DismissalsPort {
  list(userId: string): Promise<Array<{ key: string; dismissedAt: string }>>;
  put(userId: string, key: string, at: string): Promise<void>;
  remove(userId: string, keys: readonly string[]): Promise<void>;
}

/**
 * What reviews and insights read from the discovery features (experiments, intentions, goals,
 * milestones). Defined here so these features do not depend on discovery's code; the server wires
 * it to discovery's repositories, or passes null when they are not there.
 */
export interface DiscoverySourcePort {
  experimentNotes(userId: string, from: string, to: string): Promise<WeekSummary['experimentNotes']>;
  intentions(userId: string): Promise<Array<{ id: string; statement: string }>>;
  /** Records "where did I live this intention this week?" in the intention's own weekly history. */
  answerIntention(userId: string, intentionId: string, isoWeek: string, answer: string, at: string): Promise<void>;
  goalsForRigidity(userId: string, today: string): Promise<GoalRigidityInput[]>;
  effort(
    userId: string,
    from: string,
    to: string,
  ): Promise<{ experimentsRun: number; experimentsDecided: number; strategiesTried: number }>;
}

export interface PersonSettings {
  timeZone: string;
  weekStart: Weekday;
}

/** Calendar-feed settings of one person; secretHash is the SHA-256 of the URL's secret. */
export interface FeedSettingsRecord {
  userId: string;
  reviewDay: Weekday;
  reviewTime: string;
  reviewMinutes: number;
  practiceTime: string;
  secretHash: string | null;
  secretCreatedAt: string | null;
  updatedAt: string;
}

export interface FeedSettingsPort {
  get(userId: string): Promise<FeedSettingsRecord | null>;
  put(record: FeedSettingsRecord): Promise<void>;
  /** The settings whose secret hashes to `hash`, or null (revoked, rotated, or never made). */
  findBySecretHash(hash: string): Promise<FeedSettingsRecord | null>;
}
