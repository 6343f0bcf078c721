// Self-test of the e2e harness: shared Chromium, axe, Postgres databases and the real server.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { freshPgDatabase, skipUnlessPg } from './support/pg.ts';
import { SERVER_MAIN, startServer } from './support/server.ts';

const html = (body: string) =>
  `data:text/html;charset=utf-8,${encodeURIComponent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tack harness</title></head><body>${body}</body></html>`,
  )}`;

describe('e2e harness', () => {
  it('opens a page in the shared Chromium and finds no axe violations', async (ctx) => {
    skipUnlessBrowser(ctx);
    const page = await newPage();
    await page.goto(html('<main><h1>Tack harness</h1><p>Hello.</p></main>'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tack harness');
    await expectNoAxeViolations(page, 'harness page');
  });

  it('lists axe violations readably', async (ctx) => {
    skipUnlessBrowser(ctx);
    const page = await newPage();
    await page.goto(
      html('<main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="pic"></main>'),
    );
    const err = await expectNoAxeViolations(page, 'broken page').then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/^broken page: 1 accessibility violation/);
    expect(err?.message).toMatch(/image-alt \[critical\]: Images must have alternative text/);
    expect(err?.message).toMatch(/targets: #pic/);
  });

  it('gives each page its own context', async (ctx) => {
    skipUnlessBrowser(ctx);
    const a = await newPage();
    const b = await newPage();
    expect(a.context()).not.toBe(b.context());
  });

  it('creates a fresh Postgres database from TACK_TEST_PG_URL', async (ctx) => {
    skipUnlessPg(ctx);
    const url = await freshPgDatabase('Harness Self-Test!');
    expect(new URL(url).pathname).toMatch(/^\/e2e_harness_self_test_[0-9a-f]{8}$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
      expect(`/${rows[0]?.db}`).toBe(new URL(url).pathname);
    } finally {
      await client.end();
    }
  });

  it.skipIf(!existsSync(SERVER_MAIN))('starts the real server and answers GET /healthz', async () => {
    const server = await startServer();
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      const exit = await server.stop();
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    } finally {
      await server.dispose();
    }
  });
});
