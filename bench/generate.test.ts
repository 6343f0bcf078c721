// The benchmark's data generator writes check-ins in batched inserts on SQLite and with COPY on
// PostgreSQL: both ways must give exactly the same rows, or the two databases' numbers would not
// be measured on the same data.
import { migrateToLatest, type OpenDatabase, openDatabase } from '@tack/db';
import { testDialects } from '@tack/db/testing';
import { afterAll, expect, it } from 'vitest';
import { generate } from './generate.ts';

const opened: OpenDatabase[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

async function rowsOn(databaseUrl: string | undefined) {
  const open = await openDatabase({ databaseUrl, dataDir: ':memory:' });
  opened.push(open);
  await migrateToLatest(open.db);
  // 2 people × 10 practices × half a year: more check-ins a person than one insert batch (1,000) holds.
  const gen = await generate(open.db, { people: 2, practices: 10, years: 0.5, today: '2026-11-22' });
  const checkins = await open.db.selectFrom('checkin').selectAll().orderBy('practice_id').orderBy('date').execute();
  const practices = await open.db.selectFrom('practice').select(['id', 'kind', 'target']).orderBy('id').execute();
  return {
    gen,
    checkins: checkins.map((c) => ({ ...c, value: c.value === null ? null : Number(c.value) })),
    practices,
  };
}

it('generates the same rows on every database', async () => {
  const dialects = testDialects();
  const results = [];
  for (const d of dialects) results.push(await rowsOn(await d.databaseUrl()));
  const [first, ...others] = results;
  expect(first?.gen.checkins).toBe(first?.checkins.length);
  expect(first?.checkins.length).toBeGreaterThan(2000);
  // Notes and energy marks are among them, so the COPY path's escaping and nulls are exercised.
  expect(first?.checkins.some((c) => c.note !== null)).toBe(true);
  expect(first?.checkins.some((c) => c.energy !== null)).toBe(true);
  expect(first?.checkins.some((c) => c.value !== null)).toBe(true);
  for (const other of others) {
    expect(other.gen).toEqual(first?.gen);
    expect(other.practices).toEqual(first?.practices);
    expect(other.checkins).toEqual(first?.checkins);
  }
});
