import type { Today } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { TodayCache } from '../src/practices/today-cache.ts';

const view = (date: string): Today => ({ date, timeZone: 'UTC', items: [], areas: [] });

describe('TodayCache', () => {
  it('returns the stored view only for the same key', () => {
    const cache = new TodayCache();
    const v = view('2026-11-21');
    cache.set('ann|', '1|UTC|2026-11-21', v);
    expect(cache.get('ann|', '1|UTC|2026-11-21')).toBe(v);
    expect(cache.get('ann|', '2|UTC|2026-11-21')).toBeUndefined();
    expect(cache.get('ann|', '1|UTC|2026-11-22')).toBeUndefined();
    expect(cache.get('bob|', '1|UTC|2026-11-21')).toBeUndefined();
  });

  it('keeps at most maxSlots, dropping the least recently used', () => {
    const cache = new TodayCache(2);
    cache.set('a', 'k', view('2026-01-01'));
    cache.set('b', 'k', view('2026-01-02'));
    expect(cache.get('a', 'k')).toBeDefined();
    cache.set('c', 'k', view('2026-01-03'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'k')).toBeUndefined();
    expect(cache.get('a', 'k')).toBeDefined();
    expect(cache.get('c', 'k')).toBeDefined();
  });
});
