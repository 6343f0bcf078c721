import type { Practice } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { idPrefix, matchByLabel, shortIds } from '../src/discovery-lookup.ts';
import { pickPractice, SCOPE } from '../src/practice-lookup.ts';

describe('what people type to name things: short ids and names as lists show them', () => {
  it('shows 8 characters, more when two ids start alike (never ending on a dash)', () => {
    const ids = [
      '0a1b2c3d-1111-4000-8000-000000000000',
      '0a1b2c3d-2222-4000-8000-000000000000',
      'ffee0011-3333-4000-8000-000000000000',
    ];
    const short = shortIds(ids);
    expect(ids.map(short)).toEqual(['0a1b2c3d-1', '0a1b2c3d-2', 'ffee0011']);
    expect(short('not-listed')).toBe('not-listed');
  });

  it('matches the start of an id (4+ hex digits, any case) as well as part of a name, never guessing', () => {
    const items = [
      { id: 'cafe1234-0000-4000-8000-000000000000', name: 'Piano' },
      { id: 'beef5678-0000-4000-8000-000000000000', name: 'Morning café' },
      { id: '12345678-0000-4000-8000-000000000000', name: 'Cafe visit' },
    ];
    const name = (i: { name: string }) => i.name;
    expect(matchByLabel(items, 'BEEF5678', name).map(name)).toEqual(['Morning café']);
    expect(matchByLabel(items, 'cafe1234-0000', name).map(name)).toEqual(['Piano']);
    // "cafe" is the start of one id and part of another name: both are offered, neither is picked.
    expect(matchByLabel(items, 'cafe', name).map(name)).toEqual(['Piano', 'Cafe visit']);
    // An exact name still wins over an id that starts the same way.
    expect(matchByLabel(items, 'cafe visit', name).map(name)).toEqual(['Cafe visit']);
    expect(idPrefix('abc')).toBeUndefined();
    expect(idPrefix(' ABCD ')).toBe('abcd');
    expect(idPrefix('run')).toBeUndefined();
  });

  it('matches names as lists show them: a tab or line break reads as a space, runs of spaces as one', () => {
    const items = [
      { id: '1', name: 'Tab\there\nnewline' },
      { id: '2', name: 'Read  two   pages' },
    ];
    const name = (i: { name: string }) => i.name;
    expect(matchByLabel(items, 'tab here', name).map((i) => i.id)).toEqual(['1']);
    expect(matchByLabel(items, 'TAB HERE NEWLINE', name).map((i) => i.id)).toEqual(['1']);
    expect(matchByLabel(items, 'read two pages', name).map((i) => i.id)).toEqual(['2']);

    const practices = [
      { id: 'aaaa1111-0000-4000-8000-000000000000', name: 'Tab\there', state: 'active' },
      { id: 'bbbb2222-0000-4000-8000-000000000000', name: 'Old one', state: 'archived' },
    ] as unknown as Practice[];
    expect(pickPractice(practices, 'tab here', SCOPE.live).name).toBe('Tab\there');
    // A short id is an id: it finds the practice whatever its state, as a whole id does.
    expect(pickPractice(practices, 'BBBB2222', SCOPE.live).name).toBe('Old one');
    // A name only among the practices the command acts on.
    expect(() => pickPractice(practices, 'old one', SCOPE.live)).toThrow(
      /^no active or paused practice matches "old one"; "Old one" is archived; see 'tack practices list --state all'$/,
    );
    expect(() => pickPractice(practices, 'nothing', SCOPE.live)).toThrow(
      /^no active or paused practice matches "nothing"; see/,
    );
  });
});
