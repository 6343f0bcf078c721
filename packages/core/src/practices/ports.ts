import type { Area, CheckinDto } from '@tack/contracts';
import type { PauseRange } from './history.ts';
import type { Frequency, ScheduleVersion } from './schedule.ts';
import type { StrengthCheckpoint, TargetType } from './strength.ts';

/** "If <cue>, then <action>" (an implementation intention). */
export interface IfThen {
  cue: string;
  action: string;
}

/** A practice as the domain sees it: the row plus its schedule versions and pauses. */
export interface PracticeRecord {
  id: string;
  userId: string;
  areaId: string | null;
  name: string;
  description: string | null;
  why: string | null;
  color: string;
  kind: 'boolean' | 'measurable';
  unit: string | null;
  target: number | null;
  targetType: TargetType | null;
  ifThen: IfThen | null;
  position: number;
  historyRev: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  deletedAt: string | null;
  versions: ScheduleVersion[];
  pauses: Array<PauseRange & { id: string }>;
}

/** A practice without its schedule versions and pauses. */
export type PracticeRow = Omit<PracticeRecord, 'versions' | 'pauses'>;

export type PracticeColumns = Partial<
  Pick<
    PracticeRecord,
    | 'areaId'
    | 'name'
    | 'description'
    | 'why'
    | 'color'
    | 'unit'
    | 'target'
    | 'targetType'
    | 'ifThen'
    | 'position'
    | 'archivedAt'
    | 'deletedAt'
  >
>;

export type PracticeFilter = 'live' | 'archived' | 'deleted' | 'all';

export interface PracticesPort {
  list(userId: string, filter: PracticeFilter): Promise<PracticeRecord[]>;
  /** Only the owner's practice; deleted ones only when asked. */
  get(userId: string, id: string, includeDeleted?: boolean): Promise<PracticeRecord | null>;
  /** The same without schedule versions and pauses (check-ins need only the row: one query, not three). */
  getRow(userId: string, id: string, includeDeleted?: boolean): Promise<PracticeRow | null>;
  insert(record: Omit<PracticeRecord, 'pauses' | 'historyRev'>): Promise<void>;
  update(id: string, columns: PracticeColumns, at: string): Promise<void>;
  /**
   * Sets the schedule from `effectiveFrom` on: adds a version on that day and removes every version
   * dated on or after it, so no earlier-planned later version brings an older schedule back.
   */
  putScheduleVersion(id: string, effectiveFrom: string, frequency: Frequency, at: string): Promise<void>;
  addPause(id: string, pause: { id: string; from: string; to: string | null }, at: string): Promise<void>;
  setPauseEnd(pauseId: string, to: string | null): Promise<void>;
  deletePause(pauseId: string): Promise<void>;
  nextPosition(userId: string): Promise<number>;
  /** Removes practices deleted before `before` for good; returns how many. */
  purgeDeleted(before: string): Promise<number>;
}

/** What writing a check-in reads (checkins.forWrite), with the revisions that show it is still current. */
export interface CheckinTarget {
  practice: PracticeRow;
  timeZone: string;
  existing: CheckinDto | null;
  /**
   * `practice.data_rev` and `user.data_rev` as read (ADR 0008). Every write to the practice or its
   * check-ins bumps the first. Removing or replacing practice rows, and imports, bump the second. So
   * while both are unchanged, so is everything above but the time zone, which `put` checks as well.
   */
  revs: { practice: number; user: number };
}

export interface CheckinsPort {
  list(practiceId: string, from?: string, to?: string): Promise<CheckinDto[]>;
  /** Check-ins of several practices on or after `from` (for Today). */
  listSince(practiceIds: readonly string[], from: string): Promise<CheckinDto[]>;
  get(practiceId: string, date: string): Promise<CheckinDto | null>;
  /**
   * What writing one check-in needs, in one read: the person's live practice, their time zone and
   * the check-in already there on that date. Null when the practice is not theirs or is deleted.
   * `lock` (inside a transaction) holds the practice row until it ends (PostgreSQL; SQLite's one
   * connection runs one transaction at a time anyway).
   */
  forWrite(userId: string, practiceId: string, date: string, opts?: { lock?: boolean }): Promise<CheckinTarget | null>;
  /**
   * Inserts or updates, and bumps the practice's data revision; `historyChanged` (status or amount
   * changed) also bumps its history revision and drops its checkpoints from that date on (ADR 0005).
   * Atomic on its own, in a transaction or not. With `expected`, it writes only while the practice
   * is live and the revisions and time zone are still those read; otherwise it writes nothing and
   * returns null. Returns the practice's data revision after the write.
   */
  put(
    userId: string,
    checkin: CheckinDto,
    historyChanged: boolean,
    expected?: Pick<CheckinTarget, 'revs' | 'timeZone'>,
  ): Promise<number | null>;
  /** Removes it (a history change: checkpoints from that date go); false when there was none. */
  delete(practiceId: string, date: string): Promise<boolean>;
}

export interface CheckpointsPort {
  /** The latest checkpoint dated before `before` for each practice, when its rev still matches. */
  latestBefore(
    practices: ReadonlyArray<{ id: string; historyRev: number }>,
    before: string,
  ): Promise<Map<string, StrengthCheckpoint>>;
  /** Saves checkpoints only if the practice's history_rev still equals `rev` (else nothing). */
  saveIfCurrent(practiceId: string, rev: number, checkpoints: readonly StrengthCheckpoint[]): Promise<void>;
  /** A history change on or after `date`: bumps the rev and drops checkpoints from that date on. */
  invalidateFrom(practiceId: string, date: string): Promise<void>;
}

export interface AreasPort {
  list(userId: string): Promise<Area[]>;
  get(userId: string, id: string): Promise<Area | null>;
  insert(userId: string, area: Area): Promise<void>;
  update(id: string, patch: { name?: string; position?: number }): Promise<void>;
  softDelete(id: string, at: string): Promise<void>;
  nextPosition(userId: string): Promise<number>;
}

/** Repositories bound to one transaction. */
export interface PracticeStore {
  practices: PracticesPort;
  checkins: CheckinsPort;
  checkpoints: CheckpointsPort;
  areas: AreasPort;
}

export interface PracticeUnitOfWork extends PracticeStore {
  /** Runs fn in one database transaction: all or nothing. */
  transaction<T>(fn: (store: PracticeStore) => Promise<T>): Promise<T>;
  /**
   * For reads followed by one write call that is atomic by itself and guarded (checkins.put): they
   * run as they come, without a transaction around them. Another write may come between the reads
   * and the write (a transaction would not stop that on PostgreSQL's READ COMMITTED either); the
   * guard then refuses the write, and the caller reads again under a lock (ADR 0010).
   */
  readThenWrite<T>(fn: (store: PracticeStore) => Promise<T>): Promise<T>;
}
