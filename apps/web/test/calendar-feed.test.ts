import { describe, expect, it } from 'vitest';
import { reviewMinutesProblem } from '../src/pages/settings/CalendarFeedSection.tsx';

describe('reviewMinutesProblem', () => {
  it('takes a whole number of minutes from 5 to 180', () => {
    expect(reviewMinutesProblem('5')).toBeUndefined();
    expect(reviewMinutesProblem(' 10 ')).toBeUndefined();
    expect(reviewMinutesProblem('180')).toBeUndefined();
  });

  it('says what is wrong, in words, for an empty field and numbers out of range', () => {
    const words = 'A whole number of minutes from 5 to 180.';
    expect(reviewMinutesProblem('')).toBe(words);
    expect(reviewMinutesProblem('2')).toBe(words);
    expect(reviewMinutesProblem('181')).toBe(words);
    expect(reviewMinutesProblem('7.5')).toBe(words);
    expect(reviewMinutesProblem('ten')).toBe(words);
  });
});
