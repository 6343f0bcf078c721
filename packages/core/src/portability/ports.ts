import type { Area, CheckinDto } from '@tack/contracts';
import type { PracticeColumns, PracticeRecord } from '../practices/ports.ts';
import type { ScheduleVersion } from '../practices/schedule.ts';

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

/** Everything one person owns, as stored. */
export interface Snapshot {
  profile: Profile;
  areas: Area[];
  practices: Array<PracticeRecord & { external: ExternalRef | null }>;
  checkins: CheckinDto[];
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
  /** Updates an imported practice and makes `versions` its whole schedule history. */
  updateImported(id: string, columns: PracticeColumns, versions: readonly ScheduleVersion[], at: string): Promise<void>;
  /** Inserts check-ins, replacing status, value and note of any on the same practice and day (multi-row). */
  upsertCheckins(userId: string, rows: readonly CheckinDto[]): Promise<void>;
  insertPauses(
    rows: ReadonlyArray<{ id: string; practiceId: string; from: string; to: string | null; createdAt: string }>,
  ): Promise<void>;
  insertAreas(userId: string, areas: readonly Area[]): Promise<void>;
  /** A whole history changed: bump each practice's rev and drop its strength checkpoints. */
  resetStrength(practiceIds: readonly string[]): Promise<void>;
  nextPosition(userId: string): Promise<number>;
  /** How many practices (any state) and live areas the person has. */
  countOwned(userId: string): Promise<{ practices: number; areas: number }>;
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
