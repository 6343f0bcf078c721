// Deleting and restoring discovery items in a real browser: an experiment (one click, no history) and a
// direction with an answer (asked first) are deleted from their pages, show under "Recently deleted" on their
// list pages, and come back as they were with Restore (by mouse and by keyboard), still there after a reload.
// Axe on each list page with deleted items.
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
import { apiCreated, createFirstAccount, shot, waitForH1 } from './support/page.ts';
import { type RunningServer, startServer } from './support/server.ts';

describe('restoring deleted discovery items in the browser', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('deletes an experiment and a direction, then restores both from "Recently deleted"', async (ctx) => {
    skipUnlessBrowser(ctx);
    server = await startServer({ env: { TACK_RATE_LIMIT: '10000' } });
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/discovery-restore-e2e-failure.png', fullPage: true }).catch(() => {});
    });

    await createFirstAccount(page, server.url, 'Rita Restore', 'rita@example.org');

    const swims = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who swims' },
      'direction',
    );
    await apiCreated(page, `/api/v1/directions/${swims.id}/answers`, { text: 'Two pool sessions' }, 'direction');
    const paints = await apiCreated<{ id: string }>(
      page,
      '/api/v1/directions',
      { name: 'Someone who paints' },
      'direction',
    );
    const experiment = await apiCreated<{ id: string }>(
      page,
      '/api/v1/experiments',
      { directionId: paints.id, hypothesis: 'Painting at dawn calms me' },
      'experiment',
    );

    // ── An experiment: no history, deleted in one click; restored with the mouse.
    await page.goto(`${server.url}/experiments/${experiment.id}`);
    await page.getByRole('button', { name: 'Delete experiment' }).click();
    await page.waitForURL(new RegExp(`/directions/${paints.id}$`));
    await page.goto(`${server.url}/experiments`);
    await waitForH1(page, 'Experiments');
    const deletedExperiments = page.getByRole('region', { name: 'Recently deleted' });
    await deletedExperiments.locator('.item-title-text', { hasText: 'Painting at dawn calms me' }).waitFor();
    expect(await page.getByRole('link', { name: 'Painting at dawn calms me' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'experiments with a deleted one');
    await shot(page, 'experiments-recently-deleted');
    await deletedExperiments.getByRole('button', { name: 'Restore Painting at dawn calms me' }).click();
    await page.getByText('Restored “Painting at dawn calms me”.').waitFor();
    await page.getByRole('link', { name: 'Painting at dawn calms me' }).waitFor();
    await shot(page, 'experiments-restored');
    await page.reload();
    await waitForH1(page, 'Experiments');
    await page.getByRole('link', { name: 'Painting at dawn calms me' }).waitFor();
    expect(await page.getByRole('region', { name: 'Recently deleted' }).count()).toBe(0);

    // ── A direction with an answer: asked first; restored with the keyboard, its answer intact.
    await page.goto(`${server.url}/directions/${swims.id}`);
    await waitForH1(page, 'Someone who swims');
    await page.getByRole('button', { name: 'Delete direction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Someone who swims”?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete direction' }).click();
    await page.goto(`${server.url}/directions`);
    await waitForH1(page, 'Directions');
    const deletedDirections = page.getByRole('region', { name: 'Recently deleted' });
    await deletedDirections.locator('.item-title-text', { hasText: 'Someone who swims' }).waitFor();
    expect(await page.getByRole('link', { name: 'Someone who swims' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'directions with a deleted one');
    await shot(page, 'directions-recently-deleted');
    const restore = deletedDirections.getByRole('button', { name: 'Restore Someone who swims' });
    await restore.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Restored “Someone who swims”.').waitFor();
    await page.getByRole('link', { name: 'Someone who swims' }).waitFor();
    // Focus stays in the section, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.textContent ?? '')).toMatch(
      /Recently deleted/,
    );
    await expectNoAxeViolations(page, 'directions after a restore');
    await shot(page, 'directions-restored');
    await page.reload();
    await waitForH1(page, 'Directions');
    const item = page.locator('.item', { has: page.getByRole('link', { name: 'Someone who swims' }) });
    await item.getByText('1 answer').waitFor();
  }, 90_000);
});
