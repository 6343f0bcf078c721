// Deterministic benchmark data: N people × P practices × Y years of check-ins, written straight
// through Kysely (the same schema and migrations as the server), one transaction per person: the
// check-ins in batched inserts on SQLite, and in one streamed COPY per person on PostgreSQL (ten
// times faster there, which makes the 1,000-person default practical).
// The same seed and options give the same rows on SQLite and PostgreSQL (dates are relative to
// `today`, which the caller passes in).
import { createHash } from 'node:crypto';
import { type CopyValue, copyFromStdin, type Database, dialectOf } from '@tack/db';
import type { Insertable, Kysely } from 'kysely';

export interface GenerateOptions {
  people: number;
  practices: number;
  years: number;
  /** Local date (UTC) the data ends at; check-ins run up to the day before. */
  today: string;
  seed?: number;
  /** Called after each person. */
  progress?: (done: number, rows: number) => void;
}

export interface Generated {
  checkins: number;
  /** Bearer token of person 0 (the person the load scenarios act as). */
  token: string;
  userId: string;
  /** Person 0's practice ids, in position order. */
  practiceIds: string[];
}

/** mulberry32: a tiny, fast, seedable PRNG (deterministic across runs and machines). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const FREQUENCIES = [
  { kind: 'times', times: 1, days: 1 },
  { kind: 'times', times: 3, days: 7 },
  { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] },
  { kind: 'interval', everyDays: 2 },
  { kind: 'times', times: 5, days: 7 },
] as const;

const BATCH = 1000;
const CHECKIN_COLUMNS =
  '"practice_id", "date", "user_id", "status", "value", "note", "energy", "created_at", "updated_at"';

export function benchToken(person: number): string {
  return `tack_bench${String(person).padStart(6, '0')}${'x'.repeat(32)}`;
}

export async function generate(db: Kysely<Database>, o: GenerateOptions): Promise<Generated> {
  const rand = prng(o.seed ?? 20261121);
  const days = Math.round(o.years * 365);
  const start = addDays(o.today, -days);
  const startIso = `${start}T08:00:00.000Z`;
  const dates = Array.from({ length: days }, (_, d) => addDays(start, d));
  let total = 0;
  let practiceIds: string[] = [];
  const copy = dialectOf(db) === 'postgres';
  for (let person = 0; person < o.people; person++) {
    const userId = `bench-user-${person}`;
    const ids: string[] = [];
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('user')
        .values({
          id: userId,
          name: `Bench Person ${person}`,
          email: `bench${person}@example.org`,
          email_verified: 0,
          image: null,
          created_at: startIso,
          updated_at: startIso,
        })
        .execute();
      if (person < 2) {
        const token = benchToken(person);
        await trx
          .insertInto('api_token')
          .values({
            id: `bench-token-${person}`,
            user_id: userId,
            name: 'bench',
            prefix: token.slice(0, 12),
            token_hash: createHash('sha256').update(token).digest('hex'),
            created_at: startIso,
            last_used_at: null,
            revoked_at: null,
          })
          .execute();
      }
      const areas = ['Health', 'Work', 'Mind', 'People', 'Home'].map((name, i) => ({
        id: `bench-area-${person}-${i}`,
        user_id: userId,
        name,
        position: i,
        created_at: startIso,
        deleted_at: null,
      }));
      await trx.insertInto('area').values(areas).execute();
      const practices: Insertable<Database['practice']>[] = [];
      const schedules: Insertable<Database['practice_schedule']>[] = [];
      const adherence: number[] = [];
      for (let j = 0; j < o.practices; j++) {
        const id = `bench-p-${person}-${j}`;
        ids.push(id);
        const measurable = j % 5 === 4;
        practices.push({
          id,
          user_id: userId,
          area_id: areas[j % areas.length]?.id ?? null,
          name: `Practice ${j}`,
          description: null,
          why: j % 3 === 0 ? 'Because it matters' : null,
          color: '#1f7a8c',
          kind: measurable ? 'measurable' : 'boolean',
          unit: measurable ? 'min' : null,
          target: measurable ? 30 : null,
          target_type: measurable ? 'atLeast' : null,
          if_then: null,
          position: j,
          external_source: null,
          external_id: null,
          created_at: startIso,
          updated_at: startIso,
          archived_at: null,
          deleted_at: null,
        });
        schedules.push({
          practice_id: id,
          effective_from: start,
          frequency: JSON.stringify(FREQUENCIES[j % FREQUENCIES.length]),
          created_at: startIso,
        });
        adherence.push(0.35 + rand() * 0.6);
      }
      await trx.insertInto('practice').values(practices).execute();
      await trx.insertInto('practice_schedule').values(schedules).execute();

      let batch: Insertable<Database['checkin']>[] = [];
      const copied: CopyValue[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        if (copy) {
          for (const c of batch) {
            copied.push([
              c.practice_id,
              c.date,
              c.user_id,
              c.status,
              c.value ?? null,
              c.note ?? null,
              c.energy ?? null,
              c.created_at,
              c.updated_at,
            ]);
          }
        } else await trx.insertInto('checkin').values(batch).execute();
        total += batch.length;
        batch = [];
      };
      for (let j = 0; j < o.practices; j++) {
        const id = ids[j] as string;
        const p = adherence[j] ?? 0.5;
        const measurable = j % 5 === 4;
        for (let d = 0; d < days; d++) {
          const r = rand();
          if (r >= p) continue;
          const date = dates[d] as string;
          const at = `${date}T19:00:00.000Z`;
          batch.push({
            practice_id: id,
            date,
            user_id: userId,
            status: r < p * 0.95 ? 'done' : 'skipped',
            value: measurable ? Math.round(10 + rand() * 40) : null,
            note: r < 0.02 ? 'felt good' : null,
            energy: r < 0.1 ? Math.floor(rand() * 5) - 2 : null,
            created_at: at,
            updated_at: at,
          });
          if (batch.length >= BATCH) await flush();
        }
      }
      await flush();
      if (copied.length > 0) await trx.executeQuery(copyFromStdin('checkin', CHECKIN_COLUMNS, copied));
    });
    if (person === 0) practiceIds = ids;
    o.progress?.(person + 1, total);
  }
  return { checkins: total, token: benchToken(0), userId: 'bench-user-0', practiceIds };
}

export interface ImportPerson {
  userId: string;
  token: string;
}

/**
 * `n` empty people with API tokens, for the import scenario: each import run goes into a person of
 * its own, so runs never see each other's practices (no clean-up between runs).
 */
export async function addImportPeople(db: Kysely<Database>, n: number, today: string): Promise<ImportPerson[]> {
  const at = `${today}T00:00:00.000Z`;
  const out: ImportPerson[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const userId = `bench-import-${i}`;
      const token = `tack_benchimp${String(i).padStart(3, '0')}${'y'.repeat(32)}`;
      await trx
        .insertInto('user')
        .values({
          id: userId,
          name: `Bench Importer ${i}`,
          email: `bench-import${i}@example.org`,
          email_verified: 0,
          image: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('api_token')
        .values({
          id: `bench-import-token-${i}`,
          user_id: userId,
          name: 'bench import',
          prefix: token.slice(0, 12),
          token_hash: createHash('sha256').update(token).digest('hex'),
          created_at: at,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      out.push({ userId, token });
    }
  });
  return out;
}
