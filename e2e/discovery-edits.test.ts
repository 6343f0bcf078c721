// Editing discovery items in a real browser, each change checked again after a reload: a direction's name
// and description, a running experiment's hypothesis (and no edit once it has a verdict), an intention's
// statement, horizon, practices and goals, and removing a step from a backwards chain (asked first, with
// Cancel; the only step left cannot be removed). Client-side errors show next to their field; Escape cancels
// an edit. Axe on each form.
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { apiCall, apiCreated, createFirstAccount, shot, waitForH1 } from './support/page.ts';
import { type RunningServer, startServer } from './support/server.ts';

describe('editing discovery items in the browser', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('renames a direction, edits a hypothesis and an intention (horizon and links too), removes a chain step; all survive a reload', async (ctx) => {
    skipUnlessBrowser(ctx);
    server = await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/discovery-edits-e2e-failure.png', fullPage: true }).catch(() => {});
    });
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });

    await createFirstAccount(page, server.url, 'Eddie Edits', 'eddie@example.org');

    // Seeded through the API with the session cookie.
    const direction = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who runs' },
      'direction',
    );
    const running = await apiCreated<{ id: string }>(
      page,
      '/api/v1/experiments',
      { directionId: direction.id, hypothesis: 'Two runs a week give me energy' },
      'experiment',
    );
    const other = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who writes' },
      'direction',
    );
    const decided = await apiCreated<{ id: string }>(
      page,
      '/api/v1/experiments',
      { directionId: other.id, hypothesis: 'Writing at dawn works for me' },
      'experiment',
    );
    const verdict = await apiCall(page, 'POST', `/api/v1/experiments/${decided.id}/verdict`, {
      verdict: 'letGo',
      learned: 'Dawn is for sleeping',
    });
    expect(verdict.status, JSON.stringify(verdict.json)).toBe(200);
    const intention = await apiCreated<{ id: string }>(
      page,
      '/api/v1/intentions',
      { statement: 'Lead with curiosity' },
      'intention',
    );
    const walk = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      { name: 'Evening walk', frequency: { kind: 'times', times: 1, days: 1 } },
      'practice',
    );
    const gone = await apiCreated<{ id: string }>(
      page,
      '/api/v1/practices',
      { name: 'Old habit', frequency: { kind: 'times', times: 1, days: 1 } },
      'practice',
    );
    expect((await apiCall(page, 'DELETE', `/api/v1/practices/${gone.id}`)).status).toBe(200);
    const goal = await apiCreated<{ id: string }>(
      page,
      '/api/v1/goals',
      { kind: 'learning', title: 'Learn to ask open questions', whatToLearn: 'Questions that invite a story' },
      'goal',
    );
    const today = ((await apiCall(page, 'GET', '/api/v1/today')).json as { date: string }).date;
    const year = Number(today.slice(0, 4));
    const chain = await apiCreated<{ id: string }>(
      page,
      '/api/v1/chains',
      { thisWeek: 'Run 5 km on Saturday' },
      'chain',
    );
    const step = await apiCall(page, 'POST', `/api/v1/chains/${chain.id}/steps`, { text: 'Run 3 km twice' });
    expect(step.status).toBe(201);

    // ── A direction: name and description. An empty name is refused next to the field.
    await page.goto(`${server.url}/directions/${direction.id}`);
    await waitForH1(page, 'Someone who runs');
    await page.getByRole('button', { name: 'Edit name and description' }).click();
    const directionForm = page.getByRole('form', { name: 'Edit the direction' });
    const name = directionForm.getByLabel('Name', { exact: true });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await name.fill('');
    await directionForm.getByRole('button', { name: 'Save' }).click();
    await directionForm.getByText('Give the direction a name.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'direction edit form with an error');
    await shot(page, 'direction-edit-error');
    await name.fill('Someone who runs for joy');
    await directionForm.getByLabel('Description (optional)').fill('Slow, outdoors, with friends');
    await directionForm.getByRole('button', { name: 'Save' }).click();
    await waitForH1(page, 'Someone who runs for joy');
    await page.getByText('Direction saved.').waitFor();
    // Focus returns to the button that opened the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit name and description');
    await page.reload();
    await waitForH1(page, 'Someone who runs for joy');
    await page.getByText('Slow, outdoors, with friends').waitFor();
    // The list shows the new name too.
    await page.goto(`${server.url}/directions`);
    await page
      .getByRole('link', { name: /Someone who runs for joy/ })
      .first()
      .waitFor();

    // ── A running experiment's hypothesis; Escape cancels without saving.
    await page.goto(`${server.url}/experiments/${running.id}`);
    await waitForH1(page, 'Two runs a week give me energy');
    await page.getByRole('button', { name: 'Edit hypothesis' }).click();
    const hypothesisForm = page.getByRole('form', { name: 'Edit the hypothesis' });
    await hypothesisForm.getByLabel('Hypothesis').fill('Something else');
    await page.keyboard.press('Escape');
    await hypothesisForm.waitFor({ state: 'hidden' });
    await waitForH1(page, 'Two runs a week give me energy');
    await page.getByRole('button', { name: 'Edit hypothesis' }).click();
    const hypothesis = hypothesisForm.getByLabel('Hypothesis');
    expect(await hypothesis.inputValue()).toBe('Two runs a week give me energy');
    await hypothesis.fill('Two slow evening runs a week give me energy');
    await expectNoAxeViolations(page, 'hypothesis edit form');
    await shot(page, 'experiment-edit');
    await hypothesisForm.getByRole('button', { name: 'Save' }).click();
    await waitForH1(page, 'Two slow evening runs a week give me energy');
    await page.getByText('Hypothesis saved.').waitFor();
    await page.reload();
    await waitForH1(page, 'Two slow evening runs a week give me energy');
    // The direction page lists it with the new hypothesis.
    await page.goto(`${server.url}/directions/${direction.id}`);
    await page.getByRole('link', { name: 'Two slow evening runs a week give me energy' }).waitFor();

    // A decided experiment cannot be edited: no button.
    await page.goto(`${server.url}/experiments/${decided.id}`);
    await waitForH1(page, 'Writing at dawn works for me');
    await page.getByRole('heading', { name: 'The verdict' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit hypothesis' }).count()).toBe(0);

    // ── An intention's statement.
    await page.goto(`${server.url}/intentions`);
    await waitForH1(page, 'Intentions');
    await page.getByRole('button', { name: 'Edit the intention “Lead with curiosity”' }).click();
    const intentionForm = page.getByRole('form', { name: 'Edit the intention “Lead with curiosity”' });
    await intentionForm
      .getByLabel('Intention', { exact: true })
      .fill('Lead with greater curiosity in team discussions');
    await intentionForm.getByLabel('The value behind it (optional)').fill('People know things I do not');
    await expectNoAxeViolations(page, 'intention edit form');
    await shot(page, 'intention-edit');
    await intentionForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Intention saved.').waitFor();
    await page.reload();
    await waitForH1(page, 'Intentions');
    await page.getByRole('heading', { level: 2, name: 'Lead with greater curiosity in team discussions' }).waitFor();
    await page.getByText('People know things I do not').waitFor();

    // ── Its horizon, practices and goals, as the new-intention form offers them.
    const card = page.locator('.intention', {
      has: page.getByRole('heading', { name: 'Lead with greater curiosity in team discussions' }),
    });
    await card.getByText('Open-ended', { exact: true }).waitFor();
    await page
      .getByRole('button', { name: 'Edit the intention “Lead with greater curiosity in team discussions”' })
      .click();
    const fullForm = page.getByRole('form', {
      name: 'Edit the intention “Lead with greater curiosity in team discussions”',
    });
    const horizon = fullForm.getByRole('group', { name: 'Horizon' });
    expect(await horizon.getByRole('radio', { name: /Open-ended/ }).isChecked()).toBe(true);
    await horizon.getByRole('radio', { name: /This year/ }).check();
    // A year asks for its theme, next to the field.
    await fullForm.getByRole('button', { name: 'Save' }).click();
    await fullForm.getByText('Name the theme of the year.').waitFor();
    await fullForm.getByLabel(`Theme of ${year}`).fill('A curious year');
    const linkedPractices = fullForm.getByRole('group', { name: 'Linked practices' });
    // A deleted practice is not offered: the server would refuse the link.
    expect(await linkedPractices.getByRole('checkbox', { name: 'Old habit' }).count()).toBe(0);
    await linkedPractices.getByRole('checkbox', { name: 'Evening walk' }).check();
    await fullForm
      .getByRole('group', { name: 'Linked goals' })
      .getByRole('checkbox', { name: 'Learn to ask open questions' })
      .check();
    await expectNoAxeViolations(page, 'intention edit form with horizon and links');
    await shot(page, 'intention-edit-links');
    await fullForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Intention saved.').waitFor();
    await page.reload();
    await waitForH1(page, 'Intentions');
    await card.getByText(`${year}: A curious year`).waitFor();
    await card.getByRole('link', { name: 'Evening walk' }).waitFor();
    await card.getByRole('link', { name: 'Learn to ask open questions' }).waitFor();
    const saved = async () =>
      ((await apiCall(page, 'GET', '/api/v1/intentions')).json as { intentions: Array<Record<string, unknown>> })
        .intentions[0];
    expect(await saved()).toMatchObject({
      id: intention.id,
      horizon: { kind: 'year', year, theme: 'A curious year' },
      practiceIds: [walk.id],
      goalIds: [goal.id],
    });

    // And back: this quarter, without the goal; the practice stays linked.
    await page
      .getByRole('button', { name: 'Edit the intention “Lead with greater curiosity in team discussions”' })
      .click();
    expect(await fullForm.getByLabel(`Theme of ${year}`).inputValue()).toBe('A curious year');
    await horizon.getByRole('radio', { name: /This quarter/ }).check();
    await fullForm
      .getByRole('group', { name: 'Linked goals' })
      .getByRole('checkbox', { name: 'Learn to ask open questions' })
      .uncheck();
    await fullForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Intention saved.').waitFor();
    await page.reload();
    await waitForH1(page, 'Intentions');
    await card.getByRole('link', { name: 'Evening walk' }).waitFor();
    expect(await card.getByRole('link', { name: 'Learn to ask open questions' }).count()).toBe(0);
    const month = Number(today.slice(5, 7));
    expect(await saved()).toMatchObject({
      horizon: { kind: 'quarter', quarter: `${year}-Q${Math.floor((month - 1) / 3) + 1}` },
      practiceIds: [walk.id],
      goalIds: [],
    });

    // ── A chain step: removal is asked first; Cancel keeps it; the last step cannot be removed.
    await page.goto(`${server.url}/chains`);
    await waitForH1(page, 'Backwards chains');
    await page.getByText('Run 3 km twice', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove step: Run 3 km twice' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this step?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'remove step dialog');
    await shot(page, 'chain-remove-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Run 3 km twice', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove step: Run 3 km twice' }).click();
    await dialog.getByRole('button', { name: 'Remove step' }).click();
    await page.getByText('Step “Run 3 km twice” removed.').waitFor();
    await page.reload();
    await waitForH1(page, 'Backwards chains');
    await page.locator('.chain-step').getByText('Run 5 km on Saturday', { exact: true }).waitFor();
    expect(await page.locator('.chain-step').count()).toBe(1);
    expect(await page.getByText('Run 3 km twice', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove step/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'chain with one step');

    expect(csp).toEqual([]);
  }, 90_000);
});
