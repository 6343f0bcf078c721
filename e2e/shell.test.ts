// Issue 2's "done when", in a real browser: a fresh install offers the first account, every page is reachable
// and accessible (light, dark, phone), tokens made in Settings work with the `tack` command, sign out and in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { freshPgDatabase, pgSkipReason } from './support/pg.ts';
import { ROOT, type RunningServer, startServer } from './support/server.ts';

const SECTIONS = ['Today', 'Practices', 'Directions', 'Experiments', 'Goals', 'Intentions', 'Review', 'Settings'];

function tack(args: string[], configDir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'apps/cli/bin/tack.mjs'), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: configDir, TACK_CONFIG_DIR: configDir },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dialects: Array<[string, () => Promise<Record<string, string>>]> = [['sqlite', async () => ({})]];
if (!pgSkipReason()) dialects.push(['postgres', async () => ({ DATABASE_URL: await freshPgDatabase('shell') })]);
else if (process.env.TACK_REQUIRE_ALL_TIERS === '1') throw new Error(`Postgres tier required: ${pgSkipReason()}`);

describe.each(dialects)('the web shell on %s', (_name, env) => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('creates the first account, visits every page, makes a token for the CLI, signs out and in', async (ctx) => {
    skipUnlessBrowser(ctx);
    server = await startServer({ env: await env() });
    const page = await newPage({ viewport: { width: 1280, height: 800 } });

    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await expectNoAxeViolations(page, 'welcome');

    await page.getByLabel('Your name').fill('Ann Example');
    await page.getByLabel('Email').fill('ann@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /create/i }).click();
    await page.waitForURL(/\/today$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'today');

    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const label of SECTIONS) {
      await nav.getByRole('link', { name: label }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.title()).toContain('Tack');
      await expectNoAxeViolations(page, label);
    }

    // The browser's time zone was stored at sign-up.
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.user).toMatchObject({ email: 'ann@example.org', timeZone: expect.any(String) });

    // A personal API token from Settings, used by the CLI.
    await page.getByLabel('Token name').fill('laptop CLI');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Token secret').inputValue();
    expect(secret).toMatch(/^tack_/);
    await expectNoAxeViolations(page, 'settings with a new token');
    const configDir = mkdtempSync(join(tmpdir(), 'tack-e2e-cli-'));
    const login = tack(['login', '--server', server.url, '--token', secret], configDir);
    expect(login.code, login.stderr).toBe(0);
    const whoami = tack(['whoami', '--json'], configDir);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ user: { email: 'ann@example.org', name: 'Ann Example' } });

    // A new password: the current one is checked, the new one given twice.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new sentence');
    await page.getByLabel('New password again').fill('a brand new sentenc');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The two new passwords differ.').waitFor();
    await page.getByLabel('New password again').fill('a brand new sentence');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('That is not your current password.').waitFor();
    await expectNoAxeViolations(page, 'settings, password refused');
    await page.getByLabel('Current password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed; your other sessions are signed out.').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    // This session and the CLI's token still work.
    expect(tack(['whoami', '--json'], configDir).code).toBe(0);

    // Sign out, then sign in again: the old password no longer works.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page, 'sign in');
    await page.getByLabel('Email').fill('ann@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/email and password don.t match/i).waitFor();
    await page.getByLabel('Password').fill('a brand new sentence');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/today$/);

    // Dark mode and a phone.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'today, dark');
    const phone = await newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const cookies = await page.context().cookies();
    await phone.context().addCookies(cookies);
    await phone.goto(`${server.url}/settings`);
    await phone.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expectNoAxeViolations(phone, 'settings on a phone');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
