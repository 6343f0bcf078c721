import { describe, expect, it } from 'vitest';
import { asClause, asSentence, ifThenWords } from '../src/ui/sentence.ts';

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

describe('ifThenWords', () => {
  it('does not double an "If" or a "then" the person typed themselves', () => {
    expect(ifThenWords({ cue: 'If it is 7am on a weekday,', action: 'then I put on my shoes.' })).toEqual({
      lead: 'If',
      cue: 'it is 7am on a weekday',
      action: 'I put on my shoes.',
    });
    expect(ifThenWords({ cue: 'if it rains', action: 'Then I walk indoors' })).toEqual({
      lead: 'If',
      cue: 'it rains',
      action: 'I walk indoors.',
    });
  });

  it('keeps a cue worded "When…" as a when, and leaves plain plans as they are', () => {
    expect(ifThenWords({ cue: 'When I wake up', action: 'I stretch' })).toEqual({
      lead: 'When',
      cue: 'I wake up',
      action: 'I stretch.',
    });
    expect(ifThenWords({ cue: 'it is 7am', action: 'I run' })).toEqual({
      lead: 'If',
      cue: 'it is 7am',
      action: 'I run.',
    });
    // Words that merely start with "if" or "then" are not cut.
    expect(ifThenWords({ cue: 'iffy weather', action: 'thence to the gym' })).toEqual({
      lead: 'If',
      cue: 'iffy weather',
      action: 'thence to the gym.',
    });
  });
});
