import { describe, expect, it } from 'vitest';
import { oneLine, renderTable } from '../src/output.ts';
import { parseNumber } from '../src/practice-format.ts';

describe('names in tables and messages', () => {
  it('cannot turn the rest of a line around with bidirectional overrides', () => {
    expect(oneLine('\u202eevil')).toBe('evil');
    expect(oneLine('a\u2066b\u2069c\u202ad')).toBe('abcd');
    expect(oneLine('tab\there\nnext')).toBe('tab here next');
    // Right-to-left text itself is kept: only the invisible controls go.
    expect(oneLine('שלום')).toBe('שלום');
    const table = renderTable(
      [{ name: '\u202eevil', state: 'active' }],
      [
        { header: 'name', value: (r: { name: string; state: string }) => r.name },
        { header: 'state', value: (r) => r.state },
      ],
    );
    expect(table).toEqual(['NAME  STATE', 'evil  active']);
  });
});

describe('numbers people type (--value, --target, --baseline …)', () => {
  it('takes plain decimals only, and says to use a dot when given a decimal comma', () => {
    expect([' 5', '2.5', '.5', '+3', '1e2', '-1'].map(parseNumber)).toEqual([5, 2.5, 0.5, 3, 100, -1]);
    for (const bad of ['0x10', '0b1', '0o7', '', 'Infinity', '1e309', 'five']) {
      expect(() => parseNumber(bad), bad).toThrow(/^must be a number\.$/);
    }
    expect(() => parseNumber('2,5')).toThrow(/with a dot for decimals/);
  });
});
