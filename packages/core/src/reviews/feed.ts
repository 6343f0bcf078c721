import type { FeedSettings, UpdateFeedSettings, Weekday } from '@tack/contracts';
import { WEEKDAYS } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { notFound } from '../errors.ts';
import { addDays, localDate, weekdayOf } from '../practices/dates.ts';
import type { PauseRange } from '../practices/history.ts';
import type { PracticeStore } from '../practices/ports.ts';
import type { Frequency } from '../practices/schedule.ts';
import type { FeedSettingsPort, FeedSettingsRecord, PersonSettings } from './ports.ts';
import { lastDayOfWeek } from './week.ts';

/** A recurrence as iCalendar's RRULE understands it, plus the frequency in words. */
export interface Recurrence {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  byDay: Weekday[] | null;
  words: string;
}

/**
 * A practice's frequency as a recurring calendar event:
 * - weekdays → WEEKLY with BYDAY;
 * - every n days → DAILY with INTERVAL=n (a reminder; Tack counts from the last time it was done);
 * - x times in y days → a reminder described in words: WEEKLY (INTERVAL y/7) when y is whole weeks,
 *   else DAILY (INTERVAL y when x is 1, every day otherwise).
 */
export function recurrenceOf(f: Frequency): Recurrence {
  switch (f.kind) {
    case 'weekdays': {
      const days = WEEKDAYS.filter((d) => f.weekdays.includes(d));
      return { freq: 'WEEKLY', interval: 1, byDay: days, words: `on ${days.join(', ')}` };
    }
    case 'interval':
      return {
        freq: 'DAILY',
        interval: f.everyDays,
        byDay: null,
        words: f.everyDays === 1 ? 'every day' : `every ${f.everyDays} days`,
      };
    case 'times': {
      const words = f.days === 1 ? 'every day' : `${f.times} ${f.times === 1 ? 'time' : 'times'} in ${f.days} days`;
      if (f.days === 1) return { freq: 'DAILY', interval: 1, byDay: null, words };
      if (f.days % 7 === 0)
        return { freq: 'WEEKLY', interval: f.days / 7, byDay: null, words: `${words} (a weekly reminder)` };
      if (f.times === 1) return { freq: 'DAILY', interval: f.days, byDay: null, words };
      return { freq: 'DAILY', interval: 1, byDay: null, words: `${words} (a daily reminder)` };
    }
  }
}

/** The stretches of [from, to] (to null: open-ended) outside every pause, in order. */
export function unpausedSpans(
  from: string,
  to: string | null,
  pauses: ReadonlyArray<PauseRange>,
): Array<{ from: string; to: string | null }> {
  let spans: Array<{ from: string; to: string | null }> = [{ from, to }];
  for (const pause of pauses) {
    spans = spans.flatMap((s) => {
      const out: Array<{ from: string; to: string | null }> = [];
      if (s.from < pause.from) {
        const beforeEnd = addDays(pause.from, -1);
        out.push({ from: s.from, to: s.to !== null && s.to < beforeEnd ? s.to : beforeEnd });
      }
      if (pause.to !== null && (s.to === null || s.to > pause.to)) {
        const afterStart = addDays(pause.to, 1);
        out.push({ from: s.from.localeCompare(afterStart) > 0 ? s.from : afterStart, to: s.to });
      }
      return out;
    });
  }
  return spans.sort((a, b) => (a.from < b.from ? -1 : 1));
}

export interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  /** Local date and time in `timeZone`. */
  startDate: string;
  startTime: string;
  minutes: number;
  recurrence: Recurrence;
  /** Last local date of the recurrence (a pause or a later schedule version takes over), or null. */
  until: string | null;
}

export interface FeedCalendar {
  timeZone: string;
  name: string;
  events: FeedEvent[];
}

/** Until the person chooses: the review on the last day of their week (see lastDayOfWeek), at 18:00. */
export const FEED_DEFAULTS = {
  reviewTime: '18:00',
  reviewMinutes: 10,
  practiceTime: '08:00',
} as const;

export interface FeedDeps {
  feed: FeedSettingsPort;
  practiceStore: PracticeStore;
  clock: Clock;
  personOf: (userId: string) => Promise<PersonSettings>;
  /** A new random secret and its digest (only the digest is stored). */
  mintSecret: () => { token: string; hash: string };
  hashSecret: (token: string) => string;
}

export function feedService(deps: FeedDeps) {
  const { feed, clock } = deps;

  async function load(userId: string): Promise<FeedSettingsRecord> {
    const stored = await feed.get(userId);
    if (stored) return stored;
    const { weekStart } = await deps.personOf(userId);
    return {
      userId,
      ...FEED_DEFAULTS,
      reviewDay: lastDayOfWeek(weekStart),
      secretHash: null,
      secretCreatedAt: null,
      updatedAt: clock.now().toISOString(),
    };
  }

  const toDto = (r: FeedSettingsRecord): FeedSettings => ({
    reviewDay: r.reviewDay,
    reviewTime: r.reviewTime,
    reviewMinutes: r.reviewMinutes,
    practiceTime: r.practiceTime,
    feedActive: r.secretHash !== null,
    feedCreatedAt: r.secretCreatedAt,
  });

  return {
    async settings(actor: Authorized<Actor>): Promise<FeedSettings> {
      return toDto(await load(actor.userId));
    },

    async updateSettings(actor: Authorized<Actor>, patch: UpdateFeedSettings): Promise<FeedSettings> {
      const r = await load(actor.userId);
      const next: FeedSettingsRecord = {
        ...r,
        ...(patch.reviewDay ? { reviewDay: patch.reviewDay } : {}),
        ...(patch.reviewTime ? { reviewTime: patch.reviewTime } : {}),
        ...(patch.reviewMinutes ? { reviewMinutes: patch.reviewMinutes } : {}),
        ...(patch.practiceTime ? { practiceTime: patch.practiceTime } : {}),
        updatedAt: clock.now().toISOString(),
      };
      await feed.put(next);
      return toDto(next);
    },

    /** Makes a new secret URL; the old one stops working at once. Returns the secret (shown once). */
    async rotate(actor: Authorized<Actor>): Promise<{ secret: string; settings: FeedSettings }> {
      const r = await load(actor.userId);
      const { token, hash } = deps.mintSecret();
      const at = clock.now().toISOString();
      const next: FeedSettingsRecord = { ...r, secretHash: hash, secretCreatedAt: at, updatedAt: at };
      await feed.put(next);
      return { secret: token, settings: toDto(next) };
    },

    /** Revokes the secret URL: it answers 404 from now on. */
    async revoke(actor: Authorized<Actor>): Promise<FeedSettings> {
      const r = await load(actor.userId);
      const next: FeedSettingsRecord = {
        ...r,
        secretHash: null,
        secretCreatedAt: null,
        updatedAt: clock.now().toISOString(),
      };
      await feed.put(next);
      return toDto(next);
    },

    /** The calendar behind a secret (no sign-in: the secret is the key). 404 for an unknown secret. */
    async calendar(secret: string): Promise<FeedCalendar> {
      const r = await feed.findBySecretHash(deps.hashSecret(secret));
      if (!r) throw notFound('Calendar');
      const person = await deps.personOf(r.userId);
      const today = localDate(clock.now(), person.timeZone);
      let reviewStart = today;
      while (weekdayOf(reviewStart) !== r.reviewDay) reviewStart = addDays(reviewStart, 1);
      const events: FeedEvent[] = [
        {
          uid: `review-${r.userId}@tack`,
          summary: 'Weekly review (Tack)',
          description:
            "Ten minutes: see what actually happened this week, keep, adjust or drop, and pick next week's one small thing.",
          startDate: reviewStart,
          startTime: r.reviewTime,
          minutes: r.reviewMinutes,
          recurrence: { freq: 'WEEKLY', interval: 1, byDay: [r.reviewDay], words: `every ${r.reviewDay}` },
          until: null,
        },
      ];
      const practices = await deps.practiceStore.practices.list(r.userId, 'live');
      for (const p of practices) {
        const versions = [...p.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
        versions.forEach((v, i) => {
          const next = versions[i + 1];
          if (next && next.effectiveFrom <= today) return; // superseded before today
          const rec = recurrenceOf(v.frequency);
          const versionEnd = next ? addDays(next.effectiveFrom, -1) : null;
          // No reminders while the practice is paused: one event per stretch between pauses.
          for (const span of unpausedSpans(v.effectiveFrom, versionEnd, p.pauses)) {
            if (span.to !== null && span.to < today) continue; // over
            let start = span.from;
            // A weekly rule's first event falls on one of its days (RFC 5545 counts DTSTART itself).
            while (rec.byDay && !rec.byDay.includes(weekdayOf(start))) start = addDays(start, 1);
            if (span.to !== null && start > span.to) continue; // none of its days in this stretch
            events.push({
              uid: `practice-${p.id}-${span.from}@tack`,
              summary: p.name,
              description: `${p.name}: ${rec.words}.${p.ifThen ? ` If ${p.ifThen.cue}, then ${p.ifThen.action}.` : ''}`,
              startDate: start,
              startTime: r.practiceTime,
              minutes: 15,
              recurrence: rec,
              until: span.to,
            });
          }
        });
      }
      return { timeZone: person.timeZone, name: 'Tack', events };
    },
  };
}

export type FeedService = ReturnType<typeof feedService>;
