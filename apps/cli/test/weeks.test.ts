import { describe, expect, it } from 'vitest';
import { isoWeekOf, personIsoWeekOf } from '../src/discovery-lookup.ts';

describe("the person's week as an ISO week name (intentions answer's default)", () => {
  it('names a week after the Monday inside it, like the weekly review', () => {
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47');
    expect(personIsoWeekOf('2026-11-22', 'monday')).toBe('2026-W47');
    expect(personIsoWeekOf('2026-11-22', 'sunday')).toBe('2026-W48');
    expect(personIsoWeekOf('2026-11-28', 'sunday')).toBe('2026-W48');
    expect(personIsoWeekOf('2026-11-21', 'saturday')).toBe('2026-W48');
    expect(personIsoWeekOf('2026-11-20', 'saturday')).toBe('2026-W47');
    expect(personIsoWeekOf('2026-11-19', 'thursday')).toBe('2026-W48');
    expect(personIsoWeekOf('2025-12-28', 'sunday')).toBe('2026-W01');
  });
});
