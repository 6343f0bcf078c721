import {
  BACKUP_VERSIONS_READ,
  type Backup,
  backupSchema,
  backupV1Schema,
  type CheckinDto,
  countsInWords,
  ERASURE_GRACE_DAYS,
  type ErasureStatus,
  type ImportSummary,
  type IssueLike,
  LIMITS,
  plainIssueMessage,
  RESTORED_ITEM_WORDS,
} from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { conflict, DomainError, invalid } from '../errors.ts';
import { localDate, toDayNumber } from '../practices/dates.ts';
import { validateScheduleVersions } from '../practices/schedule.ts';
import { backupToCsv, buildBackup } from './backup.ts';
import { planFromHabitica } from './habitica.ts';
import { type LoopHabitRow, type LoopRepetitionRow, planFromLoopBackup, planFromLoopCsvZip } from './loop.ts';
import { mergeImportedSchedule } from './merge.ts';
import type { ImportPlan } from './plan.ts';
import type { NewPractice, OwnedCounts, PortabilityUnitOfWork } from './ports.ts';
import { restorePlan } from './restore.ts';
import { type InflateRaw, isZip, readZip } from './zip.ts';

/** What reading a Loop backup file gives (the db package opens the SQLite file). */
export interface LoopBackupRows {
  userVersion: number;
  habits: LoopHabitRow[];
  repetitions: LoopRepetitionRow[];
}

export interface PortabilityDeps {
  store: PortabilityUnitOfWork;
  clock: Clock;
  newId: () => string;
  timeZoneOf: (userId: string) => Promise<string>;
  /** Reads a Loop backup (SQLite) file's rows; throws VALIDATION_FAILED when it is not one. */
  readLoopBackup: (bytes: Uint8Array) => LoopBackupRows;
  inflateRaw: InflateRaw;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Checks a plan completely before anything is written. */
function validatePlan(plan: ImportPlan, today: string) {
  const valid = new Set<string>();
  plan.practices.forEach((p, i) => {
    const path = `practices.${i}`;
    if (!p.name || p.name.length > LIMITS.nameMax) throw invalid(`${path}.name`, 'missing or too long');
    validateScheduleVersions(p.versions, `${path}.schedule`);
    if (p.kind === 'measurable' && (p.target === null || !Number.isFinite(p.target))) {
      throw invalid(`${path}.target`, 'a measurable practice needs a target');
    }
    const dates = new Set<string>();
    p.checkins.forEach((c, j) => {
      if (!valid.has(c.date)) {
        toDayNumber(c.date, `${path}.checkins.${j}.date`);
        valid.add(c.date);
      }
      if (c.date > today) throw invalid(`${path}.checkins.${j}.date`, 'in the future');
      if (dates.has(c.date)) throw invalid(`${path}.checkins.${j}.date`, 'two check-ins on one day');
      dates.add(c.date);
      if (c.value !== null && (!Number.isFinite(c.value) || c.value < 0)) {
        throw invalid(`${path}.checkins.${j}.value`, 'not a number of 0 or more');
      }
    });
  });
}

/** "3 practices and 1 goal", or "" when the account owns none of what a restore writes. */
function ownedWords(owned: OwnedCounts): string {
  return countsInWords(owned, {
    practices: ['practice', 'practices'],
    areas: ['area', 'areas'],
    ...RESTORED_ITEM_WORDS,
  });
}

function validationError(issues: ReadonlyArray<IssueLike & { path: PropertyKey[] }>): DomainError {
  const list = issues
    .slice(0, 20)
    .map((i) => ({ path: i.path.map(String).join('.') || 'file', message: plainIssueMessage(i) }));
  const first = list[0];
  return new DomainError(
    'VALIDATION_FAILED',
    `not a valid Tack backup: ${first ? `${first.path}: ${first.message}` : 'wrong shape'}`,
    { issues: list },
  );
}

/** A backup document of any version this Tack reads, as the current version (older ones gain empty sections). */
export function parseBackup(raw: unknown): Backup {
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  const readable: readonly number[] = BACKUP_VERSIONS_READ;
  if (head.format === 'tack-backup' && typeof head.version === 'number' && !readable.includes(head.version)) {
    throw invalid(
      'version',
      `this backup has format version ${head.version}; this Tack reads versions ${readable.join(' and ')}`,
    );
  }
  if (head.version === 1) {
    const v1 = backupV1Schema.safeParse(raw);
    if (!v1.success) throw validationError(v1.error.issues);
    return {
      ...v1.data,
      version: 2,
      directions: [],
      experiments: [],
      goals: [],
      intentions: [],
      chains: [],
      milestones: [],
      reviews: [],
      insightDismissals: [],
      feedSettings: null,
    };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

export function portabilityService(deps: PortabilityDeps) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();
  const todayFor = async (userId: string) => localDate(clock.now(), await deps.timeZoneOf(userId));

  async function apply(actor: Authorized<Actor>, plan: ImportPlan, today: string): Promise<ImportSummary> {
    validatePlan(plan, today);
    const at = nowIso();
    return store.transaction(async (s) => {
      const existing = await s.findExternal(
        actor.userId,
        plan.source,
        plan.practices.map((p) => p.external.id),
      );
      const storedVersions = await s.scheduleVersions([...existing.values()]);
      const warnings = [...plan.warnings];
      let position = await s.nextPosition(actor.userId);
      const fresh: NewPractice[] = [];
      const updated: string[] = [];
      // Check-ins of new practices cannot conflict with stored ones (validatePlan allows one a day):
      // a plain bulk insert. Those of updated practices replace what is stored on the same day.
      const freshCheckins: CheckinDto[] = [];
      const updatedCheckins: CheckinDto[] = [];
      for (const p of plan.practices) {
        let id = existing.get(p.external.id);
        const checkins = id ? updatedCheckins : freshCheckins;
        if (id) {
          // Never the file's schedule in place of the stored one: that held the person's edits.
          const merged = mergeImportedSchedule(storedVersions.get(id) ?? [], p.versions, today);
          if (merged.keptLater) {
            warnings.push(
              `"${p.name}": its schedule in Tack changes on ${merged.keptLater}, so the file's frequency was not applied`,
            );
          }
          await s.updateImported(
            id,
            {
              name: p.name,
              description: p.description,
              why: p.why,
              color: p.color,
              unit: p.unit,
              target: p.target,
              targetType: p.targetType,
              archivedAt: p.archived ? at : null,
            },
            merged.versions,
            at,
          );
          updated.push(id);
        } else {
          id = deps.newId();
          fresh.push({
            id,
            userId: actor.userId,
            areaId: null,
            name: p.name,
            description: p.description,
            why: p.why,
            color: p.color,
            kind: p.kind,
            unit: p.unit,
            target: p.target,
            targetType: p.targetType,
            ifThen: null,
            position: position++,
            createdAt: at,
            updatedAt: at,
            archivedAt: p.archived ? at : null,
            deletedAt: null,
            versions: p.versions,
            external: p.external,
          });
        }
        for (const c of p.checkins) {
          checkins.push({
            practiceId: id,
            date: c.date,
            status: c.status,
            value: c.value,
            note: c.note,
            energy: null,
            createdAt: at,
            updatedAt: at,
          });
        }
      }
      await s.insertPractices(fresh);
      await s.insertCheckins(actor.userId, freshCheckins);
      await s.upsertCheckins(actor.userId, updatedCheckins);
      await s.resetStrength(updated);
      await s.touch(actor.userId);
      return {
        source: plan.source,
        format: plan.format,
        practicesCreated: fresh.length,
        practicesUpdated: updated.length,
        checkins: freshCheckins.length + updatedCheckins.length,
        areas: 0,
        restored: null,
        notMapped: plan.notMapped,
        warnings,
      };
    });
  }

  async function snapshotDoc(actor: Authorized<Actor>): Promise<Backup> {
    const snap = await store.snapshot(actor.userId);
    if (!snap) throw new DomainError('NOT_FOUND', 'Account not found');
    return buildBackup(snap, nowIso());
  }

  return {
    /** A Loop Habit Tracker database backup (SQLite) or CSV export (ZIP), told apart by content. */
    async importLoop(actor: Authorized<Actor>, bytes: Uint8Array): Promise<ImportSummary> {
      const today = await todayFor(actor.userId);
      let plan: ImportPlan;
      if (isSqlite(bytes)) {
        const rows = deps.readLoopBackup(bytes);
        plan = planFromLoopBackup(rows.userVersion, rows.habits, rows.repetitions, today);
      } else if (isZip(bytes)) {
        plan = planFromLoopCsvZip(readZip(bytes, deps.inflateRaw, LIMITS.importBytes * 4), today);
      } else {
        throw invalid(
          'file',
          'not a Loop Habit Tracker file: expected its database backup (.db, a SQLite file) or its CSV export (.zip)',
        );
      }
      return apply(actor, plan, today);
    },

    /** Habitica's user data export (userdata.json). */
    async importHabitica(actor: Authorized<Actor>, bytes: Uint8Array): Promise<ImportSummary> {
      const today = await todayFor(actor.userId);
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        throw invalid('file', 'not JSON: expected the userdata.json of a Habitica data export');
      }
      return apply(actor, planFromHabitica(json, today), today);
    },

    /** The full backup document (the caller's own data only). */
    exportJson: snapshotDoc,

    async exportCsv(actor: Authorized<Actor>): Promise<string> {
      return backupToCsv(await snapshotDoc(actor));
    },

    /**
     * Restores a backup document (any version in BACKUP_VERSIONS_READ) into an empty account: the
     * whole document is validated first, then everything is written in one transaction.
     */
    async restore(actor: Authorized<Actor>, raw: unknown): Promise<ImportSummary> {
      const doc = parseBackup(raw);
      doc.practices.forEach((p, i) => {
        validateScheduleVersions(p.schedule, `practices.${i}.schedule`);
      });
      const at = nowIso();
      const plan = restorePlan(doc, actor.userId, deps.newId, at);
      return store.transaction(async (s) => {
        await s.dropUntouchedDrafts(actor.userId);
        const owned = await s.countOwned(actor.userId);
        const held = ownedWords(owned);
        if (held) {
          throw conflict(
            `Restore only goes into an empty account; this one has ${held}. ` +
              'Export them first if you want to keep them, then restore into a new account.',
            { ...owned },
          );
        }
        await s.setProfile(actor.userId, doc.profile, at);
        await s.insertAreas(actor.userId, plan.areas);
        await s.insertPractices(plan.practices);
        await s.insertPauses(plan.pauses);
        await s.upsertCheckins(actor.userId, plan.checkins);
        await s.insertOwned(actor.userId, plan.owned);
        await s.touch(actor.userId);
        return {
          source: 'backup' as const,
          format: `tack-backup-v${(raw as { version?: unknown }).version === 1 ? 1 : doc.version}`,
          practicesCreated: plan.practices.length,
          practicesUpdated: 0,
          checkins: plan.checkins.length,
          areas: plan.areas.length,
          restored: {
            directions: plan.owned.directions.length,
            experiments: plan.owned.experiments.length,
            goals: plan.owned.goals.length,
            intentions: plan.owned.intentions.length,
            chains: plan.owned.chains.length,
            milestones: plan.owned.milestones.length,
            reviews: plan.owned.reviews.length,
          },
          notMapped: doc.feedSettings
            ? [
                {
                  item: 'calendar feed URL',
                  reason: 'backups never hold the secret feed URL: make a new one in Settings to subscribe again',
                },
              ]
            : [],
          warnings: [],
        };
      });
    },

    // ── account erasure ──

    async erasureStatus(actor: Authorized<Actor>): Promise<ErasureStatus> {
      const r = await store.getErasure(actor.userId);
      return { scheduled: r !== null, requestedAt: r?.requestedAt ?? null, purgeAfter: r?.purgeAfter ?? null };
    },

    /** Schedules the erasure of the account ERASURE_GRACE_DAYS from now; `confirm` must be its email. */
    async requestErasure(actor: Authorized<Actor>, confirm: string): Promise<ErasureStatus> {
      const email = await store.email(actor.userId);
      if (!email) throw new DomainError('NOT_FOUND', 'Account not found');
      if (confirm.trim().toLowerCase() !== email.toLowerCase()) {
        throw new DomainError(
          'CONFIRMATION_REQUIRED',
          "To erase your account, type your account's email address as confirm",
        );
      }
      const existing = await store.getErasure(actor.userId);
      if (existing) return { scheduled: true, requestedAt: existing.requestedAt, purgeAfter: existing.purgeAfter };
      const now = clock.now();
      const record = {
        userId: actor.userId,
        requestedAt: now.toISOString(),
        purgeAfter: new Date(now.getTime() + ERASURE_GRACE_DAYS * 86_400_000).toISOString(),
      };
      await store.putErasure(record);
      return { scheduled: true, requestedAt: record.requestedAt, purgeAfter: record.purgeAfter };
    },

    async cancelErasure(actor: Authorized<Actor>): Promise<ErasureStatus> {
      if (!(await store.deleteErasure(actor.userId))) {
        throw new DomainError('NOT_FOUND', 'No erasure is scheduled for this account');
      }
      return { scheduled: false, requestedAt: null, purgeAfter: null };
    },

    /** The job: erases every account whose grace period is over. Returns how many. */
    async purgeErasures(): Promise<number> {
      const due = await store.dueErasures(nowIso());
      for (const userId of due) await store.transaction((s) => s.eraseUser(userId));
      return due.length;
    },
  };
}

export type PortabilityService = ReturnType<typeof portabilityService>;
