// The real `node apps/server/src/main.ts` process: start-up failures say what to fix, SIGTERM is graceful.
// And the bundle `npm start` runs (scripts/server-command.mjs, built by `npm test` before this tier) starts and serves.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, serverArgs } from '../../../scripts/server-command.mjs';
import { ConfigError, freePort, loadConfig } from '../src/index.ts';

const MAIN = join(import.meta.dirname, '../src/main.ts');

function runMain(env: Record<string, string>, argv: string[] = [MAIN]) {
  const child = spawn(process.execPath, argv, {
    env: { PATH: process.env.PATH ?? '', TACK_LOG_LEVEL: 'warn', TACK_WEB_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitFor(check: () => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('configuration', () => {
  it('parses defaults and freezes the result', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, databaseUrl: undefined });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ TACK_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ TACK_PORT: 'eighty' })).toThrow(/TACK_PORT/);
    expect(() => loadConfig({ TACK_PORT: '70000' })).toThrow(/TACK_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TACK_SECRET: 'short' })).toThrow(/TACK_SECRET/);
    expect(() => loadConfig({ TACK_LOG_LEVEL: 'loud' })).toThrow(/TACK_LOG_LEVEL/);
  });

  it('selects PostgreSQL only for a postgres:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
    expect(loadConfig({ DATABASE_URL: 'sqlite:' }).databaseUrl).toBeUndefined();
  });
});

describe('the server process', () => {
  it('stops with a message naming the variable for a bad setting', async () => {
    const p = runMain({ TACK_PORT: 'abc' });
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/^tack: Invalid setting\. TACK_PORT: /m);
    expect(p.err()).not.toMatch(/\n\s+at /);
  });

  it('stops with a message naming DATABASE_URL when PostgreSQL is unreachable', async () => {
    const port = await freePort('127.0.0.1');
    const p = runMain({ DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/tack` });
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/^tack: DATABASE_URL: cannot connect to PostgreSQL/m);
    expect(p.err()).not.toContain('secret');
    expect(p.err()).not.toMatch(/\n\s+at /);
  });

  it('says the port is in use instead of printing a stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const p = runMain({ TACK_PORT: String(port), TACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'tack-port-')) });
      expect(await p.exited).toBe(1);
      expect(p.err()).toMatch(new RegExp(`^tack: TACK_PORT: 127.0.0.1:${port} is already in use`, 'm'));
      expect(p.err()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('prints its URL, serves, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort('127.0.0.1');
    const p = runMain({ TACK_PORT: String(port), TACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'tack-run-')) });
    let child: ChildProcess | undefined = p.child;
    try {
      await waitFor(() => p.out().includes('Tack is running at'));
      expect(p.out()).toContain(`http://127.0.0.1:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      child = undefined;
    } finally {
      child?.kill('SIGKILL');
    }
  });

  it('runs as the bundle npm start launches: serves the API, the document and its reference pages', async () => {
    expect(existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} missing: node scripts/build-server.mjs`).toBe(true);
    const port = await freePort('127.0.0.1');
    const p = runMain(
      { TACK_PORT: String(port), TACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'tack-bundle-')), NODE_ENV: 'production' },
      serverArgs(),
    );
    let child: ChildProcess | undefined = p.child;
    try {
      await waitFor(() => p.out().includes('Tack is running at'));
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', database: 'sqlite' });
      const setup = (await (await fetch(`${base}/api/v1/setup`)).json()) as { version: string };
      expect(setup.version).toMatch(/^\d+\.\d+\.\d+/);
      const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { info: { version: string } };
      expect(doc.info.version).toBe(setup.version);
      const docs = await fetch(`${base}/api/docs/`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
      const asset = await fetch(`${base}/api/docs/static/swagger-ui.css`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
      const missing = await fetch(`${base}/api/docs/static/nope.js`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      child = undefined;
    } finally {
      child?.kill('SIGKILL');
    }
  });
});
