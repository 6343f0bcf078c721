import { habiticaExportSchema, LIMITS, plainIssueMessage, WEEKDAYS, type Weekday } from '@tack/contracts';
import { invalid } from '../errors.ts';
import type { Frequency } from '../practices/schedule.ts';
import type { ImportedCheckin, ImportedPractice, ImportPlan } from './plan.ts';

/**
 * Habitica's user data export (`userdata.json`). Only the parts Tack maps are read; unknown fields
 * are ignored. Dates in histories are instants (milliseconds or ISO strings); they become local
 * dates with the account's `preferences.timezoneOffset` (minutes behind UTC, as JavaScript's
 * getTimezoneOffset) when there is one, else UTC.
 */

const HABITICA_DAYS: Record<string, Weekday> = {
  m: 'monday',
  t: 'tuesday',
  w: 'wednesday',
  th: 'thursday',
  f: 'friday',
  s: 'saturday',
  su: 'sunday',
};
const COLOR_HABIT = '#8e4585';
const COLOR_DAILY = '#2a9d8f';

function clip(text: string | null | undefined, max: number): string | null {
  const t = (text ?? '').trim();
  return t ? t.slice(0, max) : null;
}

function localDateOf(value: number | string, offsetMinutes: number): string | null {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms - offsetMinutes * 60_000);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) return null;
  return d.toISOString().slice(0, 10);
}

export function planFromHabitica(json: unknown, today: string): ImportPlan {
  const parsed = habiticaExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const inner = (issue?.path ?? []).map(String).join('.');
    const what = issue ? plainIssueMessage(issue) : 'invalid';
    throw invalid(
      ['file', inner].filter(Boolean).join('.'),
      `not a Habitica user data export (userdata.json): ${inner ? `at "${inner}", ${what}` : what}`,
    );
  }
  const data = parsed.data;
  const offset = data.preferences?.timezoneOffset ?? 0;
  const warnings: string[] = [];
  const notMapped: ImportPlan['notMapped'] = [];
  const practices: ImportedPractice[] = [];
  const seen = new Set<string>();
  const name = (t: string, kind: string) => clip(t, LIMITS.nameMax) ?? `Habitica ${kind}`;
  const unique = (id: string) => {
    if (seen.has(id)) throw invalid('file', `two tasks share the id ${id}: the export is damaged`);
    seen.add(id);
  };
  const finish = (p: Omit<ImportedPractice, 'versions'>, frequency: Frequency, start: string | null) => {
    p.checkins.sort((a, b) => (a.date < b.date ? -1 : 1));
    let from = p.checkins[0]?.date ?? start ?? today;
    if (start && start < from) from = start;
    if (from > today) from = today;
    practices.push({ ...p, versions: [{ effectiveFrom: from, frequency }] });
  };

  for (const h of data.tasks.habits) {
    unique(h.id);
    const n = name(h.text, 'habit');
    const up = h.up ?? true;
    const down = h.down ?? false;
    if (!up && down) {
      notMapped.push({
        item: `habit "${n}"`,
        reason: 'a negative-only habit (only "-" clicks) is something to avoid, which Tack practices do not track',
      });
      continue;
    }
    if (!up && !down) {
      notMapped.push({ item: `habit "${n}"`, reason: 'it has neither "+" nor "-": nothing to check in' });
      continue;
    }
    // Habitica habits have no schedule; their counter resets daily, weekly or monthly.
    const frequency: Frequency =
      h.frequency === 'weekly'
        ? { kind: 'times', times: 1, days: 7 }
        : h.frequency === 'monthly'
          ? { kind: 'times', times: 1, days: 30 }
          : { kind: 'times', times: 1, days: 1 };
    const byDate = new Map<string, ImportedCheckin>();
    let downs = 0;
    let unreadable = 0;
    for (const e of h.history ?? []) {
      const date = localDateOf(e.date, offset);
      if (!date || date > today) {
        unreadable++;
        continue;
      }
      const ups = e.scoredUp ?? (e.scoredDown === undefined || e.scoredDown === null ? 1 : 0);
      downs += e.scoredDown ?? 0;
      if (ups > 0) byDate.set(date, { date, status: 'done', value: null, note: null });
    }
    if (down && downs > 0) {
      notMapped.push({ item: `habit "${n}": ${downs} "-" clicks`, reason: 'Tack records what was done, not slips' });
    }
    if (unreadable > 0)
      notMapped.push({ item: `habit "${n}": ${unreadable} history entries`, reason: 'unreadable date' });
    warnings.push(`habit "${n}" has no schedule in Habitica; it was given ${describe(frequency)}`);
    finish(
      {
        external: { source: 'habitica', id: h.id },
        name: n,
        description: clip(h.notes, LIMITS.textMax),
        why: null,
        color: COLOR_HABIT,
        kind: 'boolean',
        unit: null,
        target: null,
        targetType: null,
        archived: false,
        checkins: [...byDate.values()],
      },
      frequency,
      null,
    );
  }

  for (const d of data.tasks.dailys) {
    unique(d.id);
    const n = name(d.text, 'daily');
    let frequency: Frequency | null = null;
    const every = d.everyX ?? 1;
    if (d.frequency === 'daily' || !d.frequency) {
      if (every < 1 || every > 365) {
        notMapped.push({ item: `daily "${n}"`, reason: `repeats every ${every} days, outside 1…365` });
        continue;
      }
      frequency = every === 1 ? { kind: 'times', times: 1, days: 1 } : { kind: 'interval', everyDays: every };
    } else if (d.frequency === 'weekly') {
      const weekdays = WEEKDAYS.filter((w) =>
        Object.entries(d.repeat ?? {}).some(([k, on]) => on && HABITICA_DAYS[k] === w),
      );
      if (weekdays.length === 0) {
        notMapped.push({ item: `daily "${n}"`, reason: 'it repeats on no weekday' });
        continue;
      }
      if (every > 1) {
        notMapped.push({
          item: `daily "${n}"`,
          reason: `it repeats every ${every} weeks; Tack schedules weekdays every week`,
        });
        continue;
      }
      frequency = { kind: 'weekdays', weekdays };
    } else {
      notMapped.push({
        item: `daily "${n}"`,
        reason: `its "${d.frequency}" schedule (days of the month or year) has no Tack equivalent`,
      });
      continue;
    }
    const byDate = new Map<string, ImportedCheckin>();
    let unreadable = 0;
    for (const e of d.history ?? []) {
      const date = localDateOf(e.date, offset);
      if (!date || date > today) {
        unreadable++;
        continue;
      }
      if (e.completed === true) byDate.set(date, { date, status: 'done', value: null, note: null });
      else if (e.isDue === true || (e.isDue === undefined && e.completed === false)) {
        if (!byDate.has(date)) byDate.set(date, { date, status: 'notDone', value: null, note: null });
      }
    }
    if (unreadable > 0)
      notMapped.push({ item: `daily "${n}": ${unreadable} history entries`, reason: 'unreadable date' });
    const start = d.startDate !== undefined && d.startDate !== null ? localDateOf(d.startDate, offset) : null;
    finish(
      {
        external: { source: 'habitica', id: d.id },
        name: n,
        description: clip(d.notes, LIMITS.textMax),
        why: null,
        color: COLOR_DAILY,
        kind: 'boolean',
        unit: null,
        target: null,
        targetType: null,
        archived: false,
        checkins: [...byDate.values()],
      },
      frequency,
      start,
    );
  }

  for (const t of data.tasks.todos) {
    notMapped.push({
      item: `to-do "${clip(t.text, LIMITS.nameMax) ?? '(untitled)'}"`,
      reason: 'a one-off task; Tack practices repeat',
    });
  }
  if (data.tasks.rewards.length > 0) {
    notMapped.push({ item: `${data.tasks.rewards.length} rewards`, reason: 'Tack has no rewards' });
  }
  return { source: 'habitica', format: 'habitica-json', practices, notMapped, warnings };
}

function describe(f: Frequency): string {
  if (f.kind === 'times') return f.days === 1 ? 'every day' : `once in ${f.days} days`;
  return 'a schedule';
}
