import { CURRENT_ZONE_NAMES, WEEKDAYS, type Weekday } from '@tack/contracts';

let zonesCache: string[] | undefined;

function zoneWorks(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA time zone this browser knows, plus UTC (which `supportedValuesOf` leaves out) and today's names. */
export function allTimeZones(): string[] {
  if (!zonesCache) {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    for (const [old, current] of Object.entries(CURRENT_ZONE_NAMES))
      if (zones.has(old) && !zones.has(current) && zoneWorks(current)) zones.add(current);
    zonesCache = [...zones].sort((a, b) => a.localeCompare(b));
  }
  return zonesCache;
}

export function isKnownTimeZone(zone: string): boolean {
  return allTimeZones().includes(zone);
}

/** The zone this device is set to, or UTC when the browser reports nothing usable. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}

type LocaleWithWeekInfo = Intl.Locale & {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
};

/** First day of the week for the browser's locale (1 = Monday … 7 = Sunday in Intl), when known. */
export function browserWeekStart(): Weekday | undefined {
  try {
    const locale = new Intl.Locale(navigator.language) as LocaleWithWeekInfo;
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    return info ? WEEKDAYS[info.firstDay - 1] : undefined;
  } catch {
    return undefined;
  }
}

/** "UTC+05:30" for a zone at a given instant ("UTC+00:00" for UTC, whatever the engine prints). */
export function offsetLabel(zone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires", for reading. */
export function readableZone(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar date it is right now in a time zone. */
export function todayIn(zone: string, now: Date = new Date()): CalendarDay {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** A calendar day as a Date at UTC midnight: safe for day arithmetic and formatting with timeZone UTC. */
function asUtc(d: CalendarDay): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export function weekdayOf(d: CalendarDay): Weekday {
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(asUtc(d).getUTCDay() + 6) % 7] ?? 'monday';
}

/** First and last day of the week containing `d`, for a person whose week starts on `weekStart`. */
export function weekAround(d: CalendarDay, weekStart: Weekday): { first: Date; last: Date } {
  const date = asUtc(d);
  const back = (WEEKDAYS.indexOf(weekdayOf(d)) - WEEKDAYS.indexOf(weekStart) + 7) % 7;
  const first = new Date(date.getTime() - back * 86_400_000);
  const last = new Date(first.getTime() + 6 * 86_400_000);
  return { first, last };
}

export function formatLongDate(d: CalendarDay): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(asUtc(d));
}

export function formatShortDay(date: Date): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(date);
}

export function weekdayLabel(day: Weekday): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}

/** "Nov 3, 2025, 14:05" in the person's zone, for timestamps such as token creation. */
export function formatInstant(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A time zone as the zone picker lists it; `haystack` is what a search looks in (lower case). */
export interface ZoneOption {
  zone: string;
  label: string;
  offset: string;
  haystack: string;
}

/**
 * The zones matching every word typed, best first: a zone whose place name starts with what was
 * typed ("Pago" → Pago Pago), then one with a word starting with each term (Galapagos has "pago"
 * only inside a word), then the rest; alphabetical order within each group.
 */
export function filterZones<T extends ZoneOption>(options: readonly T[], query: string): T[] {
  const terms = query
    .toLowerCase()
    .replaceAll('_', ' ')
    .split(/[\s/,]+/)
    .filter(Boolean);
  if (terms.length === 0) return [...options];
  const words = (o: T) => o.haystack.replaceAll('_', ' ').split(/[\s/,()]+/);
  const rank = (o: T) => {
    const place = (o.zone.split('/').at(-1) ?? '').replaceAll('_', ' ').toLowerCase();
    if (place.startsWith(terms.join(' '))) return 0;
    const ws = words(o);
    return terms.every((t) => ws.some((w) => w.startsWith(t))) ? 1 : 2;
  };
  return options
    .filter((o) => terms.every((t) => o.haystack.includes(t)))
    .map((o, i) => ({ o, i, r: rank(o) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.o);
}

/** The calendar date ("2026-11-21") of an instant in a time zone: when something happened, in the person's zone. */
export function isoDateIn(instant: string, zone: string): string {
  const d = todayIn(zone, new Date(instant));
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
