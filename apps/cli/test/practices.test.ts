// `tack today`, `tack checkin` and `tack practices …`: the real binary against a real server, on SQLite and,
// when TACK_TEST_PG_URL is set, on PostgreSQL. Tests in a suite run in order and build on each other.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Practice, StrengthDto, Today } from '@tack/contracts';
import { loadConfig, startServer } from '@tack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, type Result, signUpAndCreateToken, tack } from './support.ts';

const PG_URL = process.env.TACK_TEST_PG_URL;
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const temps: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tack-cli-practices-${prefix}-`));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** Today and yesterday in UTC, the time zone of a new account. */
function utcDays() {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const weekday = WEEKDAY_NAMES[now.getUTCDay()] ?? 'monday';
  const otherDay = WEEKDAY_NAMES[(now.getUTCDay() + 3) % 7] ?? 'thursday';
  return { today, yesterday, weekday, otherDay };
}

function ok(r: Result): Result {
  expect(r.stderr, r.stderr).not.toMatch(/^tack:/m);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

function json<T>(r: Result): T {
  ok(r);
  return JSON.parse(r.stdout) as T;
}

/** The rows of an aligned table: a map from the first column (NAME) to its cells, split on 2+ spaces. */
function tableRows(stdout: string): { header: string; rows: Map<string, string[]> } {
  const [header = '', ...lines] = stdout.trimEnd().split('\n');
  return { header, rows: new Map(lines.map((l) => [l.split(/ {2,}/)[0] ?? '', l.split(/ {2,}/)])) };
}

interface Backend {
  url: string;
  close(): Promise<void>;
}

function practiceSuite(start: () => Promise<Backend>) {
  let backend: Backend;
  let configDir: string;
  let token: string;
  const run = (...args: string[]) => tack(args, { configDir });
  const days = utcDays();

  beforeAll(async () => {
    backend = await start();
    configDir = await tempDir('cfg');
    ({ token } = await signUpAndCreateToken(backend.url, `ada-${randomBytes(3).toString('hex')}@example.com`));
    ok(await run('login', '--server', backend.url, '--token', token));
  });

  afterAll(async () => {
    await backend?.close();
  });

  it('adds practices of each schedule kind and a measurable one', async () => {
    const move = ok(
      await run('practices', 'add', 'Move 30 minutes', '--times', '3', '--days', '7', '--area', 'Health'),
    );
    expect(move.stdout).toMatch(new RegExp(`^Added "Move 30 minutes": 3× in 7 days from ${days.today}, in Health`));
    expect(move.stderr).toContain('Created area "Health".');

    const meditate = ok(await run('practices', 'add', 'Meditate', '--daily', '--area', 'health', '--why', 'calm'));
    expect(meditate.stdout).toContain('in Health'); // the same area, found case-insensitively
    expect(meditate.stderr).toBe('');

    const weekdays = `${days.weekday.slice(0, 3)},${days.otherDay}`; // due today
    ok(await run('practices', 'add', 'Piano', '--weekdays', weekdays, '--if', 'it is 7pm', '--then', 'I play'));
    ok(await run('practices', 'add', 'Water the plants', '--every', '2'));
    const run5k = json<{ practice: Practice }>(
      await run('practices', 'add', 'Run', '--measurable', '--target', '5', '--unit', 'km', '--daily', '--json'),
    );
    expect(run5k.practice).toMatchObject({ name: 'Run', kind: 'measurable', target: 5, unit: 'km' });
    expect(run5k.practice.targetType).toBe('atLeast');

    const ids = new Map(
      json<{ practices: Practice[] }>(await run('practices', 'list', '--json')).practices.map((p) => [
        p.name,
        p.id.slice(0, 8),
      ]),
    );
    const list = ok(await run('practices', 'list'));
    const { header, rows } = tableRows(list.stdout);
    expect(header).toMatch(/^NAME\s+SCHEDULE\s+TARGET\s+STATE\s+AREA\s+ID$/);
    const id = (name: string) => ids.get(name) ?? '';
    expect(rows.get('Move 30 minutes')).toEqual([
      'Move 30 minutes',
      '3× in 7 days',
      'active',
      'Health',
      id('Move 30 minutes'),
    ]);
    expect(rows.get('Meditate')).toEqual(['Meditate', 'daily', 'active', 'Health', id('Meditate')]);
    expect(rows.get('Water the plants')).toEqual([
      'Water the plants',
      'every 2 days',
      'active',
      id('Water the plants'),
    ]);
    expect(rows.get('Run')).toEqual(['Run', 'daily', 'at least 5 km a day', 'active', id('Run')]);
    expect(rows.get('Piano')?.[1]).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/);
    expect(list.stdout.split('\n')[1]?.indexOf('3× in 7 days')).toBe(header.indexOf('SCHEDULE'));
  });

  it('refuses schedule flags that do not fit together (exit 2), and server-side limits name the field', async () => {
    for (const args of [
      ['--times', '3'],
      ['--daily', '--every', '2'],
      ['--weekdays', 'funday'],
      ['--if', 'only half a plan'],
      ['--times', 'x', '--days', '7'],
    ]) {
      const r = await run('practices', 'add', 'Nope', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const tooMany = await run('practices', 'add', 'Nope', '--times', '9', '--days', '7');
    expect(tooMany.code).toBe(2);
    expectOneLineError(tooMany, /^tack: --times 9 is more than --days 7; at most once a day$/);
    const noTarget = await run('practices', 'add', 'Nope', '--measurable');
    expect(noTarget.code).toBe(2);
    expectOneLineError(noTarget, /^tack: a measurable practice needs --target/);
    const tooLong = await run('practices', 'add', 'Nope', '--every', '366');
    expect(tooLong.code).toBe(2);
    expectOneLineError(tooLong, /--every .*whole number from 1 to 365/);
    expect(json<{ practices: Practice[] }>(await run('practices', 'list', '--json')).practices).toHaveLength(5);
  });

  it('today lists what is due, grouped by area, and --json prints the Today object', async () => {
    const r = ok(await run('today'));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Today, \w+ \d{4}-\d\d-\d\d \(UTC\): 0 of \d done$/);
    expect(lines[0]).toContain(days.today);
    const health = lines.indexOf('Health');
    const noArea = lines.indexOf('No area');
    expect(health).toBeGreaterThan(0);
    expect(noArea).toBeGreaterThan(health);
    const under = (from: number) => lines.slice(from + 1, lines.indexOf('', from));
    expect(under(health).join('\n')).toMatch(/○ Move 30 minutes\s+0%/);
    expect(under(health).join('\n')).toMatch(/○ Meditate\s+0%/);
    expect(under(noArea).join('\n')).toMatch(/○ Run\s+0%\s+–\/5 km/);
    expect(under(noArea).join('\n')).toMatch(/○ Piano/);

    const today = json<Today>(await run('today', '--json'));
    expect(today).toMatchObject({ date: days.today, timeZone: 'UTC' });
    expect(today.items.map((i) => i.practice.name).sort()).toEqual(
      ['Meditate', 'Move 30 minutes', 'Piano', 'Run', 'Water the plants'].sort(),
    );
    expect(today.areas.map((a) => a.name)).toEqual(['Health']);
  });

  it('checks in by exact name, prefix or part of the name; an ambiguous or unknown name fails', async () => {
    const exact = ok(await run('checkin', 'move 30 minutes'));
    expect(exact.stdout).toMatch(new RegExp(`^✓ Move 30 minutes — done on ${days.today} \\(strength \\d+%\\)\\n$`));
    const prefix = ok(await run('checkin', 'pia'));
    expect(prefix.stdout).toMatch(/^✓ Piano — done on /);
    const part = ok(await run('checkin', 'plants', '--skip'));
    expect(part.stdout).toMatch(/^– Water the plants — skipped on /);
    const measured = ok(await run('checkin', 'Run', '--value', '6.5', '--energy', '1', '--note', 'easy'));
    expect(measured.stdout).toMatch(/^✓ Run — done on \S+, 6\.5\/5 km \(strength \d+%\)/);

    const ambiguous = await run('checkin', 'm');
    expect(ambiguous.code).toBe(2);
    expectOneLineError(
      ambiguous,
      /"m" matches 2 practices: .*"Move 30 minutes".*"Meditate"|"Meditate".*"Move 30 minutes"/,
    );
    expect(ambiguous.stdout).toBe('');

    const unknown = await run('checkin', 'juggling');
    expect(unknown.code).toBe(1);
    expectOneLineError(unknown, /no active or paused practice matches "juggling"/);

    const today = ok(await run('today'));
    expect(today.stdout).toMatch(/^Today, .*: 3 of 5 done$/m);
    expect(today.stdout).toMatch(/✓ Move 30 minutes/);
    expect(today.stdout).toMatch(/✓ Run\s+\d+%\s+6\.5\/5 km/);
    expect(today.stdout).toMatch(/– Water the plants\s+\d+%\s+skipped/);
    expect(today.stdout).toMatch(/○ Meditate/);

    // An amount below the daily target is logged, not done: ◐, and counted apart (as on the web's Today).
    const short = ok(await run('checkin', 'Run', '--value', '3'));
    expect(short.stdout).toMatch(/^◐ Run — done on \S+, 3\/5 km below target \(strength \d+%\)/);
    const shortToday = ok(await run('today'));
    expect(shortToday.stdout).toMatch(/^Today, .*: 2 of 5 done, 1 more logged off target$/m);
    expect(shortToday.stdout).toMatch(/◐ Run\s+\d+%\s+3\/5 km\s+below target/);
    ok(await run('checkin', 'Run', '--value', '6.5', '--energy', '1', '--note', 'easy'));
  });

  it('surfaces the server field errors as one line naming the field', async () => {
    const value = await run('checkin', 'Piano', '--value', '3');
    expect(value.code).toBe(2);
    expectOneLineError(value, /^tack: --value: a yes\/no practice takes no value \(VALIDATION_FAILED\)$/);

    const future = await run('checkin', 'Piano', '--date', '2999-01-01');
    expect(future.code).toBe(2);
    expectOneLineError(future, /^tack: --date: 2999-01-01 is in the future .*\(VALIDATION_FAILED\)$/);

    const energy = await run('checkin', 'Piano', '--energy', '3');
    expect(energy.code).toBe(2);
    expectOneLineError(energy, /^tack: --energy: .*\(VALIDATION_FAILED\)$/);

    const amount = await run('checkin', 'Run');
    expect(amount.code).toBe(2);
    expectOneLineError(amount, /^tack: --value: how much\? \(km\) \(VALIDATION_FAILED\)$/);

    const badDate = await run('today', '--date', '2999-01-01');
    expect(badDate.code).toBe(2);
    expectOneLineError(badDate, /^tack: --date: .*future/);

    const both = await run('checkin', 'Piano', '--skip', '--not-done');
    expect(both.code).toBe(2);
    expectOneLineError(both, /cannot be used with/);
  });

  it('checkin --json for yesterday parses, and today --date shows that day', async () => {
    const body = json<{ checkin: { date: string; status: string; energy: number | null }; strength: number }>(
      await run('checkin', 'meditate', '--date', 'yesterday', '--not-done', '--energy', '-1', '--json'),
    );
    expect(body.checkin).toMatchObject({ date: days.yesterday, status: 'notDone', energy: -1 });
    expect(typeof body.strength).toBe('number');

    const before = ok(await run('today', '--date', days.yesterday));
    expect(before.stdout.split('\n')[0]).toMatch(new RegExp(`^\\w+ ${days.yesterday} \\(UTC\\)`));
    expect(before.stdout).toMatch(/✗ Meditate\s+\d+%\s+not done/);
  });

  it("checkin --undo removes a day's check-in (not the same as not done); nothing to remove is an error", async () => {
    ok(await run('checkin', 'water', '--date', 'yesterday', '--note', 'by mistake'));
    const undone = ok(await run('checkin', 'water', '--date', 'yesterday', '--undo'));
    expect(undone.stdout).toMatch(
      new RegExp(`^Removed the check-in of "Water the plants" on ${days.yesterday} \\(strength \\d+%\\)\\.\n$`),
    );
    const body = json<{ practices: Practice[] }>(await run('practices', 'list', '--json'));
    const water = body.practices.find((p) => p.name === 'Water the plants');
    const res = await fetch(
      `${backend.url}/api/v1/practices/${water?.id}/checkins?from=${days.yesterday}&to=${days.yesterday}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(((await res.json()) as { checkins: unknown[] }).checkins).toEqual([]);

    const again = await run('checkin', 'water', '--date', 'yesterday', '--undo');
    expect(again.code).toBe(1);
    expectOneLineError(again, /^tack: "Water the plants" has no check-in on \S+; nothing was removed$/);
    const mixed = await run('checkin', 'water', '--undo', '--skip');
    expect(mixed.code).toBe(2);
    expectOneLineError(mixed, /--undo.*--skip/);
  });

  it('edit changes the schedule from a day on and prints the 14-day preview', async () => {
    const r = ok(await run('practices', 'edit', 'piano', '--weekdays', 'mon,wed,fri', '--why', 'for fun'));
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Updated "Piano": why, schedule.');
    expect(lines[1]).toBe(`From ${days.today}: Mon, Wed, Fri.`);
    expect(lines[2]).toBe('Next 14 days (● due):');
    expect(lines).toHaveLength(7);
    expect(lines[3]).toMatch(/^ {2}(\w{3} \d\d {2}){6}\w{3} \d\d$/);
    expect((lines[4]?.match(/●/g) ?? []).length + (lines[6]?.match(/●/g) ?? []).length).toBe(6);

    const later = json<{ practice: Practice; preview: { date: string; due: boolean }[] }>(
      await run('practices', 'edit', 'piano', '--every', '2', '--from', '2999-01-01', '--json'),
    );
    expect(later.preview).toHaveLength(14);
    expect(later.preview[0]?.date).toBe('2999-01-01');
    expect(later.practice.scheduleHistory.at(-1)).toEqual({
      effectiveFrom: '2999-01-01',
      frequency: { kind: 'interval', everyDays: 2 },
    });
    expect(later.practice.schedule.frequency.kind).toBe('weekdays'); // still in force today

    const renamed = ok(await run('practices', 'edit', 'water', '--name', 'Water plants', '--area', 'Home'));
    expect(renamed.stdout).toBe('Updated "Water plants": name, area.\n');
    expect(renamed.stderr).toContain('Created area "Home".');

    // A measurable target counts over the schedule's period: a new period is said, not silently taken.
    const weekly = ok(await run('practices', 'edit', 'run', '--times', '3', '--days', '7', '--at-most'));
    expect(weekly.stdout.split('\n')[0]).toBe('Updated "Run": now at most, schedule.');
    expect(weekly.stderr).toContain(
      "Its target counts over the new schedule's period: at most 5 km per 7 days (was a day). Change it with --target.",
    );
    const back = ok(await run('practices', 'edit', 'run', '--daily', '--at-least', '--target', '5'));
    expect(back.stderr).not.toContain('period');

    const nothing = await run('practices', 'edit', 'piano');
    expect(nothing.code).toBe(2);
    const fromAlone = await run('practices', 'edit', 'piano', '--from', days.today);
    expect(fromAlone.code).toBe(2);
    const notMeasurable = await run('practices', 'edit', 'piano', '--target', '3');
    expect(notMeasurable.code).toBe(2);
    expectOneLineError(notMeasurable, /^tack: --target: only measurable practices have this \(VALIDATION_FAILED\)$/);
  });

  it('show explains strength and streaks', async () => {
    const r = ok(await run('practices', 'show', 'move'));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Move 30 minutes');
    expect(r.stdout).toMatch(/^ {2}schedule\s+3× in 7 days, since /m);
    expect(r.stdout).toMatch(/^ {2}area\s+Health$/m);
    expect(r.stdout).toMatch(/^ {2}strength\s+\d+%: you did 1 of/m);
    expect(r.stdout).toMatch(new RegExp(`^ {2}streak\\s+1 day, ${days.today} → ${days.today}$`, 'm'));
    expect(r.stdout).toMatch(/^ {2}best streak\s+1 day/m);

    const piano = ok(await run('practices', 'show', 'Piano'));
    expect(piano.stdout).toMatch(/^ {2}if-then\s+if it is 7pm, then I play$/m);
    expect(piano.stdout).toMatch(/^ {2}schedules\s+.* from 2999-01-01$/m);

    const body = json<{ practice: Practice; strength: StrengthDto }>(await run('practices', 'show', 'Run', '--json'));
    expect(body.practice.name).toBe('Run');
    expect(body.strength.practiceId).toBe(body.practice.id);
    expect(body.strength.explanation).toMatch(/^\d+%/);
    expect(body.strength.streaks.current?.length).toBe(1);
  });

  it('pause, resume, archive, restore and delete show in practices list --state …', async () => {
    const names = async (state: string) =>
      json<{ practices: Practice[] }>(await run('practices', 'list', '--state', state, '--json')).practices.map(
        (p) => p.name,
      );

    const paused = ok(await run('practices', 'pause', 'piano'));
    expect(paused.stdout).toBe(`Paused "Piano" from ${days.today} until you resume it.\n`);
    expect(await names('paused')).toEqual(['Piano']);
    expect(await names('active')).not.toContain('Piano');
    const table = tableRows(ok(await run('practices', 'list')).stdout);
    expect(table.rows.get('Piano')?.[2]).toBe('paused');
    const today = ok(await run('today'));
    expect(today.stdout.trimEnd()).toMatch(/\nPaused\n {2}‖ Piano\s+\d+%\s+paused until resumed$/);
    const again = await run('practices', 'pause', 'piano');
    expect(again.code).toBe(1);
    expectOneLineError(again, /\(CONFLICT\)/);

    ok(await run('practices', 'resume', 'piano'));
    expect(await names('paused')).toEqual([]);
    expect(ok(await run('practices', 'list', '--state', 'paused')).stdout).toBe('No paused practices.\n');

    const archived = ok(await run('practices', 'archive', 'water plants'));
    expect(archived.stdout).toMatch(/^Archived "Water plants"; its history is kept/);
    expect(await names('archived')).toEqual(['Water plants']);
    expect(await names('active')).not.toContain('Water plants');
    const gone = await run('checkin', 'water plants');
    expect(gone.code).toBe(1);
    expectOneLineError(gone, /no active or paused practice matches/);
    ok(await run('practices', 'restore', 'water'));
    expect(await names('active')).toContain('Water plants');

    const unconfirmed = await run('practices', 'delete', 'meditate');
    expect(unconfirmed.code).toBe(2);
    expectOneLineError(unconfirmed, /needs confirmation; add --yes/);
    expect(await names('deleted')).toEqual([]);

    const deleted = ok(await run('practices', 'rm', 'meditate', '--yes'));
    expect(deleted.stdout).toMatch(/^Deleted "Meditate"\. You can bring it back until \d{4}-\d\d-\d\d with /);
    expect(await names('deleted')).toEqual(['Meditate']);
    const deletedTable = tableRows(ok(await run('practices', 'list', '--state', 'deleted')).stdout);
    expect(deletedTable.rows.get('Meditate')?.[2]).toMatch(/^deleted \(restorable until \d{4}-\d\d-\d\d\)$/);
    expect(await names('all')).toContain('Meditate');
    expect(await names('active')).not.toContain('Meditate');

    const restored = ok(await run('practices', 'restore', 'meditate'));
    expect(restored.stdout).toBe('Restored "Meditate"; it is active again.\n');
    expect(await names('deleted')).toEqual([]);
  });

  it("refuses another person's practice id with NOT_FOUND", async () => {
    const { token: other } = await signUpAndCreateToken(
      backend.url,
      `grace-${randomBytes(3).toString('hex')}@example.com`,
    );
    const res = await fetch(`${backend.url}/api/v1/practices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` },
      body: JSON.stringify({ name: 'Secret', frequency: { kind: 'interval', everyDays: 1 } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { practice } = (await res.json()) as { practice: Practice };

    for (const args of [
      ['practices', 'show', practice.id],
      ['checkin', practice.id],
      ['practices', 'delete', practice.id, '--yes'],
      ['practices', 'edit', practice.id, '--name', 'Mine now'],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expectOneLineError(r, /\(NOT_FOUND\)/);
    }
    const body = json<{ practices: Practice[] }>(await run('practices', 'list', '--state', 'all', '--json'));
    expect(body.practices.map((p) => p.id)).not.toContain(practice.id);
  });

  it('takes the short ids that lists show wherever a practice is asked for', async () => {
    ok(await run('practices', 'add', 'Stretch', '--daily'));
    const twice = await run('practices', 'add', 'Stretch', '--daily'); // the same name: only the id tells them apart
    expect(twice.code).toBe(0);
    expect(twice.stderr).toMatch(/another practice is already called "Stretch"/);
    const same = await run('checkin', 'stretch');
    expect(same.code).toBe(2);
    expectOneLineError(same, /same name, so give the id/);

    const all = json<{ practices: Practice[] }>(await run('practices', 'list', '--json')).practices;
    const stretches = all.filter((p) => p.name === 'Stretch');
    expect(stretches).toHaveLength(2);
    const [first, second] = stretches;
    if (!first || !second) throw new Error('two practices called Stretch');
    const list = ok(await run('practices', 'list')).stdout;
    expect(list).toMatch(new RegExp(`^Stretch\\s+daily\\s+active\\s+${first.id.slice(0, 8)}$`, 'm'));
    expect(list).toMatch(new RegExp(`^Stretch\\s+daily\\s+active\\s+${second.id.slice(0, 8)}$`, 'm'));
    const shown = ok(await run('practices', 'show', first.id.slice(0, 8)));
    expect(shown.stdout).toContain(first.id);
    const checked = json<{ checkin: { practiceId: string } }>(
      await run('checkin', second.id.slice(0, 8).toUpperCase(), '--json'),
    );
    expect(checked.checkin.practiceId).toBe(second.id);

    // Shorter starts work while they fit one practice; a start shared by several lists them.
    const byPrefix = all.filter((p) => p.id.startsWith(first.id.slice(0, 4)));
    const short = await run('practices', 'show', first.id.slice(0, 4));
    if (byPrefix.length === 1) expect(ok(short).stdout).toContain(first.id);
    else expect(short.code).toBe(2);

    ok(await run('practices', 'delete', first.id.slice(0, 8), '--yes'));
    ok(await run('practices', 'delete', second.id.slice(0, 8), '--yes'));
    const deleted = tableRows(ok(await run('practices', 'list', '--state', 'deleted')).stdout);
    expect(deleted.rows.get('Stretch')?.at(-1)).toMatch(/^[0-9a-f]{8}$/);
    ok(await run('practices', 'restore', first.id.slice(0, 8)));
    ok(await run('practices', 'delete', first.id.slice(0, 8), '--yes'));
  });
}

describe('tack practices on SQLite', () => {
  practiceSuite(async () =>
    startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('data'),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    ),
  );
});

describe.skipIf(!PG_URL)('tack practices on PostgreSQL (TACK_TEST_PG_URL)', () => {
  const dbName = `cli_practices_${randomBytes(6).toString('hex')}`;
  const adminUrl = PG_URL ?? '';

  practiceSuite(async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const server = await startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('pgdata'),
        DATABASE_URL: url.toString(),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    );
    return {
      url: server.url,
      async close() {
        await server.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await dropper.end();
      },
    };
  });
});
