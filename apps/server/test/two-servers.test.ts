// Two app servers on one database (PostgreSQL behind a load balancer; on SQLite, two processes'
// worth of connections to one file): what one remembers never hides what the other wrote.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support.ts';

describe.each(testDialects())('two app servers on $name', (dialect) => {
  let a: TestServer;
  let b: TestServer;
  let token: string;
  let practiceId: string;
  const clock = fixedClock('2026-11-21T10:00:00Z');
  const date = '2026-11-20';

  beforeAll(async () => {
    const shared = {
      TACK_SECRET: 'two-servers-share-this-secret-of-32+chars',
      ...(dialect.name === 'sqlite'
        ? { TACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'tack-two-')) }
        : { DATABASE_URL: (await dialect.databaseUrl()) as string }),
    };
    a = await startTestServer(dialect, shared, clock);
    b = await startTestServer(dialect, shared, clock);
    const ann = await a.signUp('Ann');
    token = (await a.call('POST', '/api/v1/tokens', { cookie: ann.cookie, body: { name: 'two' } })).json<{
      token: string;
    }>().token;
    const created = await a.call('POST', '/api/v1/practices', {
      token,
      body: { name: 'Walk', frequency: { kind: 'times', times: 1, days: 1 }, startDate: '2026-11-01' },
    });
    expect(created.status, created.text).toBe(201);
    practiceId = created.json<{ practice: { id: string } }>().practice.id;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const put = (t: TestServer, body: Record<string, unknown>) =>
    t.call('PUT', `/api/v1/practices/${practiceId}/checkins/${date}`, { token, body });
  const stored = async () =>
    (await a.call('GET', `/api/v1/practices/${practiceId}/checkins?from=${date}&to=${date}`, { token })).json<{
      checkins: Array<Record<string, unknown>>;
    }>().checkins[0];

  it('merges a check-in with what the other server wrote since', async () => {
    expect((await put(a, { status: 'done', note: 'from a' })).status).toBe(200);
    expect((await put(b, { status: 'skipped', note: 'from b' })).status).toBe(200);
    const merged = await put(a, { status: 'skipped', energy: 1 });
    expect(merged.json()).toMatchObject({ checkin: { status: 'skipped', note: 'from b', energy: 1 } });
    expect(await stored()).toMatchObject({ status: 'skipped', note: 'from b', energy: 1 });
  });

  it('writes what only looked unchanged from what it remembered', async () => {
    expect((await put(a, { status: 'done' })).status).toBe(200);
    expect((await put(b, { status: 'notDone' })).status).toBe(200);
    expect((await put(a, { status: 'done' })).json()).toMatchObject({ checkin: { status: 'done' } });
    expect(await stored()).toMatchObject({ status: 'done' });
  });

  it('answers 404 once the other server deleted the practice, and its Today shows the change', async () => {
    expect((await put(a, { status: 'skipped' })).status).toBe(200);
    const today = await b.call('GET', '/api/v1/today', { token });
    expect(today.text).toContain(practiceId);
    expect((await b.call('DELETE', `/api/v1/practices/${practiceId}`, { token })).status).toBe(200);
    const after = await put(a, { status: 'done' });
    expect(after.status).toBe(404);
    expect((await a.call('GET', '/api/v1/today', { token })).text).not.toContain(practiceId);
  });
});
