/**
 * Numbers typed by a person, read with the browser locale's separators ("1,000.5" in English,
 * "1.000,5" in German, "1 000,5" in French). Anything that could be read two ways is refused rather
 * than guessed: "12,5" in an English browser may be 12.5 or a typo of 125.
 */

export type NumberReading = { ok: true; value: number } | { ok: false; reason: 'empty' | 'invalid' };

interface Separators {
  group: string;
  decimal: string;
}

const cache = new Map<string, Separators>();

/** The locale's thousands and decimal separators, from Intl.NumberFormat. */
export function separatorsOf(locale?: string): Separators {
  const key = locale ?? '';
  const known = cache.get(key);
  if (known) return known;
  let group = ',';
  let decimal = '.';
  for (const part of new Intl.NumberFormat(locale).formatToParts(1234567.5)) {
    if (part.type === 'group') group = part.value;
    if (part.type === 'decimal') decimal = part.value;
  }
  const found = { group, decimal };
  cache.set(key, found);
  return found;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const APOSTROPHES = /['\u2019]/g;
const IS_SPACE = /^[\s\u00a0\u202f\u2009]$/;
const IS_APOSTROPHE = /^['\u2019]$/;

/** Whether digit groups like "1,234,567" (or India's "12,34,567") are well formed. */
function wellGrouped(groups: string[]): boolean {
  if (groups.length < 2) return true;
  const [first, ...rest] = groups;
  const last = rest[rest.length - 1] ?? '';
  const middle = rest.slice(0, -1);
  return (
    /^\d{1,3}$/.test(first ?? '') && last.length === 3 && /^\d+$/.test(last) && middle.every((g) => /^\d{2,3}$/.test(g))
  );
}

/** Reads a typed number in the given locale (the browser's when omitted). */
export function readNumber(text: string, locale?: string): NumberReading {
  const { group: rawGroup, decimal } = separatorsOf(locale);
  let t = text.trim();
  if (t === '') return { ok: false, reason: 'empty' };
  let sign = '';
  const signMatch = /^([-+\u2212])\s*/.exec(t);
  if (signMatch) {
    sign = signMatch[1] === '+' ? '' : '-';
    t = t.slice(signMatch[0].length);
  }
  // Spaces and apostrophes all count as the locale's group separator when it is one of them.
  let group = rawGroup;
  if (IS_SPACE.test(rawGroup)) {
    group = ' ';
    t = t.replace(SPACES, ' ');
  } else if (IS_APOSTROPHE.test(rawGroup)) {
    group = "'";
    t = t.replace(APOSTROPHES, "'");
  }
  const invalid: NumberReading = { ok: false, reason: 'invalid' };
  const allowed = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', group, decimal, '.', ',']);
  if ([...t].some((c) => !allowed.has(c))) return invalid;

  // A separator the locale doesn't use at all ("." in a French browser) is taken as the decimal
  // point, unless it is followed by exactly three digits ("1.000": a thousand or one?).
  const foreign = ['.', ','].find((c) => c !== group && c !== decimal);
  if (foreign && t.includes(foreign)) {
    if (t.includes(decimal) || t.split(foreign).length !== 2) return invalid;
    if (/^\d{3}$/.test(t.split(foreign)[1] ?? '')) return invalid;
    t = t.replace(foreign, decimal);
  }

  const parts = t.split(decimal);
  if (parts.length > 2) return invalid;
  const [whole = '', fraction] = parts;
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return invalid;
  if (whole === '' && !fraction) return invalid;
  const groups = whole === '' ? [''] : whole.split(group);
  if (groups.some((g) => g === '' && whole !== '') || !wellGrouped(groups)) return invalid;
  const digits = groups.join('') || '0';
  if (!/^\d+$/.test(digits)) return invalid;
  const value = Number(`${sign}${digits}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { ok: true, value } : invalid;
}

/** A typed number, or undefined when it is empty or can't be read with certainty. */
export function parseNumber(text: string, locale?: string): number | undefined {
  const r = readNumber(text, locale);
  return r.ok ? r.value : undefined;
}

/** How a number looks in the locale, for "write it like 1,234.5" hints. */
export function numberExample(locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1234.5);
}

/** A stored number as the person would type it back (no grouping, the locale's decimal mark). */
export function numberForInput(n: number | null | undefined, locale?: string): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(n);
}
