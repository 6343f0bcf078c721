import type { CheckinDto, Progress, Review, ReviewAnswers, ReviewListItem, WeekSummary } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import { addDays, localDate, weekStartOf } from '../practices/dates.ts';
import type { PracticeRecord, PracticeStore } from '../practices/ports.ts';
import { validateFrequency } from '../practices/schedule.ts';
import type { PracticesService } from '../practices/service.ts';
import { reviewMarkdown } from './markdown.ts';
import type { AppliedDecision, DiscoverySourcePort, PersonSettings, ReviewRecord, ReviewsPort } from './ports.ts';
import { type PracticeWithHistory, summariseWeek, who5Raw } from './summary.ts';
import { isoWeekOfWeek, resolveWeek, weekEndOf } from './week.ts';

export interface ReviewsDeps {
  reviews: ReviewsPort;
  /** Read access to practices and check-ins. */
  practiceStore: PracticeStore;
  /** Applies step 3 (adjust: a schedule version; drop: archive) through the practices rules. */
  practices: PracticesService;
  /** Experiments, intentions and goals; null when those features are not installed. */
  discovery: DiscoverySourcePort | null;
  clock: Clock;
  newId: () => string;
  personOf: (userId: string) => Promise<PersonSettings>;
  /**
   * Runs fn in one database transaction with the writers bound to it: completing a review applies
   * every decision, records the intention answers and saves the review, or does none of it.
   */
  transaction: <T>(fn: (tx: ReviewWriters) => Promise<T>) => Promise<T>;
}

/** What completing a review writes through. */
export interface ReviewWriters {
  practices: PracticesService;
  reviews: ReviewsPort;
  discovery: DiscoverySourcePort | null;
}

const EARLIEST = '0001-01-01';
const MINUTE_UNITS = /^(m|min|mins|minute|minutes)$/i;

export function reviewsService(deps: ReviewsDeps) {
  const { reviews, clock } = deps;
  const nowIso = () => clock.now().toISOString();

  async function context(userId: string, week: string) {
    const person = await deps.personOf(userId);
    const today = localDate(clock.now(), person.timeZone);
    const currentWeek = weekStartOf(today, person.weekStart);
    const weekStart = await savedWeek(userId, week, resolveWeek(week, person.weekStart), currentWeek);
    return { person, today, weekStart, currentWeek };
  }

  /**
   * The week `week` names, given that it names `aligned` under today's week start. Saved reviews
   * stay reachable after the week start changes (Monday → Sunday shifts every week by a day):
   * a date that starts a saved review opens it; a past week with no review under today's week start
   * opens the completed review that covers it (for an ISO week, the one it names), rather than an
   * empty draft beside it. The current week always follows today's week start.
   */
  async function savedWeek(userId: string, week: string, aligned: string, currentWeek: string): Promise<string> {
    const isDate = !week.includes('W');
    // The current week, named by its first day or its ISO week, needs no look-up (the web's drafts).
    if (aligned >= currentWeek && (!isDate || week === aligned)) return aligned;
    const around = await reviews.list(userId, {
      from: addDays(isDate ? week : aligned, -6),
      to: addDays(isDate ? week : aligned, 6),
    });
    if (isDate && around.some((r) => r.weekStart === week)) return week;
    if (aligned >= currentWeek || around.some((r) => r.weekStart === aligned)) return aligned;
    const covering = around
      .filter(
        (r) =>
          r.status === 'completed' &&
          (isDate ? r.weekStart <= week && week <= weekEndOf(r.weekStart) : isoWeekOfWeek(r.weekStart) === week),
      )
      .map((r) => r.weekStart)
      .sort();
    return covering.at(-1) ?? aligned;
  }

  function notFuture(weekStart: string, currentWeek: string) {
    if (weekStart > currentWeek) {
      throw invalid('week', `the week of ${weekStart} has not started yet (this week started ${currentWeek})`);
    }
  }

  /** Practices that were in use during the week, with their history up to its end. */
  async function practicesOfWeek(userId: string, weekStart: string, timeZone: string): Promise<PracticeWithHistory[]> {
    const weekEnd = weekEndOf(weekStart);
    const all = await deps.practiceStore.practices.list(userId, 'all');
    const used = all.filter((p) => {
      if (p.deletedAt) return false;
      const first = p.versions.map((v) => v.effectiveFrom).sort()[0];
      if (!first || first > weekEnd) return false;
      return !p.archivedAt || localDate(new Date(p.archivedAt), timeZone) >= weekStart;
    });
    // Strength resumes from a saved checkpoint before the week (ADR 0005) rather than replaying years.
    const checkpoints = await deps.practiceStore.checkpoints.latestBefore(used, addDays(weekStart, -1));
    const resumed = used.filter((p) => checkpoints.has(p.id));
    const since = resumed.map((p) => addDays(checkpoints.get(p.id)!.date, 1)).sort()[0] ?? weekStart;
    const [recent, full] = await Promise.all([
      deps.practiceStore.checkins.listSince(
        resumed.map((p) => p.id),
        since,
      ),
      deps.practiceStore.checkins.listSince(
        used.filter((p) => !checkpoints.has(p.id)).map((p) => p.id),
        EARLIEST,
      ),
    ]);
    const byPractice = new Map<string, CheckinDto[]>();
    for (const c of [...recent, ...full]) {
      if (c.date > weekEnd) continue;
      const list = byPractice.get(c.practiceId);
      if (list) list.push(c);
      else byPractice.set(c.practiceId, [c]);
    }
    return used.map((p) => {
      const resumeFrom = checkpoints.get(p.id) ?? null;
      const entries = byPractice.get(p.id) ?? [];
      return {
        practice: p,
        entries: resumeFrom ? entries.filter((c) => c.date > resumeFrom.date) : entries,
        resumeFrom,
        lastDay: p.archivedAt ? localDate(new Date(p.archivedAt), timeZone) : null,
      };
    });
  }

  async function liveSummary(userId: string, weekStart: string, today: string, timeZone: string): Promise<WeekSummary> {
    const items = await practicesOfWeek(userId, weekStart, timeZone);
    const base = summariseWeek(weekStart, items, today);
    const weekEnd = weekEndOf(weekStart);
    const experimentNotes = deps.discovery ? await deps.discovery.experimentNotes(userId, weekStart, weekEnd) : [];
    const intentions = deps.discovery ? await deps.discovery.intentions(userId) : [];
    return { ...base, experimentNotes, intentions };
  }

  async function toDto(r: ReviewRecord, today: string, timeZone: string): Promise<Review> {
    const raw = who5Raw(r.answers.who5);
    return {
      id: r.id,
      weekStart: r.weekStart,
      weekEnd: weekEndOf(r.weekStart),
      isoWeek: isoWeekOfWeek(r.weekStart),
      status: r.status,
      answers: r.answers,
      who5Score: raw === null ? null : raw * 4,
      summary: r.summary ?? (await liveSummary(r.userId, r.weekStart, today, timeZone)),
      applied: r.applied,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      completedAt: r.completedAt,
    };
  }

  async function getOrCreate(userId: string, weekStart: string): Promise<ReviewRecord> {
    const existing = await reviews.get(userId, weekStart);
    if (existing) return existing;
    const at = nowIso();
    await reviews.insertIfAbsent({
      id: deps.newId(),
      userId,
      weekStart,
      status: 'draft',
      answers: {},
      summary: null,
      applied: [],
      createdAt: at,
      updatedAt: at,
      completedAt: null,
    });
    const created = await reviews.get(userId, weekStart);
    if (!created) throw new DomainError('INTERNAL', 'The review could not be saved');
    return created;
  }

  /** Checks step 3 and 4 against the person's own practices and intentions; returns the practices. */
  async function checkAnswers(userId: string, answers: ReviewAnswers): Promise<Map<string, PracticeRecord>> {
    const practices = new Map<string, PracticeRecord>();
    const seen = new Set<string>();
    for (const [i, d] of (answers.decisions ?? []).entries()) {
      if (seen.has(d.practiceId)) throw invalid(`decisions.${i}.practiceId`, 'one decision per practice');
      seen.add(d.practiceId);
      const p = await deps.practiceStore.practices.get(userId, d.practiceId);
      if (!p) throw invalid(`decisions.${i}.practiceId`, 'no such practice');
      practices.set(p.id, p);
      if (d.decision === 'adjust') {
        if (!d.frequency) throw invalid(`decisions.${i}.frequency`, 'adjust needs the new schedule');
        validateFrequency(d.frequency, `decisions.${i}.frequency`);
      } else if (d.frequency) throw invalid(`decisions.${i}.frequency`, 'only adjust takes a schedule');
      if (d.reason && d.decision !== 'drop') throw invalid(`decisions.${i}.reason`, 'only drop takes a reason');
    }
    if ((answers.intentions ?? []).length > 0) {
      const mine = new Set((deps.discovery ? await deps.discovery.intentions(userId) : []).map((x) => x.id));
      for (const [i, a] of (answers.intentions ?? []).entries()) {
        if (!mine.has(a.intentionId)) throw invalid(`intentions.${i}.intentionId`, 'no such intention');
      }
    }
    return practices;
  }

  /** Fields present in `patch` replace the draft's; absent ones stay. */
  function merge(answers: ReviewAnswers, patch: ReviewAnswers): ReviewAnswers {
    const out: ReviewAnswers = { ...answers };
    for (const [k, v] of Object.entries(patch) as Array<[keyof ReviewAnswers, unknown]>) {
      if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    }
    return out;
  }

  return {
    /** The review of a week, created as an empty draft the first time it is asked for. */
    async get(actor: Authorized<Actor>, week: string): Promise<Review> {
      const { person, today, weekStart, currentWeek } = await context(actor.userId, week);
      notFuture(weekStart, currentWeek);
      return toDto(await getOrCreate(actor.userId, weekStart), today, person.timeZone);
    },

    /** Saves a draft (the web app calls it as the person types). */
    async update(actor: Authorized<Actor>, week: string, patch: ReviewAnswers): Promise<Review> {
      const { person, today, weekStart, currentWeek } = await context(actor.userId, week);
      notFuture(weekStart, currentWeek);
      const r = await getOrCreate(actor.userId, weekStart);
      if (r.status === 'completed')
        throw new DomainError('CONFLICT', 'This review is completed; it can no longer change');
      const answers = merge(r.answers, patch);
      await checkAnswers(actor.userId, answers);
      const next: ReviewRecord = { ...r, answers, updatedAt: nowIso() };
      await reviews.save(next);
      return toDto(next, today, person.timeZone);
    },

    /**
     * Completes the review: applies step 3 (adjust → a schedule version from the week after the
     * reviewed one, or from today when that has passed, so the past is never rewritten; drop →
     * archive, the reason kept in the review) and freezes the week's numbers.
     */
    async complete(actor: Authorized<Actor>, week: string, patch: ReviewAnswers = {}): Promise<Review> {
      const { person, today, weekStart, currentWeek } = await context(actor.userId, week);
      notFuture(weekStart, currentWeek);
      const r = await getOrCreate(actor.userId, weekStart);
      if (r.status === 'completed') throw new DomainError('CONFLICT', 'This review is already completed');
      const answers = merge(r.answers, patch);
      const practices = await checkAnswers(actor.userId, answers);
      const summary = await liveSummary(actor.userId, weekStart, today, person.timeZone);
      const nextWeek = addDays(weekStart, 7);
      const effectiveFrom = [nextWeek, today].sort()[1] ?? today; // the later date (ISO dates sort as text)
      const at = nowIso();
      const next = await deps.transaction(async (tx) => {
        const applied: AppliedDecision[] = [];
        for (const d of answers.decisions ?? []) {
          const p = practices.get(d.practiceId)!;
          if (d.decision === 'adjust' && d.frequency) {
            await tx.practices.update(actor, p.id, { schedule: { frequency: d.frequency, effectiveFrom } });
            applied.push({ practiceId: p.id, decision: 'adjust', effectiveFrom });
          } else if (d.decision === 'drop') {
            await tx.practices.archive(actor, p.id);
            applied.push({ practiceId: p.id, decision: 'drop', effectiveFrom: today });
          } else applied.push({ practiceId: p.id, decision: d.decision, effectiveFrom: null });
        }
        // Step 4 also lands in each intention's weekly history (the ISO week naming this week).
        if (tx.discovery) {
          for (const i of answers.intentions ?? []) {
            if (i.answer.trim()) {
              await tx.discovery.answerIntention(actor.userId, i.intentionId, isoWeekOfWeek(weekStart), i.answer, at);
            }
          }
        }
        const completed: ReviewRecord = {
          ...r,
          answers,
          status: 'completed',
          summary,
          applied,
          updatedAt: at,
          completedAt: at,
        };
        await tx.reviews.save(completed);
        return completed;
      });
      return toDto(next, today, person.timeZone);
    },

    /** Saved reviews, oldest first, with each week's numbers (frozen ones for completed reviews). */
    async list(actor: Authorized<Actor>, from?: string, to?: string): Promise<ReviewListItem[]> {
      if (from && to && from > to) throw invalid('from', 'must be on or before to');
      const { timeZone } = await deps.personOf(actor.userId);
      const today = localDate(clock.now(), timeZone);
      const rows = await reviews.list(actor.userId, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
      const out: ReviewListItem[] = [];
      for (const r of rows) {
        const s = r.summary ?? (await liveSummary(actor.userId, r.weekStart, today, timeZone));
        out.push({
          weekStart: r.weekStart,
          isoWeek: isoWeekOfWeek(r.weekStart),
          status: r.status,
          planned: s.planned,
          done: s.done,
          checkins: s.checkins,
          line: r.answers.line ?? null,
          smallThing: r.answers.smallThing ?? null,
          completedAt: r.completedAt,
        });
      }
      return out;
    },

    /** The review as Markdown, for the person's own notes. 404 when the week has no review. */
    async markdown(actor: Authorized<Actor>, week: string): Promise<{ filename: string; text: string }> {
      const { person, today, weekStart } = await context(actor.userId, week);
      const r = await reviews.get(actor.userId, weekStart);
      if (!r) throw notFound('Review');
      const dto = await toDto(r, today, person.timeZone);
      return { filename: `tack-review-${dto.weekStart}.md`, text: reviewMarkdown(dto, person.timeZone) };
    },

    /** Recognising effort: what was tried, not only what was achieved. */
    async progress(actor: Authorized<Actor>, range: { from?: string; to?: string } = {}): Promise<Progress> {
      const { timeZone } = await deps.personOf(actor.userId);
      const today = localDate(clock.now(), timeZone);
      const to = range.to ?? today;
      const from = range.from ?? addDays(to, -27);
      if (from > to) throw invalid('from', 'must be on or before to');
      const practices = (await deps.practiceStore.practices.list(actor.userId, 'all')).filter((p) => !p.deletedAt);
      const entries = (
        await deps.practiceStore.checkins.listSince(
          practices.map((p) => p.id),
          from,
        )
      ).filter((c) => c.date <= to && c.status === 'done');
      const minuteIds = new Set(
        practices.filter((p) => p.kind === 'measurable' && MINUTE_UNITS.test(p.unit ?? '')).map((p) => p.id),
      );
      const practiceMinutes = entries
        .filter((c) => minuteIds.has(c.practiceId))
        .reduce((s, c) => s + (c.value ?? 0), 0);
      const practicesStarted = practices.filter((p) => {
        const d = localDate(new Date(p.createdAt), timeZone);
        return d >= from && d <= to;
      }).length;
      const completed = await reviews.list(actor.userId, {
        from: weekStartOf(from, (await deps.personOf(actor.userId)).weekStart),
        to,
        status: 'completed',
      });
      const lessonsRecorded = completed.filter((r) => (r.answers.line ?? '').trim() !== '').length;
      const notes: string[] = [];
      let effort = { experimentsRun: 0, experimentsDecided: 0, strategiesTried: 0 };
      if (deps.discovery) effort = await deps.discovery.effort(actor.userId, from, to);
      else notes.push('Experiments and strategies are counted once the discovery features are installed; shown as 0.');
      return {
        from,
        to,
        checkins: entries.length,
        practiceMinutes: Math.round(practiceMinutes * 100) / 100,
        practicesStarted,
        lessonsRecorded,
        ...effort,
        notes,
      };
    },
  };
}

export type ReviewsService = ReturnType<typeof reviewsService>;
