import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CheckIn,
  checkpointBefore,
  computeStrength,
  diffDays,
  type Frequency,
  fromDayNumber,
  MAX_STRENGTH_WINDOW,
  type PauseRange,
  runStrength,
  type ScheduleVersion,
  type StrengthInput,
  type StrengthPoint,
  scoreOn,
  strengthMultiplier,
  strengthStep,
  toDayNumber,
} from '../../src/index.ts';
import { daily, expectClose, issuePath, seededRandom, timesIn } from './helpers.ts';

const bool = (versions: ScheduleVersion[], entries: CheckIn[], until: string, pauses?: PauseRange[]) =>
  computeStrength({ kind: 'boolean', versions, entries, until, ...(pauses ? { pauses } : {}) });

const doneOn = (...dates: string[]): CheckIn[] => dates.map((date) => ({ date, status: 'done' }));

describe('the model', () => {
  it('a daily practice has a half-life of 13 days', () => {
    expectClose(strengthMultiplier(1) ** 13, 0.5, 1e-12);
    expectClose(strengthStep(1, 0.8, 0), 0.8 * 0.5 ** (1 / 13), 1e-12);
    // weekly: m = 0.5^(√(1/7)/13)
    expectClose(strengthMultiplier(1 / 7), 0.5 ** (Math.sqrt(1 / 7) / 13), 1e-15);
  });

  it('has no score without a check-in by `until`, and ignores later check-ins', () => {
    expect(bool(daily, [], '2026-03-20')).toEqual([]);
    expect(bool(daily, doneOn('2026-03-21'), '2026-03-20')).toEqual([]);
    const points = bool(daily, doneOn('2026-03-19', '2026-03-21'), '2026-03-20');
    expect(points.map((p) => p.date)).toEqual(['2026-03-19', '2026-03-20']);
    expect(scoreOn(points, '2026-03-18')).toBe(0);
  });

  it('starts at the first check-in of any status', () => {
    const points = bool(
      daily,
      [
        { date: '2026-03-01', status: 'notDone' },
        { date: '2026-03-03', status: 'done' },
      ],
      '2026-03-03',
    );
    expect(points.map((p) => p.score)).toEqual([0, 0, 1 - strengthMultiplier(1)]);
  });

  it('counts the days of DST changes like any other day (one point per local date)', () => {
    const points = bool(daily, doneOn('2026-03-27'), '2026-03-31');
    expect(points.map((p) => p.date)).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  });

  it('ignores the value of a yes/no check-in', () => {
    const a = bool(daily, [{ date: '2026-03-01', status: 'done', value: 0 }], '2026-03-03');
    const b = bool(daily, doneOn('2026-03-01'), '2026-03-03');
    expect(a).toEqual(b);
  });
});

describe('frequencies', () => {
  const history = (start: string, pattern: string): CheckIn[] =>
    [...pattern].flatMap((c, i) => (c === 'x' ? [{ date: addDays(start, i), status: 'done' as const }] : []));

  it('weekdays count as weekdays.length in 7, so Mon/Wed/Fri scores like 3 in 7', () => {
    const entries = history('2026-01-05', 'x.x.x..x.x.x..x...x..x.x.x..');
    const weekdays: ScheduleVersion[] = [
      { effectiveFrom: '2026-01-01', frequency: { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] } },
    ];
    expect(bool(weekdays, entries, '2026-02-10')).toEqual(bool(timesIn(3, 7, '2026-01-01'), entries, '2026-02-10'));
  });

  it('every n days counts as 1 in n', () => {
    const entries = history('2026-01-05', 'x..x..x...x..x');
    const every3: ScheduleVersion[] = [{ effectiveFrom: '2026-01-01', frequency: { kind: 'interval', everyDays: 3 } }];
    expect(bool(every3, entries, '2026-02-10')).toEqual(bool(timesIn(1, 3, '2026-01-01'), entries, '2026-02-10'));
  });

  it('yes/no with f < 1 doubles the window: 3 in 7 done 3 times in the last 14 days is c = 1/2', () => {
    // Four idle weeks, then three check-ins: on the last day, 3 done in the 14-day window, c = 3/6.
    const entries: CheckIn[] = [
      { date: '2026-01-01', status: 'notDone' },
      ...doneOn('2026-02-01', '2026-02-02', '2026-02-03'),
    ];
    const points = bool(timesIn(3, 7), entries, '2026-02-03');
    const f = 3 / 7;
    const s1 = strengthStep(f, 0, 1 / 6);
    const s2 = strengthStep(f, s1, 2 / 6);
    expectClose(scoreOn(points, '2026-02-03'), strengthStep(f, s2, 3 / 6), 1e-15);
  });
});

describe('schedule versions', () => {
  const before = timesIn(1, 1, '2026-01-01');
  const edited: ScheduleVersion[] = [
    ...before,
    { effectiveFrom: '2026-02-01', frequency: { kind: 'times', times: 2, days: 7 } },
  ];
  const entries: CheckIn[] = [];
  for (let d = 0; d < 60; d += 2) entries.push({ date: addDays('2026-01-01', d), status: 'done' });

  it('an edit never rewrites strength before its effectiveFrom', () => {
    const old = bool(before, entries, '2026-03-01');
    const now = bool(edited, entries, '2026-03-01');
    const cut = now.findIndex((p) => p.date === '2026-02-01');
    expect(now.slice(0, cut)).toEqual(old.slice(0, cut));
    expect(now[cut]!.score).not.toBe(old[cut]!.score);
  });

  it('uses the version in force each day, including its multiplier', () => {
    const now = bool(edited, entries, '2026-03-01');
    const prev = scoreOn(now, '2026-01-31');
    // 2026-02-01 (day 31) has no check-in, but 2 in 7 doubles to 4 in 14 and the window holds 7 done days: c = 1.
    expectClose(scoreOn(now, '2026-02-01'), strengthStep(2 / 7, prev, 1), 1e-15);
  });

  it('days before the first version use the first version', () => {
    const late = timesIn(1, 1, '2026-06-01');
    expect(bool(late, entries, '2026-03-01')).toEqual(bool(before, entries, '2026-03-01'));
  });
});

describe('skipped and paused days', () => {
  /** The same history with the given days cut out of the calendar. */
  function withoutDays(entries: CheckIn[], start: string, cut: Set<string>): CheckIn[] {
    const out: CheckIn[] = [];
    let shift = 0;
    for (let d = start; diffDays(d, '2026-12-31') >= 0; d = addDays(d, 1)) {
      if (cut.has(d)) {
        shift++;
        continue;
      }
      const e = entries.find((x) => x.date === d);
      if (e) out.push({ ...e, date: addDays(d, -shift) });
    }
    return out;
  }

  const start = '2026-03-02';
  const entries: CheckIn[] = [];
  for (let i = 0; i < 40; i++) if (i % 7 < 3) entries.push({ date: addDays(start, i), status: 'done' });

  it('a pause holds the score and is left out of the window, as if those days never existed', () => {
    const pauses: PauseRange[] = [{ from: '2026-03-16', to: '2026-03-29' }];
    const paused = bool(timesIn(3, 7, start), entries, '2026-04-20', pauses);
    for (const p of paused.filter((x) => x.date >= '2026-03-16' && x.date <= '2026-03-29')) {
      expect(p.score).toBe(scoreOn(paused, '2026-03-15'));
    }
    const cut = new Set(paused.filter((x) => x.date >= '2026-03-16' && x.date <= '2026-03-29').map((x) => x.date));
    const compact = bool(timesIn(3, 7, start), withoutDays(entries, start, cut), addDays('2026-04-20', -cut.size));
    expect(paused.filter((p) => !cut.has(p.date)).map((p) => p.score)).toEqual(compact.map((p) => p.score));
  });

  it('a pause wins over a check-in on the same day, and an open pause holds until `until`', () => {
    const pauses: PauseRange[] = [{ from: '2026-03-10', to: null }];
    const points = bool(daily, doneOn('2026-03-08', '2026-03-09', '2026-03-10', '2026-03-12'), '2026-03-20', pauses);
    expect(new Set(points.filter((p) => p.date >= '2026-03-09').map((p) => p.score)).size).toBe(1);
  });

  it('skipped days count like paused ones', () => {
    const skipped = entries.map((e) => e);
    for (let d = '2026-03-16'; d <= '2026-03-29'; d = addDays(d, 1)) {
      const i = skipped.findIndex((e) => e.date === d);
      if (i >= 0) skipped.splice(i, 1);
      skipped.push({ date: d, status: 'skipped' });
    }
    expect(bool(timesIn(3, 7, start), skipped, '2026-04-20')).toEqual(
      bool(timesIn(3, 7, start), entries, '2026-04-20', [{ from: '2026-03-16', to: '2026-03-29' }]),
    );
  });
});

describe('measurable practices', () => {
  const base = { kind: 'measurable' as const, versions: daily, until: '2026-03-03' };

  it('counts negative, missing and not-done values as 0', () => {
    const zero = computeStrength({
      ...base,
      target: 2,
      entries: [
        { date: '2026-03-01', status: 'done', value: -5 },
        { date: '2026-03-02', status: 'done', value: null },
        { date: '2026-03-03', status: 'notDone', value: 9 },
      ],
    });
    expect(zero.map((p) => p.score)).toEqual([0, 0, 0]);
  });

  it('at most: starts at 1 and needs the window sum at or under the target', () => {
    const points = computeStrength({
      ...base,
      target: 2,
      targetType: 'atMost',
      entries: [
        { date: '2026-03-01', status: 'done', value: 2 },
        { date: '2026-03-02', status: 'done', value: 3 },
      ],
    });
    const m = strengthMultiplier(1);
    expectClose(points[0]!.score, 1, 1e-15);
    expectClose(points[1]!.score, m + 0.5 * (1 - m), 1e-15); // c = 1 − (3 − 2)/2
    expectClose(points[2]!.score, points[1]!.score * m + (1 - m), 1e-15); // nothing logged: c = 1
  });

  it('a measurable window is not doubled: 1 in 7 with target 7 sums the last 7 days', () => {
    const entries: CheckIn[] = [];
    for (let i = 0; i < 7; i++) entries.push({ date: addDays('2026-03-01', i), status: 'done', value: 1 });
    const points = computeStrength({
      kind: 'measurable',
      target: 7,
      versions: timesIn(1, 7),
      entries,
      until: '2026-03-08',
    });
    const f = 1 / 7;
    let s = 0;
    for (let i = 1; i <= 7; i++) s = strengthStep(f, s, i / 7);
    expectClose(scoreOn(points, '2026-03-07'), s, 1e-15);
    expectClose(scoreOn(points, '2026-03-08'), strengthStep(f, s, 6 / 7), 1e-15); // 03-01 left the window
  });

  it('validates its input, naming the field', () => {
    expect(issuePath(() => computeStrength({ ...base, entries: [] }))).toBe('practice.target');
    expect(issuePath(() => computeStrength({ ...base, target: 1, versions: [], entries: [] }))).toBe(
      'schedule.versions',
    );
    expect(issuePath(() => computeStrength({ ...base, target: 1, entries: [], until: '2026-3-3' }))).toBe('until');
    expect(
      issuePath(() => computeStrength({ ...base, target: 1, entries: [{ date: 'yesterday', status: 'done' }] })),
    ).toBe('entries.0.date');
  });
});

describe('incremental computation', () => {
  const WEEKDAY_SETS: Frequency[] = [
    { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] },
    { kind: 'weekdays', weekdays: ['saturday'] },
    { kind: 'interval', everyDays: 1 },
    { kind: 'interval', everyDays: 4 },
    { kind: 'times', times: 3, days: 7 },
    { kind: 'times', times: 5, days: 5 },
    { kind: 'times', times: 2, days: 30 },
  ];

  function randomInput(rand: () => number): StrengthInput {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const start = toDayNumber('2025-01-01') + Math.floor(rand() * 60);
    const length = 30 + Math.floor(rand() * 300);
    const versions: ScheduleVersion[] = [];
    const nVersions = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < nVersions; i++) {
      versions.push({
        effectiveFrom: fromDayNumber(start + Math.floor(rand() * length)),
        frequency: pick(WEEKDAY_SETS),
      });
    }
    const measurable = rand() < 0.4;
    const entries: CheckIn[] = [];
    const pDone = rand();
    for (let d = start; d < start + length; d++) {
      const r = rand();
      if (r < pDone) entries.push({ date: fromDayNumber(d), status: 'done', value: Math.round(rand() * 40 - 5) / 10 });
      else if (r < pDone + 0.08) entries.push({ date: fromDayNumber(d), status: 'skipped' });
      else if (r < pDone + 0.2) entries.push({ date: fromDayNumber(d), status: 'notDone' });
    }
    const pauses: PauseRange[] = [];
    if (rand() < 0.5) {
      const from = start + Math.floor(rand() * length);
      pauses.push({
        from: fromDayNumber(from),
        to: rand() < 0.2 ? null : fromDayNumber(from + Math.floor(rand() * 20)),
      });
    }
    return {
      kind: measurable ? 'measurable' : 'boolean',
      ...(measurable ? { target: Math.round(rand() * 40) / 10, targetType: rand() < 0.5 ? 'atLeast' : 'atMost' } : {}),
      versions,
      entries,
      pauses,
      until: fromDayNumber(start + length + Math.floor(rand() * 10)),
    } as StrengthInput;
  }

  it('resuming from any checkpoint gives exactly the full series (200 seeded random histories)', () => {
    const rand = seededRandom(20260320);
    for (let n = 0; n < 200; n++) {
      const input = randomInput(rand);
      const full = runStrength(input, { checkpointEvery: 1 });
      expect(full.points).toEqual(computeStrength(input));
      expect(full.checkpoints).toHaveLength(full.points.length);
      for (let k = 0; k < full.checkpoints.length; k += 1 + Math.floor(rand() * 19)) {
        const checkpoint = JSON.parse(JSON.stringify(full.checkpoints[k])); // it survives serialisation
        const resumed = runStrength(input, { resumeFrom: checkpoint });
        expect(resumed.points).toEqual(full.points.slice(k + 1));
        expect(resumed.last).toEqual(full.last);
      }
    }
  });

  it('a cached series is recomputed from the checkpoint before a changed date (200 seeded edits)', () => {
    const rand = seededRandom(7);
    for (let n = 0; n < 200; n++) {
      const input = randomInput(rand);
      const cached = runStrength(input, { checkpointEvery: 7 });
      if (cached.points.length === 0) continue;
      // Edit one day: toggle, add or remove a check-in somewhere after the first point.
      const firstDay = toDayNumber(cached.points[0]!.date);
      const changed = fromDayNumber(firstDay + 1 + Math.floor(rand() * (cached.points.length + 5)));
      const others = input.entries.filter((e) => e.date !== changed);
      const roll = rand();
      const entries: CheckIn[] =
        roll < 0.33
          ? others
          : [
              ...others,
              { date: changed, status: roll < 0.66 ? 'done' : 'skipped', value: Math.round(rand() * 30) / 10 },
            ];
      const editedInput = { ...input, entries };

      const from = checkpointBefore(cached.checkpoints, changed);
      const tail = runStrength(editedInput, { resumeFrom: from, checkpointEvery: 7 });
      const keep: StrengthPoint[] = from ? cached.points.filter((p) => p.date <= from.date) : [];
      const fresh = runStrength(editedInput, { checkpointEvery: 7 });
      expect([...keep, ...tail.points]).toEqual(fresh.points);
      const keptCheckpoints = from ? cached.checkpoints.filter((c) => c.date <= from.date) : [];
      expect([...keptCheckpoints, ...tail.checkpoints]).toEqual(fresh.checkpoints);
    }
  });

  it('extends a series day by day from its last state', () => {
    const input: StrengthInput = {
      kind: 'boolean',
      versions: timesIn(3, 7),
      entries: doneOn('2026-01-01', '2026-01-03'),
      until: '2026-01-10',
    };
    const first = runStrength(input);
    const more = runStrength({ ...input, until: '2026-02-10' }, { resumeFrom: first.last });
    expect([...first.points, ...more.points]).toEqual(computeStrength({ ...input, until: '2026-02-10' }));
    const nothing = runStrength(input, { resumeFrom: first.last });
    expect(nothing.points).toEqual([]);
    expect(nothing.last).toEqual(first.last);
  });

  it('keeps checkpoints small: the window never exceeds MAX_STRENGTH_WINDOW', () => {
    const entries: CheckIn[] = [];
    for (let i = 0; i < 1000; i++) entries.push({ date: addDays('2023-01-01', i), status: 'done' });
    const run = runStrength({ kind: 'boolean', versions: daily, entries, until: '2026-01-01' });
    expect(run.last?.window).toHaveLength(MAX_STRENGTH_WINDOW);
    expect(
      issuePath(() =>
        runStrength({ kind: 'boolean', versions: daily, entries, until: '2026-01-01' }, { checkpointEvery: 0 }),
      ),
    ).toBe('checkpointEvery');
  });
});
