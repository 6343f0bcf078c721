/**
 * Loop Habit Tracker's published unit-test expectations, reproduced as test data (values only; Loop
 * is GPL and none of its code is used). Sources, all in the iSoron/uhabits repository:
 *
 * [ScoreTest]     uhabits-core/src/jvmTest/java/org/isoron/uhabits/core/models/ScoreTest.kt
 *                 (commit 1869d05591ed75e3ef1aa743c0a288aa02405c1c): test_compute_withDailyHabit,
 *                 test_compute_withNonDailyHabit.
 * [ScoreListTest] uhabits-core/src/jvmTest/java/org/isoron/uhabits/core/models/ScoreListTest.kt
 *                 (commit 19ab70b83a9b475fe535123affcca9474e52d9e1): classes YesNoScoreListTest,
 *                 NumericalAtLeastScoreListTest, NumericalAtLeastScoreListWithSkipTest,
 *                 NumericalAtMostScoreListTest.
 * [HabitFixtures] the numerical fixture used there (createEmptyNumericalHabit): daily, target 2.0;
 *                 Loop stores amounts ×1000, so its `addEntries(…, 2000)` is an amount of 2.
 *
 * Loop's expected arrays run from today backwards (index = days ago). Loop asserts with
 * closeTo(expected, 1e-6); so do we. Days before the first check-in have no score in Tack, read as 0.
 */
import { describe, expect, it } from 'vitest';
import { computeStrength, type ScheduleVersion, type StrengthInput, scoreOn, strengthStep } from '../../src/index.ts';
import { daily, daysAgo, expectClose, History, timesIn } from './helpers.ts';

const TODAY = '2026-03-20';

function boolScores(history: History, versions: ScheduleVersion[] = daily) {
  return computeStrength({ kind: 'boolean', versions, entries: history.entries, until: history.today });
}

function numScores(history: History, targetType: 'atLeast' | 'atMost', versions: ScheduleVersion[] = daily) {
  const input: StrengthInput = {
    kind: 'measurable',
    target: 2,
    targetType,
    versions,
    entries: history.entries,
    until: TODAY,
  };
  return computeStrength(input);
}

function checkScoreValues(points: ReturnType<typeof computeStrength>, expected: number[]) {
  expected.forEach((value, offset) => {
    expectClose(scoreOn(points, daysAgo(TODAY, offset)), value);
  });
}

describe('Loop ScoreTest: one step of the model', () => {
  // [ScoreTest] test_compute_withDailyHabit: compute(freq = 1.0, previous, check)
  it.each([
    [0, 1, 0.051922],
    [0.5, 1, 0.525961],
    [0.75, 1, 0.762981],
    [0, 0, 0],
    [0.5, 0, 0.474039],
    [0.75, 0, 0.711058],
  ])('daily habit: from %d with check %d gives %d', (previous, check, expected) => {
    expectClose(strengthStep(1, previous, check), expected);
  });

  // [ScoreTest] test_compute_withNonDailyHabit: compute(freq = 1/3, previous, check)
  it.each([
    [0, 1, 0.030314],
    [0.5, 1, 0.515157],
    [0.75, 1, 0.757578],
    [0, 0, 0],
    [0.5, 0, 0.484842],
    [0.75, 0, 0.727263],
  ])('non-daily habit (1/3): from %d with check %d gives %d', (previous, check, expected) => {
    expectClose(strengthStep(1 / 3, previous, check), expected);
  });
});

// [ScoreListTest] YesNoScoreListTest.test_getValue: check(0, 20), daily.
const DONE_20_DAYS = [
  0.655747, 0.636894, 0.617008, 0.596033, 0.57391, 0.550574, 0.525961, 0.5, 0.472617, 0.443734, 0.41327, 0.381137,
  0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.14782, 0.101149, 0.051922, 0, 0, 0,
];

describe('Loop YesNoScoreListTest', () => {
  it('daily habit done for 20 days ends at 0.655747, with the full published sequence (test_getValue)', () => {
    const points = boolScores(new History(TODAY).done(0, 20));
    checkScoreValues(points, DONE_20_DAYS);
    expect(points).toHaveLength(20);
  });

  it('skipped days hold the score (test_getValueWithSkip)', () => {
    const points = boolScores(new History(TODAY).done(0, 20).skip(5).skip(10).skip(11));
    checkScoreValues(
      points,
      [
        0.596033, 0.57391, 0.550574, 0.525961, 0.5, 0.472617, 0.472617, 0.443734, 0.41327, 0.381137, 0.347244, 0.347244,
        0.347244, 0.311495, 0.273788, 0.234017, 0.192067, 0.14782, 0.101149, 0.051922, 0, 0, 0,
      ],
    );
  });

  it('a skip right after the only check-in, then decay (test_getValueWithSkip2)', () => {
    const points = boolScores(new History(TODAY).done(5).skip(4));
    checkScoreValues(points, [0.041949, 0.044247, 0.04667, 0.049226, 0.051922, 0.051922, 0]);
  });

  it('6 in 7 with three skipped days: skipped days do not take a place in the window (test_getValueNonDailyWithSkip)', () => {
    const points = boolScores(new History(TODAY).done(0, 18).skip(10).skip(11).skip(12), timesIn(6, 7));
    checkScoreValues(
      points,
      [
        0.365222, 0.3331, 0.299354, 0.263899, 0.226651, 0.191734, 0.159268, 0.129375, 0.102187, 0.077839, 0.056477,
        0.056477, 0.056477, 0.056477, 0.038251, 0.023319, 0.011848, 0.004014, 0, 0, 0,
      ],
    );
  });

  it('daily, always done or skipped, converges to 100% (test_perfectDailyWithSkips)', () => {
    const h = new History(TODAY).done(0, 500);
    for (let k = 0; k < 100; k++) h.skip(7 * k + 5).skip(7 * k + 6);
    expectClose(scoreOn(boolScores(h), TODAY), 1);
  });

  it('6 in 7, always done or skipped, converges to 100% (test_perfectNonDailyWithSkips)', () => {
    const h = new History(TODAY).done(0, 500);
    for (let k = 0; k < 100; k++) h.skip(7 * k + 5).skip(7 * k + 6);
    expectClose(scoreOn(boolScores(h, timesIn(6, 7)), TODAY), 1);
  });

  it('3 in 7 missing one a week converges to 2/3; as 4 in 7 to 1/2 (test_imperfectNonDaily)', () => {
    const h = new History(TODAY);
    for (let k = 0; k < 100; k++) h.done(7 * k).done(7 * k + 1);
    expectClose(scoreOn(boolScores(h, timesIn(3, 7)), TODAY), 2 / 3);
    expectClose(scoreOn(boolScores(h, timesIn(4, 7)), TODAY), 0.5);
  });

  it('once a week on varying weekdays still converges to 100% (test_irregularNonDaily)', () => {
    const h = new History(TODAY);
    for (let k = 0; k < 100; k++) h.done(14 * k).done(14 * k + 13);
    expectClose(scoreOn(boolScores(h, timesIn(1, 7)), TODAY), 1, 1e-3);
  });

  it('reaches 99% in reasonable time: daily in 3 months, weekly in 9, monthly in 18 (shouldAchieveHighScoreInReasonableTime)', () => {
    const dailyH = new History(TODAY);
    for (let i = 0; i < 90; i++) dailyH.done(i);
    expect(scoreOn(boolScores(dailyH), TODAY)).toBeGreaterThan(0.99);

    const weekly = new History(TODAY);
    for (let i = 0; i < 39; i++) weekly.done(7 * i);
    expect(scoreOn(boolScores(weekly, timesIn(1, 7)), TODAY)).toBeGreaterThan(0.99);

    // Loop reuses the weekly habit here, so the weekly check-ins stay.
    for (let i = 0; i < 18; i++) weekly.done(30 * i);
    expect(scoreOn(boolScores(weekly, timesIn(1, 30)), TODAY)).toBeGreaterThan(0.99);
  });

  it('recompute after a frequency change (test_recompute)', () => {
    expect(boolScores(new History(TODAY))).toEqual([]); // no check-in: no score (Loop reads 0.0)
    const h = new History(TODAY).done(0, 2);
    expectClose(scoreOn(boolScores(h), TODAY), 0.101149);
    expectClose(scoreOn(boolScores(h, timesIn(1, 2)), TODAY), 0.054816);
  });

  it('a single check-in today (test_addThenRemove)', () => {
    expectClose(scoreOn(boolScores(new History(TODAY).done(0)), TODAY), 0.051922);
  });
});

describe('Loop NumericalAtLeastScoreListTest (target 2 a day)', () => {
  it('a zero target gives a finite score (test_withZeroTarget)', () => {
    const points = computeStrength({
      kind: 'measurable',
      target: 0,
      versions: daily,
      entries: new History(TODAY).done(0, 3, 1).entries,
      until: TODAY,
    });
    expect(points.every((p) => Number.isFinite(p.score))).toBe(true);
  });

  it('meeting the target for 20 days matches the yes/no sequence (test_getValue)', () => {
    checkScoreValues(numScores(new History(TODAY).done(0, 20, 2), 'atLeast'), DONE_20_DAYS);
  });

  it('recompute after a frequency change (test_recompute)', () => {
    const h = new History(TODAY).done(0, 2, 2);
    expectClose(scoreOn(numScores(h, 'atLeast'), TODAY), 0.101149);
    expectClose(scoreOn(numScores(h, 'atLeast', timesIn(1, 2)), TODAY), 0.072631);
  });

  it('reaches 99% in reasonable time (shouldAchieveHighScoreInReasonableTime)', () => {
    const d = new History(TODAY);
    for (let i = 0; i < 90; i++) d.done(i, i + 1, 2);
    expect(scoreOn(numScores(d, 'atLeast'), TODAY)).toBeGreaterThan(0.99);
    const w = new History(TODAY);
    for (let i = 0; i < 39; i++) w.done(7 * i, 7 * i + 1, 2);
    expect(scoreOn(numScores(w, 'atLeast', timesIn(1, 7)), TODAY)).toBeGreaterThan(0.99);
    for (let i = 0; i < 18; i++) w.done(30 * i, 30 * i + 1, 2);
    expect(scoreOn(numScores(w, 'atLeast', timesIn(1, 30)), TODAY)).toBeGreaterThan(0.99);
  });

  it('half the target converges to 50%, a quarter to 25% (shouldAchieveComparableScoreToProgress)', () => {
    const h = new History(TODAY).done(0, 500, 1);
    expectClose(scoreOn(numScores(h, 'atLeast'), TODAY), 0.5);
    h.done(0, 500, 0.5);
    expectClose(scoreOn(numScores(h, 'atLeast'), TODAY), 0.25);
  });

  it('overachieving is capped (overeachievingIsntRelevant)', () => {
    expectClose(scoreOn(numScores(new History(TODAY).done(0, 1, 10_000), 'atLeast'), TODAY), 0.051922);
  });
});

describe('Loop NumericalAtLeastScoreListWithSkipTest', () => {
  it('skipped days hold the score (test_getValue)', () => {
    const h = new History(TODAY).done(0, 10, 2).skip(10).done(11, 15, 2).skip(15).done(16, 20, 2);
    checkScoreValues(
      numScores(h, 'atLeast'),
      [
        0.617008, 0.596033, 0.57391, 0.550574, 0.525961, 0.5, 0.472617, 0.443734, 0.41327, 0.381137, 0.347244, 0.347244,
        0.311495, 0.273788, 0.234017, 0.192067, 0.192067, 0.14782, 0.101149, 0.051922, 0, 0, 0,
      ],
    );
  });

  it('skipped days are treated as if they never existed (skipsShouldNotAffectScore)', () => {
    const h = new History(TODAY).done(0, 500, 1);
    const initial = scoreOn(numScores(h, 'atLeast'), TODAY);
    h.skip(500, 1000);
    expectClose(scoreOn(numScores(h, 'atLeast'), TODAY), initial);
    h.done(0, 300, 1).skip(300, 500).done(500, 700, 1);
    expectClose(scoreOn(numScores(h, 'atLeast'), TODAY), initial);
  });
});

describe('Loop NumericalAtMostScoreListTest (at most 2 a day)', () => {
  it('a zero target gives a finite score (test_withZeroTarget)', () => {
    const points = numScores(new History(TODAY).done(0, 3, 1), 'atMost');
    expect(points.every((p) => Number.isFinite(p.score))).toBe(true);
    const zero = computeStrength({
      kind: 'measurable',
      target: 0,
      targetType: 'atMost',
      versions: daily,
      entries: new History(TODAY).done(1, 2, 0).done(0, 1, 1).entries,
      until: TODAY,
    });
    expectClose(scoreOn(zero, daysAgo(TODAY, 1)), 1); // nothing at all: met
    expectClose(scoreOn(zero, TODAY), 0.948078); // anything above 0: missed
  });

  it('starts at 1, then 20 days over the limit (test_getValue)', () => {
    const h = new History(TODAY).done(20, 21, 1).done(0, 20, 5);
    checkScoreValues(
      numScores(h, 'atMost'),
      [
        0.344253, 0.363106, 0.382992, 0.403967, 0.42609, 0.449426, 0.474039, 0.5, 0.527383, 0.556266, 0.58673, 0.618863,
        0.652756, 0.688505, 0.726212, 0.765983, 0.807933, 0.85218, 0.898851, 0.948078, 1, 0, 0,
      ],
    );
  });

  it('recompute after a frequency change (test_recompute)', () => {
    const h = new History(TODAY).done(0, 2, 5);
    expectClose(scoreOn(numScores(h, 'atMost'), TODAY), 0.89885);
    expectClose(scoreOn(numScores(h, 'atMost', timesIn(1, 2)), TODAY), 0.927369);
  });

  it('1.5× the limit converges to 50%, 1.75× to 25% (shouldAchieveComparableScoreToProgress)', () => {
    const h = new History(TODAY).done(0, 500, 3);
    expectClose(scoreOn(numScores(h, 'atMost'), TODAY), 0.5);
    h.done(0, 500, 3.5);
    expectClose(scoreOn(numScores(h, 'atMost'), TODAY), 0.25);
  });

  it('a day without a check-in counts as 0, under the limit (undereachievingIsntRelevant)', () => {
    expectClose(scoreOn(numScores(new History(TODAY).done(1, 2, 10_000), 'atMost'), TODAY), 0.950773);
  });

  it('staying under the limit is not rewarded further (overeachievingIsntRelevant)', () => {
    const h = new History(TODAY).done(0, 1, 5).done(1, 2, 0);
    expectClose(scoreOn(numScores(h, 'atMost'), TODAY), 0.948077);
    h.done(1, 2, 1);
    expectClose(scoreOn(numScores(h, 'atMost'), TODAY), 0.948077);
  });
});
