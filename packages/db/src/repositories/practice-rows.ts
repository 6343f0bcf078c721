// Check-in and practice rows as the repositories read them, and their domain shapes.
import type { CheckinDto } from '@tack/contracts';
import type { PracticeRecord, PracticeRow } from '@tack/core';
import type { Selectable } from 'kysely';
import type { CheckinTable, PracticeTable } from '../schema.ts';

/**
 * The columns a check-in and a practice row are read from. Prepared queries name them rather than
 * selecting `*`: on PostgreSQL a named statement's result columns must not change under it (a
 * migration adding a column while older app servers still run).
 */
export const CHECKIN_COLUMNS = [
  'practice_id',
  'date',
  'status',
  'value',
  'note',
  'energy',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof CheckinTable>;
export const PRACTICE_ROW_COLUMNS = [
  'id',
  'user_id',
  'area_id',
  'name',
  'description',
  'why',
  'color',
  'kind',
  'unit',
  'target',
  'target_type',
  'if_then',
  'position',
  'history_rev',
  'created_at',
  'updated_at',
  'archived_at',
  'deleted_at',
] as const satisfies ReadonlyArray<keyof PracticeTable>;
export type CheckinColumns = Pick<Selectable<CheckinTable>, (typeof CHECKIN_COLUMNS)[number]>;
export type PracticeRowColumns = Pick<Selectable<PracticeTable>, (typeof PRACTICE_ROW_COLUMNS)[number]>;

export function toCheckin(r: CheckinColumns): CheckinDto {
  return {
    practiceId: r.practice_id,
    date: r.date,
    status: r.status as CheckinDto['status'],
    value: r.value === null ? null : Number(r.value),
    note: r.note,
    energy: r.energy === null ? null : Number(r.energy),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRow(r: PracticeRowColumns): PracticeRow {
  return {
    id: r.id,
    userId: r.user_id,
    areaId: r.area_id,
    name: r.name,
    description: r.description,
    why: r.why,
    color: r.color,
    kind: r.kind as PracticeRecord['kind'],
    unit: r.unit,
    target: r.target === null ? null : Number(r.target),
    targetType: r.target_type as PracticeRecord['targetType'],
    ifThen: r.if_then ? (JSON.parse(r.if_then) as PracticeRecord['ifThen']) : null,
    position: Number(r.position),
    historyRev: Number(r.history_rev),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    deletedAt: r.deleted_at,
  };
}
