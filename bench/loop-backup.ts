// A Loop Habit Tracker backup for the import scenario of `npm run bench`: `habits` habits with one
// entry on every one of `days` days up to yesterday, written by the same builder the import tests
// use (apps/server/test/portability.fixtures.ts: Loop's table layout, schema version 24).
// Every fifth habit is numerical (values stored × 1000, as Loop does); the others mostly
// YES_MANUAL (2) with some SKIP (3) and NO (0). Every entry becomes a check-in in Tack.

import { type LoopHabit, type LoopRep, loopBackup } from '../apps/server/test/portability.fixtures.ts';
import { addDays, prng } from './generate.ts';

export interface LoopBackupFile {
  bytes: Buffer;
  habits: number;
  repetitions: number;
}

export function benchLoopBackup(o: { habits: number; days: number; today: string; seed?: number }): LoopBackupFile {
  const rand = prng(o.seed ?? 424242);
  const habits: LoopHabit[] = Array.from({ length: o.habits }, (_, i) => ({
    id: i + 1,
    name: `Loop habit ${i + 1}`,
    question: i % 3 === 0 ? 'Did you do it today?' : undefined,
    position: i,
    uuid: `bench-loop-${i + 1}`,
    color: i % 20,
    freqNum: 1,
    freqDen: 1,
    ...(i % 5 === 4 ? { type: 1 as const, targetType: 0 as const, targetValue: 30, unit: 'min' } : {}),
  }));
  const first = addDays(o.today, -o.days);
  const dates = Array.from({ length: o.days }, (_, d) => addDays(first, d));
  const reps: LoopRep[] = [];
  for (const h of habits) {
    for (const date of dates) {
      const r = rand();
      const value = h.type === 1 ? Math.round(r * 60) * 1000 : r < 0.8 ? 2 : r < 0.9 ? 3 : 0;
      reps.push({ habit: h.id, date, value, notes: r < 0.01 ? 'a note' : undefined });
    }
  }
  return { bytes: loopBackup(habits, reps), habits: habits.length, repetitions: reps.length };
}
