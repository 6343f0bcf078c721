// What reaches the log and the headers every answer carries.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loggedPath } from '../src/app.ts';
import { freePort } from '../src/index.ts';
import { securityHeaders } from '../src/plugins/security.ts';

describe('loggedPath', () => {
  it('drops the query string and hides secrets in paths', () => {
    expect(loggedPath('/api/v1/practices/p1/checkins/2026-11-21')).toBe('/api/v1/practices/p1/checkins/2026-11-21');
    expect(loggedPath('/api/auth/verify-email?token=s3cret&x=1')).toBe('/api/auth/verify-email');
    expect(loggedPath('/api/v1/feed/AbCdEf123.ics')).toBe('/api/v1/feed/….ics');
    expect(loggedPath('/api/v1/feed/settings')).toBe('/api/v1/feed/settings');
    expect(loggedPath('/api/auth/reset-password/tok123?callbackURL=/x')).toBe('/api/auth/reset-password/…');
  });
});

describe('securityHeaders', () => {
  it('is helmet’s header set, with HSTS and upgrade-insecure-requests only over HTTPS', () => {
    const options = (https: boolean) => ({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'self'"], ...(https ? { upgradeInsecureRequests: [] } : {}) },
      },
      strictTransportSecurity: https ? {} : (false as const),
    });
    const plain = securityHeaders(options(false));
    expect(plain['content-security-policy']).toBe("default-src 'self'");
    expect(plain['x-content-type-options']).toBe('nosniff');
    expect(plain['x-frame-options']).toBe('SAMEORIGIN');
    expect(plain['strict-transport-security']).toBeUndefined();
    const secure = securityHeaders(options(true));
    expect(secure['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(secure['content-security-policy']).toBe("default-src 'self';upgrade-insecure-requests");
    expect(Object.isFrozen(secure)).toBe(true);
  });
});

describe('the request log', () => {
  it('writes one line per request, with no secrets from the URL and no warnings', async () => {
    const port = await freePort('127.0.0.1');
    const child = spawn(process.execPath, [join(import.meta.dirname, '../src/main.ts')], {
      env: {
        PATH: process.env.PATH ?? '',
        TACK_LOG_LEVEL: 'info',
        TACK_WEB_DIR: '/nonexistent',
        TACK_PORT: String(port),
        TACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'tack-log-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    try {
      const until = Date.now() + 15_000;
      while (!out.includes('Tack is running')) {
        if (Date.now() > until) throw new Error(`no start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz?probe=hunter2`)).status).toBe(200);
      expect((await fetch(`${base}/api/v1/feed/SeCrEtFeEd42.ics`)).status).toBe(404);
      const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: 'Bearer tack_notARealToken' } });
      expect(me.status).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request');
      expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
        ['GET', '/healthz', 200],
        ['GET', '/api/v1/feed/….ics', 404],
        ['GET', '/api/v1/me', 401],
      ]);
      for (const l of lines) expect(typeof l.ms).toBe('number');
      expect(out).not.toContain('hunter2');
      expect(out).not.toContain('SeCrEtFeEd42');
      expect(out).not.toContain('notARealToken');
      expect(out).not.toContain('incoming request');
      expect(err).toBe('');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
