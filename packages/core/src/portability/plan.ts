import type { ImportSummary } from '@tack/contracts';
import type { CheckInStatus } from '../practices/history.ts';
import type { Frequency, ScheduleVersion } from '../practices/schedule.ts';

/** One practice as a source file describes it, before it is written. */
export interface ImportedPractice {
  /** Where it came from, to update it (not duplicate it) on a re-import. */
  external: { source: string; id: string };
  name: string;
  description: string | null;
  why: string | null;
  color: string;
  kind: 'boolean' | 'measurable';
  unit: string | null;
  target: number | null;
  targetType: 'atLeast' | 'atMost' | null;
  archived: boolean;
  versions: ScheduleVersion[];
  checkins: ImportedCheckin[];
}

export interface ImportedCheckin {
  date: string;
  status: CheckInStatus;
  value: number | null;
  note: string | null;
}

/** Everything an import will write, built (and validated) before anything is written. */
export interface ImportPlan {
  source: ImportSummary['source'];
  format: string;
  practices: ImportedPractice[];
  notMapped: ImportSummary['notMapped'];
  warnings: string[];
}

export type { Frequency };
