// Finding what a person names on the command line: practices (id or name), areas (name) and days.
import type { TackClient } from '@tack/client';
import type { Area, Practice, PracticeState } from '@tack/contracts';
import { ambiguous, idPrefix, matchText, warnSameName } from './discovery-lookup.ts';
import { CliError, UsageError } from './errors.ts';
import { type Output, oneLine } from './output.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which practices a command can act on, for name matching (an id is always passed to the server as is). */
export const SCOPE = {
  live: ['active', 'paused'],
  notDeleted: ['active', 'paused', 'archived'],
  gone: ['archived', 'deleted'],
  all: ['active', 'paused', 'archived', 'deleted'],
} as const satisfies Record<string, readonly PracticeState[]>;

function scopeWords(scope: readonly PracticeState[]): string {
  if (scope.length === 4) return 'practice';
  if (scope.length === 1) return `${scope[0]} practice`;
  return `${scope.slice(0, -1).join(', ')} or ${scope.at(-1)} practice`;
}

/**
 * Picks the practice `ref` names among `practices`: its id; else a case-insensitive exact name; else the
 * only one whose id starts with `ref` (as lists show ids) or whose name contains `ref`. Names are matched
 * among the practices in `scope`, ids among all (as a whole id is). Several at one step is ambiguous (a usage
 * error listing them): never a guess.
 */
export function pickPractice(practices: readonly Practice[], ref: string, scope: readonly PracticeState[]): Practice {
  const byId = practices.find((p) => p.id === ref);
  if (byId) return byId;
  const needle = matchText(ref);
  const prefix = idPrefix(ref);
  const inScope = (p: Practice) => scope.includes(p.state);
  const name = (p: Practice) => matchText(p.name);
  const tests: ((p: Practice) => boolean)[] = [
    (p) => inScope(p) && name(p) === needle,
    (p) => (inScope(p) && name(p).includes(needle)) || (prefix !== undefined && p.id.toLowerCase().startsWith(prefix)),
  ];
  for (const test of tests) {
    const found = practices.filter(test);
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1) throw ambiguous(found, ref, (p) => p.name, { many: 'practices' });
  }
  // Say why when the name fits practices this command does not act on (archived, deleted, …).
  const elsewhere = practices.filter((p) => !inScope(p) && name(p).includes(needle));
  const states = [...new Set(elsewhere.map((p) => p.state))];
  const why =
    elsewhere.length === 1 && elsewhere[0]
      ? `; "${oneLine(elsewhere[0].name)}" is ${elsewhere[0].state}`
      : elsewhere.length > 1
        ? `; ${elsewhere.length} ${states.join(' or ')} practices do`
        : '';
  throw new CliError(`no ${scopeWords(scope)} matches "${ref}"${why}; see 'tack practices list --state all'`);
}

/** The practice named by `ref` (an id, or a name as `pickPractice` matches it) among those in `scope`. */
export async function findPractice(
  client: TackClient,
  ref: string,
  scope: readonly PracticeState[] = SCOPE.live,
): Promise<Practice> {
  const wanted = ref.trim();
  if (!wanted) throw new UsageError('name the practice: give its name or id');
  // An id goes to the server as is, so another person's id (or a purged one) reads NOT_FOUND.
  if (UUID.test(wanted)) return client.practices.get(wanted);
  return pickPractice(await client.practices.list('all'), wanted, scope);
}

/**
 * The area called `name` (case-insensitive), or a new one when there is none (and the person is told so).
 * `created` lets a caller remove it again when what it was made for fails.
 */
export async function findOrCreateArea(
  client: TackClient,
  name: string,
  out: Output,
): Promise<{ area: Area; created: boolean }> {
  const wanted = name.trim();
  if (!wanted) throw new UsageError('--area needs a name');
  const areas = await client.areas.list();
  const found = areas.find((a) => matchText(a.name) === matchText(wanted));
  if (found) return { area: found, created: false };
  const area = await client.areas.create(wanted);
  out.note(`Created area "${area.name}".`);
  return { area, created: true };
}

/**
 * Warns when another practice that commands can name (active, paused or archived) has `practice`'s name:
 * both are kept, but a name then matches both.
 */
export async function warnSamePracticeName(client: TackClient, out: Output, practice: Practice): Promise<void> {
  const all = await client.practices.list('all');
  warnSameName(
    out,
    practice,
    all.filter((p) => p.state !== 'deleted'),
    (p) => p.name,
    { one: 'practice', many: 'practices' },
    (p) => (p.state === 'active' ? '' : p.state),
  );
}

/** Runs `fn`; when it fails, removes the area made for it (best effort) before passing the error on. */
export async function undoAreaOnFailure<T>(
  client: TackClient,
  made: { area: Area; created: boolean } | undefined,
  out: Output,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (made?.created) {
      await client.areas.remove(made.area.id).then(
        () => out.note(`Removed area "${made.area.name}" again.`),
        () => undefined,
      );
    }
    throw err;
  }
}

/** The calendar date at `now` in an IANA time zone, YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date that exists on the calendar (2026-02-30 does not); else a usage error naming `flag`. */
export function checkDate(raw: string, flag?: string, words = DAY_HINT): string {
  const date = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = Date.parse(`${date}T00:00:00Z`);
  const real = m !== null && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
  if (!real) {
    const what = m ? 'is not a real date' : 'is not a date';
    throw new UsageError(`${flag ? `${flag}: ` : ''}"${raw}" ${what}; use ${words}`);
  }
  return date;
}

/**
 * Days as given on the command line: YYYY-MM-DD goes to the server as is (it checks the format and
 * refuses future days), "today" and "yesterday" are taken in the person's time zone.
 */
export function dayResolver(client: TackClient) {
  let today: Promise<string> | undefined;
  const getToday = () => {
    today ??= client.me.get().then(({ user }) => localDate(new Date(), user.timeZone));
    return today;
  };
  const day = async (raw: string, flag?: string): Promise<string> => {
    const word = raw.trim().toLowerCase();
    if (word === 'today') return getToday();
    if (word === 'yesterday') return addDays(await getToday(), -1);
    return checkDate(raw, flag);
  };
  return {
    /** Today in the person's time zone (asked from the server once). */
    today: getToday,
    day,
    /** Like `day`, passing "not given" through (the server then picks its default). */
    optional: async (raw: string | undefined, flag?: string): Promise<string | undefined> =>
      raw === undefined ? undefined : day(raw, flag),
  };
}

/** The person's profile time zone (IANA), in which the CLI shows dates and times. */
export async function personTimeZone(client: TackClient): Promise<string> {
  return (await client.me.get()).user.timeZone;
}

/** Help text for flags that take a day. */
export const DAY_HINT = 'YYYY-MM-DD, "today" or "yesterday"';
