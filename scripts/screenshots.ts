// The README's screenshots, taken from the real product: `node scripts/screenshots.ts` (after
// `npm start` or `npm test` has built the server and the web app). It starts a throwaway server on
// a temp folder, creates an account in Chromium (Debian's, or TACK_CHROMIUM), seeds eight weeks of
// history through the API as the page's own session, and writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ROOT, startServer } from '../e2e/support/server.ts';

const OUT = join(ROOT, 'docs', 'screenshots');

async function api<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, text: await res.text() };
    },
    [method, path, body] as const,
  );
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return (r.text ? JSON.parse(r.text) : null) as T;
}

const minus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
/** A fixed pseudo-random sequence, so the pictures are the same from run to run (given the day). */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

async function seed(page: Page): Promise<{ today: string; practiceId: string; experimentId: string }> {
  const { date: today } = await api<{ date: string }>(page, 'GET', '/api/v1/today');
  const start = minus(today, 56);
  const area = async (name: string) =>
    (await api<{ area: { id: string } }>(page, 'POST', '/api/v1/areas', { name })).area.id;
  const health = await area('Health');
  const work = await area('Work');
  const learning = await area('Learning');
  const practice = async (body: Record<string, unknown>) =>
    (await api<{ practice: { id: string } }>(page, 'POST', '/api/v1/practices', { startDate: start, ...body })).practice
      .id;
  const move = await practice({
    name: 'Move 30 minutes',
    areaId: health,
    why: 'I think more clearly after moving.',
    frequency: { kind: 'times', times: 1, days: 1 },
  });
  const water = await practice({
    name: 'Drink water',
    areaId: health,
    kind: 'measurable',
    unit: 'glasses',
    target: 6,
    targetType: 'atLeast',
    frequency: { kind: 'times', times: 1, days: 1 },
  });
  const write = await practice({
    name: 'Write 200 words',
    areaId: work,
    color: '#5b8c2a',
    frequency: { kind: 'times', times: 3, days: 7 },
  });
  const read = await practice({
    name: 'Read 20 pages',
    areaId: learning,
    color: '#8a4fbf',
    frequency: { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] },
  });

  const random = rng(7);
  const notes = ['Walked to the station instead of the bus', 'Short run by the river', 'Yoga before bed'];
  for (let back = 56; back >= 1; back--) {
    const date = minus(today, back);
    const put = (id: string, body: Record<string, unknown>) =>
      api(page, 'PUT', `/api/v1/practices/${id}/checkins/${date}`, body);
    // Steadier in the later weeks: the strength line climbs.
    const p = back > 35 ? 0.55 : 0.85;
    if (random() < p) {
      await put(move, {
        status: 'done',
        energy: Math.round(random() * 3) - 1,
        note: back % 9 === 0 ? notes[back % notes.length] : undefined,
      });
    }
    if (random() < p) await put(water, { value: 4 + Math.round(random() * 4) });
    if (random() < p * 0.5) await put(write, { status: 'done' });
    if (random() < p * 0.6) await put(read, { status: 'done' });
  }
  await api(page, 'PUT', `/api/v1/practices/${move}/checkins/${today}`, { status: 'done', energy: 1 });
  await api(page, 'PUT', `/api/v1/practices/${water}/checkins/${today}`, { value: 7 });

  const direction = (
    await api<{ direction: { id: string } }>(page, 'POST', '/api/v1/directions', {
      name: 'Someone who runs a half marathon',
      description: 'Not a plan yet: what would such a person do this week?',
    })
  ).direction.id;
  await api(page, 'POST', `/api/v1/directions/${direction}/answers`, { text: 'Run twice before work' });
  await api(page, 'POST', `/api/v1/directions/${direction}/answers`, { text: 'Sleep by 11 on weekdays' });
  const experimentId = (
    await api<{ experiment: { id: string } }>(page, 'POST', '/api/v1/experiments', {
      directionId: direction,
      hypothesis: 'Running before work gives me more energy for the day than running after it.',
      practiceIds: [move],
      startDate: minus(today, 20),
    })
  ).experiment.id;
  for (const [tag, text, back] of [
    ['energises', 'Quiet streets at 7am; the first hour at work feels easy', 18],
    ['drains', 'Getting up in the dark on cold days', 11],
    ['energises', 'Sleeping better on running days', 4],
  ] as const) {
    await api(page, 'POST', `/api/v1/experiments/${experimentId}/notes`, { tag, text, date: minus(today, back) });
  }
  return { today, practiceId: move, experimentId };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({ env: { TACK_RATE_LIMIT: '100000' } });
  const browser = await chromium.launch({
    executablePath: process.env.TACK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /create/i }).click();
    await page.waitForURL(/\/today$/);
    const { today, practiceId, experimentId } = await seed(page);

    const shoot = async (
      path: string,
      file: string,
      opts: { dark?: boolean; width?: number; height?: number } = {},
    ) => {
      await page.emulateMedia({ colorScheme: opts.dark ? 'dark' : 'light' });
      await page.setViewportSize({ width: opts.width ?? 1280, height: opts.height ?? 800 });
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(400); // charts settle
      await page.screenshot({ path: join(OUT, file) });
      console.log(`wrote docs/screenshots/${file}`);
    };
    await shoot('/today', 'today.png');
    await shoot(`/practices/${practiceId}`, 'practice.png', { dark: true, height: 900 });
    await shoot(`/experiments/${experimentId}`, 'experiment.png');
    // Last week's review: a whole week of numbers (this week may have only begun).
    await shoot(`/review/${minus(today, 7)}`, 'review.png');
    await shoot('/today', 'today-phone.png', { width: 390, height: 844 });
  } finally {
    await browser.close();
    await server.dispose();
  }
}

await main();
