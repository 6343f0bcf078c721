import type {
  Area,
  CheckinDto,
  CreatePractice,
  FrequencyDto,
  Practice,
  StrengthDto,
  Today,
  TodayItem,
  UpdatePractice,
  UpsertCheckin,
} from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { conflict, DomainError, invalid, notFound } from '../errors.ts';
import { Lru } from '../lru.ts';
import { addDays, compareDates, diffDays, localDate, weekdayOf } from './dates.ts';
import { describeStrength } from './explain.ts';
import type {
  CheckinTarget,
  PracticeFilter,
  PracticeRecord,
  PracticeRow,
  PracticeStore,
  PracticeUnitOfWork,
} from './ports.ts';
import { PURGE_AFTER_DAYS, stateOf, toPracticeDto, versionAt } from './present.ts';
import { createDueChecker, previewSchedule, validateFrequency } from './schedule.ts';
import { computeStreaks } from './streaks.ts';
import { runStrength, type StrengthCheckpoint, scoreOn } from './strength.ts';
import type { TodayCache } from './today-cache.ts';

export interface PracticesDeps {
  store: PracticeUnitOfWork;
  clock: Clock;
  newId: () => string;
  /** The person's IANA time zone. */
  timeZoneOf: (userId: string) => Promise<string>;
  /**
   * Optional: keep each person's last Today view, keyed by their time zone and data revision (read
   * before the data, so a view is never labelled newer than what it shows).
   */
  today?: {
    cache: TodayCache;
    stateOf: (userId: string) => Promise<{ timeZone: string; dataRev: string }>;
  };
}

/** Days between saved strength checkpoints (aligned on the calendar). */
const CHECKPOINT_EVERY = 7;
/** Today resumes from a checkpoint at least this old, so explanations see two weeks of points. */
const TODAY_LOOKBACK_DAYS = 14;
const DEFAULT_COLORS = ['#1f7a8c', '#3d5a80', '#5f8f3e', '#b5651d', '#8e4585', '#c44536', '#2a9d8f', '#6d597a'];
const EARLIEST = '0001-01-01';

export function practicesService(deps: PracticesDeps) {
  const { store, clock } = deps;
  /** The state the last check-in write left per person, practice and date (it saves the read next time). */
  const recentTargets = new Lru<string, CheckinTarget>(1024);
  const nowIso = () => clock.now().toISOString();
  const building = new Map<string, { key: string; view: Promise<Today> }>();
  const todayFor = async (userId: string) => localDate(clock.now(), await deps.timeZoneOf(userId));

  async function load(s: PracticeStore, actor: Actor, id: string, includeDeleted = false): Promise<PracticeRecord> {
    const p = await s.practices.get(actor.userId, id, includeDeleted);
    if (!p) throw notFound('Practice');
    return p;
  }

  async function loadRow(s: PracticeStore, actor: Actor, id: string, includeDeleted = false): Promise<PracticeRow> {
    const p = await s.practices.getRow(actor.userId, id, includeDeleted);
    if (!p) throw notFound('Practice');
    return p;
  }

  function notFuture(date: string, today: string, path = 'date') {
    if (date > today) throw invalid(path, `${date} is in the future (today is ${today} in your time zone)`);
  }

  async function checkArea(s: PracticeStore, actor: Actor, areaId: string | null | undefined) {
    if (areaId && !(await s.areas.get(actor.userId, areaId))) throw invalid('areaId', 'no such area');
  }

  /** Two live areas of one person never share a name (trimmed, ignoring case): the Area menu could not tell them apart. */
  async function checkAreaName(s: PracticeStore, actor: Actor, name: string, self: string | null) {
    const key = name.trim().toLowerCase();
    const same = (await s.areas.list(actor.userId)).find((a) => a.id !== self && a.name.trim().toLowerCase() === key);
    if (same) throw conflict(`You already have an area called "${same.name}"`, { areaId: same.id });
  }

  /** "At least 0" is always met: a goal to reach needs more than nothing ("at most 0" is a limit of none). */
  function checkTarget(target: number | null | undefined, targetType: 'atLeast' | 'atMost' | null | undefined) {
    if (target === 0 && (targetType ?? 'atLeast') === 'atLeast') {
      throw invalid('target', 'must be more than 0 for "at least" (for "none at all", use "at most" 0)');
    }
  }

  function validateCheckin(p: PracticeRow, input: UpsertCheckin) {
    const status = input.status ?? 'done';
    const hasValue = input.value !== undefined && input.value !== null;
    if (p.kind === 'boolean' && hasValue) throw invalid('value', 'a yes/no practice takes no value');
    if (status === 'skipped' && hasValue) throw invalid('value', 'a skipped day has no amount');
    if (p.kind === 'measurable' && status === 'done' && !hasValue) {
      throw invalid('value', `how much? (${p.unit ?? 'a number'})`);
    }
    return status;
  }

  /** Strength up to `until`, resuming from a saved checkpoint before `resumeBefore` when there is one. */
  async function strengthRun(
    s: PracticeStore,
    p: PracticeRecord,
    entries: CheckinDto[],
    until: string,
    resumeFrom: StrengthCheckpoint | null,
  ) {
    const run = runStrength(
      {
        kind: p.kind,
        target: p.target ?? 0,
        targetType: p.targetType ?? 'atLeast',
        versions: p.versions,
        entries,
        pauses: p.pauses,
        until,
      },
      { resumeFrom, checkpointEvery: CHECKPOINT_EVERY },
    );
    // Only checkpoints old enough to be resumed from (Today resumes from one at least
    // TODAY_LOOKBACK_DAYS old): saving the recent ones again on every read cost one INSERT per
    // practice per request (bench: docs/PERFORMANCE.md).
    const cutoff = addDays(until, -TODAY_LOOKBACK_DAYS);
    const fresh = run.checkpoints.filter(
      (c) => compareDates(c.date, cutoff) < 0 && (!resumeFrom || compareDates(c.date, resumeFrom.date) > 0),
    );
    if (fresh.length > 0) await s.checkpoints.saveIfCurrent(p.id, p.historyRev, fresh);
    return run;
  }

  async function buildToday(actor: Actor, timeZone: string, date?: string): Promise<Today> {
    const today = localDate(clock.now(), timeZone);
    const day = date ?? today;
    notFuture(day, today);
    const practices = await store.practices.list(actor.userId, 'live');
    const areas = await store.areas.list(actor.userId);
    const resumeBefore = addDays(day, -TODAY_LOOKBACK_DAYS);
    const checkpoints = await store.checkpoints.latestBefore(practices, resumeBefore);

    // Read only what the view needs: from each practice's checkpoint (or its whole history when
    // there is none yet) and at least its schedule's window back, for "is it due?".
    let since = addDays(day, -TODAY_LOOKBACK_DAYS);
    const needFull: string[] = [];
    for (const p of practices) {
      const cp = checkpoints.get(p.id);
      if (!cp) needFull.push(p.id);
      else if (addDays(cp.date, 1) < since) since = addDays(cp.date, 1);
      const f = versionAt(p, day).frequency;
      const window = f.kind === 'times' ? f.days : f.kind === 'interval' ? f.everyDays : 0;
      const need = addDays(day, -window);
      if (need < since) since = need;
    }
    const recent = await store.checkins.listSince(
      practices.filter((p) => !needFull.includes(p.id)).map((p) => p.id),
      since,
    );
    const full = await store.checkins.listSince(needFull, EARLIEST);
    const byPractice = new Map<string, CheckinDto[]>();
    for (const c of [...recent, ...full]) {
      const list = byPractice.get(c.practiceId) ?? [];
      list.push(c);
      byPractice.set(c.practiceId, list);
    }

    const items: TodayItem[] = [];
    for (const p of practices) {
      const entries = (byPractice.get(p.id) ?? []).filter((c) => c.date <= day);
      const cp = checkpoints.get(p.id) ?? null;
      const run = await strengthRun(
        store,
        p,
        entries.filter((c) => !cp || c.date > cp.date),
        day,
        cp,
      );
      const { score, text } = explain(p, entries, run.points, day, cp !== null);
      const paused = stateOf(p, day) === 'paused';
      items.push({
        practice: toPracticeDto(p, today),
        due: !paused && createDueChecker(p.versions, entries, p.pauses)(day),
        paused,
        checkin: entries.find((c) => c.date === day) ?? null,
        strength: score,
        explanation: text,
      });
    }
    const areaOrder = new Map(areas.map((a, i) => [a.id, i]));
    items.sort(
      (a, b) =>
        (areaOrder.get(a.practice.areaId ?? '') ?? 1e9) - (areaOrder.get(b.practice.areaId ?? '') ?? 1e9) ||
        a.practice.position - b.practice.position,
    );
    return { date: day, timeZone, items, areas };
  }

  function explain(
    p: PracticeRecord,
    entries: CheckinDto[],
    points: { date: string; score: number }[],
    today: string,
    resumed: boolean,
  ) {
    const d = describeStrength({
      kind: p.kind,
      target: p.target ?? 0,
      targetType: p.targetType ?? 'atLeast',
      versions: p.versions,
      entries,
      pauses: p.pauses,
      today,
      points,
    });
    if (d.state === 'none' && resumed) {
      const percent = Math.round(scoreOn(points, today) * 100);
      return {
        score: scoreOn(points, today),
        text: `${percent}%: no check-ins in the last two weeks. A return recovers fast; strength never drops to zero in a day.`,
      };
    }
    return { score: d.score ?? 0, text: d.text };
  }

  return {
    today: todayFor,

    async list(actor: Authorized<Actor>, filter: PracticeFilter | 'active' | 'paused' = 'live'): Promise<Practice[]> {
      const today = await todayFor(actor.userId);
      const dbFilter: PracticeFilter = filter === 'active' || filter === 'paused' ? 'live' : filter;
      const rows = await store.practices.list(actor.userId, dbFilter);
      return rows
        .filter((p) => (filter === 'active' || filter === 'paused' ? stateOf(p, today) === filter : true))
        .map((p) => toPracticeDto(p, today));
    },

    async get(actor: Authorized<Actor>, id: string): Promise<Practice> {
      const p = await load(store, actor, id, true);
      return toPracticeDto(p, await todayFor(actor.userId));
    },

    async create(actor: Authorized<Actor>, input: CreatePractice): Promise<Practice> {
      validateFrequency(input.frequency, 'frequency');
      if (input.kind === 'measurable') checkTarget(input.target, input.targetType);
      const today = await todayFor(actor.userId);
      const at = nowIso();
      return store.transaction(async (s) => {
        await checkArea(s, actor, input.areaId);
        const position = await s.practices.nextPosition(actor.userId);
        const record: Omit<PracticeRecord, 'pauses' | 'historyRev'> = {
          id: deps.newId(),
          userId: actor.userId,
          areaId: input.areaId ?? null,
          name: input.name,
          description: input.description ?? null,
          why: input.why ?? null,
          color: input.color ?? DEFAULT_COLORS[position % DEFAULT_COLORS.length]!,
          kind: input.kind,
          unit: input.kind === 'measurable' ? (input.unit ?? null) : null,
          target: input.kind === 'measurable' ? (input.target ?? null) : null,
          targetType: input.kind === 'measurable' ? (input.targetType ?? 'atLeast') : null,
          ifThen: input.ifThen ?? null,
          position,
          createdAt: at,
          updatedAt: at,
          archivedAt: null,
          deletedAt: null,
          versions: [{ effectiveFrom: input.startDate ?? today, frequency: input.frequency }],
        };
        await s.practices.insert(record);
        return toPracticeDto({ ...record, pauses: [], historyRev: 0 }, today);
      });
    },

    async update(actor: Authorized<Actor>, id: string, patch: UpdatePractice): Promise<Practice> {
      const today = await todayFor(actor.userId);
      const at = nowIso();
      return store.transaction(async (s) => {
        const p = await load(s, actor, id);
        await checkArea(s, actor, patch.areaId);
        if (p.kind === 'boolean') {
          for (const f of ['unit', 'target', 'targetType'] as const) {
            if (patch[f] !== undefined) throw invalid(f, 'only measurable practices have this');
          }
        }
        if (p.kind === 'measurable' && (patch.target !== undefined || patch.targetType !== undefined)) {
          checkTarget(patch.target ?? p.target, patch.targetType ?? p.targetType);
        }
        const { schedule, ...columns } = patch;
        await s.practices.update(p.id, columns, at);
        if (schedule) {
          validateFrequency(schedule.frequency, 'schedule.frequency');
          // A practice's schedule starts with its first version: an edit from before that would
          // invent planned days (and misses) from before the practice existed. An edit from today is
          // always allowed (a practice made "tomorrow" in a zone further east then starts today).
          const start = p.versions[0]?.effectiveFrom;
          if (start && schedule.effectiveFrom < start && schedule.effectiveFrom < today) {
            throw invalid(
              'schedule.effectiveFrom',
              start <= today
                ? `must be on or after the practice's start, ${start}`
                : `must be today (${today}) or later`,
            );
          }
          // "From D on, this is the schedule": versions dated D or later are replaced.
          await s.practices.putScheduleVersion(p.id, schedule.effectiveFrom, schedule.frequency, at);
          await s.checkpoints.invalidateFrom(p.id, schedule.effectiveFrom);
        }
        if (patch.target !== undefined || patch.targetType !== undefined) {
          await s.checkpoints.invalidateFrom(p.id, EARLIEST);
        }
        return toPracticeDto(await load(s, actor, id), today);
      });
    },

    /** Pauses from `from` (default today) to `to` (inclusive; null: until resumed). */
    async pause(actor: Authorized<Actor>, id: string, input: { from?: string; to?: string | null }): Promise<Practice> {
      const today = await todayFor(actor.userId);
      const from = input.from ?? today;
      const to = input.to ?? null;
      if (to !== null && to < from) throw invalid('to', `must be on or after the first paused day, ${from}`);
      return store.transaction(async (s) => {
        const p = await load(s, actor, id);
        if (p.archivedAt) throw new DomainError('CONFLICT', 'Restore the practice before pausing it');
        const overlapping = p.pauses.find((r) => r.from <= (to ?? '9999-12-31') && (r.to ?? '9999-12-31') >= from);
        if (overlapping) throw new DomainError('CONFLICT', `Already paused from ${overlapping.from}`);
        await s.practices.addPause(p.id, { id: deps.newId(), from, to }, nowIso());
        await s.checkpoints.invalidateFrom(p.id, from);
        return toPracticeDto(await load(s, actor, id), today);
      });
    },

    /** Ends the pause covering `on - 1` (or starting later): the practice is active from `on`. */
    async resume(actor: Authorized<Actor>, id: string, input: { on?: string }): Promise<Practice> {
      const today = await todayFor(actor.userId);
      const on = input.on ?? today;
      return store.transaction(async (s) => {
        const p = await load(s, actor, id);
        const open = p.pauses.filter((r) => r.to === null || r.to >= on);
        if (open.length === 0) throw new DomainError('CONFLICT', 'This practice is not paused');
        for (const r of open) {
          if (r.from >= on) await s.practices.deletePause(r.id);
          else await s.practices.setPauseEnd(r.id, addDays(on, -1));
        }
        await s.checkpoints.invalidateFrom(p.id, on);
        return toPracticeDto(await load(s, actor, id), today);
      });
    },

    async archive(actor: Authorized<Actor>, id: string): Promise<Practice> {
      const today = await todayFor(actor.userId);
      return store.transaction(async (s) => {
        const p = await load(s, actor, id);
        if (!p.archivedAt) await s.practices.update(p.id, { archivedAt: nowIso() }, nowIso());
        return toPracticeDto(await load(s, actor, id), today);
      });
    },

    /** Brings back an archived practice, or a deleted one within its 30 days. */
    async restore(actor: Authorized<Actor>, id: string): Promise<Practice> {
      const today = await todayFor(actor.userId);
      return store.transaction(async (s) => {
        const p = await load(s, actor, id, true);
        await s.practices.update(p.id, { archivedAt: null, deletedAt: null }, nowIso());
        return toPracticeDto(await load(s, actor, id), today);
      });
    },

    /** Soft delete: hidden at once, restorable for 30 days, then purged. */
    async remove(actor: Authorized<Actor>, id: string): Promise<Practice> {
      const today = await todayFor(actor.userId);
      return store.transaction(async (s) => {
        const p = await load(s, actor, id);
        const at = nowIso();
        await s.practices.update(p.id, { deletedAt: at }, at);
        return toPracticeDto(await load(s, actor, id, true), today);
      });
    },

    async purgeDeleted(): Promise<number> {
      const before = new Date(clock.now().getTime() - PURGE_AFTER_DAYS * 86_400_000).toISOString();
      return store.practices.purgeDeleted(before);
    },

    preview(frequency: FrequencyDto, from: string) {
      validateFrequency(frequency, 'frequency');
      return previewSchedule(frequency, from, 14).map((d) => ({ ...d, weekday: weekdayOf(d.date) }));
    },

    // ── check-ins ──

    async listCheckins(actor: Authorized<Actor>, id: string, from?: string, to?: string): Promise<CheckinDto[]> {
      if (from && to && from > to) throw invalid('from', 'must be on or before to');
      const p = await loadRow(store, actor, id, true);
      return store.checkins.list(p.id, from, to);
    },

    async putCheckin(actor: Authorized<Actor>, id: string, date: string, input: UpsertCheckin): Promise<CheckinDto> {
      const at = nowIso();
      const key = `${actor.userId}|${id}|${date}`;
      /** The check-in this request makes of what was read; throws when it is refused. */
      const decide = (found: CheckinTarget) => {
        notFuture(date, localDate(clock.now(), found.timeZone));
        const { practice: p, existing } = found;
        const status = validateCheckin(p, input);
        const next: CheckinDto = {
          practiceId: p.id,
          date,
          status,
          value:
            p.kind === 'measurable' && status !== 'skipped'
              ? (input.value ?? (status === 'done' ? null : (existing?.value ?? null)))
              : null, // a skipped day has no amount
          note: input.note !== undefined ? input.note || null : (existing?.note ?? null),
          energy: input.energy !== undefined ? input.energy : (existing?.energy ?? null),
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
        };
        const unchanged =
          existing &&
          existing.status === next.status &&
          existing.value === next.value &&
          existing.note === next.note &&
          existing.energy === next.energy
            ? existing
            : null;
        const historyChanged = !existing || existing.status !== next.status || existing.value !== next.value;
        return { next, unchanged, historyChanged };
      };
      const remember = (found: CheckinTarget, next: CheckinDto, practiceRev: number, historyChanged: boolean) =>
        recentTargets.set(key, {
          practice: historyChanged ? { ...found.practice, historyRev: found.practice.historyRev + 1 } : found.practice,
          timeZone: found.timeZone,
          existing: next,
          revs: { practice: practiceRev, user: found.revs.user },
        });

      // First without locks: from what the last write here left, or one read, then one write that
      // goes through only if nothing changed since (ADR 0010).
      /**
       * The decision on what was remembered, when it can be trusted: not when it would be refused or
       * shows nothing to change (the practice, the time zone or the check-in may have changed since).
       */
      const decideOnRemembered = (found: CheckinTarget) => {
        try {
          const decision = decide(found);
          return decision.unchanged ? undefined : decision;
        } catch {
          return undefined;
        }
      };
      const quick = await store.readThenWrite(async (s) => {
        // Taken, not read: this request puts back what it writes, so two concurrent requests never
        // start from the same remembered state.
        let found = recentTargets.take(key);
        let decision = found && decideOnRemembered(found);
        if (!found || !decision) {
          found = (await s.checkins.forWrite(actor.userId, id, date)) ?? undefined;
          if (!found) throw notFound('Practice');
          decision = decide(found);
          if (decision.unchanged) {
            recentTargets.set(key, found);
            return decision.unchanged;
          }
        }
        const rev = await s.checkins.put(actor.userId, decision.next, decision.historyChanged, found);
        if (rev === null) return null;
        remember(found, decision.next, rev, decision.historyChanged);
        return decision.next;
      });
      if (quick) return quick;

      // Something changed in between (another request, another app server): read again, holding
      // the practice until the write is done, so this one cannot miss.
      return store.transaction(async (s) => {
        const found = await s.checkins.forWrite(actor.userId, id, date, { lock: true });
        if (!found) throw notFound('Practice');
        const decision = decide(found);
        if (decision.unchanged) {
          recentTargets.set(key, found);
          return decision.unchanged;
        }
        const rev = await s.checkins.put(actor.userId, decision.next, decision.historyChanged);
        if (rev !== null) remember(found, decision.next, rev, decision.historyChanged);
        return decision.next;
      });
    },

    async deleteCheckin(actor: Authorized<Actor>, id: string, date: string): Promise<void> {
      await store.transaction(async (s) => {
        const p = await loadRow(s, actor, id);
        if (!(await s.checkins.delete(p.id, date))) throw notFound('Check-in');
      });
    },

    /** Checks off several practices at once (a whole area); all or nothing. */
    async batchCheckin(
      actor: Authorized<Actor>,
      input: { date?: string; practiceIds: string[]; status: 'done' | 'skipped' | 'notDone' },
    ): Promise<CheckinDto[]> {
      const today = await todayFor(actor.userId);
      const date = input.date ?? today;
      notFuture(date, today);
      const at = nowIso();
      return store.transaction(async (s) => {
        const out: CheckinDto[] = [];
        for (const [i, id] of input.practiceIds.entries()) {
          const p = await s.practices.getRow(actor.userId, id);
          if (!p) throw invalid(`practiceIds.${i}`, 'no such practice');
          if (p.kind === 'measurable' && input.status === 'done') {
            throw invalid(`practiceIds.${i}`, `"${p.name}" needs an amount; check it in on its own`);
          }
          const existing = await s.checkins.get(p.id, date);
          const next: CheckinDto = {
            practiceId: p.id,
            date,
            status: input.status,
            value: null,
            note: existing?.note ?? null,
            energy: existing?.energy ?? null,
            createdAt: existing?.createdAt ?? at,
            updatedAt: at,
          };
          await s.checkins.put(actor.userId, next, true);
          out.push(next);
        }
        return out;
      });
    },

    // ── strength ──

    async strength(actor: Authorized<Actor>, id: string, from?: string, to?: string): Promise<StrengthDto> {
      const today = await todayFor(actor.userId);
      const end = to ?? today;
      const start = from ?? addDays(end, -364);
      if (start > end) throw invalid('from', 'must be on or before to');
      if (diffDays(start, end) > 366 * 10) throw invalid('from', 'ask for at most ten years at a time');
      // Scores after today only fade: a year of them is plenty, and each day costs a step of the model.
      if (diffDays(today, end) > 366) throw invalid('to', `must be at most a year after today (${today})`);
      const p = await load(store, actor, id, true);
      const entries = await store.checkins.list(p.id);
      const until = compareDates(end, today) > 0 ? end : today;
      // Resume from a saved checkpoint before the range (and two weeks before the end, for the
      // explanation) instead of replaying the whole history: checkpoints hold the full model state.
      const before = [start, addDays(until, -TODAY_LOOKBACK_DAYS)].sort()[0] ?? start;
      const cp = (await store.checkpoints.latestBefore([p], before)).get(p.id) ?? null;
      const run = await strengthRun(store, p, cp ? entries.filter((c) => c.date > cp.date) : entries, until, cp);
      const points = run.points.filter((pt) => pt.date >= start && pt.date <= end);
      const { score, text } = explain(p, entries, run.points, today, cp !== null);
      const streaks = computeStreaks({ versions: p.versions, entries, pauses: p.pauses, today });
      const days: { date: string; score: number }[] = [];
      // One value per day: days before the first check-in are 0.
      const byDate = new Map(points.map((pt) => [pt.date, pt.score]));
      for (let d = start; d <= end; d = addDays(d, 1))
        days.push({ date: d, score: byDate.get(d) ?? scoreOn(run.points, d) });
      return { practiceId: p.id, from: start, to: end, points: days, current: score, explanation: text, streaks };
    },

    // ── today ──

    /** What is due on a day; the same object again while nothing it shows has changed. */
    async todayView(actor: Authorized<Actor>, date?: string): Promise<Today> {
      if (!deps.today) return buildToday(actor, await deps.timeZoneOf(actor.userId), date);
      const { cache, stateOf } = deps.today;
      const { timeZone, dataRev } = await stateOf(actor.userId);
      const slot = `${actor.userId}|${date ?? ''}`;
      const key = `${dataRev}|${timeZone}|${localDate(clock.now(), timeZone)}`;
      const hit = cache.get(slot, key);
      if (hit) return hit;
      // Requests that arrive while the same view is being built wait for it instead of building it again.
      const pending = building.get(slot);
      if (pending?.key === key) return pending.view;
      const view = buildToday(actor, timeZone, date);
      building.set(slot, { key, view });
      try {
        const built = await view;
        cache.set(slot, key, built);
        return built;
      } finally {
        if (building.get(slot)?.view === view) building.delete(slot);
      }
    },

    // ── areas ──

    async listAreas(actor: Authorized<Actor>): Promise<Area[]> {
      return store.areas.list(actor.userId);
    },
    async createArea(actor: Authorized<Actor>, input: { name: string }): Promise<Area> {
      return store.transaction(async (s) => {
        await checkAreaName(s, actor, input.name, null);
        const area: Area = {
          id: deps.newId(),
          name: input.name.trim(),
          position: await s.areas.nextPosition(actor.userId),
          createdAt: nowIso(),
        };
        await s.areas.insert(actor.userId, area);
        return area;
      });
    },
    async updateArea(actor: Authorized<Actor>, id: string, patch: { name?: string; position?: number }): Promise<Area> {
      return store.transaction(async (s) => {
        if (!(await s.areas.get(actor.userId, id))) throw notFound('Area');
        if (patch.name !== undefined) await checkAreaName(s, actor, patch.name, id);
        await s.areas.update(id, patch.name === undefined ? patch : { ...patch, name: patch.name.trim() });
        return (await s.areas.get(actor.userId, id))!;
      });
    },
    /** Practices in the area keep their history and simply have no area afterwards. */
    async deleteArea(actor: Authorized<Actor>, id: string): Promise<void> {
      await store.transaction(async (s) => {
        if (!(await s.areas.get(actor.userId, id))) throw notFound('Area');
        await s.areas.softDelete(id, nowIso());
      });
    },
  };
}

export type PracticesService = ReturnType<typeof practicesService>;
