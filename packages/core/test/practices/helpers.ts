import { expect } from 'vitest';
import { addDays, type CheckIn, DomainError, type ScheduleVersion } from '../../src/index.ts';

/** Asserts |actual − expected| <= eps (Loop's tests use closeTo(expected, 1e-6)). */
export function expectClose(actual: number, expected: number, eps = 1e-6): void {
  expect(Math.abs(actual - expected), `expected ${actual} to be within ${eps} of ${expected}`).toBeLessThanOrEqual(eps);
}

/** A date `offset` days before `today` (Loop's tests address days as `today.minus(offset)`). */
export const daysAgo = (today: string, offset: number): string => addDays(today, -offset);

export const daily: ScheduleVersion[] = [
  { effectiveFrom: '2000-01-01', frequency: { kind: 'times', times: 1, days: 1 } },
];

export function timesIn(times: number, days: number, effectiveFrom = '2000-01-01'): ScheduleVersion[] {
  return [{ effectiveFrom, frequency: { kind: 'times', times, days } }];
}

/**
 * Loop-style history builder: later writes to the same day replace earlier ones, like
 * `habit.originalEntries.add` does in Loop's tests.
 */
export class History {
  readonly today: string;
  private readonly byDate = new Map<string, CheckIn>();
  constructor(today: string) {
    this.today = today;
  }
  done(from: number, to = from + 1, value?: number): this {
    for (let i = from; i < to; i++) this.set(i, { status: 'done', ...(value === undefined ? {} : { value }) });
    return this;
  }
  skip(from: number, to = from + 1): this {
    for (let i = from; i < to; i++) this.set(i, { status: 'skipped' });
    return this;
  }
  notDone(from: number, to = from + 1): this {
    for (let i = from; i < to; i++) this.set(i, { status: 'notDone' });
    return this;
  }
  private set(offset: number, entry: Omit<CheckIn, 'date'>): void {
    const date = daysAgo(this.today, offset);
    this.byDate.set(date, { date, ...entry });
  }
  get entries(): CheckIn[] {
    return [...this.byDate.values()];
  }
}

/** Deterministic PRNG (mulberry32) for property-style loops without extra dependencies. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn`, expects a VALIDATION_FAILED DomainError and returns the path of its first field issue. */
export function issuePath(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    const issues = ((e as DomainError).details?.issues ?? []) as Array<{ path: string }>;
    return issues[0]?.path ?? '(no issue)';
  }
  throw new Error('expected a validation error');
}
