// The weekly review in a real browser: a few weeks of history seeded through the API, an insight on
// Today (P5: comparison answered "yes" in 3 of the last reviews), the guided review step by step
// with autosave, completing it, the history with its numbers, progress, the Markdown export and
// the calendar feed, with an axe check on every page.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { apiCall } from './support/page.ts';
import { type RunningServer, startServer } from './support/server.ts';

function isoMinus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const SHOTS = process.env.TACK_E2E_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('the weekly review in the browser', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('seeds history, shows an insight, walks the review, completes it and lists it in history', async (ctx) => {
    skipUnlessBrowser(ctx);
    server = await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/review-e2e-failure.png', fullPage: true }).catch(() => {});
    });
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });

    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await page.getByLabel('Your name').fill('Robin Review');
    await page.getByLabel('Email').fill('robin@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /create/i }).click();
    await page.waitForURL(/\/today$/);

    // History through the API: two practices started five weeks ago, with check-ins and energy.
    const today = ((await apiCall(page, 'GET', '/api/v1/today')).json as { date: string }).date;
    const start = isoMinus(today, 35);
    const move = await apiCall(page, 'POST', '/api/v1/practices', {
      name: 'Move 30 minutes',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: start,
    });
    expect(move.status).toBe(201);
    const moveId = (move.json as { practice: { id: string } }).practice.id;
    const write = await apiCall(page, 'POST', '/api/v1/practices', {
      name: 'Write 200 words',
      frequency: { kind: 'times', times: 3, days: 7 },
      startDate: start,
    });
    expect(write.status).toBe(201);
    const writeId = (write.json as { practice: { id: string } }).practice.id;
    for (let d = 1; d <= 35; d++) {
      const date = isoMinus(today, d);
      if (d % 2 === 0) {
        const r = await apiCall(page, 'PUT', `/api/v1/practices/${moveId}/checkins/${date}`, {
          status: 'done',
          // Energy rises (drained early on, energised lately) whatever weekday the run falls on: a
          // falling run would rightly add a P4 insight next to P5.
          energy: d > 17 ? -1 : 1,
        });
        expect(r.status).toBeLessThan(300);
      }
      if (d % 5 === 0) await apiCall(page, 'PUT', `/api/v1/practices/${writeId}/checkins/${date}`, { status: 'done' });
    }
    // Three earlier weeks reviewed late, each saying "yes, I compared myself": P5 fires.
    for (const back of [21, 14, 7]) {
      const r = await apiCall(page, 'POST', `/api/v1/reviews/${isoMinus(today, back)}/complete`, {
        line: `A week, ${back} days back`,
        compared: true,
      });
      expect(r.status).toBe(200);
    }

    // Today shows the insight with its numbers, next step, source and a Dismiss button.
    await page.reload();
    await page.getByRole('heading', { name: 'What Tack noticed' }).waitFor();
    const insight = page.locator('.insight', { hasText: 'Comparing yourself with others' });
    await insight.waitFor();
    // Named for people ("Comparison"), not by the method's id ("P5").
    await insight.getByText('Comparison', { exact: true }).waitFor();
    await expect(
      insight
        .getByText(/Tack never ranks people/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await insight.getByText('Why this appeared').click();
    await insight.getByText(/"yes" in the last/).waitFor();
    await shot(page, 'today');
    await expectNoAxeViolations(page, 'today with insights');

    // The review of this week, by the navigation.
    await page.getByRole('link', { name: 'Review', exact: true }).first().click();
    await page.waitForURL(/\/review$/);
    await page.getByRole('heading', { level: 2, name: /Step 1 of 6/ }).waitFor();
    await page.getByRole('timer').waitFor();
    await page.getByRole('table').first().getByText('Move 30 minutes').waitFor();
    await shot(page, 'review-step1');
    await expectNoAxeViolations(page, 'review step 1');
    await page.getByLabel('One line of your own about the week').fill('Moved more than I expected.');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.getByRole('button', { name: /^Next: Energised/ }).click();
    // A new step moves focus to its heading, for keyboard and screen reader users.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-step-heading');
    await page.getByLabel('What energised you this week?').fill('Morning walks.');
    await page.getByLabel('What drained you?').fill('Late emails.');

    await page.getByRole('button', { name: /^Next: Keep, adjust/ }).click();
    await page.getByRole('radio', { name: 'Adjust Write 200 words' }).check();
    await page.getByLabel('Times').fill('2');
    await shot(page, 'review-step3');
    await expectNoAxeViolations(page, 'review step 3 (adjust open)');

    await page.getByRole('button', { name: /^Next: Intentions/ }).click();
    await page.getByText('You have no intentions yet.').waitFor();
    await page.getByRole('button', { name: /^Next: One small thing/ }).click();
    await page.getByLabel('Next week’s one small thing').fill('Lay out shoes the night before.');
    await page.getByRole('button', { name: /^Next: Wellbeing/ }).click();
    await page.getByText('I have felt cheerful and in good spirits').waitFor();
    const answerWho5 = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await page
          .getByRole('group', { name: new RegExp(`^${i + 1}\\.`) })
          .getByRole('radio', { name: /Most of the time/ })
          .check();
      }
    };
    // Half answered: completing would drop the answers (the API keeps five or none), so it waits.
    await answerWho5(0, 3);
    await page.getByText('Before completing: answer all five well-being statements (3 of 5 so far)').waitFor();
    expect(await page.getByRole('button', { name: 'Complete review' }).isDisabled()).toBe(true);
    await answerWho5(3, 5);
    expect(await page.getByRole('button', { name: 'Complete review' }).isDisabled()).toBe(false);
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await shot(page, 'review-step6');
    await expectNoAxeViolations(page, 'review step 6 (WHO-5)');

    // The draft is saved on the server (autosave is debounced: wait for it rather than for a "Saved" that an
    // earlier save may still be showing).
    const answers = async () =>
      (
        (await apiCall(page, 'GET', `/api/v1/reviews/${today}`)).json as {
          review: { answers: { smallThing?: string; who5?: number[]; compared?: boolean } };
        }
      ).review.answers;
    await expect
      .poll(answers, { timeout: 15_000 })
      .toMatchObject({ smallThing: 'Lay out shoes the night before.', who5: [4, 4, 4, 4, 4], compared: false });

    // A change made just before completing goes with the completion; no draft save follows it (the server
    // would refuse one for a completed review).
    const refusedSaves: string[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'PUT' && r.url().includes('/api/v1/reviews/') && r.status() >= 400)
        refusedSaves.push(`${r.status()} ${r.url()}`);
    });
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('Next week’s one small thing').fill('Lay out shoes and socks the night before.');
    await page.getByRole('button', { name: 'Complete review' }).click();
    await page.getByText(/^Completed/).waitFor();
    await expect.poll(answers).toMatchObject({ smallThing: 'Lay out shoes and socks the night before.' });
    await page.getByText('WHO-5 (private to you)').waitFor();
    await page.getByText('80 of 100').waitFor();
    await shot(page, 'review-completed');
    await expectNoAxeViolations(page, 'completed review');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'review-print');
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    expect((await download).suggestedFilename()).toMatch(/^tack-review-\d{4}-\d{2}-\d{2}\.md$/);

    expect(refusedSaves).toEqual([]);

    // History, with each week's numbers.
    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/review\/history$/);
    const rows = page.locator('.history-table tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expect(rows.first().textContent()).resolves.toContain('Moved more than I expected.');
    await expect(rows.first().textContent()).resolves.toMatch(/\d+ \/ \d+/);
    await shot(page, 'history');
    await expectNoAxeViolations(page, 'review history');

    // A late review of an earlier week opens read-only once completed.
    await rows.nth(1).getByRole('link').click();
    await page.waitForURL(/\/review\/\d{4}-\d{2}-\d{2}$/);
    await page.locator('.review-completed').getByText('A week, 7 days back').waitFor();

    // Progress: effort counts and charts.
    await page.goto(`${server.url}/review/progress`);
    await page.getByRole('heading', { name: 'Effort' }).waitFor();
    await page.getByText('Check-ins done').waitFor();
    await page.locator('.week-heatmap').waitFor();
    // Its weeks are the person's own: they start on the day set in Settings.
    const { weekStart } = ((await apiCall(page, 'GET', '/api/v1/me')).json as { user: { weekStart: string } }).user;
    await page.getByText(`weeks starting on ${weekStart.charAt(0).toUpperCase()}${weekStart.slice(1)}`).waitFor();
    await page.locator('.recharts-line').first().waitFor();
    await shot(page, 'progress');
    await expectNoAxeViolations(page, 'progress');

    // Settings → calendar feed: create the secret address (shown once), then turn it off.
    await page.goto(`${server.url}/settings#calendar`);
    await page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await page.getByRole('button', { name: 'Create calendar address' }).click();
    const url = await page.getByLabel('Calendar feed address').inputValue();
    expect(url).toMatch(/^https?:\/\/.+/);
    await shot(page, 'settings-feed');
    await expectNoAxeViolations(page, 'settings with calendar feed');
    await page.getByRole('button', { name: 'Turn off the feed' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Turn off' }).click();
    await page.getByText('No calendar address yet.').waitFor();

    // Dismissing the insight hides it.
    await page.goto(`${server.url}/today`);
    await insight.getByRole('button', { name: /^Dismiss/ }).click();
    await page.getByText('Dismissed “Comparing yourself with others”.').waitFor();
    await page.getByText('Nothing to point out right now.').waitFor();
    await page.reload();
    await page.getByText('Nothing to point out right now.').waitFor();
    expect(await insight.count()).toBe(0);

    // Narrow screen, dark scheme: the review still reads well.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/review/${isoMinus(today, 28)}`);
    await page.getByRole('heading', { level: 2, name: /Step 1 of 6/ }).waitFor();
    await shot(page, 'review-mobile-dark');
    await expectNoAxeViolations(page, 'review, narrow and dark');

    // An address that names no week says so and leads to this week.
    await page.goto(`${server.url}/review/2026-W99`);
    await page.getByText('There is no week “2026-W99” to review: 2026 has no week 99.').waitFor();
    await page.getByRole('link', { name: 'Go to this week’s review' }).click();
    await page.waitForURL(/\/review$/);

    expect(csp).toEqual([]);
  }, 90_000);

  it('progress: a practice archived in these weeks is in the table and the lines, so the numbers agree', async (ctx) => {
    skipUnlessBrowser(ctx);
    server ??= await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/review-progress-e2e-failure.png', fullPage: true }).catch(() => {});
    });
    await page.goto(server.url);
    const signUp = await apiCall(page, 'POST', '/api/auth/sign-up/email', {
      email: 'ari@example.org',
      password: 'correct horse battery',
      name: 'Ari Archive',
    });
    expect(signUp.status).toBe(200);
    const today = ((await apiCall(page, 'GET', '/api/v1/today')).json as { date: string }).date;
    const practice = async (name: string) => {
      const r = await apiCall(page, 'POST', '/api/v1/practices', {
        name,
        frequency: { kind: 'times', times: 1, days: 1 },
        startDate: isoMinus(today, 20),
      });
      expect(r.status).toBe(201);
      return (r.json as { practice: { id: string } }).practice.id;
    };
    const stretch = await practice('Stretch');
    const journal = await practice('Journal');
    for (let d = 1; d <= 12; d++) {
      const r = await apiCall(
        page,
        'PUT',
        `/api/v1/practices/${d % 3 === 0 ? stretch : journal}/checkins/${isoMinus(today, d)}`,
        {
          status: 'done',
        },
      );
      expect(r.status).toBeLessThan(300);
    }
    // Journal: 8 done check-ins in these weeks, then archived.
    expect((await apiCall(page, 'POST', `/api/v1/practices/${journal}/archive`, {})).status).toBe(200);

    await page.goto(`${server.url}/review/progress`);
    await page.getByRole('heading', { name: 'Effort' }).waitFor();
    const done = page.locator('.effort', { hasText: 'Check-ins done' }).locator('dd');
    await expect.poll(() => done.textContent()).toBe('12');
    const table = page.getByRole('table');
    const archivedRow = table.getByRole('row', { name: /^Journal \(archived / });
    await archivedRow.waitFor();
    await table.getByRole('row', { name: /^Stretch / }).waitFor();
    // Every practice's row adds up to the count above (the last row is the total of each week).
    const rowSum = async (name: RegExp) =>
      (await table.getByRole('row', { name }).locator('td').allTextContents()).reduce((n, t) => n + Number(t), 0);
    await expect.poll(() => rowSum(/^Journal \(archived /)).toBe(8);
    expect(await rowSum(/^Stretch /)).toBe(4);
    expect(await rowSum(/^All practices/)).toBe(12);
    await page.getByText('Their total is the number of check-ins counted under Effort.').waitFor();
    // The strength lines name it as archived too.
    await page.locator('.chart figcaption', { hasText: /Journal \(archived .*\): \d+% when archived/ }).waitFor();
    await expectNoAxeViolations(page, 'progress with an archived practice');
  }, 60_000);
});
