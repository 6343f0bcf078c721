import { describe, expect, it } from 'vitest';
import { asClause, asSentence } from '../src/ui/sentence.ts';

describe('asSentence', () => {
  it('adds a full stop only when the text does not end a sentence already', () => {
    expect(asSentence('Added “Run twice”')).toBe('Added “Run twice”.');
    expect(asSentence('Added “Run twice.”')).toBe('Added “Run twice.”');
    expect(asSentence('Reached “5 km!”')).toBe('Reached “5 km!”');
    expect(asSentence('I pack my bag.')).toBe('I pack my bag.');
    expect(asSentence('I pack my bag (the blue one.)')).toBe('I pack my bag (the blue one.)');
    expect(asSentence('  wait…  ')).toBe('wait…');
    expect(asSentence('')).toBe('');
  });
});

describe('asClause', () => {
  it('drops a trailing full stop or comma, for text set inside a sentence', () => {
    expect(asClause('it is 7am.')).toBe('it is 7am');
    expect(asClause('it is 7am, ')).toBe('it is 7am');
    expect(asClause('it is 7am')).toBe('it is 7am');
  });
});
