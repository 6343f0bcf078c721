import { WEEKDAYS } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import {
  DomainError,
  isoWeekOfWeek,
  lastDayOfWeek,
  mondayOfIsoWeek,
  type PracticeWithHistory,
  plannedBetween,
  recurrenceOf,
  resolveWeek,
  reviewMarkdown,
  summariseWeek,
  unpausedSpans,
  who5Raw,
} from '../../src/index.ts';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return ((err.details?.issues ?? []) as Array<{ path: string }>)[0]?.path;
    throw err;
  }
  return undefined;
}

describe('weeks', () => {
  it('finds the Monday of ISO weeks, also across year ends', () => {
    expect(mondayOfIsoWeek('2026-W47')).toBe('2026-11-16');
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2021-W01')).toBe('2021-01-04');
  });
  it('refuses what is not an ISO week, naming `week`', () => {
    for (const w of ['2025-W53', '2026-W00', '2026-W54', '2026W47', '47', ''])
      expect(fieldOf(() => resolveWeek(w, 'monday'))).toBe('week');
    expect(fieldOf(() => resolveWeek('2026-02-29', 'monday'))).toBe('week');
  });
  it("resolves to the person's week holding that Monday (or that date), and back", () => {
    for (const ws of WEEKDAYS) {
      const start = resolveWeek('2026-W47', ws);
      expect(start <= '2026-11-16' && start > '2026-11-09').toBe(true);
      expect(isoWeekOfWeek(start)).toBe('2026-W47');
      expect(resolveWeek(start, ws)).toBe(start);
    }
    expect(resolveWeek('2026-W47', 'sunday')).toBe('2026-11-15');
    expect(resolveWeek('2026-W47', 'tuesday')).toBe('2026-11-10');
    expect(resolveWeek('2026-11-22', 'monday')).toBe('2026-11-16');
  });
  it('knows the day each week ends on (the default review day)', () => {
    expect(lastDayOfWeek('monday')).toBe('sunday');
    expect(lastDayOfWeek('sunday')).toBe('saturday');
    expect(lastDayOfWeek('saturday')).toBe('friday');
    for (const ws of WEEKDAYS) expect(WEEKDAYS.indexOf(lastDayOfWeek(ws))).toBe((WEEKDAYS.indexOf(ws) + 6) % 7);
  });
});

describe('planned check-ins of a week', () => {
  const week = ['2026-11-16', '2026-11-22'] as const;
  it('counts due weekdays, and rates for "times in days" and intervals', () => {
    const weekdays = {
      versions: [
        {
          effectiveFrom: '2026-01-01',
          frequency: { kind: 'weekdays' as const, weekdays: ['monday' as const, 'friday' as const] },
        },
      ],
      pauses: [],
    };
    expect(plannedBetween(weekdays, ...week)).toBe(2);
    const times = {
      versions: [{ effectiveFrom: '2026-01-01', frequency: { kind: 'times' as const, times: 3, days: 7 } }],
      pauses: [],
    };
    expect(plannedBetween(times, ...week)).toBe(3);
    const every = {
      versions: [{ effectiveFrom: '2026-01-01', frequency: { kind: 'interval' as const, everyDays: 3 } }],
      pauses: [],
    };
    expect(plannedBetween(every, ...week)).toBe(2);
  });
  it('leaves out paused days, days before the schedule, days after archiving, and follows versions', () => {
    const daily = { kind: 'times' as const, times: 1, days: 1 };
    expect(plannedBetween({ versions: [{ effectiveFrom: '2026-11-20', frequency: daily }], pauses: [] }, ...week)).toBe(
      3,
    );
    expect(
      plannedBetween(
        {
          versions: [{ effectiveFrom: '2026-01-01', frequency: daily }],
          pauses: [{ from: '2026-11-17', to: '2026-11-19' }],
        },
        ...week,
      ),
    ).toBe(4);
    expect(
      plannedBetween(
        { versions: [{ effectiveFrom: '2026-01-01', frequency: daily }], pauses: [] },
        ...week,
        '2026-11-17',
      ),
    ).toBe(2);
    const versions = [
      { effectiveFrom: '2026-01-01', frequency: daily },
      { effectiveFrom: '2026-11-20', frequency: { kind: 'weekdays' as const, weekdays: ['sunday' as const] } },
    ];
    expect(plannedBetween({ versions, pauses: [] }, ...week)).toBe(4 + 1);
  });
});

describe('summary, WHO-5, markdown and calendar recurrences', () => {
  it('sums the week and scores WHO-5 only when complete', () => {
    expect(who5Raw([5, 4, 3, 2, 1])).toBe(15);
    expect(who5Raw([5, 4])).toBeNull();
    expect(who5Raw(null)).toBeNull();
    const walk: PracticeWithHistory = {
      practice: {
        id: 'p',
        userId: 'u',
        areaId: null,
        name: 'Walk',
        description: null,
        why: null,
        color: '#000000',
        kind: 'boolean',
        unit: null,
        target: null,
        targetType: null,
        ifThen: null,
        position: 0,
        historyRev: 0,
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        archivedAt: null,
        deletedAt: null,
        versions: [{ effectiveFrom: '2026-11-01', frequency: { kind: 'times', times: 1, days: 1 } }],
        pauses: [],
      },
      entries: [
        {
          practiceId: 'p',
          date: '2026-11-15',
          status: 'done',
          value: null,
          note: null,
          energy: 2,
          createdAt: '',
          updatedAt: '',
        },
        {
          practiceId: 'p',
          date: '2026-11-16',
          status: 'done',
          value: null,
          note: 'nice',
          energy: 1,
          createdAt: '',
          updatedAt: '',
        },
        {
          practiceId: 'p',
          date: '2026-11-17',
          status: 'skipped',
          value: null,
          note: null,
          energy: null,
          createdAt: '',
          updatedAt: '',
        },
      ],
      lastDay: null,
    };
    const s = summariseWeek('2026-11-16', [walk], '2026-11-18');
    // Wednesday of the week: planned counts Monday to Wednesday, not the whole week.
    expect(s).toMatchObject({ planned: 3, done: 1, checkins: 2 });
    expect(s.practices[0]).toMatchObject({ planned: 3, done: 1, skipped: 1 });
    // Once the week is over, the whole week.
    const later = summariseWeek('2026-11-16', [walk], '2026-11-25');
    expect(later).toMatchObject({ planned: 7, done: 1, checkins: 2 });
    // On its first day, that day.
    expect(summariseWeek('2026-11-16', [walk], '2026-11-16')).toMatchObject({ planned: 1, done: 1 });
    expect(s.energy).toEqual([{ date: '2026-11-16', average: 1, marks: 1 }]);
    expect(s.practices[0]!.strengthEnd).toBeGreaterThan(s.practices[0]!.strengthStart);
    const md = reviewMarkdown(
      {
        id: 'r',
        weekStart: '2026-11-16',
        weekEnd: '2026-11-22',
        isoWeek: '2026-W47',
        status: 'draft',
        answers: { line: 'Good | fine\nweek', who5: [1, 2, 3, 4, 5], compared: true },
        who5Score: 60,
        summary: { ...s, experimentNotes: [], intentions: [] },
        applied: [],
        createdAt: '2026-11-18T00:00:00.000Z',
        updatedAt: '2026-11-18T00:00:00.000Z',
        completedAt: null,
      },
      'UTC',
    );
    expect(md).toContain('In my own words: Good \\| fine week');
    expect(md).toContain('- I have felt calm and relaxed: 2');
    expect(md).toContain('Source: WHO-5 Well-Being Index');
    expect(md).toContain('Did you compare yourself with others this week? Yes.');
  });
  it('counts done only on target and within the plan; paused days only up to today', () => {
    const entry = (date: string, value: number | null = null) => ({
      practiceId: 'c',
      date,
      status: 'done' as const,
      value,
      note: null,
      energy: null,
      createdAt: '',
      updatedAt: '',
    });
    const base = {
      userId: 'u',
      areaId: null,
      description: null,
      why: null,
      color: '#000000',
      ifThen: null,
      position: 0,
      historyRev: 0,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      archivedAt: null,
      deletedAt: null,
    };
    const daily = [{ effectiveFrom: '2026-11-01', frequency: { kind: 'times' as const, times: 1, days: 1 } }];
    // At most 2 cups a day: 3 cups is logged, not done (as on Today); 2 and 0 keep the limit.
    const coffee: PracticeWithHistory = {
      practice: {
        ...base,
        id: 'c',
        name: 'Coffee',
        kind: 'measurable',
        unit: 'cups',
        target: 2,
        targetType: 'atMost',
        versions: daily,
        pauses: [],
      },
      entries: [entry('2026-11-16', 3), entry('2026-11-17', 2), entry('2026-11-18', 0)],
      lastDay: null,
    };
    // Done on four days, then paused from Wednesday on (set afterwards): planned 2, done 4.
    const write: PracticeWithHistory = {
      practice: {
        ...base,
        id: 'w',
        name: 'Write',
        kind: 'boolean',
        unit: null,
        target: null,
        targetType: null,
        versions: daily,
        pauses: [{ id: 'z', from: '2026-11-18', to: null }],
      },
      entries: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'].map((d) => entry(d)),
      lastDay: null,
    };
    const s = summariseWeek('2026-11-16', [coffee, write], '2026-11-19');
    expect(s.practices[0]).toMatchObject({ planned: 4, done: 2, amount: 5 });
    expect(s.practices[1]).toMatchObject({ planned: 2, done: 4, pausedDays: 2 });
    // Never more than planned: 2 of Coffee's 4, and 2 of Write's 2.
    expect(s).toMatchObject({ planned: 6, done: 4, checkins: 7 });
    // Once the week is over, every paused day counts.
    expect(summariseWeek('2026-11-16', [write], '2026-11-30').practices[0]).toMatchObject({ pausedDays: 5 });
  });
  it('maps frequencies to recurrences', () => {
    expect(recurrenceOf({ kind: 'weekdays', weekdays: ['thursday', 'monday'] })).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      byDay: ['monday', 'thursday'],
    });
    expect(recurrenceOf({ kind: 'interval', everyDays: 3 })).toMatchObject({ freq: 'DAILY', interval: 3, byDay: null });
    expect(recurrenceOf({ kind: 'times', times: 1, days: 1 })).toMatchObject({ freq: 'DAILY', interval: 1 });
    expect(recurrenceOf({ kind: 'times', times: 3, days: 14 })).toMatchObject({
      freq: 'WEEKLY',
      interval: 2,
      words: '3 times in 14 days (a weekly reminder)',
    });
    expect(recurrenceOf({ kind: 'times', times: 1, days: 5 })).toMatchObject({ freq: 'DAILY', interval: 5 });
    expect(recurrenceOf({ kind: 'times', times: 2, days: 5 })).toMatchObject({
      freq: 'DAILY',
      interval: 1,
      words: '2 times in 5 days (a daily reminder)',
    });
  });
  it('cuts the pauses out of a schedule for the calendar feed', () => {
    expect(unpausedSpans('2026-11-02', null, [])).toEqual([{ from: '2026-11-02', to: null }]);
    // Before, inside and after; an open pause ends it; one wholly before the start changes nothing.
    expect(
      unpausedSpans('2026-11-02', null, [
        { from: '2026-12-01', to: '2026-12-14' },
        { from: '2026-10-01', to: '2026-10-05' },
        { from: '2027-01-10', to: null },
      ]),
    ).toEqual([
      { from: '2026-11-02', to: '2026-11-30' },
      { from: '2026-12-15', to: '2027-01-09' },
    ]);
    // A pause over the start, and one past the end of a bounded version.
    expect(
      unpausedSpans('2026-11-02', '2026-11-29', [
        { from: '2026-10-30', to: '2026-11-04' },
        { from: '2026-11-20', to: '2026-12-31' },
      ]),
    ).toEqual([{ from: '2026-11-05', to: '2026-11-19' }]);
    // Paused for the whole version: nothing left.
    expect(unpausedSpans('2026-11-02', '2026-11-29', [{ from: '2026-11-01', to: null }])).toEqual([]);
  });
});
