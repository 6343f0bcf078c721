// `tack import`, `tack export` and `tack restore`: the real binary against a real server (SQLite).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer } from '@tack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days, loopBackup } from '../../server/test/portability.fixtures.ts';

const BIN = fileURLToPath(new URL('../bin/tack.mjs', import.meta.url));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('TACK_') || k === 'DATABASE_URL' || k.startsWith('VITEST')) continue;
    env[k] = v;
  }
  return env;
}

function tack(args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...cleanEnv(), ...env }, cwd: tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}

async function personWithToken(url: string, email: string): Promise<string> {
  const headers = { 'content-type': 'application/json', origin: url };
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Ada Lovelace' }),
  });
  expect(signUp.status).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: 'cli' }),
  });
  return ((await created.json()) as { token: string }).token;
}

describe('tack import, export and restore', () => {
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  let ada: Record<string, string>;
  let bo: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tack-cli-portability-'));
    server = await startServer(
      loadConfig({
        TACK_DATA_DIR: join(dir, 'data'),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    );
    const config = { TACK_CONFIG_DIR: join(dir, 'config'), TACK_SERVER: server.url };
    ada = { ...config, TACK_TOKEN: await personWithToken(server.url, 'ada@example.com') };
    bo = { ...config, TACK_TOKEN: await personWithToken(server.url, 'bo@example.com') };
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a Loop backup with --json: the summary on stdout, progress on stderr', async () => {
    const file = join(dir, 'Loop Habits Backup.db');
    await writeFile(
      file,
      loopBackup(
        [{ id: 1, name: 'Meditate', position: 0, uuid: 'u-1' }],
        days('2026-01-01', 30).map((date) => ({ habit: 1, date, value: 2 })),
      ),
    );
    const r = await tack(['import', 'loop', file, '--json'], ada);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ source: 'loop', practicesCreated: 1, checkins: 30 });
    expect(r.stderr).toMatch(/Importing Loop Habits Backup\.db/);
    const again = await tack(['import', 'loop', file], ada);
    expect(again.stdout).toMatch(/0 practices created, 1 updated, 30 check-ins/);
  });

  it('reports a file that is not a Loop file in one line, and a missing file before any request', async () => {
    const junk = join(dir, 'junk.bin');
    await writeFile(junk, 'definitely not a database');
    const r = await tack(['import', 'loop', junk], ada);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tack: .*not a Loop Habit Tracker file.*\(VALIDATION_FAILED\)/m);
    const missing = await tack(['import', 'habitica', join(dir, 'nope.json')], ada);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^tack: cannot read .*nope\.json: no such file/m);
  });

  it('imports Habitica and lists what was not imported', async () => {
    const file = join(dir, 'userdata.json');
    await writeFile(
      file,
      JSON.stringify({
        tasks: {
          habits: [],
          dailys: [{ id: 'd1', text: 'Stretch', frequency: 'daily', everyX: 1, history: [] }],
          todos: [{ id: 't1', text: 'File taxes' }],
        },
      }),
    );
    const r = await tack(['import', 'habitica', file], ada);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Imported from Habitica \(habitica-json\): 1 practice created/);
    expect(r.stdout).toMatch(/to-do "File taxes": a one-off task/);
  });

  it('exports JSON to a private file and CSV to stdout; restores into an empty account only', async () => {
    const out = join(dir, 'backup.json');
    const r = await tack(['export', '--out', out, '--json'], ada);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'json', file: out });
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(await readFile(out, 'utf8')) as { format: string; practices: unknown[] };
    expect(doc).toMatchObject({ format: 'tack-backup', version: 2 });
    expect(doc.practices).toHaveLength(2);

    const csv = await tack(['export', '--format', 'csv'], ada);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'practice,area,kind,unit,target,target_type,date,status,value,note,energy',
    );
    expect(csv.stdout.match(/\r\n/g)).toHaveLength(31);

    const restored = await tack(['restore', out, '--json'], bo);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({
      source: 'backup',
      practicesCreated: 2,
      checkins: 30,
      restored: { directions: 0, reviews: 0 },
    });
    const refused = await tack(['restore', out], ada);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^tack: restore only goes into an empty account.*\(CONFLICT\)/m);

    const usage = await tack(['export', '--json'], ada);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--json needs --out/);
  });

  it('refuses an --out it cannot write before exporting, in plain words', async () => {
    const aFile = join(dir, 'a-file');
    await writeFile(aFile, 'keep me');
    for (const [out, message] of [
      [dir, /^tack: cannot write \S+: it is a folder; give a file name in it$/],
      [
        join(dir, 'no-such-folder', 'backup.json'),
        /^tack: cannot write \S+: the folder \S+no-such-folder does not exist$/,
      ],
      [join(aFile, 'backup.json'), /^tack: cannot write \S+: \S+a-file is a file, not a folder$/],
    ] as const) {
      const r = await tack(['export', '--out', out], ada);
      expect(r.code, out).toBe(1);
      expect(r.stderr).not.toMatch(/Exporting/); // refused before asking the server
      expect(r.stderr.trimEnd()).toMatch(message);
    }
    const empty = await tack(['export', '--out', ''], ada);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe(''); // not the export on stdout, as if --out were not given
    expect(empty.stderr).toMatch(/^tack: --out is empty/);
    expect(await readFile(aFile, 'utf8')).toBe('keep me');
  });
});
