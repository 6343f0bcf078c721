// How `tack` treats what a person types: names that fit several items, bad flag values (exit 2), errors in the
// CLI's own words, review flags that add to the draft, logging out with a revoked token, empty --token or
// TACK_TOKEN, times in the person's time zone, Today's count and the restore summary; names shared by several
// items, too long values and the server's field errors in the flags' words. The real binary against a real
// server on SQLite; tests in a suite run in order and build on each other.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Direction, Experiment, Goal, Intention, Practice, Review, Today } from '@tack/contracts';
import { loadConfig, type RunningServer, startServer } from '@tack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, type Result, signUpAndCreateToken, tack } from './support.ts';

const temps: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tack-cli-usage-${prefix}-`));
  temps.push(dir);
  return dir;
}

function ok(r: Result): Result {
  expect(r.stderr, r.stderr).not.toMatch(/^tack:/m);
  expect(r.code, r.stderr).toBe(0);
  return r;
}
const json = <T>(r: Result): T => JSON.parse(ok(r).stdout) as T;

/** A usage error: exit 2, one `tack: …` line matching `pattern`, nothing on stdout. */
function usage(r: Result, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expectOneLineError(r, pattern);
  expect(r.stdout).toBe('');
}

describe('tack usage: lookups, flag values, messages', () => {
  let server: RunningServer;
  let configDir: string;
  let token: string;
  let cookie: string;
  const run = (...args: string[]) => tack(args, { configDir });
  const withEnv = (env: Record<string, string>, ...args: string[]) => tack(args, { configDir, env });

  beforeAll(async () => {
    server = await startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('data'),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    );
    configDir = await tempDir('cfg');
    const email = `ada-${randomBytes(3).toString('hex')}@example.com`;
    ({ token } = await signUpAndCreateToken(server.url, email));
    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    ok(await run('login', '--server', server.url, '--token', token));
  });

  afterAll(async () => {
    await server?.close();
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it('experiments: a name that fits several (hypothesis or undecided direction) is refused, listing them', async () => {
    ok(await run('directions', 'add', 'a calmer parent'));
    ok(await run('directions', 'add', 'a runner'));
    const breathing = json<{ experiment: Experiment }>(
      await run('experiments', 'start', 'calmer', '--hypothesis', 'breathing helps', '--json'),
    ).experiment;
    const running = json<{ experiment: Experiment }>(
      await run('experiments', 'start', 'runner', '--hypothesis', 'running before work leaves me calmer', '--json'),
    ).experiment;

    // "calmer" is the direction of one experiment and part of the other's hypothesis: never a guess.
    const decide = await run('experiments', 'decide', 'calmer', '--deepen', '--learned', 'it works', '--json');
    usage(decide, /"calmer" matches 2 experiments: .*breathing helps.*running before work/);
    expect(decide.stderr).toContain(breathing.id);
    expect(decide.stderr).toContain(running.id);
    const list = json<{ experiments: Experiment[] }>(await run('experiments', 'list', '--json')).experiments;
    expect(list.every((e) => e.verdict === null)).toBe(true);

    // One match (an exact hypothesis, an exact direction, or one part) still works.
    const exact = json<{ experiment: Experiment }>(await run('experiments', 'show', 'breathing helps', '--json'));
    expect(exact.experiment.id).toBe(breathing.id);
    const byDirection = json<{ experiment: Experiment }>(await run('experiments', 'show', 'a runner', '--json'));
    expect(byDirection.experiment.id).toBe(running.id);
    const part = json<{ experiment: Experiment }>(await run('experiments', 'show', 'before work', '--json'));
    expect(part.experiment.id).toBe(running.id);
  });

  it('practices: an exact name wins; several partial matches (prefix or not) are refused with exit 2', async () => {
    ok(await run('practices', 'add', 'Run'));
    ok(await run('practices', 'add', 'Running shoes out'));
    ok(await run('practices', 'add', 'Morning run'));
    ok(await run('practices', 'add', 'Stretch'));
    ok(await run('practices', 'add', 'Evening stretch'));
    expect(ok(await run('checkin', 'run')).stdout).toMatch(/^✓ Run — done on /);
    const several = await run('checkin', 'ning');
    usage(several, /"ning" matches 3 practices: /);
    for (const name of ['Running shoes out', 'Morning run', 'Evening stretch']) expect(several.stderr).toContain(name);
    expect(several.stderr).toMatch(/\([0-9a-f-]{36}\)/);
    // A prefix no longer beats a match inside another name.
    usage(await run('practices', 'delete', 'stre', '--yes'), /"stre" matches 2 practices/);
    expect(ok(await run('checkin', 'shoes')).stdout).toMatch(/^✓ Running shoes out — done on /);
  });

  it('bad flag values are wrong usage (exit 2), checked before anything is sent', async () => {
    usage(await run('practices', 'add', 'X', '--every', '0'), /--every .*whole number from 1 to 365/);
    usage(await run('practices', 'add', 'X', '--every', '100000'), /--every .*whole number from 1 to 365/);
    usage(await run('practices', 'add', 'X', '--times', '9', '--days', '7'), /--times 9 is more than --days 7/);
    usage(await run('practices', 'add', 'X', '--start', '2026-02-30'), /--start: "2026-02-30" is not a real date/);
    usage(await run('practices', 'add', 'X', '--start', 'tomorrow'), /--start: "tomorrow" is not a date/);
    usage(await run('checkin', 'run', '--date', '2026-02-30'), /--date: "2026-02-30" is not a real date/);
    usage(
      await run('experiments', 'start', 'runner', '--hypothesis', 'x', '--weeks', '0'),
      /whole number from 1 to 26/,
    );
    usage(
      await run('practices', 'add', 'X', '--target', '5'),
      /--target is for measurable practices: add --measurable/,
    );
    usage(await run('practices', 'add', 'X', '--measurable'), /a measurable practice needs --target/);
    // Nothing was made by any of them.
    const names = json<{ practices: { name: string }[] }>(await run('practices', 'list', '--json')).practices;
    expect(names.map((p) => p.name)).not.toContain('X');
    // Valid values still work.
    ok(await run('practices', 'add', 'Water', '--every', '3', '--start', 'today'));
  });

  it("the server's refusals name the CLI's flags and exit 2", async () => {
    usage(await run('practices', 'add', ' '), /^tack: the name: must not be empty \(VALIDATION_FAILED\)$/);
    const goal = await run('goals', 'add', 'Delegate', '--learning', '--learn', 'hand over');
    ok(goal);
    const revise = await run('goals', 'revise', 'delegate', '--kind', 'performance', '--reason', 'x');
    usage(revise, /^tack: --metric: .*\(VALIDATION_FAILED\)$/);
    usage(
      await run('goals', 'revise', 'delegate', '--no-direction', '--direction', 'runner', '--reason', 'x'),
      /choose --direction or --no-direction, not both/,
    );
    ok(await run('goals', 'revise', 'delegate', '--direction', 'runner', '--reason', 'serves running'));
    const show = ok(await run('goals', 'show', 'delegate'));
    expect(show.stdout).toMatch(/#1 .* changed direction: serves running/);
    expect(show.stdout).not.toContain('directionId');
    // "let go" is taken by goals list --status as by goals status.
    ok(await run('goals', 'list', '--status', 'let go'));
    expect(json<{ goals: Goal[] }>(await run('goals', 'list', '--json')).goals).toHaveLength(1);
  });

  it('review --keep/--adjust/--drop add to the decisions in the draft (same practice: replaced)', async () => {
    ok(await run('review', '--keep', 'run'));
    ok(await run('review', '--drop', 'water=not needed'));
    ok(await run('review', '--adjust', 'morning=3/7'));
    ok(await run('review', '--keep', 'water'));
    const r = json<{ review: Review }>(await run('review', 'show', '--json')).review;
    const byName = new Map(r.summary.practices.map((p) => [p.practiceId, p.name]));
    const decided = Object.fromEntries((r.answers.decisions ?? []).map((d) => [byName.get(d.practiceId), d.decision]));
    expect(decided).toEqual({ Run: 'keep', Water: 'keep', 'Morning run': 'adjust' });
    usage(await run('review', '--keep', 'water', '--drop', 'water'), /"Water" is given to both --keep and --drop/);
    usage(await run('review', '--intention', 'no equals sign'), /--intention takes INTENTION=ANSWER/);
  });

  it('an empty --token, --server or TACK_TOKEN is an error, not a fall-back to the saved login', async () => {
    usage(await run('--token', '', 'whoami'), /--token is empty/);
    usage(await run('--server', '', 'whoami'), /--server is empty/);
    usage(await withEnv({ TACK_TOKEN: '' }, 'whoami'), /TACK_TOKEN is empty/);
    ok(await run('whoami'));
  });

  it("times show in the person's time zone, whatever the machine's TZ", async () => {
    const me = await fetch(`${server.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ timeZone: 'Pacific/Kiritimati' }),
    });
    expect(me.status, await me.clone().text()).toBe(200);
    const practice = json<{ practice: { createdAt: string } }>(await run('practices', 'show', 'run', '--json'));
    const expected = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Pacific/Kiritimati',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(new Date(practice.practice.createdAt))
      .replace(',', '');
    for (const tz of ['UTC', 'Pacific/Pago_Pago']) {
      const shown = ok(await withEnv({ TZ: tz }, 'practices', 'show', 'run'));
      expect(shown.stdout).toMatch(new RegExp(`created\\s+${expected}`));
      const tokens = ok(await withEnv({ TZ: tz }, 'tokens', 'list'));
      expect(tokens.stdout).toContain(expected.slice(0, 10));
      expect(tokens.stderr).toMatch(/^\* the token this CLI uses$/m);
    }
  });

  it("today's N of M counts only what is due, as the web app does", async () => {
    const today = json<Today>(await run('today', '--json'));
    const due = today.items.filter((i) => i.due && !i.paused);
    const done = due.filter((i) => i.checkin?.status === 'done');
    const r = ok(await run('today'));
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`: ${done.length} of ${due.length} done$`));
  });

  it('help for an unknown command says so', async () => {
    const r = await run('help', 'bogus');
    expect(r.code).toBe(2);
    expectOneLineError(r, /unknown command 'bogus'/);
    expect(ok(await run('help', 'practices')).stdout).toMatch(/^Usage: tack practices/);
  });

  it('--help after a mistyped command says so, instead of the group help with exit 0', async () => {
    for (const [args, message] of [
      [['chains', 'add', '--help'], /^tack: unknown command 'add' \(see 'tack chains --help'\)$/],
      [['practice', 'lsit', '-h'], /^tack: unknown command 'lsit' \(see 'tack practices --help'\)$/],
      [['bogus', '--help'], /^tack: unknown command 'bogus' \(see 'tack --help'\)$/],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expectOneLineError(r, message);
    }
    // Words that are a command's own arguments are not commands.
    expect(ok(await run('checkin', 'no such practice', '--help')).stdout).toMatch(/^Usage: tack checkin/);
    expect(ok(await run('practices', 'help', '--help')).stdout).toMatch(/^Usage: tack practices/);
    expect(ok(await run('practices', 'ls', '--help')).stdout).toMatch(/^Usage: tack practices list/);
  });

  it('restore names every section it restored; problems in the file are listed one per line', async () => {
    const backup = join(configDir, 'backup.json');
    ok(await run('export', '--out', backup));
    const other = await signUpAndCreateToken(server.url, `bo-${randomBytes(3).toString('hex')}@example.com`);
    const empty = join(configDir, 'empty.json');
    await writeFile(empty, '{}');
    const bad = await withEnv({ TACK_TOKEN: other.token }, 'restore', empty);
    expect(bad.code).toBe(1); // a bad file is a failure, not wrong usage
    const lines = bad.stderr.split('\n').filter((l) => l.startsWith('tack:') || l.startsWith('  - '));
    expect(lines[0]).toMatch(/^tack: not a valid Tack backup \(VALIDATION_FAILED\):$/);
    expect(lines).toContain('  - intentions: required'); // the file's path, not a flag
    expect(lines.length).toBeGreaterThan(3);

    const restored = await withEnv({ TACK_TOKEN: other.token }, 'restore', backup);
    ok(restored);
    expect(restored.stdout).toMatch(/practices created/);
    expect(restored.stdout).toMatch(/^Also restored: 2 directions, 2 experiments, 1 goal and 1 weekly review\.$/m);
    expect(JSON.parse(await readFile(backup, 'utf8')).version).toBe(2);
  });

  it('logout --revoke with a token already revoked still forgets it, and exits 0', async () => {
    const { tokens } = json<{ tokens: { id: string; prefix: string }[] }>(await run('tokens', 'list', '--json'));
    const mine = tokens.find((t) => token.startsWith(t.prefix));
    expect(mine).toBeDefined();
    const revoked = await run('tokens', 'revoke', mine?.id ?? '');
    expect(revoked.code, revoked.stderr).toBe(0);
    const out = await run('logout', '--revoke');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/already revoked or invalid/);
    expect(out.stdout).toMatch(/^Logged out of /);
    const config = JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.token).toBeUndefined();
    expect(config.server).toBe(server.url);
  });
});

describe('tack usage: shared names, long values, field words', () => {
  let server: RunningServer;
  let configDir: string;
  let token: string;
  const run = (...args: string[]) => tack(args, { configDir });
  /** A success that printed one warning line on stderr (and nothing else starting with `tack:`). */
  function warned(r: Result, pattern: RegExp): Result {
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('tack:'));
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^tack: warning: /);
    expect(lines[0]).toMatch(pattern);
    return r;
  }

  beforeAll(async () => {
    server = await startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('names'),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    );
    configDir = await tempDir('names-cfg');
    ({ token } = await signUpAndCreateToken(server.url, `cy-${randomBytes(3).toString('hex')}@example.com`));
    ok(await run('login', '--server', server.url, '--token', token));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('a practice named like another is made with a warning; the shared name then asks for an id', async () => {
    const first = json<{ practice: Practice }>(await run('practices', 'add', 'Meditate', '--json')).practice;
    const second = warned(
      await run('practices', 'add', 'meditate'),
      new RegExp(`another practice is already called "meditate": id ${first.id}; .*give its id`),
    );
    const secondId = /\(id ([0-9a-f-]{36})\)/.exec(second.stdout)?.[1] ?? '';
    expect(secondId).not.toBe('');
    for (const args of [
      ['checkin', 'Meditate'],
      ['practices', 'show', 'meditate'],
      ['review', '--keep', 'Meditate'],
    ]) {
      const r = await run(...args);
      usage(r, /"[Mm]editate" matches 2 practices: .*; they have the same name, so give the id of the one you mean$/);
      expect(r.stderr).toContain(first.id);
      expect(r.stderr).toContain(secondId);
    }
    expect(ok(await run('checkin', secondId)).stdout).toMatch(/^✓ meditate — done on /);
    // Renaming into a name in use warns too; an archived practice still counts (commands can name it).
    ok(await run('practices', 'add', 'Stretch'));
    ok(await run('practices', 'archive', first.id));
    warned(
      await run('practices', 'edit', 'stretch', '--name', 'Meditate'),
      new RegExp(`2 other practices are already called "Meditate": ids .*${first.id} \\(archived\\)`),
    );
    // A name of its own: no warning.
    ok(await run('practices', 'add', 'Read'));
  });

  it('directions, goals, intentions, experiments and chains warn on a shared name, and lookups list the ids', async () => {
    const direction = json<{ direction: Direction }>(await run('directions', 'add', 'A runner', '--json')).direction;
    const again = warned(
      await run('directions', 'add', 'A runner'),
      new RegExp(`another direction is already called "A runner": id ${direction.id}`),
    );
    const againId = /\(id ([0-9a-f-]{36})\)/.exec(again.stdout)?.[1] ?? '';
    // The hint names the new one by its id: its name would fit both.
    expect(again.stderr).toContain(`tack directions answer ${againId} TEXT`);
    usage(await run('directions', 'show', 'a runner'), /"a runner" matches 2 directions: .*give the id/);

    const goal = json<{ goal: Goal }>(await run('goals', 'add', 'Delegate', '--learning', '--learn', 'x', '--json'));
    warned(
      await run('goals', 'add', 'Delegate', '--learning', '--learn', 'y'),
      new RegExp(`another goal is already called "Delegate": id ${goal.goal.id}`),
    );
    usage(await run('goals', 'show', 'delegate'), /"delegate" matches 2 goals: .*give the id/);
    ok(await run('goals', 'add', 'Listen', '--learning', '--learn', 'z'));
    warned(
      await run('goals', 'revise', 'listen', '--title', 'delegate', '--reason', 'same thing'),
      /2 other goals are already called "delegate"/,
    );

    ok(await run('intentions', 'add', 'Be curious'));
    warned(await run('intentions', 'add', 'Be curious'), /another intention is already called "Be curious"/);
    usage(await run('intentions', 'show', 'Be curious'), /"Be curious" matches 2 intentions: .*give the id/);

    ok(await run('experiments', 'start', direction.id, '--hypothesis', 'Mornings calm me'));
    warned(
      await run('experiments', 'start', againId, '--hypothesis', 'Mornings calm me'),
      /another experiment is already called "Mornings calm me"/,
    );
    usage(await run('experiments', 'show', 'Mornings calm me'), /"Mornings calm me" matches 2 experiments/);

    ok(await run('chains', 'start', 'Shoes out', '--title', 'Marathon'));
    warned(
      await run('chains', 'start', 'Laces tied', '--title', 'Marathon'),
      /another chain is already called "Marathon"/,
    );
    usage(await run('chains', 'show', 'marathon'), /"marathon" matches 2 chains: .*give the id/);

    // Bringing one back beside a live one of the same name warns as well.
    ok(await run('intentions', 'add', 'Be kind'));
    const kind = json<{ intentions: Intention[] }>(await run('intentions', 'list', '--json')).intentions.find(
      (i) => i.statement === 'Be kind',
    );
    ok(await run('intentions', 'delete', kind?.id ?? '', '--yes'));
    ok(await run('intentions', 'add', 'Be kind'));
    warned(await run('intentions', 'restore', kind?.id ?? ''), /another intention is already called "Be kind"/);
  });

  it('experiments show names its practices (an id only where a name is shared); --json keeps the ids', async () => {
    const practices = json<{ practices: Practice[] }>(await run('practices', 'list', '--json')).practices;
    const read = practices.find((p) => p.name === 'Read');
    const meditate = practices.find((p) => p.name === 'meditate');
    ok(await run('directions', 'add', 'A reader'));
    const started = json<{ experiment: Experiment }>(
      await run(
        'experiments',
        'start',
        'A reader',
        '--hypothesis',
        'Reading at night helps me sleep',
        '--practice',
        'Read',
        '--practice',
        meditate?.id ?? '',
        '--json',
      ),
    ).experiment;
    expect(started.practiceIds).toEqual([read?.id, meditate?.id]);
    const shown = ok(await run('experiments', 'show', 'Reading at night'));
    const line = shown.stdout.split('\n').find((l) => /^ {2}practices\s/.test(l));
    // "meditate" shares its name with two other practices: its id says which one it is.
    expect(line).toBe(`  practices  Read, meditate (${meditate?.id})`);
  });

  it('too long names and texts are refused before anything is sent, in words naming the flag', async () => {
    const long = (n: number) => 'x'.repeat(n);
    usage(await run('practices', 'add', long(130)), /^tack: the name: at most 120 characters \(you gave 130\)$/);
    usage(await run('tokens', 'create', long(95)), /^tack: the name: at most 80 characters \(you gave 95\)$/);
    usage(
      await run('practices', 'edit', 'Read', '--name', long(121)),
      /^tack: --name: at most 120 characters \(you gave 121\)$/,
    );
    usage(
      await run('goals', 'add', 'G', '--learning', '--learn', 'x', '--strategy', 'ok', '--strategy', long(4001)),
      /^tack: --strategy: at most 4000 characters \(you gave 4001\)$/,
    );
    usage(await run('review', '--line', long(4001)), /^tack: --line: at most 4000 characters \(you gave 4001\)$/);
    // Spaces around a value are not counted, as the server trims them.
    ok(await run('practices', 'add', ` ${long(120)} `));
    // A year's theme defaults to the statement, cut to a name's length as the server counts it (emoji count twice).
    const year = json<{ intention: Intention }>(
      await run('intentions', 'add', '🌱'.repeat(130), '--horizon', 'year', '--period', '2026', '--json'),
    ).intention.horizon;
    expect(year).toEqual({ kind: 'year', year: 2026, theme: '🌱'.repeat(60) });
    // The unit too, with the shared limit.
    const unit = await run('practices', 'add', 'Coffee', '--measurable', '--target', '2', '--unit', long(41));
    usage(unit, /^tack: --unit: at most 40 characters \(you gave 41\)$/);
    expect(unit.stderr).not.toMatch(/Too big|expected string/);
  });

  it("the server's refusals name the flag or argument typed, not the API's field", async () => {
    ok(await run('directions', 'add', 'A writer'));
    ok(await run('experiments', 'start', 'A writer', '--hypothesis', 'I like writing', '--start', '2026-01-05'));
    const before = await run(
      'experiments',
      'decide',
      'I like writing',
      '--let-go',
      '--learned',
      'x',
      '--on',
      '2026-01-01',
    );
    usage(before, /^tack: --on: .*\(VALIDATION_FAILED\)$/);
    usage(await run('chains', 'start', 'Pack a bag', '--week', '2026-W99'), /^tack: --week: must be an ISO week/);
    usage(
      await run('chains', 'start', ' '),
      /^tack: this week's small thing: must not be empty \(VALIDATION_FAILED\)$/,
    );
    ok(await run('intentions', 'add', 'Stay calm'));
    const week = await run('intentions', 'answer', 'Stay calm', 'x', '--week', '2999-W01');
    usage(week, /^tack: --week: /);
    for (const r of [before, week]) expect(r.stderr).not.toMatch(/decidedOn|isoWeek|thisWeek/);
  });
});
