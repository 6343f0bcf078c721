import { describe, expect, it } from 'vitest';
import { mondayOf, shiftWeek, weeksBetween } from '../../src/discovery/shared.ts';
import { isoWeek } from '../../src/practices/dates.ts';

describe('ISO weeks', () => {
  it('finds the Monday of a week, across year boundaries', () => {
    expect(mondayOf('2026-W47')).toBe('2026-11-16');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(mondayOf('2026-W53')).toBe('2026-12-28');
    expect(mondayOf('2020-W53')).toBe('2020-12-28');
    expect(mondayOf('2025-W01')).toBe('2024-12-30');
    for (const w of ['2026-W47', '2026-W01', '2026-W53', '2020-W53', '2025-W01']) expect(isoWeek(mondayOf(w))).toBe(w);
  });

  it('refuses weeks that do not exist, naming the field', () => {
    expect(() => mondayOf('2025-W53', 'isoWeek')).toThrow(/2025 has no week 53/);
    expect(() => mondayOf('2026-W00')).toThrow(/has no week 0/);
    try {
      mondayOf('2026-47', 'weekField');
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'weekField' }] } });
    }
  });

  it('steps weeks back and forth over 52- and 53-week years', () => {
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2021-W01', -1)).toBe('2020-W53');
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksBetween('2026-W47', '2026-W46')).toEqual([]);
  });
});
