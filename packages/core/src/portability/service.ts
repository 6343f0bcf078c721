import {
  type Backup,
  backupSchema,
  ERASURE_GRACE_DAYS,
  type ErasureStatus,
  type ImportSummary,
  LIMITS,
} from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { conflict, DomainError, invalid } from '../errors.ts';
import { localDate, toDayNumber } from '../practices/dates.ts';
import { validateScheduleVersions } from '../practices/schedule.ts';
import { backupToCsv, buildBackup } from './backup.ts';
import { planFromHabitica } from './habitica.ts';
import { type LoopHabitRow, type LoopRepetitionRow, planFromLoopBackup, planFromLoopCsvZip } from './loop.ts';
import type { ImportPlan } from './plan.ts';
import type { NewPractice, PortabilityUnitOfWork } from './ports.ts';
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
      let position = await s.nextPosition(actor.userId);
      const fresh: NewPractice[] = [];
      const updated: string[] = [];
      const checkins = [];
      for (const p of plan.practices) {
        let id = existing.get(p.external.id);
        if (id) {
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
            p.versions,
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
          checkins.push({ practiceId: id, ...c, energy: null, createdAt: at, updatedAt: at });
        }
      }
      await s.insertPractices(fresh);
      await s.upsertCheckins(actor.userId, checkins);
      await s.resetStrength(updated);
      return {
        source: plan.source,
        format: plan.format,
        practicesCreated: fresh.length,
        practicesUpdated: updated.length,
        checkins: checkins.length,
        areas: 0,
        notMapped: plan.notMapped,
        warnings: plan.warnings,
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

    /** Restores a backup document into an empty account, in one transaction. */
    async restore(actor: Authorized<Actor>, raw: unknown): Promise<ImportSummary> {
      const parsed = backupSchema.safeParse(raw);
      if (!parsed.success) {
        const version = (raw as { version?: unknown } | null)?.version;
        if (
          (raw as { format?: unknown } | null)?.format === 'tack-backup' &&
          typeof version === 'number' &&
          version !== 1
        ) {
          throw invalid('version', `this backup has format version ${version}; this Tack reads version 1`);
        }
        const issues = parsed.error.issues
          .slice(0, 20)
          .map((i) => ({ path: i.path.join('.') || 'file', message: i.message }));
        const first = issues[0];
        throw new DomainError(
          'VALIDATION_FAILED',
          `not a valid Tack backup: ${first ? `${first.path}: ${first.message}` : 'wrong shape'}`,
          { issues },
        );
      }
      const doc = parsed.data;
      doc.practices.forEach((p, i) => {
        validateScheduleVersions(p.schedule, `practices.${i}.schedule`);
      });
      const at = nowIso();
      return store.transaction(async (s) => {
        const owned = await s.countOwned(actor.userId);
        if (owned.practices > 0 || owned.areas > 0) {
          throw conflict(
            `Restore only goes into an empty account; this one has ${owned.practices} practices and ${owned.areas} areas. ` +
              'Export them first if you want to keep them, then restore into a new account.',
            owned,
          );
        }
        await s.setProfile(actor.userId, doc.profile, at);
        const areaIds = new Map(doc.areas.map((a) => [a.ref, deps.newId()]));
        await s.insertAreas(
          actor.userId,
          doc.areas.map((a) => ({
            id: areaIds.get(a.ref)!,
            name: a.name,
            position: a.position,
            createdAt: a.createdAt,
          })),
        );
        const practices: NewPractice[] = [];
        const pauses = [];
        const checkins = [];
        for (const p of doc.practices) {
          const id = deps.newId();
          practices.push({
            id,
            userId: actor.userId,
            areaId: p.areaRef ? (areaIds.get(p.areaRef) ?? null) : null,
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
          for (const r of p.pauses)
            pauses.push({ id: deps.newId(), practiceId: id, from: r.from, to: r.to, createdAt: at });
          for (const c of p.checkins) checkins.push({ practiceId: id, ...c });
        }
        await s.insertPractices(practices);
        await s.insertPauses(pauses);
        await s.upsertCheckins(actor.userId, checkins);
        return {
          source: 'backup' as const,
          format: 'tack-backup-v1',
          practicesCreated: practices.length,
          practicesUpdated: 0,
          checkins: checkins.length,
          areas: doc.areas.length,
          notMapped: [],
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
