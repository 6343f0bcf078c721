import { describe, expect, it } from 'vitest';
import { allTimeZones, filterZones, offsetLabel, readableZone, todayIn, weekAround, weekdayOf } from '../src/time.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('todayIn', () => {
  it('gives the calendar date in the zone, not the device', () => {
    const instant = new Date('2026-03-01T10:30:00Z');
    expect(todayIn('Pacific/Kiritimati', instant)).toEqual({ year: 2026, month: 3, day: 2 }); // UTC+14
    expect(todayIn('Pacific/Pago_Pago', instant)).toEqual({ year: 2026, month: 2, day: 28 }); // UTC-11
    expect(todayIn('UTC', instant)).toEqual({ year: 2026, month: 3, day: 1 });
  });
});

describe('weekAround', () => {
  const thursday = { year: 2026, month: 11, day: 19 };
  it('knows the weekday', () => expect(weekdayOf(thursday)).toBe('thursday'));
  it('starts the week on the chosen day', () => {
    expect(iso(weekAround(thursday, 'monday').first)).toBe('2026-11-16');
    expect(iso(weekAround(thursday, 'monday').last)).toBe('2026-11-22');
    expect(iso(weekAround(thursday, 'sunday').first)).toBe('2026-11-15');
    expect(iso(weekAround(thursday, 'saturday').first)).toBe('2026-11-14');
    expect(iso(weekAround(thursday, 'thursday').first)).toBe('2026-11-19');
    expect(iso(weekAround(thursday, 'friday').first)).toBe('2026-11-13');
  });
  it('crosses month and year ends', () => {
    expect(iso(weekAround({ year: 2027, month: 1, day: 1 }, 'monday').first)).toBe('2026-12-28');
  });
});

describe('zones', () => {
  it('lists UTC and real zones', () => {
    expect(allTimeZones()).toContain('UTC');
    expect(allTimeZones()).toContain('Europe/Amsterdam');
  });
  it('offers today’s names of zones the runtime lists only by their old ones', () => {
    expect(allTimeZones()).toContain('Asia/Kolkata');
    expect(allTimeZones()).toContain('Europe/Kyiv');
    expect(allTimeZones()).toContain('Asia/Ho_Chi_Minh');
  });
  it('labels offsets', () => {
    expect(offsetLabel('UTC')).toBe('UTC+00:00');
    expect(offsetLabel('Africa/Abidjan')).toBe('UTC+00:00');
    expect(offsetLabel('Asia/Kolkata')).toBe('UTC+05:30');
  });
  it('reads names', () =>
    expect(readableZone('America/Argentina/Buenos_Aires')).toBe('America / Argentina / Buenos Aires'));
});

describe('filterZones', () => {
  const opt = (zone: string) => {
    const label = readableZone(zone);
    return { zone, label, offset: '', haystack: `${zone} ${label}`.toLowerCase() };
  };
  const options = ['Pacific/Galapagos', 'Pacific/Pago_Pago', 'Europe/Berlin', 'America/New_York'].map(opt);
  const zones = (q: string) => filterZones(options, q).map((o) => o.zone);

  it('puts the place whose name starts with the words typed first', () => {
    expect(zones('Pago')).toEqual(['Pacific/Pago_Pago', 'Pacific/Galapagos']);
    expect(zones('pago pago')[0]).toBe('Pacific/Pago_Pago');
    expect(zones('new york')).toEqual(['America/New_York']);
  });
  it('keeps the list as it is without a query, and finds nothing for nonsense', () => {
    expect(zones('')).toEqual(options.map((o) => o.zone));
    expect(zones('zzz')).toEqual([]);
  });
  it('matches a region word too', () => {
    expect(zones('pacific')).toEqual(['Pacific/Galapagos', 'Pacific/Pago_Pago']);
  });
});
