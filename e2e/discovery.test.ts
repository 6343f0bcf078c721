// Issue 4 (discovery) in a real browser: a direction ("someone who runs") with an answer turned into a
// practice, a six-week experiment with notes tagged energises and drains, the "already running" conflict
// with "decide now", a let-go verdict seen in the learning archive; a learning goal revised with a reason
// (timeline), a milestone moved with a reason beside the original; the advisor with rule ids; a two-step
// backwards chain; an intention answered for this week. Axe on every page visited.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { apiCall, apiCreated } from './support/page.ts';
import { type RunningServer, startServer } from './support/server.ts';

function isoPlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function isoMinus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The date as the web app writes it in full ("Friday, November 6, 2026"), in the browser's own language. */
function longDateIn(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat(undefined, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${d}T00:00:00Z`)),
    iso,
  );
}

async function h1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('discovery in the browser', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('directions, experiments, learnings, goals, milestones, the advisor, chains and intentions', async (ctx) => {
    skipUnlessBrowser(ctx);
    server = await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/discovery-e2e-failure.png', fullPage: true }).catch(() => {});
    });
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });

    await page.goto(server.url);
    await h1(page, 'Create your account');
    await page.getByLabel('Your name').fill('Dana Discovery');
    await page.getByLabel('Email').fill('dana@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /create/i }).click();
    await page.waitForURL(/\/today$/);

    // A direction, from the navigation.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Directions' }).click();
    await h1(page, 'Directions');
    await expectNoAxeViolations(page, 'directions (empty)');
    await page.getByLabel('The kind of person I want to be').fill('Someone who runs');
    await page.getByRole('button', { name: 'Create direction' }).click();
    await h1(page, 'Someone who runs');
    await page.getByRole('heading', { name: /What would such a person do this week/ }).waitFor();

    // An answer, turned into a practice in one step.
    await page.getByLabel('An answer').fill('Run twice, 20 minutes, slowly');
    await page.getByRole('button', { name: 'Add answer' }).click();
    await page.getByText('Run twice, 20 minutes, slowly', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Make it a practice/ }).click();
    await page.getByLabel('Practice name').fill('Easy run');
    await page.getByText(/due days? in 14\./).waitFor();
    await expectNoAxeViolations(page, 'direction with the practice form');
    await page.getByRole('button', { name: 'Create practice' }).click();
    await page.getByText('Became a practice:').waitFor();
    await page.getByRole('link', { name: 'Easy run' }).first().waitFor();

    // A six-week experiment with that practice.
    await page.getByRole('link', { name: 'Start an experiment' }).first().click();
    await h1(page, 'New experiment');
    await page.getByLabel('Hypothesis').fill('Two slow runs a week give me energy for the day');
    await page.getByRole('checkbox', { name: 'Easy run' }).check();
    expect(await page.getByLabel('Length in weeks').inputValue()).toBe('6');
    await page.getByText('Decision date', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'new experiment');
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await h1(page, 'Two slow runs a week give me energy for the day');
    const experimentUrl = page.url();

    // Notes: one energises, one drains; both on the timeline.
    await page.getByLabel('Note', { exact: true }).fill('Felt awake all morning after the run');
    await page.getByRole('button', { name: 'Energises me' }).click();
    await page.getByText('Note added, tagged energises.').waitFor();
    await page.getByLabel('Note', { exact: true }).fill('Getting up in the dark is hard');
    await page.getByRole('button', { name: 'Drains me' }).click();
    await page.getByText('Note added, tagged drains.').waitFor();
    await page.getByText('2 notes: 1 energising, 1 draining.').waitFor();
    await expectNoAxeViolations(page, 'running experiment');

    // A second experiment in the same direction: 409, offered "decide now".
    await page.goto(`${server.url}/experiments/new`);
    await h1(page, 'New experiment');
    await page.getByLabel('Direction').selectOption({ label: 'Someone who runs' });
    await page.getByLabel('Hypothesis').fill('Running with a club');
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await page.getByText(/An experiment in this direction is still running/).waitFor();
    await expectNoAxeViolations(page, 'experiment conflict');
    await page.getByRole('link', { name: 'Decide now' }).click();
    // The typed hypothesis is not saved: leaving asks first.
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await expectNoAxeViolations(page, 'unsaved changes prompt');
    await leave.getByRole('button', { name: 'Leave and discard' }).click();
    await page.waitForURL(`${experimentUrl}#verdict`);

    // Let go, with what was learned: a completed discovery in the archive.
    await page.getByRole('radio', { name: /Let go/ }).check();
    await page.getByLabel('What did you learn?').fill('Morning runs drain me; I want to try evenings');
    await expectNoAxeViolations(page, 'verdict form');
    await page.getByRole('button', { name: 'Record the verdict' }).click();
    await page.getByRole('heading', { name: 'The verdict' }).waitFor();
    await page.getByText('Morning runs drain me; I want to try evenings').waitFor();
    await page.getByRole('link', { name: 'Everything I learned' }).click();
    await page.waitForURL(/\/experiments\/learnings$/);
    await h1(page, 'What I learned');
    await page.getByText('Morning runs drain me; I want to try evenings').waitFor();
    await page.getByText('Let go: a completed discovery').waitFor();
    await expectNoAxeViolations(page, 'learning archive');

    // Adjust: a new experiment in the direction, decided with "adjust", opens the next one pre-filled.
    await page.goto(`${server.url}/experiments/new`);
    await h1(page, 'New experiment');
    await page.getByLabel('Direction').selectOption({ label: 'Someone who runs' });
    await page.getByLabel('Hypothesis').fill('Evening runs suit me better');
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await h1(page, 'Evening runs suit me better');
    await page.getByRole('radio', { name: /Adjust/ }).check();
    await page.getByLabel('What I learned').fill('Evenings work, but only on quiet days');
    await page.getByLabel('Next hypothesis').fill('Evening runs on Tuesdays and Thursdays');
    await page.getByRole('button', { name: 'Decide and start the adjusted experiment' }).click();
    await h1(page, 'Evening runs on Tuesdays and Thursdays');
    await page.getByRole('link', { name: 'the previous experiment' }).waitFor();
    const nextExperimentUrl = page.url();

    // The advisor: seven steps, then reasons with rule ids and citations.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Goals' }).click();
    await h1(page, 'Goals');
    await expectNoAxeViolations(page, 'goals (empty)');
    await page.getByRole('link', { name: 'Advisor', exact: true }).click();
    await h1(page, 'Which kind of goal?');
    await expectNoAxeViolations(page, 'advisor');
    for (const answer of ['Little', 'New or complex', 'Changing', 'Not yet', 'My own values', 'Fine either way']) {
      await page.getByRole('radio', { name: new RegExp(`^${answer}`) }).check();
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'See the recommendation' }).click();
    await page.getByRole('heading', { name: /^Recommended:/ }).waitFor();
    await page.locator('.rule-id').first().waitFor();
    expect(await page.locator('.rule-id').first().textContent()).toMatch(/^R[1-9]$/);
    await page.locator('.rule-id', { hasText: 'R8' }).first().waitFor();
    await page.locator('cite').first().waitFor();
    await expectNoAxeViolations(page, 'advice');

    // A learning goal, pre-filled with the advisor's plan.
    await page
      .getByRole('link', { name: /learning goal/i })
      .first()
      .click();
    await h1(page, 'New learning goal');
    await page.getByLabel('Title').fill('Learn to pace an easy run');
    await page.getByLabel('What I want to learn or try').fill('How slow "easy" really is');
    expect(await page.getByLabel('If… (plan 1)').inputValue()).not.toBe('');
    await expectNoAxeViolations(page, 'new goal');
    await page.getByRole('button', { name: 'Create goal' }).click();
    await h1(page, 'Learn to pace an easy run');

    // Revise it: a reason is required, and the timeline shows it.
    await page.getByRole('link', { name: 'Edit goal' }).click();
    await h1(page, 'Edit Learn to pace an easy run');
    await page.getByLabel('What I want to learn or try').fill('How slow "easy" really is, by heart rate');
    // Switching kind says what it sets aside, before anything is saved.
    await page.getByRole('radio', { name: /Performance goal/ }).check();
    await page.getByText(/Switching kind sets aside what to learn/).waitFor();
    await page.getByRole('radio', { name: /Learning goal/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Say what changed and what you learned').waitFor();
    await page.getByLabel('Reason for this change').fill('A watch showed my easy pace was too fast');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await h1(page, 'Learn to pace an easy run');
    await page.getByText('A watch showed my easy pace was too fast').waitFor();
    // What the goal said before stays readable.
    await page.getByText('Before this change').click();
    await page.locator('.revision-before').getByText('How slow "easy" really is', { exact: true }).waitFor();
    const goalUrl = page.url();

    // A milestone, moved with a reason: the original plan stays beside the current one.
    await page.getByLabel('Checkpoint', { exact: true }).fill('First 5 km at an easy pace');
    await page.getByLabel('Target date', { exact: true }).fill(isoPlus(14));
    await page.getByRole('button', { name: 'Add checkpoint' }).click();
    await page.getByText('Checkpoint “First 5 km at an easy pace” added.').waitFor();
    await page.getByRole('button', { name: /^Move or change/ }).click();
    await page.locator('.nested-form').getByLabel('Target date').fill(isoPlus(28));
    await page.getByLabel('Why the change?').fill('A cold kept me off running for a week');
    await page.getByRole('button', { name: 'Save change' }).click();
    const current = page.getByRole('region', { name: 'Current plan' });
    await current.getByText(/A cold kept me off running for a week/).waitFor();
    await page.getByRole('region', { name: 'Original plan' }).getByText('First 5 km at an easy pace').waitFor();
    await expectNoAxeViolations(page, 'goal page');

    // Reached, then undone (a slip of the finger): open again, with its actions back.
    await current.getByRole('button', { name: 'Mark reached First 5 km at an easy pace' }).click();
    await page.getByText('Reached “First 5 km at an easy pace”.').waitFor();
    await current.getByText('Reached', { exact: true }).waitFor();
    await current.getByRole('button', { name: 'Undo reached First 5 km at an easy pace' }).click();
    await page.getByText('“First 5 km at an easy pace” is open again.').waitFor();
    await current.getByRole('button', { name: 'Mark reached First 5 km at an easy pace' }).waitFor();

    // "Should this still be a learning goal?": the goal's own advice.
    await page.getByRole('button', { name: 'Ask the advisor about this goal' }).click();
    for (const q of [
      'How much of the outcome is in your control?',
      'How new or complex is the task for you?',
      'How stable is the context around it?',
      'Do you already have the knowledge and skill?',
      'Why does it matter to you?',
      'How do numbers and deadlines feel for this?',
    ]) {
      await page.getByRole('group', { name: q }).getByRole('radio').first().check();
    }
    await page.getByRole('button', { name: 'Get advice' }).click();
    const advice = page.getByRole('region', { name: 'Advice for this goal' });
    await advice.locator('.rule-id').first().waitFor();
    await expectNoAxeViolations(page, 'goal advice');

    // A two-step backwards chain.
    await page.goto(`${server.url}/chains`);
    await h1(page, 'Backwards chains');
    await expectNoAxeViolations(page, 'chains (empty)');
    await page.getByLabel('This week’s small thing').fill('Run 5 km on Saturday');
    await page.getByRole('button', { name: 'Start the chain' }).click();
    await page.getByText('Chain started.').waitFor();
    await page.getByLabel(/What would I have needed to do/).fill('Run 3 km twice');
    await page.getByRole('button', { name: 'Add to the week before' }).click();
    await page.getByText('Run 3 km twice', { exact: true }).waitFor();
    expect(await page.locator('.chain-week').count()).toBe(2);
    expect(await page.locator('.chain-week').last().textContent()).toContain('This week');
    await expectNoAxeViolations(page, 'chain');
    // A chain with steps has history: deleting it asks first.
    await page.getByRole('button', { name: 'Delete chain' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this chain?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'delete chain dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.chain-week').count()).toBe(2);

    // An intention, answered for this week.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Intentions' }).click();
    await h1(page, 'Intentions');
    await page.getByLabel('Intention', { exact: true }).fill('Respond to challenges with calm and clarity');
    await page.getByRole('button', { name: 'Add intention' }).click();
    await page.getByText('Intention added.').waitFor();
    await page.getByLabel(/Where did I live this intention this week/).fill('Paused before replying to a sharp email');
    await page.getByRole('button', { name: 'Save this week’s answer' }).click();
    await page.getByText('This week’s answer saved.').waitFor();
    await expectNoAxeViolations(page, 'intentions');

    // Dark mode keeps the contrast.
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [url, label] of [
      [nextExperimentUrl, 'experiment (dark)'],
      [goalUrl, 'goal (dark)'],
      [`${server.url}/experiments/learnings`, 'learnings (dark)'],
      [`${server.url}/chains`, 'chains (dark)'],
    ] as const) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.card').first().waitFor();
      await expectNoAxeViolations(page, label);
    }

    // A long unbroken word someone pasted (a URL) wraps: the page never scrolls sideways, on a phone either.
    await page.emulateMedia({ colorScheme: 'light' });
    const long = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Links I keep', description: `https://example.org/${'x'.repeat(600)}` },
      'direction',
    );
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/directions/${long.id}`);
      await h1(page, 'Links I keep');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `width ${width}`).toBe(width);
    }

    expect(csp).toEqual([]);
  }, 90_000);

  it('a past start, an experiment past its decision date, a planned one, and sentences that end once', async (ctx) => {
    skipUnlessBrowser(ctx);
    server ??= await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/discovery-late-e2e-failure.png', fullPage: true }).catch(() => {});
    });
    await page.goto(server.url);
    const signUp = await apiCall(page, 'POST', '/api/auth/sign-up/email', {
      email: 'lee@example.org',
      password: 'correct horse battery',
      name: 'Lee Late',
    });
    expect(signUp.status).toBe(200);
    const today = ((await apiCall(page, 'GET', '/api/v1/today')).json as { date: string }).date;
    const direction = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who swims' },
      'direction',
    );

    // An answer typed with its own full stop is confirmed with one full stop, not two.
    await page.goto(`${server.url}/directions/${direction.id}`);
    await h1(page, 'Someone who swims');
    await page.getByLabel('An answer').fill('Swim twice a week.');
    await page.getByRole('button', { name: 'Add answer' }).click();
    await page.getByText('Added “Swim twice a week.”', { exact: true }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\.”\.|\.\./);

    // An if-then plan typed with its own punctuation reads as one sentence.
    const practice = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      {
        name: 'Swim',
        frequency: { kind: 'times', times: 1, days: 1 },
        ifThen: { cue: 'it is Tuesday evening.', action: 'I pack my swim bag.' },
      },
      'practice',
    );
    await page.goto(`${server.url}/practices/${practice.id}`);
    await h1(page, 'Swim');
    const plan = page.locator('.if-then').first();
    await plan.waitFor();
    expect((await plan.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'If it is Tuesday evening, then I pack my swim bag.',
    );

    // New experiment: a start last week is fine, and the hint says so; a start long ago is over already.
    await page.goto(`${server.url}/experiments/new?direction=${direction.id}`);
    await h1(page, 'New experiment');
    await page.getByText('Today, a day to come, or the day you already began.').waitFor();
    await page.getByLabel('Hypothesis').fill('Swimming before work wakes me up');
    await page.getByLabel('Start date').fill(isoMinus(today, 7));
    await page.getByText('Decision date', { exact: true }).waitFor();
    expect(await page.getByText(/would already be over/).count()).toBe(0);
    const longAgo = isoMinus(today, 50);
    await page.getByLabel('Start date').fill(longAgo);
    await page.getByLabel('Length in weeks').fill('4');
    const over = await longDateIn(page, isoMinus(today, 50 - 28));
    await page.getByText(`This experiment would already be over: its decision date, ${over}, has passed.`).waitFor();
    await expectNoAxeViolations(page, 'new experiment already over');
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await h1(page, 'Swimming before work wakes me up');

    // Past its decision date without a verdict: the verdict comes first, and a note can only be dated
    // on or before the decision date (the server refuses a later one).
    await page.getByText(/The decision date has passed \(.*\): the experiment is over/).waitFor();
    const cards = await page.locator('main .card h2').allTextContents();
    expect(cards.indexOf('Decide')).toBeGreaterThan(-1);
    expect(cards.indexOf('Decide')).toBeLessThan(cards.indexOf('A note from its weeks'));
    const day = page.getByLabel('Day of the note');
    expect(await day.inputValue()).toBe(isoMinus(today, 22));
    expect(await day.getAttribute('max')).toBe(isoMinus(today, 22));
    expect(await day.getAttribute('min')).toBe(longAgo);
    await page.getByLabel('Note', { exact: true }).fill('The cold water was a shock');
    await expectNoAxeViolations(page, 'experiment past its decision date');
    await page.getByRole('button', { name: 'Drains me' }).click();
    await page.getByText('Note added, tagged drains.').waitFor();
    await page.getByText('1 note: 0 energising, 1 draining.').waitFor();
    // A day after the decision date is refused here, in plain words next to the field.
    await day.fill(isoMinus(today, 3));
    await page.getByLabel('Note', { exact: true }).fill('Too late for this one');
    await page.getByRole('button', { name: 'Energises me' }).click();
    await page.getByText(/Pick a day from .* the experiment’s weeks\.$/).waitFor();
    expect(await day.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('main').textContent()).not.toContain('date: ');
    await page.getByRole('radio', { name: /Let go/ }).check();
    await page.getByLabel('What did you learn?').fill('Cold mornings are not for me');
    await page.getByRole('button', { name: 'Record the verdict' }).click();
    await page.getByRole('heading', { name: 'The verdict' }).waitFor();

    // Planned (starts next week): no note form and no verdict form that the server would refuse.
    const planned = await apiCreated<{ id: string }>(
      page,
      '/api/v1/experiments',
      { directionId: direction.id, hypothesis: 'Evening swims are calmer', startDate: isoPlus(7) },
      'experiment',
    );
    await page.goto(`${server.url}/experiments/${planned.id}`);
    await h1(page, 'Evening swims are calmer');
    await page.getByText(/^Notes open on .*, the day the experiment starts\.$/).waitFor();
    await page.getByText(/^A verdict can come from the start date, .*, on\./).waitFor();
    expect(await page.getByLabel('Note', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record the verdict' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'planned experiment');
  }, 90_000);
});
