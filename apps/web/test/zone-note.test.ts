import { describe, expect, it } from 'vitest';
import { zonesDisagree } from '../src/practices/ZoneNote.tsx';

describe('zonesDisagree', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');
  it('is false for the same zone, and for zones at the same offset at that moment', () => {
    expect(zonesDisagree('Europe/Berlin', 'Europe/Berlin', winter)).toBe(false);
    expect(zonesDisagree('Europe/Berlin', 'Europe/Paris', winter)).toBe(false);
    // London and Lisbon share UTC+0 in winter and UTC+1 in summer.
    expect(zonesDisagree('Europe/London', 'Europe/Lisbon', summer)).toBe(false);
  });
  it('is true across an offset, on both sides of the date line', () => {
    expect(zonesDisagree('Europe/Berlin', 'America/New_York', winter)).toBe(true);
    expect(zonesDisagree('Pacific/Kiritimati', 'Pacific/Pago_Pago', winter)).toBe(true); // UTC+14 and UTC−11
    // Same offset in winter, an hour apart in summer (Reykjavik keeps UTC+0).
    expect(zonesDisagree('Europe/London', 'Atlantic/Reykjavik', winter)).toBe(false);
    expect(zonesDisagree('Europe/London', 'Atlantic/Reykjavik', summer)).toBe(true);
  });
  it('is false when the device reports no zone or one this engine does not know', () => {
    expect(zonesDisagree('Europe/Berlin', undefined, winter)).toBe(false);
    expect(zonesDisagree('Europe/Berlin', 'Mars/Olympus_Mons', winter)).toBe(false);
  });
});
