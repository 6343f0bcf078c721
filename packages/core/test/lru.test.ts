import { describe, expect, it } from 'vitest';
import { Lru } from '../src/lru.ts';

describe('Lru', () => {
  it('keeps at most max entries, dropping the least recently used', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  it('takes an entry out, and deletes the entries whose value matches', () => {
    const lru = new Lru<string, { owner: string }>(8);
    lru.set('x', { owner: 'ann' });
    lru.set('y', { owner: 'bob' });
    lru.set('z', { owner: 'ann' });
    expect(lru.take('x')).toEqual({ owner: 'ann' });
    expect(lru.take('x')).toBeUndefined();
    lru.deleteWhere((v) => v.owner === 'ann');
    expect(lru.size).toBe(1);
    expect(lru.get('y')).toEqual({ owner: 'bob' });
  });
});
