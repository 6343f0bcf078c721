// The bare baselines must do the work they are said to do, or the ratios in docs/PERFORMANCE.md compare
// Tack with something else: the raw check-in route writes the row; the checked one refuses a request
// without a valid token, with a bad body or for another person's practice, and writes nothing then.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@tack/db';
import { testDialects } from '@tack/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/support/server.ts';
import { generate } from './generate.ts';

const BARE = join(import.meta.dirname, 'bare-server.ts');
const DATE = '2026-11-22';

describe.each(testDialects())('the bare server on $name', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'tack-bare-'));
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a check-in raw, and checked only with a token, a valid body and a practice of the token holder', async () => {
    const databaseUrl = await dialect.databaseUrl();
    const seed = await openDatabase({ databaseUrl, dataDir: dir });
    await migrateToLatest(seed.db);
    const gen = await generate(seed.db, { people: 2, practices: 3, years: 0.1, today: '2026-11-22' });
    const own = gen.practiceIds[0] as string;
    const others = (
      await seed.db.selectFrom('practice').select('id').where('user_id', '!=', gen.userId).executeTakeFirstOrThrow()
    ).id;
    await seed.close();

    const port = await freePort();
    const env: Record<string, string> = { ...(process.env as Record<string, string>), BARE_PORT: String(port) };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else env.TACK_DATA_DIR = dir;
    child = spawn(process.execPath, [BARE], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const put = (path: string, body: unknown, token: string | null = gen.token) =>
      fetch(`${base}${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const checked = (id: string) => `/bare/checked/checkins/${id}/${DATE}`;

    expect((await put(checked(own), { status: 'done' }, null)).status).toBe(401);
    expect((await put(checked(own), { status: 'done' }, `${gen.token}x`)).status).toBe(401);
    expect((await put(checked(own), { status: 'finished' })).status).toBe(400);
    expect((await put(checked(own), { status: 'done', energy: 7 })).status).toBe(400);
    expect((await put(checked(others), { status: 'done' })).status).toBe(404);
    const written = await put(checked(own), { status: 'skipped', note: 'rain' });
    expect(written.status).toBe(200);
    expect(
      (await put(`/bare/checkins/${gen.userId}/${gen.practiceIds[1]}/${DATE}`, { status: 'done' }, null)).status,
    ).toBe(200);

    const check = await openDatabase({ databaseUrl, dataDir: dir });
    try {
      const rows = await check.db
        .selectFrom('checkin')
        .select(['practice_id', 'status', 'note'])
        .where('date', '=', DATE)
        .orderBy('practice_id')
        .execute();
      expect(rows).toEqual([
        { practice_id: own, status: 'skipped', note: 'rain' },
        { practice_id: gen.practiceIds[1], status: 'done', note: null },
      ]);
    } finally {
      await check.close();
    }
  });
});
