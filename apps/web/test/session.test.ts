import { describe, expect, it } from 'vitest';
import { readNotice, safeNext } from '../src/auth/session.ts';

describe('safeNext', () => {
  it('follows paths inside the app', () => {
    expect(safeNext('/settings')).toBe('/settings');
    expect(safeNext('/settings?tab=tokens')).toBe('/settings?tab=tokens');
  });
  it('refuses other sites and odd paths', () => {
    for (const bad of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'settings']) {
      expect(safeNext(bad)).toBe('/today');
    }
  });
  it('does not loop back to the public pages', () => {
    expect(safeNext('/sign-in')).toBe('/today');
    expect(safeNext('/sign-up?x=1')).toBe('/today');
  });
});

describe('readNotice', () => {
  it('reads only a string notice', () => {
    expect(readNotice({ notice: 'Signed out.' })).toBe('Signed out.');
    expect(readNotice({ notice: 3 })).toBeUndefined();
    expect(readNotice(null)).toBeUndefined();
  });
});
