import { describe, expect, it } from 'vitest';
import { numberExample, numberForInput, parseNumber, readNumber } from '../src/ui/numbers.ts';

describe('reading typed numbers', () => {
  it('reads English grouping and decimals', () => {
    expect(parseNumber('1,000', 'en-US')).toBe(1000);
    expect(parseNumber('1,234,567.25', 'en-US')).toBe(1234567.25);
    expect(parseNumber(' 12.5 ', 'en-US')).toBe(12.5);
    expect(parseNumber('.5', 'en-US')).toBe(0.5);
    expect(parseNumber('-3', 'en-US')).toBe(-3);
    expect(parseNumber('−3,5', 'de-DE')).toBe(-3.5);
    expect(parseNumber('12,34,567', 'en-IN')).toBe(1234567);
  });
  it('reads German, French and Swiss numbers', () => {
    expect(parseNumber('1.000', 'de-DE')).toBe(1000);
    expect(parseNumber('12,5', 'de-DE')).toBe(12.5);
    expect(parseNumber('1.234,5', 'de-DE')).toBe(1234.5);
    expect(parseNumber('1 000,5', 'fr-FR')).toBe(1000.5);
    expect(parseNumber('1\u202f000', 'fr-FR')).toBe(1000);
    expect(parseNumber('12.5', 'fr-FR')).toBe(12.5);
    expect(parseNumber("1'000.5", 'de-CH')).toBe(1000.5);
    expect(parseNumber('1’000', 'de-CH')).toBe(1000);
  });
  it('refuses what could be read two ways, and what is not a number', () => {
    expect(readNumber('12,5', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('1.000', 'fr-FR')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('1,00,0', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('1.2.3', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('1,000.5,2', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('abc', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('12 km', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('1e3', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('.', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('-', 'en-US')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumber('  ', 'en-US')).toEqual({ ok: false, reason: 'empty' });
  });
  it('writes numbers back the way they are read', () => {
    expect(numberForInput(12.5, 'de-DE')).toBe('12,5');
    expect(numberForInput(1000, 'en-US')).toBe('1000');
    expect(numberForInput(null, 'en-US')).toBe('');
    expect(parseNumber(numberForInput(1234.75, 'fr-FR'), 'fr-FR')).toBe(1234.75);
    expect(numberExample('en-US')).toBe('1,234.5');
  });
});
