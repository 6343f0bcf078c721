// Route-test support: a real Tack server on a free loopback port, over SQLite or PostgreSQL.
import type { Clock } from '@tack/core';
import type { TestDialect } from '@tack/db/testing';
import { type Config, loadConfig, type RunningServer, startServer } from '../src/index.ts';

/** A clock the test moves: starts at 2026-11-21 10:00 UTC (a Saturday in 2026-W47) unless told. */
export function movableClock(iso = '2026-11-21T10:00:00Z') {
  let now = new Date(iso);
  const clock: Clock & { set(at: string): void } = {
    now: () => new Date(now.getTime()),
    set: (at) => {
      now = new Date(at);
    },
  };
  return clock;
}

export interface TestServer {
  url: string;
  server: RunningServer;
  config: Config;
  close(): Promise<void>;
  /** fetch relative to the server, JSON in and out. */
  call(method: string, path: string, opts?: CallOptions): Promise<CallResult>;
  /** A new person, signed in: their session cookie and id. */
  signUp(name?: string): Promise<Person>;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
  /** The body as T (tests assert its shape with expect). */
  json<T = Record<string, unknown>>(): T;
}

export interface Person {
  id: string;
  email: string;
  password: string;
  cookie: string;
}

let counter = 0;

export async function startTestServer(
  dialect: TestDialect,
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<TestServer> {
  const databaseUrl = await dialect.databaseUrl();
  const config = loadConfig({
    TACK_HOST: '127.0.0.1',
    TACK_PORT: '0',
    TACK_DATA_DIR: ':memory:',
    TACK_LOG_LEVEL: 'silent',
    TACK_AUTH_RATE_LIMIT: '1000',
    TACK_RATE_LIMIT: '100000',
    TACK_WEB_DIR: '/nonexistent-web-dir',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const server = await startServer(config, clock ? { clock } : {});
  const call: TestServer['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: json, text, json: <T>() => json as T };
  };
  return {
    url: server.url,
    server,
    config,
    close: () => server.close(),
    call,
    async signUp(name = 'Person') {
      counter += 1;
      const email = `${name.toLowerCase().replace(/\W/g, '')}${counter}-${Date.now()}@example.org`;
      const password = 'correct horse battery';
      const res = await call('POST', '/api/auth/sign-up/email', { body: { email, password, name } });
      if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
      return { id: res.json<{ user: { id: string } }>().user.id, email, password, cookie: cookieFrom(res.headers) };
    },
  };
}

export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
