// Shared by the CLI tests: run the real `tack` binary (bin/tack.mjs) as a child process, and sign people up
// on a real server. Nothing is mocked.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const BIN = fileURLToPath(new URL('../bin/tack.mjs', import.meta.url));

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  configDir: string;
  env?: Record<string, string>;
  stdin?: string;
  node?: string;
}

/** The environment a person's shell would give, minus anything Tack reads, so tests do not leak settings. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('TACK_') || k === 'DATABASE_URL' || k.startsWith('VITEST')) continue;
    env[k] = v;
  }
  return env;
}

export function tack(args: string[], opts: RunOptions): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.node ?? process.execPath, [BIN, ...args], {
      env: { ...cleanEnv(), TACK_CONFIG_DIR: opts.configDir, ...opts.env },
      cwd: tmpdir(), // works from anywhere, not just the repository
      stdio: 'pipe',
    });
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
    child.stdin.end(opts.stdin ?? ''); // never a terminal: as in scripts and CI
  });
}

/** An error report: exactly one line, `tack: …`, no stack trace. */
export function expectOneLineError(r: Result, pattern: RegExp): void {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^tack: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

export async function signUpAndCreateToken(url: string, email: string): Promise<{ token: string; tokenId: string }> {
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Ada Lovelace' }),
  });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  expect(cookie).not.toBe('');
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ name: 'cli test' }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const body = (await created.json()) as { token: string; apiToken: { id: string } };
  return { token: body.token, tokenId: body.apiToken.id };
}
