import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, type Person, startTestServer, type TestServer } from './support.ts';

const issuesOf = (body: unknown) =>
  ((body as { error?: { details?: { issues?: { path: string }[] } } }).error?.details?.issues ?? []).map((i) => i.path);

describe.each(testDialects())('accounts on $name', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('offers the first account on a fresh install, then not', async () => {
    expect((await t.call('GET', '/api/v1/setup')).body).toMatchObject({ needsFirstAccount: true });
    await t.signUp('First');
    expect((await t.call('GET', '/api/v1/setup')).body).toMatchObject({ needsFirstAccount: false });
  });

  it('signs up, signs in, reads and changes the profile', async () => {
    const p = await t.signUp('Ann');
    const me = await t.call('GET', '/api/v1/me', { cookie: p.cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { id: p.id, email: p.email, name: 'Ann', timeZone: 'UTC', weekStart: 'monday' },
    });

    const signIn = await t.call('POST', '/api/auth/sign-in/email', { body: { email: p.email, password: p.password } });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toEqual({ user: { id: p.id, email: p.email, name: 'Ann' } });
    expect(signIn.headers.getSetCookie().join(';')).toMatch(/HttpOnly/i);

    const patched = await t.call('PATCH', '/api/v1/me', {
      cookie: p.cookie,
      body: { timeZone: 'Pacific/Kiritimati', weekStart: 'sunday', name: 'Ann B' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      user: { timeZone: 'Pacific/Kiritimati', weekStart: 'sunday', name: 'Ann B' },
    });
    const again = await t.call('GET', '/api/v1/me', { cookie: p.cookie });
    expect(again.body).toMatchObject({ user: { timeZone: 'Pacific/Kiritimati' } });
    // Stored as IANA spells it (a calendar app matches the feed's TZID exactly), today's names kept.
    for (const [typed, stored] of [
      ['america/new_york', 'America/New_York'],
      ['utc', 'UTC'],
      ['asia/kolkata', 'Asia/Kolkata'],
      ['Europe/Kyiv', 'Europe/Kyiv'],
    ]) {
      const res = await t.call('PATCH', '/api/v1/me', { cookie: p.cookie, body: { timeZone: typed } });
      expect(res.body, typed).toMatchObject({ user: { timeZone: stored } });
    }
  });

  it('takes the time zone and week start at sign-up, checked as the profile checks them', async () => {
    const email = `zoned-${Date.now()}@example.org`;
    const body = { email, password: 'correct horse battery', name: 'Zed' };
    for (const [extra, path] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ weekStart: 'someday' }, 'weekStart'],
    ] as const) {
      const res = await t.call('POST', '/api/auth/sign-up/email', { body: { ...body, ...extra } });
      expect(res.status).toBe(400);
      expect(issuesOf(res.body)).toContain(path);
    }
    const res = await t.call('POST', '/api/auth/sign-up/email', {
      body: { ...body, timeZone: 'pacific/kiritimati', weekStart: 'sunday' },
    });
    expect(res.status, res.text).toBe(200);
    const me = await t.call('GET', '/api/v1/me', { cookie: cookieFrom(res.headers) });
    expect(me.body).toMatchObject({ user: { email, timeZone: 'Pacific/Kiritimati', weekStart: 'sunday' } });
  });

  it('rejects bad sign-up and sign-in input with the field named', async () => {
    const bad = await t.call('POST', '/api/auth/sign-up/email', {
      body: { email: 'nope', password: 'short', name: '', admin: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { code: string; details: { issues: { path: string }[] } } }>().error.code).toBe(
      'VALIDATION_FAILED',
    );
    const paths = bad
      .json<{ error: { details: { issues: { path: string }[] } } }>()
      .error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name', 'admin']));

    const p = await t.signUp('Bo');
    const dup = await t.call('POST', '/api/auth/sign-up/email', {
      body: { email: p.email, password: 'another long one', name: 'Bo' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'CONFLICT' } });

    const wrong = await t.call('POST', '/api/auth/sign-in/email', {
      body: { email: p.email, password: 'wrong password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('rejects bad profile values with the field named and keeps the old ones', async () => {
    const p = await t.signUp('Cy');
    for (const [body, path] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ weekStart: 'someday' }, 'weekStart'],
      [{ name: '' }, 'name'],
      [{ email: 'x@example.org' }, 'email'],
      [{ timeZone: 42 }, 'timeZone'],
    ] as const) {
      const res = await t.call('PATCH', '/api/v1/me', { cookie: p.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path })] } },
      });
    }
    const me = await t.call('GET', '/api/v1/me', { cookie: p.cookie });
    expect(me.body).toMatchObject({ user: { name: 'Cy', timeZone: 'UTC', weekStart: 'monday' } });
  });

  it('answers signed-out, malformed and oversized requests with the documented error shape', async () => {
    const p = await t.signUp('Di');
    expect((await t.call('GET', '/api/v1/me')).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const malformed = await t.call('PATCH', '/api/v1/me', {
      cookie: p.cookie,
      rawBody: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    const text = await t.call('PATCH', '/api/v1/me', {
      cookie: p.cookie,
      rawBody: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const huge = await t.call('PATCH', '/api/v1/me', { cookie: p.cookie, body: { name: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const missing = await t.call('GET', '/api/v1/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('refuses a state-changing cookie request from another site', async () => {
    const p = await t.signUp('Ed');
    const res = await t.call('PATCH', '/api/v1/me', {
      cookie: p.cookie,
      body: { name: 'Evil' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  describe('personal API tokens', () => {
    let ann: Person;
    let bob: Person;
    beforeAll(async () => {
      ann = await t.signUp('Ann');
      bob = await t.signUp('Bob');
    });

    it('creates a token shown once, lists it without the secret, authenticates with it, revokes it', async () => {
      const created = await t.call('POST', '/api/v1/tokens', { cookie: ann.cookie, body: { name: 'laptop cli' } });
      expect(created.status).toBe(201);
      const { token, apiToken } = created.json<{ token: string; apiToken: { id: string; prefix: string } }>();
      expect(token).toMatch(/^tack_[A-Za-z0-9_-]{40,}$/);
      expect(token.startsWith(apiToken.prefix)).toBe(true);

      const list = await t.call('GET', '/api/v1/tokens', { cookie: ann.cookie });
      expect(list.body).toMatchObject({ tokens: [{ id: apiToken.id, name: 'laptop cli', lastUsedAt: null }] });
      expect(list.text).not.toContain(token);

      const me = await t.call('GET', '/api/v1/me', { token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { id: ann.id } });
      const used = await t.call('GET', '/api/v1/tokens', { token });
      expect(used.json<{ tokens: { lastUsedAt: string | null }[] }>().tokens[0]?.lastUsedAt).not.toBeNull();

      expect((await t.call('DELETE', `/api/v1/tokens/${apiToken.id}`, { cookie: ann.cookie })).status).toBe(204);
      const after = await t.call('GET', '/api/v1/me', { token });
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
      expect((await t.call('GET', '/api/v1/tokens', { cookie: ann.cookie })).body).toEqual({ tokens: [] });
    });

    it("never lets another person see or revoke someone's token (404, not 403)", async () => {
      const created = await t.call('POST', '/api/v1/tokens', { cookie: ann.cookie, body: { name: 'mine' } });
      const { token, apiToken } = created.json<{ token: string; apiToken: { id: string } }>();
      const steal = await t.call('DELETE', `/api/v1/tokens/${apiToken.id}`, { cookie: bob.cookie });
      expect(steal.status).toBe(404);
      expect(steal.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect((await t.call('GET', '/api/v1/tokens', { cookie: bob.cookie })).body).toEqual({ tokens: [] });
      expect((await t.call('GET', '/api/v1/me', { token })).status).toBe(200);
    });

    it('rejects bad tokens and bad token input', async () => {
      for (const authorization of ['Bearer tack_not-a-real-token', 'Bearer', 'Basic abc']) {
        const res = await t.call('GET', '/api/v1/me', { headers: { authorization } });
        expect(res.status, authorization).toBe(401);
        expect(res.body).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
      }
      const noName = await t.call('POST', '/api/v1/tokens', { cookie: ann.cookie, body: { name: '' } });
      expect(noName.status).toBe(400);
      expect(noName.body).toMatchObject({ error: { details: { issues: [{ path: 'name' }] } } });
    });
  });

  it('signs out one session, and everywhere', async () => {
    const p = await t.signUp('Fay');
    const second = await t.call('POST', '/api/auth/sign-in/email', { body: { email: p.email, password: p.password } });
    const secondCookie = second.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await t.call('POST', '/api/auth/sign-out', { cookie: p.cookie, body: {} })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { cookie: p.cookie })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { cookie: secondCookie })).status).toBe(200);

    const third = await t.call('POST', '/api/auth/sign-in/email', { body: { email: p.email, password: p.password } });
    const thirdCookie = third.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await t.call('POST', '/api/auth/revoke-sessions', { cookie: thirdCookie, body: {} })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { cookie: secondCookie })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { cookie: thirdCookie })).status).toBe(401);
  });

  it('changes the password with the current one; nothing else of the auth library is reachable', async () => {
    const p = await t.signUp('Gus');
    const change = (body: Record<string, unknown>) =>
      t.call('POST', '/api/auth/change-password', { cookie: p.cookie, body });
    const wrong = await change({ currentPassword: 'not my password', newPassword: 'a new long password' });
    expect(wrong.status).toBe(400);
    const short = await change({ currentPassword: p.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { details: { issues: [{ path: 'newPassword' }] } } });
    const ok = await change({ currentPassword: p.password, newPassword: 'a new long password' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json<{ user: { email: string }; token?: string }>()).toEqual({
      user: { id: expect.any(String), email: p.email, name: 'Gus' },
    });
    const signIn = (password: string) =>
      t.call('POST', '/api/auth/sign-in/email', { body: { email: p.email, password } });
    expect((await signIn(p.password)).status).toBe(401);
    expect((await signIn('a new long password')).status).toBe(200);
    // update-user skipped the name's rules (an empty or 5,000-character name broke the next restore),
    // list-sessions showed other sessions' tokens: they answer 404 like any unknown endpoint.
    for (const [path, body] of [
      ['/api/auth/update-user', { name: '' }],
      ['/api/auth/change-email', { newEmail: 'other@example.com' }],
      ['/api/auth/list-sessions', undefined],
      ['/api/auth/get-session', undefined],
    ] as const) {
      const res = await t.call(body ? 'POST' : 'GET', path, { cookie: p.cookie, ...(body ? { body } : {}) });
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await t.call('GET', '/api/v1/me', { cookie: p.cookie })).json<{ user: { name: string } }>().user.name).toBe(
      'Gus',
    );
  });

  it('serves health, security headers, request ids and the OpenAPI document', async () => {
    const health = await t.call('GET', '/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(health.body).toEqual({ status: 'ok', database: dialect.name });
    expect(health.headers.get('x-request-id')).toBe('trace-123');
    expect(health.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');

    const doc = await t.call('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    const spec = doc.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(spec.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/api/v1/me', 'get'],
      ['/api/v1/me', 'patch'],
      ['/api/v1/tokens', 'post'],
      ['/api/v1/tokens/{id}', 'delete'],
      ['/api/auth/sign-up/email', 'post'],
      ['/api/auth/sign-in/email', 'post'],
      ['/healthz', 'get'],
    ] as const) {
      expect(spec.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    // Ready for client generators: a unique operationId each, public operations without security, errors
    // documented as JSON (also beside Markdown), every schema referred to.
    type Op = { operationId: string; security?: unknown[]; responses: Record<string, { content?: object }> };
    const ops = Object.entries(spec.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod as Record<string, Op>).map(([method, op]) => ({ key: `${method} ${path}`, op })),
    );
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ops.length);
    expect(ids.every((id) => /^[a-z]+[A-Za-z0-9]+$/.test(id))).toBe(true);
    const byKey = new Map(ops.map((o) => [o.key, o.op]));
    expect(byKey.get('get /healthz')?.security).toEqual([]);
    expect(byKey.get('post /api/auth/sign-in/email')?.security).toEqual([]);
    expect(byKey.get('get /api/v1/me')?.security).toBeUndefined();
    const markdown = byKey.get('get /api/v1/reviews/{week}/markdown')!;
    expect(Object.keys(markdown.responses['400']?.content ?? {})).toEqual(['application/json']);
    expect(Object.keys(byKey.get('post /api/v1/practices')!.responses)).toEqual(
      expect.arrayContaining(['201', '400', '413', '415', '429', '503']),
    );
    const components = (spec as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    const text = JSON.stringify(spec.paths);
    for (const name of Object.keys(components)) {
      const ref = `"#/components/schemas/${name}"`;
      const referred = text.includes(ref) || JSON.stringify(components).includes(ref);
      expect(referred, name).toBe(true);
    }
    const docs = await t.call('GET', '/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
    // Swagger UI's inline styles are allowed on its pages only.
    expect(docs.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(health.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});

describe.each(testDialects())('rate limits on $name', (dialect) => {
  it('limits sign-in attempts per address with RATE_LIMITED', async () => {
    const t = await startTestServer(dialect, { TACK_AUTH_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      let last: unknown;
      for (let i = 0; i < 5; i++) {
        const res = await t.call('POST', '/api/auth/sign-in/email', {
          body: { email: 'nobody@example.org', password: 'whatever it is' },
        });
        statuses.push(res.status);
        last = res.body;
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(last).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    } finally {
      await t.close();
    }
  });
});
