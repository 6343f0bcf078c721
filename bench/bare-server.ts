// The baseline for `npm run bench`: a bare Fastify server on the same database doing the raw work
// of each scenario with the driver directly (better-sqlite3 prepared statements or pg), with no
// authentication, validation library, rate limits, logging or domain logic.
//   TACK_DATA_DIR=<folder with tack.db> | DATABASE_URL=postgres://…  BARE_PORT=…  node bench/bare-server.ts
//   PUT /bare/checkins/:userId/:practiceId/:date  body {"status": "..."}: upsert one check-in row
//   PUT /bare/checked/checkins/:practiceId/:date  the same upsert, after the work every Tack request pays
//     and the raw route skips: the bearer token looked up by its SHA-256 (401 without one), the path and
//     the body checked against Tack's own zod schemas (400), and the practice required to be the token
//     holder's, live (404); still no logging, rate limits, response schema or domain logic
//   GET /bare/today/:userId/:date: the rows the Today view reads
//   GET /bare/strength/:userId/:practiceId: the rows a strength series reads
//   GET /bare/review/:userId/:date: the rows the weekly review of the week holding `date` reads
//   POST /bare/import/:userId  body: a Loop backup (.db): its rows read, then its habits, their
//     schedules and every entry inserted as practice, practice_schedule and checkin rows in one
//     transaction (no validation, no mapping beyond the columns, no strength, no summary)

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkinParamsSchema, upsertCheckinSchema } from '@tack/contracts';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

type Row = Record<string, unknown>;
type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

/** The rows of one import: practices, their schedules, their check-ins (columns in table order). */
interface BulkRows {
  practices: unknown[][];
  schedules: unknown[][];
  checkins: unknown[][];
}
type Bulk = (rows: BulkRows) => Promise<void>;

const PRACTICE_COLUMNS =
  'id, user_id, area_id, name, description, why, color, kind, unit, target, target_type, if_then, position, external_source, external_id, created_at, updated_at, archived_at, deleted_at';
const SCHEDULE_COLUMNS = 'practice_id, effective_from, frequency, created_at';
const CHECKIN_COLUMNS = 'practice_id, date, user_id, status, value, note, energy, created_at, updated_at';
const marks = (n: number, from = 1, numbered = false) =>
  Array.from({ length: n }, (_, i) => (numbered ? `$${from + i}` : '?')).join(',');

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function openQuery(): { query: Query; bulk: Bulk; close: () => Promise<void> } {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pool.on('error', () => {});
    return {
      query: async (sql, params) => {
        let n = 0;
        return (
          await pool.query(
            sql.replace(/\?/g, () => `$${++n}`),
            params,
          )
        ).rows as Row[];
      },
      // Practices and schedules: a multi-row insert each; check-ins: one INSERT … SELECT FROM unnest
      // of one array per column. All in one transaction.
      bulk: async ({ practices, schedules, checkins }) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const multi = async (table: string, columns: string, rows: unknown[][]) => {
            const width = rows[0]?.length ?? 0;
            if (width === 0) return;
            const values = rows.map((_, r) => `(${marks(width, r * width + 1, true)})`).join(',');
            await client.query(`insert into ${table} (${columns}) values ${values}`, rows.flat());
          };
          await multi('practice', PRACTICE_COLUMNS, practices);
          await multi('practice_schedule', SCHEDULE_COLUMNS, schedules);
          const types = ['text', 'text', 'text', 'text', 'float8', 'text', 'int', 'text', 'text'];
          const columns = types.map((_, i) => checkins.map((r) => r[i]));
          await client.query(
            `insert into checkin (${CHECKIN_COLUMNS}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
            columns,
          );
          await client.query('commit');
        } catch (err) {
          await client.query('rollback');
          throw err;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const db = new SQLite(join(process.env.TACK_DATA_DIR ?? '.', 'tack.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, SQLite.Statement>();
  return {
    query: async (sql, params) => {
      let st = cache.get(sql);
      if (!st) {
        st = db.prepare(sql);
        cache.set(sql, st);
      }
      if (st.reader) return st.all(...params) as Row[];
      st.run(...params);
      return [];
    },
    // One prepared statement per table, run row by row inside one transaction.
    bulk: async ({ practices, schedules, checkins }) => {
      const p = db.prepare(`insert into practice (${PRACTICE_COLUMNS}) values (${marks(19)})`);
      const s = db.prepare(`insert into practice_schedule (${SCHEDULE_COLUMNS}) values (${marks(4)})`);
      const c = db.prepare(`insert into checkin (${CHECKIN_COLUMNS}) values (${marks(9)})`);
      db.transaction(() => {
        for (const r of practices) p.run(...r);
        for (const r of schedules) s.run(...r);
        for (const r of checkins) c.run(...r);
      })();
    },
    close: async () => {
      db.close();
    },
  };
}

const { query, bulk, close } = openQuery();
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

const app = Fastify({ logger: false });

app.put<{ Params: { userId: string; practiceId: string; date: string }; Body: { status?: string } }>(
  '/bare/checkins/:userId/:practiceId/:date',
  async (req) => {
    const now = new Date().toISOString();
    const status = req.body?.status ?? 'done';
    await query(
      `insert into checkin (practice_id, date, user_id, status, value, note, energy, created_at, updated_at)
       values (?, ?, ?, ?, null, null, null, ?, ?)
       on conflict (practice_id, date) do update set status = excluded.status, updated_at = excluded.updated_at`,
      [req.params.practiceId, req.params.date, req.params.userId, status, now, now],
    );
    return { checkin: { practiceId: req.params.practiceId, date: req.params.date, status } };
  },
);

app.put('/bare/checked/checkins/:id/:date', async (req, reply) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const [token] = bearer
    ? await query('select user_id from api_token where token_hash = ? and revoked_at is null', [
        createHash('sha256').update(bearer).digest('hex'),
      ])
    : [];
  if (!token) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED' } });
  const params = checkinParamsSchema.safeParse(req.params);
  const body = upsertCheckinSchema.safeParse(req.body ?? {});
  if (!params.success || !body.success) return reply.code(400).send({ error: { code: 'VALIDATION_FAILED' } });
  const userId = String(token.user_id);
  const { id, date } = params.data;
  const c = body.data;
  const now = new Date().toISOString();
  // Written only when the practice is the token holder's and live.
  const written = await query(
    `insert into checkin (practice_id, date, user_id, status, value, note, energy, created_at, updated_at)
     select id, ?, user_id, ?, cast(? as double precision), ?, cast(? as integer), ?, ? from practice where id = ? and user_id = ? and deleted_at is null
     on conflict (practice_id, date) do update set status = excluded.status, value = excluded.value,
       note = excluded.note, energy = excluded.energy, updated_at = excluded.updated_at
     returning practice_id`,
    [date, c.status ?? 'done', c.value ?? null, c.note ?? null, c.energy ?? null, now, now, id, userId],
  );
  if (written.length === 0) return reply.code(404).send({ error: { code: 'NOT_FOUND' } });
  return { checkin: { practiceId: id, date, status: c.status ?? 'done' } };
});

app.get<{ Params: { userId: string; date: string } }>('/bare/today/:userId/:date', async (req) => {
  const { userId, date } = req.params;
  const user = await query('select time_zone from "user" where id = ?', [userId]);
  const practices = await query(
    'select * from practice where user_id = ? and deleted_at is null and archived_at is null order by position, id',
    [userId],
  );
  const ids = practices.map((p) => String(p.id));
  if (ids.length === 0) return { user, practices };
  const [schedules, pauses, areas] = await Promise.all([
    query(
      `select * from practice_schedule where practice_id in (${placeholders(ids.length)}) order by effective_from`,
      ids,
    ),
    query(`select * from practice_pause where practice_id in (${placeholders(ids.length)}) order by from_date`, ids),
    query('select * from area where user_id = ? and deleted_at is null order by position, id', [userId]),
  ]);
  const resumeBefore = addDays(date, -14);
  const cps = await query(
    `select c.practice_id, c.date, c.state, p.history_rev from practice p
     join strength_checkpoint c on c.practice_id = p.id
       and c.date = (select max(c2.date) from strength_checkpoint c2 where c2.practice_id = p.id and c2.date < ?)
     where p.id in (${placeholders(ids.length)})`,
    [resumeBefore, ...ids],
  );

  const latest = new Map<string, Row>();
  for (const c of cps) if (!latest.has(String(c.practice_id))) latest.set(String(c.practice_id), c);
  let since = resumeBefore;
  for (const c of latest.values()) {
    const next = addDays(String(c.date), 1);
    if (next < since) since = next;
  }
  for (const s of schedules) {
    const f = JSON.parse(String(s.frequency)) as { kind: string; days?: number; everyDays?: number };
    const need = addDays(date, -(f.kind === 'times' ? (f.days ?? 0) : f.kind === 'interval' ? (f.everyDays ?? 0) : 0));
    if (need < since) since = need;
  }
  const checkins = await query(
    `select * from checkin where practice_id in (${placeholders(ids.length)}) and date >= ? order by date`,
    [...ids, since],
  );
  return { user, practices, schedules, pauses, areas, checkpoints: [...latest.values()], checkins };
});

app.get<{ Params: { userId: string; practiceId: string } }>('/bare/strength/:userId/:practiceId', async (req) => {
  const { userId, practiceId } = req.params;
  const practice = await query('select * from practice where id = ? and user_id = ?', [practiceId, userId]);
  const [schedules, pauses, checkins] = await Promise.all([
    query('select * from practice_schedule where practice_id = ? order by effective_from', [practiceId]),
    query('select * from practice_pause where practice_id = ? order by from_date', [practiceId]),
    query('select * from checkin where practice_id = ? order by date', [practiceId]),
  ]);
  return { practice, schedules, pauses, checkins };
});

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

app.get<{ Params: { userId: string; date: string } }>('/bare/review/:userId/:date', async (req) => {
  const { userId, date } = req.params;
  const [user] = await query('select time_zone, week_start from "user" where id = ?', [userId]);
  const startDay = Math.max(0, WEEKDAYS.indexOf(String(user?.week_start ?? 'monday')));
  const back = (new Date(`${date}T00:00:00Z`).getUTCDay() - startDay + 7) % 7;
  const weekStart = addDays(date, -back);
  const weekEnd = addDays(weekStart, 6);
  const [review, practices, experiments, intentions] = await Promise.all([
    query('select * from review where user_id = ? and week_start = ?', [userId, weekStart]),
    query('select * from practice where user_id = ? and deleted_at is null order by position, id', [userId]),
    query('select * from experiment where user_id = ? and deleted_at is null order by created_at, id', [userId]),
    query('select * from intention where user_id = ? and deleted_at is null order by created_at, id', [userId]),
  ]);
  const ids = practices.map((p) => String(p.id));
  if (ids.length === 0) return { user, review, practices, experiments, intentions };
  const [schedules, pauses, checkins] = await Promise.all([
    query(
      `select * from practice_schedule where practice_id in (${placeholders(ids.length)}) order by effective_from`,
      ids,
    ),
    query(`select * from practice_pause where practice_id in (${placeholders(ids.length)}) order by from_date`, ids),
    // The review reads each practice's whole history up to the week's end (for strength and streaks).
    query(`select * from checkin where practice_id in (${placeholders(ids.length)}) and date <= ? order by date`, [
      ...ids,
      weekEnd,
    ]),
  ]);
  return { user, review, practices, schedules, pauses, checkins, experiments, intentions };
});

app.addContentTypeParser(
  'application/octet-stream',
  { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 },
  (_r, b, done) => done(null, b),
);

app.post<{ Params: { userId: string }; Body: Buffer }>('/bare/import/:userId', async (req) => {
  const { userId } = req.params;
  const dir = mkdtempSync(join(tmpdir(), 'bare-loop-'));
  let habits: Row[];
  let reps: Row[];
  try {
    const file = join(dir, 'loop.db');
    writeFileSync(file, req.body);
    const loop = new SQLite(file, { readonly: true });
    habits = loop.prepare('select id, name, type, target_value, unit, position from Habits').all() as Row[];
    reps = loop
      .prepare('select habit, timestamp, value, notes from Repetitions order by habit, timestamp')
      .all() as Row[];
    loop.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const now = new Date().toISOString();
  const idOf = (habit: unknown) => `bare-${userId}-${String(habit)}`;
  const numerical = new Set(habits.filter((h) => Number(h.type) === 1).map((h) => Number(h.id)));
  const practices = habits.map((h) => {
    const num = numerical.has(Number(h.id));
    return [
      idOf(h.id),
      userId,
      null,
      String(h.name),
      null,
      null,
      '#1976d2',
      num ? 'measurable' : 'boolean',
      num ? String(h.unit) : null,
      num ? Number(h.target_value) : null,
      num ? 'atLeast' : null,
      null,
      Number(h.position),
      'loop',
      `bare-${String(h.id)}`,
      now,
      now,
      null,
      null,
    ];
  });
  const schedules = habits.map((h) => [idOf(h.id), '2000-01-01', '{"kind":"times","times":1,"days":1}', now]);
  const dates = new Map<number, string>();
  const statusOf = (v: number) => (v === 3 ? 'skipped' : v === 0 ? 'notDone' : 'done');
  const checkins = reps.map((r) => {
    const num = numerical.has(Number(r.habit));
    const ms = Number(r.timestamp);
    let date = dates.get(ms);
    if (date === undefined) {
      date = new Date(ms).toISOString().slice(0, 10);
      dates.set(ms, date);
    }
    const v = Number(r.value);
    return [
      idOf(r.habit),
      date,
      userId,
      num ? 'done' : statusOf(v),
      num ? v / 1000 : null,
      r.notes ?? null,
      null,
      now,
      now,
    ];
  });
  await bulk({ practices, schedules, checkins });
  return { practices: practices.length, checkins: checkins.length };
});

app.get('/healthz', async () => {
  await query('select 1 as one', []);
  return { status: 'ok' };
});

const port = Number(process.env.BARE_PORT ?? 0);
await app.listen({ host: '127.0.0.1', port });
process.stdout.write(`bare server on ${port}\n`);
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    void app
      .close()
      .then(close)
      .finally(() => process.exit(0));
  });
}
