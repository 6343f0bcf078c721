// Rough edges found walking through the web app as a person would, each checked in a real browser:
// a deleted practice is named, not linked, wherever something used to link it (an intention, an
// experiment, a direction's answer, a backwards chain's step), and is linked again once restored; a goal
// due in the future is not marked as passed; the first field with a problem is focused below the sticky
// header, not under it; an if-then plan typed with its own "If" and "then" does not say them twice; an
// error that appears above a long form is scrolled into view, below the header; the year's grid of
// check-ins keeps its weekday names in view when it opens scrolled to today; on a phone, the explanation
// under Progress's table of check-ins per week wraps inside the page instead of running off it; on a touch
// phone, Today's hint leaves out the keys to press, and each row's Details button says "Details"; renaming
// an area can be cancelled with Escape, and focus goes back to its Rename button either way; an experiment
// whose practice was deleted can still be adjusted (the next one leaves the deleted practice out); the
// navigation shows Directions as the current section on Backwards chains, and Goals on the advisor.
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { apiCall, apiCreated, createFirstAccount, shot, waitForH1 } from './support/page.ts';
import { type RunningServer, startServer } from './support/server.ts';

const DAILY = { kind: 'times', times: 1, days: 1 } as const;

describe('walking through the web app', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  async function start(
    ctx: Parameters<typeof skipUnlessBrowser>[0],
    name: string,
    email: string,
    options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } },
  ) {
    skipUnlessBrowser(ctx);
    if (!server) {
      server = await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
      const page = await newPage(options);
      await createFirstAccount(page, server.url, name, email);
      return { page, url: server.url };
    }
    const page = await newPage(options);
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/today$/);
    return { page, url: server.url };
  }

  it('names a deleted practice without a link where it was linked, and links it again once restored', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-deleted-links-failure.png', fullPage: true }).catch(() => {});
    });

    const direction = await apiCreated<{ id: string; answers: Array<{ id: string }> }>(
      page,
      `/api/v1/directions`,
      { name: 'Someone who swims' },
      'direction',
    );
    const answered = await apiCreated<{ answers: Array<{ id: string }> }>(
      page,
      `/api/v1/directions/${direction.id}/answers`,
      { text: 'Swim twice a week' },
      'direction',
    );
    const answerId = answered.answers[0]?.id ?? '';
    const made = await apiCall(page, 'POST', `/api/v1/directions/${direction.id}/answers/${answerId}/practice`, {
      frequency: DAILY,
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const swim = (made.json as { practice: { id: string; name: string } }).practice;
    const read = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      { name: 'Read ten pages', frequency: DAILY },
      'practice',
    );
    const experiment = await apiCreated<{ id: string }>(
      page,
      '/api/v1/experiments',
      { directionId: direction.id, hypothesis: 'Swimming calms me', practiceIds: [swim.id, read.id] },
      'experiment',
    );
    await apiCreated(
      page,
      '/api/v1/intentions',
      { statement: 'Move with joy', horizon: { kind: 'open' }, practiceIds: [swim.id, read.id] },
      'intention',
    );
    const chain = await apiCreated<{ id: string; steps: Array<{ id: string }> }>(
      page,
      '/api/v1/chains',
      { thisWeek: 'Swim 1 km' },
      'chain',
    );
    const step = chain.steps[0]?.id ?? '';
    const stepMade = await apiCall(page, 'POST', `/api/v1/chains/${chain.id}/steps/${step}/practice`, {
      name: 'Swim 1 km',
      frequency: DAILY,
    });
    expect(stepMade.status, JSON.stringify(stepMade.json)).toBe(201);
    const km = (stepMade.json as { practice: { id: string } }).practice;

    for (const id of [swim.id, km.id]) {
      const removed = await apiCall(page, 'DELETE', `/api/v1/practices/${id}`);
      expect(removed.status, JSON.stringify(removed.json)).toBe(200);
    }

    // The intention: the deleted practice is named and marked, the live one is still a link.
    await page.goto(`${url}/intentions`);
    await waitForH1(page, 'Intentions');
    const card = page.locator('.intention', { has: page.getByRole('heading', { name: 'Move with joy' }) });
    const lived = card.locator('.item-meta', { hasText: 'Lived through' });
    await lived.getByRole('link', { name: 'Read ten pages' }).waitFor();
    expect(await lived.textContent()).toContain(`${swim.name} (deleted)`);
    expect(await lived.getByRole('link', { name: swim.name }).count()).toBe(0);
    await expectNoAxeViolations(page, 'intention linking a deleted practice');
    await shot(page, 'intention-deleted-practice');

    // The experiment's practices involved.
    await page.goto(`${url}/experiments/${experiment.id}`);
    await waitForH1(page, 'Swimming calms me');
    const involved = page.locator('.facts div', { hasText: 'Practices involved' });
    await involved.getByRole('link', { name: 'Read ten pages' }).waitFor();
    expect(await involved.textContent()).toContain(`${swim.name} (deleted)`);
    expect(await involved.getByRole('link', { name: swim.name }).count()).toBe(0);

    // The direction: its answer and its linked practices.
    await page.goto(`${url}/directions/${direction.id}`);
    await waitForH1(page, 'Someone who swims');
    await page.getByText(`Became a practice: ${swim.name} (deleted)`).waitFor();
    expect(await page.getByRole('link', { name: swim.name }).count()).toBe(0);

    // The chain's step.
    await page.goto(`${url}/chains`);
    await waitForH1(page, 'Backwards chains');
    await page.getByText('Became a practice: Swim 1 km (deleted)').waitFor();
    expect(await page.locator('.chain-step').getByRole('link').count()).toBe(0);

    // Restored, it is a link again.
    const restored = await apiCall(page, 'POST', `/api/v1/practices/${swim.id}/restore`, {});
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    await page.goto(`${url}/intentions`);
    await waitForH1(page, 'Intentions');
    await lived.getByRole('link', { name: swim.name }).waitFor();
    expect(await lived.textContent()).not.toContain('(deleted)');
  }, 90_000);

  it('marks only a goal whose date has passed, shows a focused field below the header, and words if-then plans once', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-goals-failure.png', fullPage: true }).catch(() => {});
    });
    const today = ((await apiCall(page, 'GET', '/api/v1/today')).json as { date: string }).date;
    const year = Number(today.slice(0, 4));
    const metric = { name: 'Longest run', unit: 'km', baseline: 3, target: 10 };
    const later = await apiCreated<{ id: string }>(
      page,
      '/api/v1/goals',
      { kind: 'performance', title: 'Run 10 km', metric, dueDate: `${year + 1}-03-01` },
      'goal',
    );
    const earlier = await apiCreated<{ id: string }>(
      page,
      '/api/v1/goals',
      { kind: 'performance', title: 'Run 5 km', metric, dueDate: `${year - 1}-03-01` },
      'goal',
    );

    // A date next year has not passed; one last year has.
    await page.goto(`${url}/goals/${later.id}`);
    await waitForH1(page, 'Run 10 km');
    const due = page.locator('.facts div', { hasText: 'Due' });
    await due.getByText(String(year + 1)).waitFor();
    expect(await due.getByText('passed', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Time to revise the date').count()).toBe(0);
    await page.goto(`${url}/goals/${earlier.id}`);
    await waitForH1(page, 'Run 5 km');
    await page.getByText('Time to revise the date, or to mark it achieved or let go.').waitFor();

    // An incomplete goal form: the first field with a problem is focused, and shown below the header.
    await page.goto(`${url}/goals/new`);
    await waitForH1(page, /New .* goal/);
    await page.getByRole('radio', { name: /Performance goal/ }).check();
    await page.getByLabel('Title').fill('Swim a mile');
    await page.getByRole('button', { name: 'Create goal' }).click();
    const focused = page.getByLabel('What is measured');
    await expect.poll(() => focused.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(async () => {
        const header = await page.locator('.app-header').boundingBox();
        const field = await focused.boundingBox();
        return header && field ? field.y - (header.y + header.height) : -1;
      })
      .toBeGreaterThanOrEqual(0);

    // A practice's if-then plan typed with its own "If" and "then": said once, on its page and on Today.
    const practice = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      {
        name: 'Stretch',
        frequency: DAILY,
        ifThen: { cue: 'If it is 7am on a weekday,', action: 'then I roll out the mat' },
      },
      'practice',
    );
    await page.goto(`${url}/practices/${practice.id}`);
    await waitForH1(page, 'Stretch');
    const plan = page.locator('.if-then');
    await plan.waitFor();
    expect(await plan.textContent()).toBe('If it is 7am on a weekday, then I roll out the mat.');

    // On a phone the year's grid opens scrolled to today; its weekday names stay in view at its left edge.
    await page.setViewportSize({ width: 390, height: 844 });
    const scroller = page.locator('.heatmap-scroll');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const edge = await scroller.boundingBox();
    const sunday = await page.locator('th.heatmap-weekday').first().boundingBox();
    expect(edge && sunday ? sunday.x - edge.x : -1).toBeGreaterThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}/today`);
    await waitForH1(page, 'Today');
    await page.getByRole('button', { name: /Details.*Stretch/ }).click();
    expect(await page.locator('.today-list .if-then').textContent()).toBe(
      'If it is 7am on a weekday, then I roll out the mat.',
    );
  }, 90_000);

  it('scrolls an error that appears above a long form into view, below the header', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-errors-failure.png', fullPage: true }).catch(() => {});
    });
    /** How far below the header's bottom edge the element's top is (negative: hidden under it or above). */
    const belowHeader = async (selector: string) => {
      const header = await page.locator('.app-header').boundingBox();
      const box = await page.locator(selector).boundingBox();
      return header && box ? box.y - (header.y + header.height) : -1;
    };

    // A second experiment in a direction whose experiment is still running: the server's answer is
    // shown at the top of the form, and the page scrolls up to it from the button at the bottom.
    const direction = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who sings' },
      'direction',
    );
    await apiCreated(
      page,
      '/api/v1/experiments',
      { directionId: direction.id, hypothesis: 'Singing lifts me' },
      'experiment',
    );
    await page.goto(`${url}/experiments/new?direction=${direction.id}`);
    await waitForH1(page, 'New experiment');
    await page.getByLabel('Hypothesis').fill('A choir suits me');
    // The start date is today's, once Today has answered.
    await expect.poll(() => page.getByLabel('Start date').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await page.getByText('An experiment in this direction is still running').waitFor();
    await expect.poll(() => belowHeader('.conflict')).toBeGreaterThanOrEqual(0);

    // A practice the server cannot save: the general error at the top of the form is scrolled to.
    await page.route('**/api/v1/practices', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }),
          })
        : route.fallback(),
    );
    await page.goto(`${url}/practices/new`);
    await waitForH1(page, 'New practice');
    await page.getByLabel('Name', { exact: true }).fill('Sing one song');
    await page.getByRole('button', { name: 'Create practice' }).click();
    await page.locator('.alert-error').waitFor();
    await expect.poll(() => belowHeader('.alert-error')).toBeGreaterThanOrEqual(0);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Sing one song');
  }, 90_000);

  it('keeps the explanation under the check-ins per week table inside a phone screen', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-progress-failure.png', fullPage: true }).catch(() => {});
    });
    await apiCreated(page, '/api/v1/practices', { name: 'Hum a tune', frequency: DAILY }, 'practice');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/review/progress`);
    await waitForH1(page, 'Progress');
    const note = page.getByText('Their total is the number of check-ins counted under Effort.');
    await note.waitFor();
    const box = await note.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    // The table itself still scrolls sideways, with its weeks.
    await page.getByRole('region', { name: 'Check-ins per practice and week' }).getByRole('table').waitFor();
  }, 60_000);

  it('on a touch phone, Today leaves out the keys to press and names the Details button', async (ctx) => {
    const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org', phone);
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-today-phone-failure.png', fullPage: true }).catch(() => {});
    });
    await apiCreated(page, '/api/v1/practices', { name: 'Wave hello', frequency: DAILY }, 'practice');
    await page.goto(`${url}/today`);
    await waitForH1(page, 'Today');
    await page.locator('.keyboard-hint', { hasText: 'holds a note, your energy, skip and not done.' }).waitFor();
    expect(await page.getByText('Tab to a practice and press').isVisible()).toBe(false);
    const label = page.getByRole('button', { name: 'Details for Wave hello' }).locator('.today-more-label');
    expect((await label.boundingBox())?.width ?? 0).toBeGreaterThan(20);

    // With a mouse (any fine pointer) the keys are there.
    const desk = await newPage({
      viewport: { width: 390, height: 844 },
      storageState: await page.context().storageState(),
    });
    await desk.goto(`${url}/today`);
    await waitForH1(desk, 'Today');
    await desk.getByText('Tab to a practice and press').waitFor();
  }, 60_000);

  it('renames an area by keyboard: Escape cancels, and focus goes back to Rename', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-areas-failure.png', fullPage: true }).catch(() => {});
    });
    await apiCreated(page, '/api/v1/areas', { name: 'Work' }, 'area');
    await page.goto(`${url}/practices`);
    await waitForH1(page, 'Practices');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim());

    await page.getByRole('button', { name: 'Rename Work' }).click();
    await page.getByLabel('Rename Work').fill('Work and study');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Rename Work' }).waitFor();
    await expect.poll(focusedText).toBe('Rename Work');
    expect(await page.getByLabel('Rename Work').count()).toBe(0);

    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Rename Work').inputValue()).toBe('Work');
    await page.getByLabel('Rename Work').fill('Work and study');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Rename Work and study' }).waitFor();
    await expect.poll(focusedText).toBe('Rename Work and study');
  }, 60_000);

  it('adjusts an experiment one of whose practices was deleted since', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/web-walk-adjust-failure.png', fullPage: true }).catch(() => {});
    });
    const direction = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who paints' },
      'direction',
    );
    const gone = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      { name: 'Sketch daily', frequency: DAILY },
      'practice',
    );
    const kept = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      { name: 'Paint on Sundays', frequency: DAILY },
      'practice',
    );
    const experiment = await apiCreated<{ id: string }>(
      page,
      '/api/v1/experiments',
      { directionId: direction.id, hypothesis: 'Painting calms me', practiceIds: [gone.id, kept.id] },
      'experiment',
    );
    const removed = await apiCall(page, 'DELETE', `/api/v1/practices/${gone.id}`);
    expect(removed.status, JSON.stringify(removed.json)).toBe(200);

    await page.goto(`${url}/experiments/${experiment.id}`);
    await waitForH1(page, 'Painting calms me');
    await page.getByText('Sketch daily (deleted)').waitFor();
    await page.getByRole('radio', { name: /Adjust/ }).check();
    await page.getByLabel('What I learned').fill('Sketching daily was too much; Sundays work.');
    await page.getByRole('button', { name: 'Decide and start the adjusted experiment' }).click();
    await page.waitForURL((u) => /\/experiments\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(experiment.id));
    await waitForH1(page, 'Painting calms me');
    const involved = page.locator('.facts div', { hasText: 'Practices involved' });
    await involved.getByRole('link', { name: 'Paint on Sundays' }).waitFor();
    expect(await involved.textContent()).not.toContain('Sketch daily');
    expect(await page.locator('.alert-error').count()).toBe(0);
  }, 60_000);

  it('marks the section of a tab page as current in the navigation', async (ctx) => {
    const { page, url } = await start(ctx, 'Walter Walk', 'walter@example.org');
    const sections = page.getByRole('navigation', { name: 'Sections' });
    for (const [path, heading, section] of [
      ['/chains', 'Backwards chains', 'Directions'],
      ['/advisor', 'Which kind of goal?', 'Goals'],
      ['/directions', 'Directions', 'Directions'],
    ] as const) {
      await page.goto(`${url}${path}`);
      await waitForH1(page, heading);
      const current = sections.locator('[aria-current]');
      await expect.poll(() => current.allTextContents()).toEqual([section]);
    }
  }, 60_000);
});
