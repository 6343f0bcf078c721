// Issue "Data portability", Settings → Data in a real browser: a Loop Habit Tracker backup imported through the
// page (with progress and a summary), a corrupt file refused with a clear message, the backup downloaded,
// an erasure scheduled (announced on Today, then kept), the backup restored into a new account, and an
// axe check on each state.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loopBackup } from '../apps/server/test/portability.fixtures.ts';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10));

describe('Settings → Data in the browser', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('imports a Loop backup, refuses a corrupt file, and downloads the backup', async (ctx) => {
    skipUnlessBrowser(ctx);
    server = await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(server.url);
    const signUp = await page.evaluate(async () => {
      const res = await fetch('/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'dee@example.org', password: 'correct horse battery', name: 'Dee' }),
      });
      return res.status;
    });
    expect(signUp).toBe(200);

    await page.goto(`${server.url}/settings/data`);
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await expectNoAxeViolations(page, 'data page');

    const backup = loopBackup(
      [
        { id: 1, name: 'Meditate', position: 0, uuid: 'loop-e2e-1', freqNum: 1, freqDen: 1 },
        { id: 2, name: 'Run', position: 1, uuid: 'loop-e2e-2', freqNum: 3, freqDen: 7 },
      ],
      days(20).map((date) => ({ habit: 1, date, value: 2 })),
    );
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'Loop Habits Backup.db',
      mimeType: 'application/octet-stream',
      buffer: backup,
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/2 practices created, 0 updated, 20 check-ins/).waitFor();
    await expectNoAxeViolations(page, 'data page after an import');

    const practices = await page.evaluate(async () => (await fetch('/api/v1/practices')).json());
    expect(practices.practices.map((p: { name: string }) => p.name)).toEqual(['Meditate', 'Run']);

    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'broken.db',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('this is not a database at all'),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refusal = page.locator('.alert-error').first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/Loop|SQLite|ZIP|file/i);
    const after = await page.evaluate(async () => (await fetch('/api/v1/practices')).json());
    expect(after.practices).toHaveLength(2);

    const direction = await page.evaluate(async () => {
      const res = await fetch('/api/v1/directions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Someone who swims' }),
      });
      return res.status;
    });
    expect(direction).toBe(201);

    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /backup|json/i })
      .first()
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tack-backup-\d{4}-\d{2}-\d{2}\.json$/);

    // A scheduled erasure is announced on every page until the account is kept.
    await page.getByLabel('Type your email address to confirm').fill('dee@example.org');
    await page.getByRole('button', { name: 'Erase my account in 7 days' }).click();
    await page.getByText(/Your account will be erased on/).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click();
    const banner = page.getByRole('region', { name: 'Account erasure' });
    await banner.waitFor();
    await expectNoAxeViolations(page, 'today with an erasure scheduled');
    await banner.getByRole('button', { name: 'Keep my account' }).click();
    await banner.waitFor({ state: 'detached' });
    const status = await page.evaluate(async () => (await fetch('/api/v1/me/erasure')).json());
    expect(status).toMatchObject({ scheduled: false });

    // The backup restores into a new, empty account, and the summary counts what came back.
    const eve = await page.evaluate(async () => {
      const res = await fetch('/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'eve@example.org', password: 'correct horse battery', name: 'Eve' }),
      });
      return res.status;
    });
    expect(eve).toBe(200);
    await page.goto(`${server.url}/settings/data`);
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    const folder = await mkdtemp(join(tmpdir(), 'tack-e2e-backup-'));
    const saved = join(folder, file.suggestedFilename());
    await file.saveAs(saved);
    await page.getByLabel('Backup file (JSON)').setInputFiles(saved);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText(/2 practices created, 0 updated, 20 check-ins/).waitFor();
    await page.getByText('Also restored: 1 direction.').waitFor();
    await expectNoAxeViolations(page, 'data page after a restore');
    await rm(folder, { recursive: true, force: true });
  });
});
