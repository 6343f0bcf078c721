// `tack review` and `tack insights`: the real binary against a real server (with a fixed clock:
// Saturday 2026-11-21), on SQLite and, when TACK_TEST_PG_URL is set, on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InsightList, Review, ReviewListItem } from '@tack/contracts';
import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import { loadConfig, type RunningServer, startServer } from '@tack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReview } from '../src/commands/review.ts';
import { width } from '../src/output.ts';
import { expectOneLineError, type Result, signUpAndCreateToken, tack } from './support.ts';

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tack-cli-review-${prefix}-`));
  temps.push(dir);
  return dir;
}

function ok(r: Result): Result {
  expect(r.stderr, r.stderr).not.toMatch(/^tack:/m);
  expect(r.code, r.stderr).toBe(0);
  return r;
}
const json = <T>(r: Result): T => JSON.parse(ok(r).stdout) as T;

describe.each(testDialects())('tack review and insights on $name', (dialect) => {
  let server: RunningServer;
  let configDir: string;
  let token: string;
  const run = (...args: string[]) => tack(args, { configDir });
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const databaseUrl = await dialect.databaseUrl();
    server = await startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('data'),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      }),
      { clock: fixedClock('2026-11-21T10:00:00Z') },
    );
    configDir = await tempDir('cfg');
    ({ token } = await signUpAndCreateToken(server.url, `ada-${randomBytes(3).toString('hex')}@example.com`));
    ok(await run('login', '--server', server.url, '--token', token));
    const practice = async (body: Record<string, unknown>) =>
      ((await api('POST', '/api/v1/practices', body)).practice as { id: string }).id;
    ids.run = await practice({
      name: 'Run',
      frequency: { kind: 'weekdays', weekdays: ['monday', 'thursday'] },
      startDate: '2026-11-02',
    });
    ids.read = await practice({
      name: 'Read',
      frequency: { kind: 'times', times: 1, days: 1 },
      startDate: '2026-11-09',
    });
    await api('PUT', `/api/v1/practices/${ids.run}/checkins/2026-11-16`, { note: 'Slow but fun', energy: 1 });
    for (const d of ['2026-11-16', '2026-11-17', '2026-11-18'])
      await api('PUT', `/api/v1/practices/${ids.read}/checkins/${d}`, {});
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs the whole review from flags and completes it', async () => {
    const { review } = json<{ review: Review }>(
      await run(
        'review',
        '--week',
        '2026-W47',
        '--line',
        'A slow week',
        '--energised',
        'Running with Sam',
        '--drained',
        'Late nights',
        '--keep',
        'Run',
        '--adjust',
        'Read=3/7',
        '--small-thing',
        'Shoes out on Sunday',
        '--who5',
        '3,3,3,3,3',
        '--compared',
        'no',
        '--complete',
        '--json',
      ),
    );
    expect(review).toMatchObject({
      weekStart: '2026-11-16',
      status: 'completed',
      who5Score: 60,
      answers: {
        line: 'A slow week',
        energised: 'Running with Sam',
        drained: 'Late nights',
        smallThing: 'Shoes out on Sunday',
        compared: false,
      },
    });
    expect(review.applied).toEqual([
      { practiceId: ids.run, decision: 'keep', effectiveFrom: null },
      { practiceId: ids.read, decision: 'adjust', effectiveFrom: '2026-11-23' },
    ]);
    const read = await api('GET', `/api/v1/practices/${ids.read}`);
    expect((read.practice as { scheduleHistory: unknown[] }).scheduleHistory).toHaveLength(2);
  });

  it('shows a review for people, as Markdown, and lists the history', async () => {
    const shown = ok(await run('review', 'show', '--week', '2026-W47'));
    const lines = shown.stdout.split('\n');
    expect(lines[0]).toBe('Week of 2026-11-16 to 2026-11-22 (2026-W47): completed 2026-11-21');
    // Completed on Saturday: planned counts the week up to that day (Run twice, Read six days).
    expect(lines[1]).toBe('Planned 8, done 4; 4 check-ins.');
    expect(shown.stdout).toMatch(/^Run {2,}2 {2,}1 {2,}0 {2,}\d+% → \d+%$/m);
    // Wide names (emoji, CJK) take two columns each: the numbers stay in line.
    const { review } = json<{ review: Review }>(await run('review', 'show', '--week', '2026-W47', '--json'));
    const [first] = review.summary.practices;
    if (!first) throw new Error('a practice in the review');
    first.name = '🧘 瞑想';
    review.summary.checkins = 1;
    const rendered = renderReview(review, 'UTC');
    expect(rendered[1]).toMatch(/; 1 check-in\.$/);
    const top = rendered.findIndex((l) => l.startsWith('PRACTICE'));
    const table = rendered.slice(top, rendered.indexOf('', top));
    expect(table.length).toBe(review.summary.practices.length + 1);
    const header = table[0] ?? '';
    for (const line of table.slice(1)) {
      expect(width(line.slice(0, line.search(/\d+% →/))), line).toBe(header.indexOf('STRENGTH'));
    }
    expect(shown.stdout).toContain('2026-11-16 Run: Slow but fun');
    expect(shown.stdout).toContain('Read: adjust to 3× in 7 days from 2026-11-23');
    expect(shown.stdout).toContain('WHO-5: 60 of 100 (private to you)');
    const md = ok(await run('review', 'show', '--week', '2026-11-18', '--markdown'));
    expect(md.stdout).toContain('# Weekly review: 2026-11-16 to 2026-11-22 (2026-W47)');
    expect(md.stdout).toContain("## 4. Next week's one small thing\n\nShoes out on Sunday");
    // A draft for a past week, saved from flags (no terminal here, so no prompts).
    const draft = ok(await run('review', '--week', '2026-W46', '--line', 'Getting going'));
    expect(draft.stdout).toContain('(2026-W46): draft');
    expect(draft.stderr).toContain('Draft saved');
    const { reviews } = json<{ reviews: ReviewListItem[] }>(await run('review', 'list', '--json'));
    expect(reviews.map((r) => [r.weekStart, r.status, r.line])).toEqual([
      ['2026-11-09', 'draft', 'Getting going'],
      ['2026-11-16', 'completed', 'A slow week'],
    ]);
  });

  it('reports bad answers and weeks in one line, naming the field', async () => {
    const who5 = await run('review', '--week', '2026-W46', '--who5', '3,3,9,3,3');
    expect(who5.code).toBe(2);
    expectOneLineError(who5, /--who5 \(answer 3\): /);
    const week = await run('review', '--week', '2026-W99');
    expect(week.code).toBe(2);
    expectOneLineError(week, /week/);
    const future = await run('review', '--week', '2026-W49', '--complete');
    expectOneLineError(future, /week/);
    const usage = await run('review', '--who5', '1,2');
    expect(usage.code).toBe(2);
    const schedule = await run('review', '--week', '2026-W46', '--adjust', 'Read=sometimes');
    expect(schedule.code).toBe(2);
    expectOneLineError(schedule, /not a schedule/);
    // Out of bounds: refused before anything is sent, as --times/--days/--every are.
    for (const [adjust, message] of [
      ['Read=3/0', /"3\/0": times and days are whole numbers from 1 to 365/],
      ['Read=0/7', /"0\/7": times and days are whole numbers from 1 to 365/],
      ['Read=8/7', /"8\/7": 8 times is more than 7 days/],
      ['Read=every 0', /"every 0": every N days takes a whole number from 1 to 365/],
      ['Read=every 366', /"every 366": every N days/],
    ] as const) {
      const r = await run('review', '--week', '2026-W46', '--adjust', adjust);
      expect(r.code, adjust).toBe(2);
      expectOneLineError(r, message);
    }
  });

  it('tack insights lists what Tack notices, and dismisses', async () => {
    expect(ok(await run('insights')).stdout).toBe('Nothing to point out right now.\n');
    for (const week of ['2026-W43', '2026-W44', '2026-W45']) {
      ok(await run('review', '--week', week, '--compared', 'yes', '--complete'));
    }
    const shown = ok(await run('insights'));
    expect(shown.stdout).toMatch(/^\[P5\] Comparing yourself with others$/m);
    expect(shown.stdout).toContain('Next step: ');
    expect(shown.stdout).toContain('Source: Ordóñez');
    expect(shown.stdout).toContain('Dismiss: tack insights dismiss P5');
    const list = json<InsightList>(await run('insights', '--json'));
    expect(list.insights.map((i) => i.key)).toEqual(['P5']);
    expect(ok(await run('insights', 'dismiss', 'P5')).stdout).toBe('Dismissed P5.\n');
    expect(json<InsightList>(await run('insights', '--json'))).toMatchObject({ insights: [], dismissed: 1 });
    const missing = await run('insights', 'dismiss', 'P3');
    expect(missing.code).toBe(1);
    expectOneLineError(missing, /NOT_FOUND/);
  });

  it("--adjust says what a measurable practice's target will mean over the new period", async () => {
    const sit = (
      (
        await api('POST', '/api/v1/practices', {
          name: 'Sit',
          kind: 'measurable',
          unit: 'minutes',
          target: 10,
          frequency: { kind: 'times', times: 1, days: 1 },
          startDate: '2026-11-09',
        })
      ).practice as { id: string }
    ).id;
    const adjusted = ok(await run('review', '--week', '2026-W46', '--adjust', 'Sit=3/7', '--keep', 'Read'));
    expect(adjusted.stderr).toContain(
      `"Sit": its target counts over the new schedule's period: at least 10 minutes per 7 days (was a day). ` +
        `Change it with 'tack practices edit ${sit} --target N'.`,
    );
    // A yes/no practice has no target to mention, nor does a measurable one whose period stays.
    const same = ok(await run('review', '--week', '2026-W46', '--adjust', 'Sit=1/1', '--adjust', 'Read=3/7'));
    expect(same.stderr).not.toContain('target');
  });
});
