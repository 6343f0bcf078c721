import { describe, expect, it } from 'vitest';
import { cellState, heatmapStart } from '../src/practices/Heatmap.tsx';
import { addDays, daysBetween, percent, scheduleInWords, targetInWords, weekdayOfIso } from '../src/practices/lib.ts';

describe('scheduleInWords', () => {
  it('says each kind of schedule in plain words', () => {
    expect(scheduleInWords({ kind: 'times', times: 1, days: 1 })).toBe('daily');
    expect(scheduleInWords({ kind: 'times', times: 3, days: 7 })).toBe('3× in 7 days');
    expect(scheduleInWords({ kind: 'times', times: 1, days: 7 })).toBe('once a week');
    expect(scheduleInWords({ kind: 'weekdays', weekdays: ['thursday', 'monday'] })).toBe('Mon, Thu');
    expect(
      scheduleInWords({
        kind: 'weekdays',
        weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
      }),
    ).toBe('daily');
    expect(scheduleInWords({ kind: 'interval', everyDays: 2 })).toBe('every 2 days');
    expect(scheduleInWords({ kind: 'interval', everyDays: 1 })).toBe('daily');
  });
});

describe('date helpers', () => {
  it('do day arithmetic on ISO dates across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
    expect(weekdayOfIso('2026-11-21')).toBe('saturday');
  });

  it('starts the heatmap on the person’s week start, 52 weeks back', () => {
    const start = heatmapStart('2026-11-21', 'monday');
    expect(weekdayOfIso(start)).toBe('monday');
    expect(daysBetween(start, '2026-11-21')).toBe(52 * 7 + 5);
    expect(weekdayOfIso(heatmapStart('2026-11-21', 'sunday'))).toBe('sunday');
  });
});

describe('percent and targets', () => {
  it('rounds and clamps the strength', () => {
    expect(percent(0.734)).toBe('73%');
    expect(percent(1.2)).toBe('100%');
    expect(percent(-0.1)).toBe('0%');
  });
  it('describes a measurable target', () => {
    expect(targetInWords({ kind: 'measurable', target: 6, targetType: 'atLeast', unit: 'glasses' })).toBe(
      'at least 6 glasses',
    );
    expect(targetInWords({ kind: 'measurable', target: 2, targetType: 'atMost', unit: null })).toBe('at most 2');
    expect(targetInWords({ kind: 'boolean', target: null, targetType: null, unit: null })).toBeUndefined();
  });
});

describe('cellState', () => {
  const practice = { pauses: [{ from: '2026-03-01', to: '2026-03-05' }] } as Parameters<typeof cellState>[0];
  it('prefers the check-in, then the pause, then before-start, else none', () => {
    const checkin = {
      practiceId: 'p',
      date: '2026-03-02',
      status: 'skipped' as const,
      value: null,
      note: null,
      energy: null,
      createdAt: '',
      updatedAt: '',
    };
    expect(cellState(practice, '2026-03-02', checkin, '2026-01-01')).toBe('skipped');
    expect(cellState(practice, '2026-03-03', undefined, '2026-01-01')).toBe('paused');
    expect(cellState(practice, '2025-12-03', undefined, '2026-01-01')).toBe('before');
    expect(cellState(practice, '2026-04-03', undefined, '2026-01-01')).toBe('none');
  });
});
