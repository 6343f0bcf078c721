import type { Practice, PracticeState } from '@tack/contracts';
import { toDayNumber } from './dates.ts';
import { isPausedDay, pauseIntervals } from './history.ts';
import type { PracticeRecord } from './ports.ts';

export const PURGE_AFTER_DAYS = 30;

export function stateOf(p: PracticeRecord, today: string): PracticeState {
  if (p.deletedAt) return 'deleted';
  if (p.archivedAt) return 'archived';
  return isPausedDay(toDayNumber(today), pauseIntervals(p.pauses)) ? 'paused' : 'active';
}

/** The schedule version in force on `date` (the first one before it starts). */
export function versionAt(p: PracticeRecord, date: string) {
  let current = p.versions[0]!;
  for (const v of p.versions) if (v.effectiveFrom <= date) current = v;
  return current;
}

export function toPracticeDto(p: PracticeRecord, today: string): Practice {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    why: p.why,
    areaId: p.areaId,
    color: p.color,
    kind: p.kind,
    unit: p.unit,
    target: p.target,
    targetType: p.kind === 'measurable' ? (p.targetType ?? 'atLeast') : null,
    ifThen: p.ifThen,
    state: stateOf(p, today),
    position: p.position,
    schedule: versionAt(p, today),
    scheduleHistory: p.versions,
    pauses: p.pauses.map(({ from, to }) => ({ from, to })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    archivedAt: p.archivedAt,
    deletedAt: p.deletedAt,
    purgeAfter: p.deletedAt ? new Date(Date.parse(p.deletedAt) + PURGE_AFTER_DAYS * 86_400_000).toISOString() : null,
  };
}
