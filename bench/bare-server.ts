// The baseline for `npm run bench`: a bare Fastify server on the same database doing the raw work
// of each scenario with the driver directly (better-sqlite3 prepared statements or pg), with no
// authentication, validation library, rate limits, logging or domain logic.
//   TACK_DATA_DIR=<folder with tack.db> | DATABASE_URL=postgres://…  BARE_PORT=…  node bench/bare-server.ts
//   PUT /bare/checkins/:userId/:practiceId/:date  body {"status": "..."}: upsert one check-in row
//   GET /bare/today/:userId/:date: the rows the Today view reads
//   GET /bare/strength/:userId/:practiceId: the rows a strength series reads
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

type Row = Record<string, unknown>;
type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function openQuery(): { query: Query; close: () => Promise<void> } {
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
    close: async () => {
      db.close();
    },
  };
}

const { query, close } = openQuery();
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
