import type { Area, CheckinDto, GoalRevision, IntentionWeek } from '@tack/contracts';
import type {
  ChainRecord,
  DirectionRecord,
  ExperimentRecord,
  GoalRecord,
  IntentionRecord,
  MilestoneRecord,
} from '../discovery/ports.ts';
import type { PracticeColumns, PracticeRecord } from '../practices/ports.ts';
import type { ScheduleVersion } from '../practices/schedule.ts';
import type { FeedSettingsRecord, ReviewRecord } from '../reviews/ports.ts';

export interface ExternalRef {
  source: string;
  id: string;
}

export type NewPractice = Omit<PracticeRecord, 'pauses' | 'historyRev'> & { external: ExternalRef | null };

export interface Profile {
  name: string;
  timeZone: string;
  weekStart: string;
}

/** Calendar-feed settings as a backup holds them: never the secret (a restored account makes a new one). */
export type FeedSettingsFields = Omit<FeedSettingsRecord, 'secretHash' | 'secretCreatedAt'>;

/** What a person owns beyond areas and practices (backup format version 2), as stored. */
export interface OwnedRows {
  /** Deleted (hidden) ones included. */
  directions: DirectionRecord[];
  experiments: ExperimentRecord[];
  goals: GoalRecord[];
  goalRevisions: Array<GoalRevision & { goalId: string }>;
  intentions: IntentionRecord[];
  intentionWeeks: Array<IntentionWeek & { intentionId: string }>;
  chains: ChainRecord[];
  milestones: MilestoneRecord[];
  reviews: ReviewRecord[];
  dismissals: Array<{ key: string; dismissedAt: string }>;
  feedSettings: FeedSettingsFields | null;
}

/** Everything one person owns, as stored. */
export interface Snapshot extends OwnedRows {
  profile: Profile;
  areas: Area[];
  practices: Array<PracticeRecord & { external: ExternalRef | null }>;
  checkins: CheckinDto[];
}

/** How much a person owns: restore goes only into an account where all of it is 0. */
export interface OwnedCounts {
  practices: number;
  areas: number;
  directions: number;
  experiments: number;
  goals: number;
  intentions: number;
  chains: number;
  milestones: number;
  reviews: number;
}

export interface ErasureRecord {
  userId: string;
  requestedAt: string;
  purgeAfter: string;
}

/** Storage for imports, backups and erasure; packages/db implements it with batched statements. */
export interface PortabilityStore {
  /** Practice ids of the owner's practices imported from `source`, by external id. */
  findExternal(userId: string, source: string, externalIds: readonly string[]): Promise<Map<string, string>>;
  /** Inserts practices and their schedule versions in multi-row batches. */
  insertPractices(rows: readonly NewPractice[]): Promise<void>;
  /** The schedule versions of these practices, oldest first (practices without any are left out). */
  scheduleVersions(practiceIds: readonly string[]): Promise<Map<string, ScheduleVersion[]>>;
  /**
   * Updates an imported practice; `versions`, when given, becomes its whole schedule history (the
   * service passes the stored history merged with the file's: see mergeImportedSchedule).
   */
  updateImported(
    id: string,
    columns: PracticeColumns,
    versions: readonly ScheduleVersion[] | null,
    at: string,
  ): Promise<void>;
  /**
   * Inserts check-ins of practices created in the same transaction: none can exist yet, and the
   * rows must not repeat a practice and day (bulk, no conflict handling).
   */
  insertCheckins(userId: string, rows: readonly CheckinDto[]): Promise<void>;
  /** Inserts check-ins, replacing status, value and note of any on the same practice and day (multi-row). */
  upsertCheckins(userId: string, rows: readonly CheckinDto[]): Promise<void>;
  insertPauses(
    rows: ReadonlyArray<{ id: string; practiceId: string; from: string; to: string | null; createdAt: string }>,
  ): Promise<void>;
  insertAreas(userId: string, areas: readonly Area[]): Promise<void>;
  /** What the person's Today shows changed: bumps their data revision (the Today cache's key). */
  touch(userId: string): Promise<void>;
  /** A whole history changed: bump each practice's rev and drop its strength checkpoints. */
  resetStrength(practiceIds: readonly string[]): Promise<void>;
  nextPosition(userId: string): Promise<number>;
  /** How many practices, discovery items (any state, deleted ones included), live areas and reviews. */
  countOwned(userId: string): Promise<OwnedCounts>;
  /** Removes draft reviews nobody wrote in (opening a week's review makes one); before a restore. */
  dropUntouchedDrafts(userId: string): Promise<void>;
  /**
   * Inserts everything beyond areas and practices (records carry their own ids and userId). Feed
   * settings are written over any the account has, keeping the account's own feed secret.
   */
  insertOwned(userId: string, rows: OwnedRows): Promise<void>;
  snapshot(userId: string): Promise<Snapshot | null>;
  setProfile(userId: string, profile: Profile, at: string): Promise<void>;
  email(userId: string): Promise<string | null>;

  getErasure(userId: string): Promise<ErasureRecord | null>;
  putErasure(record: ErasureRecord): Promise<void>;
  deleteErasure(userId: string): Promise<boolean>;
  /** People whose grace period ended at or before `now`. */
  dueErasures(now: string): Promise<string[]>;
  /** Deletes the person and everything they own (the database cascades). */
  eraseUser(userId: string): Promise<void>;
}

export interface PortabilityUnitOfWork extends PortabilityStore {
  transaction<T>(fn: (store: PortabilityStore) => Promise<T>): Promise<T>;
}
