import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupArea,
  type BackupPractice,
  type CheckinDto,
} from '@tack/contracts';
import { csvRow } from './csv.ts';
import type { Snapshot } from './ports.ts';

const byOrder = <T extends { position: number; createdAt: string; name: string }>(a: T, b: T) =>
  a.position - b.position ||
  (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The backup document of a snapshot. Areas and practices are listed in their order and named by
 * refs from that order, so the same data always gives the same document (whatever its database ids).
 */
export function buildBackup(s: Snapshot, exportedAt: string): Backup {
  const areas = [...s.areas].sort(byOrder);
  const areaRef = new Map(areas.map((a, i) => [a.id, `area-${i + 1}`]));
  const practices = [...s.practices].sort(byOrder);
  const checkinsOf = new Map<string, CheckinDto[]>();
  for (const c of s.checkins) {
    const list = checkinsOf.get(c.practiceId) ?? [];
    list.push(c);
    checkinsOf.set(c.practiceId, list);
  }
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
      (a, i): BackupArea => ({ ref: `area-${i + 1}`, name: a.name, position: a.position, createdAt: a.createdAt }),
    ),
    practices: practices.map(
      (p, i): BackupPractice => ({
        ref: `practice-${i + 1}`,
        areaRef: p.areaId ? (areaRef.get(p.areaId) ?? null) : null,
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
          .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
          .map((v) => ({ effectiveFrom: v.effectiveFrom, frequency: v.frequency })),
        pauses: [...p.pauses]
          .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
          .map((r) => ({ from: r.from, to: r.to })),
        checkins: (checkinsOf.get(p.id) ?? [])
          .sort((a, b) => (a.date < b.date ? -1 : 1))
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
