import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Area, CheckinDto, GoalRevision } from '@tack/contracts';
import {
  DomainError,
  type ExternalRef,
  type Frequency,
  type LoopBackupRows,
  type LoopHabitRow,
  type LoopRepetitionRow,
  type PortabilityStore,
  type PortabilityUnitOfWork,
  type Snapshot,
} from '@tack/core';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely, type Transaction, type Updateable } from 'kysely';
import { type CopyValue, copyFromStdin } from '../copy.ts';
import { dialectOf } from '../prepared.ts';
import type { Database, PracticeTable } from '../schema.ts';
import { discoveryStore } from './discovery.ts';
import { feedRepository } from './feed.ts';
import { dismissalsRepository } from './insights.ts';
import { toCheckin, toRow } from './practice-rows.ts';
import { reviewsRepository } from './reviews.ts';
import { touchUser } from './revision.ts';

interface AccountErasureTable {
  user_id: string;
  requested_at: string;
  purge_after: string;
}
type PortDb = Database & { account_erasure: AccountErasureTable };
type Db = Kysely<PortDb> | Transaction<PortDb>;

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 1000;
/** Check-ins per SQLite statement: 9 parameters each, under SQLite's 32,766. */
const CHECKIN_CHUNK = 3000;
/** Check-ins per PostgreSQL statement (nine arrays of this length): bounds one statement's memory. */
const PG_CHECKIN_CHUNK = 50_000;

const placeholderCache = new Map<string, string>();

/** "(?,?),(?,?)" for `rows` tuples of `width` values (SQLite). */
function placeholders(rows: number, width: number): string {
  const key = `${rows}:${width}`;
  const cached = placeholderCache.get(key);
  if (cached) return cached;
  const text = new Array<string>(rows).fill(`(${new Array(width).fill('?').join(',')})`).join(',');
  if (placeholderCache.size < 16) placeholderCache.set(key, text);
  return text;
}

const CHECKIN_COLUMNS = '"practice_id","date","user_id","status","value","note","energy","created_at","updated_at"';
const CHECKIN_CONFLICT =
  ' on conflict ("practice_id", "date") do update set "status" = excluded."status", ' +
  '"value" = excluded."value", "note" = excluded."note", "updated_at" = excluded."updated_at"';

/**
 * The bulk of every import (100k+ rows), compiled by hand: Kysely's builder costs more than the
 * database at this size. `upsert` false is a plain INSERT, for check-ins of practices created in
 * the same transaction (nothing to conflict with; PostgreSQL's speculative insertion for ON CONFLICT
 * costs about a fifth of the insert). Identifiers are double-quoted: both dialects.
 * - PostgreSQL, plain: one `COPY … FROM STDIN` (copy.ts), streamed as the rows are formatted; about
 *   a fifth faster than the unnest below, which needs the whole chunk in memory, bound, and unnested.
 * - PostgreSQL, upsert (COPY cannot): one `INSERT … SELECT FROM unnest(…)` per PG_CHECKIN_CHUNK rows, a handful of
 *   parameters per statement instead of nine per row. Columns that cannot hold a comma (ids, dates,
 *   statuses, numbers, ISO times) travel as one comma-joined text each, split by `string_to_array`
 *   (about 0.5 s faster for 182,500 rows than text[] parameters, which node-pg quotes element by
 *   element and PostgreSQL parses as array literals); notes, free text, travel as a text[].
 * - SQLite: multi-row VALUES, CHECKIN_CHUNK rows a statement (in-process: no round trips to save).
 */
async function writeCheckins(db: Db, userId: string, rows: readonly CheckinDto[], upsert: boolean): Promise<void> {
  if (rows.length === 0) return;
  const tail = upsert ? CHECKIN_CONFLICT : '';
  if (dialectOf(db) === 'postgres' && !upsert) {
    await db.executeQuery(copyFromStdin('checkin', CHECKIN_COLUMNS, checkinValues(rows, userId)));
    return;
  }
  if (dialectOf(db) === 'postgres') {
    const chunk = (i: number) => pgCheckinChunk(rows.slice(i, i + PG_CHECKIN_CHUNK), userId, tail);
    let next: CompiledQuery | null = chunk(0);
    for (let i = 0; next; i += PG_CHECKIN_CHUNK) {
      const running = db.executeQuery(next);
      running.catch(() => {}); // awaited below: a failure is not unhandled while the next chunk is built
      // Once the statement is on its way (a macrotask later), build the next one while PostgreSQL works.
      await new Promise((resolve) => setImmediate(resolve));
      next = i + PG_CHECKIN_CHUNK < rows.length ? chunk(i + PG_CHECKIN_CHUNK) : null;
      await running;
    }
    return;
  }
  const width = 9;
  for (let i = 0; i < rows.length; i += CHECKIN_CHUNK) {
    const n = Math.min(CHECKIN_CHUNK, rows.length - i);
    const params: unknown[] = new Array(n * width);
    let at = 0;
    for (let j = 0; j < n; j++) {
      const c = rows[i + j] as CheckinDto;
      params[at++] = c.practiceId;
      params[at++] = c.date;
      params[at++] = userId;
      params[at++] = c.status;
      params[at++] = c.value;
      params[at++] = c.note;
      params[at++] = c.energy;
      params[at++] = c.createdAt;
      params[at++] = c.updatedAt;
    }
    const text = `insert into "checkin" (${CHECKIN_COLUMNS}) values ${placeholders(n, width)}${tail}`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

/** Check-in rows in CHECKIN_COLUMNS order, for a copy. */
function* checkinValues(rows: readonly CheckinDto[], userId: string): Generator<CopyValue[]> {
  for (const c of rows) {
    yield [c.practiceId, c.date, userId, c.status, c.value, c.note, c.energy, c.createdAt, c.updatedAt];
  }
}

const split = (n: number) => `string_to_array($${n}, ',', '')`;
const PG_JOINED =
  `insert into "checkin" (${CHECKIN_COLUMNS}) ` +
  'select t.p, t.d, $1, t.s, t.v::float8, t.n, t.e::int, t.c, t.u from ' +
  `unnest(${split(2)}, ${split(3)}, ${split(4)}, ${split(5)}, $6::text[], ${split(7)}, ${split(8)}, ${split(9)}) ` +
  'as t(p, d, s, v, n, e, c, u)';
const PG_ARRAYS =
  `insert into "checkin" (${CHECKIN_COLUMNS}) ` +
  'select t.p, t.d, $1, t.s, t.v, t.n, t.e, t.c, t.u from unnest($2::text[], $3::text[], $4::text[], ' +
  '$5::float8[], $6::text[], $7::int[], $8::text[], $9::text[]) as t(p, d, s, v, n, e, c, u)';

/** One PostgreSQL statement for `rows`: joined texts, or text[] parameters when a value holds a comma. */
function pgCheckinChunk(rows: readonly CheckinDto[], userId: string, tail: string): CompiledQuery {
  const n = rows.length;
  const p = new Array<string>(n);
  const d = new Array<string>(n);
  const s = new Array<string>(n);
  const v = new Array<number | null>(n);
  const note = new Array<string | null>(n);
  const e = new Array<number | null>(n);
  const c = new Array<string>(n);
  const u = new Array<string>(n);
  let joinable = true;
  for (let j = 0; j < n; j++) {
    const r = rows[j] as CheckinDto;
    p[j] = r.practiceId;
    d[j] = r.date;
    s[j] = r.status;
    v[j] = r.value;
    note[j] = r.note;
    e[j] = r.energy;
    c[j] = r.createdAt;
    u[j] = r.updatedAt;
    // An empty text would read back as NULL: such a row goes the array way.
    if (!r.practiceId || !r.date || !r.status || !r.createdAt || !r.updatedAt) joinable = false;
  }
  const texts = [p, d, s, c, u].map((column) => column.join(','));
  // n values joined hold n − 1 commas exactly when no value holds one.
  if (!joinable || texts.some((t) => commas(t) !== n - 1)) {
    return CompiledQuery.raw(PG_ARRAYS + tail, [userId, p, d, s, v, note, e, c, u]);
  }
  // Finite numbers print without commas (String(1e21) is "1e+21", which float8 reads); null is "".
  const num = (x: number | null) => (x === null ? '' : String(x));
  const [pt, dt, st, ct, ut] = texts;
  return CompiledQuery.raw(PG_JOINED + tail, [
    userId,
    pt,
    dt,
    st,
    v.map(num).join(','),
    note,
    e.map(num).join(','),
    ct,
    ut,
  ]);
}

function commas(text: string): number {
  let count = 0;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) count++;
  return count;
}

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function storeOf(db: Db): PortabilityStore {
  return {
    async findExternal(userId, source, externalIds) {
      const out = new Map<string, string>();
      for (const ids of chunks(externalIds)) {
        if (ids.length === 0) continue;
        const rows = await db
          .selectFrom('practice')
          .select(['id', 'external_id'])
          .where('user_id', '=', userId)
          .where('external_source', '=', source)
          .where('external_id', 'in', ids)
          .execute();
        for (const r of rows) if (r.external_id) out.set(r.external_id, r.id);
      }
      return out;
    },
    async insertPractices(rows) {
      for (const part of chunks(rows, 500)) {
        if (part.length === 0) continue;
        await db
          .insertInto('practice')
          .values(
            part.map((p) => ({
              id: p.id,
              user_id: p.userId,
              area_id: p.areaId,
              name: p.name,
              description: p.description,
              why: p.why,
              color: p.color,
              kind: p.kind,
              unit: p.unit,
              target: p.target,
              target_type: p.targetType,
              if_then: p.ifThen ? JSON.stringify(p.ifThen) : null,
              position: p.position,
              external_source: p.external?.source ?? null,
              external_id: p.external?.id ?? null,
              created_at: p.createdAt,
              updated_at: p.updatedAt,
              archived_at: p.archivedAt,
              deleted_at: p.deletedAt,
            })),
          )
          .execute();
      }
      const versions = rows.flatMap((p) =>
        p.versions.map((v) => ({
          practice_id: p.id,
          effective_from: v.effectiveFrom,
          frequency: JSON.stringify(v.frequency),
          created_at: p.createdAt,
        })),
      );
      for (const part of chunks(versions)) {
        if (part.length > 0) await db.insertInto('practice_schedule').values(part).execute();
      }
    },
    async scheduleVersions(practiceIds) {
      const out = new Map<string, { effectiveFrom: string; frequency: Frequency }[]>();
      for (const ids of chunks(practiceIds)) {
        if (ids.length === 0) continue;
        const rows = await db
          .selectFrom('practice_schedule')
          .select(['practice_id', 'effective_from', 'frequency'])
          .where('practice_id', 'in', ids)
          .orderBy('practice_id')
          .orderBy('effective_from')
          .execute();
        for (const r of rows) {
          const list = out.get(r.practice_id) ?? [];
          list.push({ effectiveFrom: r.effective_from, frequency: JSON.parse(r.frequency) as Frequency });
          out.set(r.practice_id, list);
        }
      }
      return out;
    },
    async updateImported(id, c, versions, at) {
      const set: Updateable<PracticeTable> = { updated_at: at };
      if (c.name !== undefined) set.name = c.name;
      if (c.description !== undefined) set.description = c.description;
      if (c.why !== undefined) set.why = c.why;
      if (c.color !== undefined) set.color = c.color;
      if (c.unit !== undefined) set.unit = c.unit;
      if (c.target !== undefined) set.target = c.target;
      if (c.targetType !== undefined) set.target_type = c.targetType;
      // Archiving keeps an earlier archive date; un-archiving clears it.
      if (c.archivedAt === null) set.archived_at = null;
      await db.updateTable('practice').set(set).where('id', '=', id).execute();
      if (c.archivedAt) {
        await db
          .updateTable('practice')
          .set({ archived_at: c.archivedAt })
          .where('id', '=', id)
          .where('archived_at', 'is', null)
          .execute();
      }
      if (versions === null) return;
      await db.deleteFrom('practice_schedule').where('practice_id', '=', id).execute();
      if (versions.length > 0) {
        await db
          .insertInto('practice_schedule')
          .values(
            versions.map((v) => ({
              practice_id: id,
              effective_from: v.effectiveFrom,
              frequency: JSON.stringify(v.frequency),
              created_at: at,
            })),
          )
          .execute();
      }
    },
    async insertCheckins(userId, rows) {
      await writeCheckins(db, userId, rows, false);
    },
    async upsertCheckins(userId, rows) {
      await writeCheckins(db, userId, rows, true);
    },
    async insertPauses(rows) {
      for (const part of chunks(rows)) {
        if (part.length === 0) continue;
        await db
          .insertInto('practice_pause')
          .values(
            part.map((r) => ({
              id: r.id,
              practice_id: r.practiceId,
              from_date: r.from,
              to_date: r.to,
              created_at: r.createdAt,
            })),
          )
          .execute();
      }
    },
    async insertAreas(userId, areas) {
      for (const part of chunks(areas)) {
        if (part.length === 0) continue;
        await db
          .insertInto('area')
          .values(
            part.map((a) => ({
              id: a.id,
              user_id: userId,
              name: a.name,
              position: a.position,
              created_at: a.createdAt,
              deleted_at: null,
            })),
          )
          .execute();
      }
    },
    async touch(userId) {
      await touchUser(db as unknown as Kysely<Database>, userId);
    },
    async resetStrength(practiceIds) {
      for (const ids of chunks(practiceIds)) {
        if (ids.length === 0) continue;
        await db
          .updateTable('practice')
          .set((eb) => ({ history_rev: eb('history_rev', '+', 1) }))
          .where('id', 'in', ids)
          .execute();
        await db.deleteFrom('strength_checkpoint').where('practice_id', 'in', ids).execute();
      }
    },
    async nextPosition(userId) {
      const row = await db
        .selectFrom('practice')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
    },
    async countOwned(userId) {
      const count = async (
        table:
          | 'practice'
          | 'area'
          | 'direction'
          | 'experiment'
          | 'goal'
          | 'intention'
          | 'chain'
          | 'milestone'
          | 'review',
      ) => {
        let q = db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId);
        // Deleted areas are gone for good; everything else deleted is still the person's (restorable, hidden).
        if (table === 'area') q = q.where('deleted_at', 'is', null);
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      return {
        practices: await count('practice'),
        areas: await count('area'),
        directions: await count('direction'),
        experiments: await count('experiment'),
        goals: await count('goal'),
        intentions: await count('intention'),
        chains: await count('chain'),
        milestones: await count('milestone'),
        reviews: await count('review'),
      };
    },
    async dropUntouchedDrafts(userId) {
      await db
        .deleteFrom('review')
        .where('user_id', '=', userId)
        .where('status', '=', 'draft')
        .where('answers', '=', '{}')
        .execute();
    },
    async insertOwned(userId, rows) {
      const kdb = db as unknown as Kysely<Database>;
      const discovery = discoveryStore(kdb);
      // Parents first: experiments need their direction, milestones their goal or direction.
      for (const r of rows.directions) await discovery.directions.insert(r);
      for (const r of rows.intentions) await discovery.intentions.insert(r);
      for (const r of rows.goals) await discovery.goals.insert(r);
      for (const { goalId, ...r } of rows.goalRevisions) await discovery.goalRevisions.add(userId, goalId, r);
      for (const r of rows.experiments) await discovery.experiments.insert(r);
      for (const { intentionId, ...w } of rows.intentionWeeks)
        await discovery.intentionWeeks.put(userId, intentionId, w);
      for (const r of rows.chains) await discovery.chains.insert(r);
      for (const r of rows.milestones) await discovery.milestones.insert(r);
      const reviews = reviewsRepository(kdb);
      for (const r of rows.reviews) await reviews.insertIfAbsent(r);
      const dismissals = dismissalsRepository(kdb);
      for (const d of rows.dismissals) await dismissals.put(userId, d.key, d.dismissedAt);
      if (rows.feedSettings) {
        const feed = feedRepository(kdb);
        const own = await feed.get(userId);
        await feed.put({
          ...rows.feedSettings,
          userId,
          secretHash: own?.secretHash ?? null,
          secretCreatedAt: own?.secretCreatedAt ?? null,
        });
      }
    },
    async snapshot(userId) {
      const user = await db
        .selectFrom('user')
        .select(['name', 'time_zone', 'week_start'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) return null;
      const kdb = db as unknown as Kysely<Database>;
      const discovery = discoveryStore(kdb);
      const [directions, experiments, goals, goalRevisions, intentions, intentionWeeks, chains, milestones] =
        await Promise.all([
          discovery.directions.list(userId, {}, true),
          discovery.experiments.list(userId, {}, true),
          discovery.goals.list(userId, {}, true),
          db.selectFrom('goal_revision').selectAll().where('user_id', '=', userId).execute(),
          discovery.intentions.list(userId, {}, true),
          db.selectFrom('intention_week').selectAll().where('user_id', '=', userId).execute(),
          discovery.chains.list(userId, {}, true),
          discovery.milestones.list(userId, {}, true),
        ]);
      const [reviews, dismissals, feed] = await Promise.all([
        reviewsRepository(kdb).list(userId),
        dismissalsRepository(kdb).list(userId),
        feedRepository(kdb).get(userId),
      ]);
      const [areas, practices, schedules, pauses, checkins] = await Promise.all([
        db.selectFrom('area').selectAll().where('user_id', '=', userId).where('deleted_at', 'is', null).execute(),
        db.selectFrom('practice').selectAll().where('user_id', '=', userId).execute(),
        db
          .selectFrom('practice_schedule as s')
          .innerJoin('practice as p', 'p.id', 's.practice_id')
          .select(['s.practice_id', 's.effective_from', 's.frequency'])
          .where('p.user_id', '=', userId)
          .orderBy('s.effective_from')
          .execute(),
        db
          .selectFrom('practice_pause as r')
          .innerJoin('practice as p', 'p.id', 'r.practice_id')
          .select(['r.id', 'r.practice_id', 'r.from_date', 'r.to_date'])
          .where('p.user_id', '=', userId)
          .orderBy('r.from_date')
          .execute(),
        // Through the practices (practice_user_idx, then the check-in primary key): PostgreSQL has no
        // index on checkin.user_id (migration 0006).
        db
          .selectFrom('checkin as c')
          .innerJoin('practice as p', 'p.id', 'c.practice_id')
          .selectAll('c')
          .where('p.user_id', '=', userId)
          .orderBy('c.date')
          .execute(),
      ]);
      const versionsOf = new Map<string, { effectiveFrom: string; frequency: Frequency }[]>();
      for (const s of schedules) {
        const list = versionsOf.get(s.practice_id) ?? [];
        list.push({ effectiveFrom: s.effective_from, frequency: JSON.parse(s.frequency) as Frequency });
        versionsOf.set(s.practice_id, list);
      }
      const pausesOf = new Map<string, { id: string; from: string; to: string | null }[]>();
      for (const r of pauses) {
        const list = pausesOf.get(r.practice_id) ?? [];
        list.push({ id: r.id, from: r.from_date, to: r.to_date });
        pausesOf.set(r.practice_id, list);
      }
      const snapshot: Snapshot = {
        profile: { name: user.name, timeZone: user.time_zone, weekStart: user.week_start },
        areas: areas.map(
          (a): Area => ({ id: a.id, name: a.name, position: Number(a.position), createdAt: a.created_at }),
        ),
        practices: practices.map((r) => ({
          ...toRow(r),
          versions: versionsOf.get(r.id) ?? [],
          pauses: pausesOf.get(r.id) ?? [],
          external:
            r.external_source && r.external_id
              ? ({ source: r.external_source, id: r.external_id } satisfies ExternalRef)
              : null,
        })),
        checkins: checkins.map(toCheckin),
        directions,
        experiments,
        goals,
        goalRevisions: goalRevisions.map((r) => ({
          goalId: r.goal_id,
          number: Number(r.number),
          at: r.created_at,
          reason: r.reason,
          changed: JSON.parse(r.changed) as string[],
          before: r.before ? (JSON.parse(r.before) as GoalRevision['before']) : null,
          after: JSON.parse(r.after) as GoalRevision['after'],
        })),
        intentions,
        intentionWeeks: intentionWeeks.map((w) => ({
          intentionId: w.intention_id,
          isoWeek: w.iso_week,
          answer: w.answer,
          createdAt: w.created_at,
          updatedAt: w.updated_at,
        })),
        chains,
        milestones,
        reviews,
        dismissals,
        feedSettings: feed
          ? {
              userId: feed.userId,
              reviewDay: feed.reviewDay,
              reviewTime: feed.reviewTime,
              reviewMinutes: feed.reviewMinutes,
              practiceTime: feed.practiceTime,
              updatedAt: feed.updatedAt,
            }
          : null,
      };
      return snapshot;
    },
    async setProfile(userId, profile, at) {
      await db
        .updateTable('user')
        .set({ name: profile.name, time_zone: profile.timeZone, week_start: profile.weekStart, updated_at: at })
        .where('id', '=', userId)
        .execute();
    },
    async email(userId) {
      const row = await db.selectFrom('user').select('email').where('id', '=', userId).executeTakeFirst();
      return row?.email ?? null;
    },
    async getErasure(userId) {
      const row = await db.selectFrom('account_erasure').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ? { userId: row.user_id, requestedAt: row.requested_at, purgeAfter: row.purge_after } : null;
    },
    async putErasure(r) {
      await db
        .insertInto('account_erasure')
        .values({ user_id: r.userId, requested_at: r.requestedAt, purge_after: r.purgeAfter })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
    },
    async deleteErasure(userId) {
      const res = await db.deleteFrom('account_erasure').where('user_id', '=', userId).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
    async dueErasures(now) {
      const rows = await db.selectFrom('account_erasure').select('user_id').where('purge_after', '<=', now).execute();
      return rows.map((r) => r.user_id);
    },
    async eraseUser(userId) {
      // The bulk first, check-ins by their practices (the primary key; PostgreSQL has no index on
      // checkin.user_id, migration 0006), then the practices, then the person: every other table of
      // theirs cascades from user (sessions, tokens, areas, the erasure request; directions,
      // experiments, goals and revisions, intentions and weekly answers, chains, milestones; reviews,
      // insight dismissals, feed settings). A test scans every table afterwards.
      await db
        .deleteFrom('checkin')
        .where('practice_id', 'in', (eb) => eb.selectFrom('practice').select('id').where('user_id', '=', userId))
        .execute();
      await db.deleteFrom('practice').where('user_id', '=', userId).execute();
      await db.deleteFrom('user').where('id', '=', userId).execute();
    },
  };
}

export function portabilityStore(db: Kysely<Database>): PortabilityUnitOfWork {
  const pdb = db.withTables<{ account_erasure: AccountErasureTable }>();
  return {
    ...storeOf(pdb),
    // One consistent view for the whole document (its reads are many statements): a transaction,
    // repeatable read on PostgreSQL (SQLite's transactions read one snapshot anyway).
    snapshot: (userId) =>
      pdb
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => storeOf(trx).snapshot(userId)),
    transaction: (fn) => pdb.transaction().execute((trx) => fn(storeOf(trx))),
  };
}

// ── reading a Loop Habit Tracker backup ──

const fileError = (message: string) =>
  new DomainError('VALIDATION_FAILED', `file: ${message}`, { issues: [{ path: 'file', message }] });

/**
 * Reads a Loop Habit Tracker backup (a SQLite database) from bytes: written to a private temporary
 * file, opened read-only, read, deleted. The size in the header is checked first, so a truncated file
 * is reported as such; anything unreadable is a VALIDATION_FAILED naming what is wrong.
 */
export function readLoopBackup(bytes: Uint8Array): LoopBackupRows {
  if (bytes.length < 100) throw fileError('the SQLite file is truncated (shorter than its header)');
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw fileError('the SQLite header is damaged');
  if (pages > 0 && bytes.length < pageSize * pages) {
    throw fileError(`the SQLite file is truncated: ${bytes.length} bytes of ${pageSize * pages}`);
  }
  if (bytes.length % pageSize !== 0) throw fileError('the SQLite file is truncated or damaged (partial page)');
  const copy = Buffer.from(header);
  // A database saved in WAL mode cannot be opened read-only without its -shm file: read it as a rollback-journal one.
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  const dir = mkdtempSync(join(tmpdir(), 'tack-loop-'));
  const file = join(dir, 'loop.db');
  let sqlite: SQLite.Database | undefined;
  try {
    writeFileSync(file, copy, { mode: 0o600 });
    try {
      sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
      const userVersion = Number(sqlite.pragma('user_version', { simple: true }));
      const columns = (table: string) =>
        new Set((sqlite!.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      const habitCols = columns('Habits');
      const repCols = columns('Repetitions');
      if (habitCols.size === 0 || repCols.size === 0) {
        throw fileError('this SQLite file has no Habits and Repetitions tables: it is not a Loop Habit Tracker backup');
      }
      for (const c of ['id', 'name']) {
        if (!habitCols.has(c)) throw fileError(`the Habits table has no ${c} column: not a Loop backup`);
      }
      for (const c of ['habit', 'timestamp']) {
        if (!repCols.has(c)) throw fileError(`the Repetitions table has no ${c} column: not a Loop backup`);
      }
      const pick = (cols: Set<string>, name: string, as: string) =>
        cols.has(name) ? `${name} AS ${as}` : `NULL AS ${as}`;
      const habits = sqlite
        .prepare(
          `SELECT id, name, ${pick(habitCols, 'question', 'question')}, ${pick(habitCols, 'description', 'description')},
            ${pick(habitCols, 'freq_num', 'freqNum')}, ${pick(habitCols, 'freq_den', 'freqDen')}, ${pick(habitCols, 'type', 'type')},
            ${pick(habitCols, 'target_type', 'targetType')}, ${pick(habitCols, 'target_value', 'targetValue')},
            ${pick(habitCols, 'unit', 'unit')}, ${pick(habitCols, 'archived', 'archived')}, ${pick(habitCols, 'position', 'position')},
            ${pick(habitCols, 'color', 'color')}, ${pick(habitCols, 'uuid', 'uuid')} FROM Habits`,
        )
        .all() as LoopHabitRow[];
      const repetitions = sqlite
        .prepare(
          `SELECT habit, timestamp, ${repCols.has('value') ? 'value' : '2'} AS value, ${pick(repCols, 'notes', 'notes')}
           FROM Repetitions ORDER BY habit, timestamp`,
        )
        .all() as LoopRepetitionRow[];
      for (const h of habits) {
        h.id = Number(h.id);
        for (const k of [
          'freqNum',
          'freqDen',
          'type',
          'targetType',
          'targetValue',
          'archived',
          'position',
          'color',
        ] as const) {
          if (h[k] !== null) h[k] = Number(h[k]);
        }
        for (const k of ['name', 'question', 'description', 'unit', 'uuid'] as const) {
          if (h[k] !== null) h[k] = String(h[k]);
        }
      }
      for (const r of repetitions) {
        r.habit = Number(r.habit);
        r.timestamp = Number(r.timestamp);
        r.value = Number(r.value);
        if (r.notes !== null) r.notes = String(r.notes);
      }
      return { userVersion, habits, repetitions };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw fileError(`the SQLite file cannot be read (${(err as Error).message}): it is damaged or not a Loop backup`);
    }
  } finally {
    sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
