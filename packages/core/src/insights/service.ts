import type { Insight, InsightList } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { notFound } from '../errors.ts';
import { addDays, diffDays, localDate, weekStartOf } from '../practices/dates.ts';
import type { PracticeStore } from '../practices/ports.ts';
import { stateOf, versionAt } from '../practices/present.ts';
import { frequencyPerDay } from '../practices/schedule.ts';
import type { DiscoverySourcePort, DismissalsPort, PersonSettings, ReviewsPort } from '../reviews/ports.ts';
import { plannedBetween, who5Raw } from '../reviews/summary.ts';
import {
  detectComparison,
  detectRigidity,
  detectStrain,
  detectTunnelVision,
  detectUnrealisticExpectations,
  type PracticeWeeks,
} from './detectors.ts';
import { PITFALL_THRESHOLDS as T } from './thresholds.ts';

export interface InsightsDeps {
  practiceStore: PracticeStore;
  reviews: ReviewsPort;
  dismissals: DismissalsPort;
  discovery: DiscoverySourcePort | null;
  clock: Clock;
  personOf: (userId: string) => Promise<PersonSettings>;
}

export function insightsService(deps: InsightsDeps) {
  const { clock } = deps;

  /** Every insight whose condition holds today, dismissed or not. */
  async function current(userId: string): Promise<{ insights: Insight[]; notes: string[] }> {
    const person = await deps.personOf(userId);
    const today = localDate(clock.now(), person.timeZone);
    const thisWeek = weekStartOf(today, person.weekStart);
    const weeks = Array.from({ length: T.P1.weeksLookedAt }, (_, i) =>
      addDays(thisWeek, -7 * (T.P1.weeksLookedAt - i)),
    );
    const firstWeek = weeks[0] ?? thisWeek;
    const since = [firstWeek, addDays(today, -T.P3.windowDays), addDays(today, -T.P4.restWindowDays - 1)].sort()[0]!;

    const practices = await deps.practiceStore.practices.list(userId, 'live');
    const entries = await deps.practiceStore.checkins.listSince(
      practices.map((p) => p.id),
      since,
    );
    const done = entries.filter((c) => c.status === 'done' && c.date <= today);

    // P1: planned vs done per completed week.
    const weekly: PracticeWeeks[] = practices
      .filter((p) => stateOf(p, today) === 'active')
      .map((p) => ({
        practiceId: p.id,
        name: p.name,
        weeks: weeks.map((w) => ({
          weekStart: w,
          planned: plannedBetween(p, w, addDays(w, 6)),
          done: done.filter((c) => c.practiceId === p.id && c.date >= w && c.date <= addDays(w, 6)).length,
        })),
      }));

    // P3: share of done check-ins per area over the window (today included).
    const areas = await deps.practiceStore.areas.list(userId);
    const windowStart = addDays(today, -(T.P3.windowDays - 1));
    const areaOf = new Map(practices.map((p) => [p.id, p.areaId]));
    const areaActivity = areas.map((a) => ({
      areaId: a.id,
      name: a.name,
      active: practices.some((p) => p.areaId === a.id && stateOf(p, today) === 'active'),
      checkins: done.filter((c) => c.date >= windowStart && areaOf.get(c.practiceId) === a.id).length,
    }));

    // P4: energy per completed week, rest days over the last full days, WHO-5 of completed reviews.
    const energyWeeks = weeks.slice(-T.P4.energyWeeks).map((w) => {
      const marks = entries
        .filter((c) => c.date >= w && c.date <= addDays(w, 6) && c.energy !== null)
        .map((c) => c.energy as number);
      return {
        weekStart: w,
        average: marks.length ? marks.reduce((s, m) => s + m, 0) / marks.length : null,
        marks: marks.length,
      };
    });
    const restFrom = addDays(today, -T.P4.restWindowDays);
    const restTo = addDays(today, -1);
    // A daily routine (planned every day on that day) is the plan itself, not stretch: doing it does
    // not use up a rest day. A day counts as active when something beyond daily routines was done.
    const practiceById = new Map(practices.map((p) => [p.id, p]));
    const beyondRoutine = (c: (typeof done)[number]) => {
      const p = practiceById.get(c.practiceId);
      return p !== undefined && frequencyPerDay(versionAt(p, c.date).frequency) < 1;
    };
    const activeDays = new Set(
      done.filter((c) => c.date >= restFrom && c.date <= restTo && beyondRoutine(c)).map((c) => c.date),
    ).size;
    const firstDone = done.map((c) => c.date).sort()[0];
    const completed = await deps.reviews.list(userId, { status: 'completed' });
    const who5 = completed.flatMap((r) => {
      const raw = who5Raw(r.answers.who5);
      return raw === null ? [] : [{ weekStart: r.weekStart, raw }];
    });

    const notes: string[] = [];
    let goals: Awaited<ReturnType<DiscoverySourcePort['goalsForRigidity']>> = [];
    if (deps.discovery) goals = await deps.discovery.goalsForRigidity(userId, today);
    else notes.push('P2 (rigid goals) needs goals and milestones, which are not installed; it was not checked.');

    const insights: Insight[] = [...detectUnrealisticExpectations(weekly), ...detectRigidity(goals)];
    const p3 = detectTunnelVision(areaActivity);
    if (p3) insights.push(p3);
    const p4 = detectStrain({
      energyWeeks,
      restWindow: {
        days: T.P4.restWindowDays,
        activeDays,
        firstCheckinDaysAgo: firstDone ? diffDays(firstDone, today) : null,
      },
      who5,
    });
    if (p4) insights.push(p4);
    const p5 = detectComparison(
      [...completed].reverse().map((r) => ({ weekStart: r.weekStart, compared: r.answers.compared ?? null })),
    );
    if (p5) insights.push(p5);
    return { insights, notes };
  }

  return {
    /**
     * Current insights, without the dismissed ones. A dismissal lasts while its condition holds:
     * once the condition has cleared (seen here), the dismissal is dropped, so it shows again
     * when it comes back.
     */
    async list(actor: Authorized<Actor>): Promise<InsightList> {
      const { insights, notes } = await current(actor.userId);
      const firing = new Set(insights.map((i) => i.key));
      const dismissed = await deps.dismissals.list(actor.userId);
      const cleared = dismissed.filter((d) => !firing.has(d.key)).map((d) => d.key);
      if (cleared.length > 0) await deps.dismissals.remove(actor.userId, cleared);
      const hidden = new Set(dismissed.filter((d) => firing.has(d.key)).map((d) => d.key));
      return { insights: insights.filter((i) => !hidden.has(i.key)), dismissed: hidden.size, notes };
    },

    /** Hides an insight until its condition clears and comes back. 404 unless it holds right now. */
    async dismiss(actor: Authorized<Actor>, key: string): Promise<void> {
      const { insights } = await current(actor.userId);
      if (!insights.some((i) => i.key === key)) throw notFound('Insight');
      await deps.dismissals.put(actor.userId, key, clock.now().toISOString());
    },
  };
}

export type InsightsService = ReturnType<typeof insightsService>;
