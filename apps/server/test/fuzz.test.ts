// Bad input, generated from the route table: property-based fuzzing (fast-check) of every route's
// path parameters, query and body (random values for the fields its schema documents, and random
// JSON), plus malformed JSON, huge bodies, wrong content types, deep nesting and odd Unicode.
// Never a 5xx, never a crash, and every error is {"error":{"code","message"}}.

import { testDialects } from '@tack/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodySchemaOf,
  errorShapeProblem,
  fillPath,
  isoWeekOf,
  minimalValid,
  type OpenApiDoc,
  percentEncode,
  queryParamsOf,
  type RouteEntry,
  resolve,
  routeTable,
  type SampleContext,
} from './reliability/route-table.ts';
import { startTestServer, type TestServer } from './support.ts';

const RUNS_PER_ROUTE = 12;
const SEED = 20261121;

/** Strings that have broken parsers elsewhere. */
const ODD = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  'a\u202eb',
  '\u200b',
  'ﷺ'.repeat(50),
  '👩‍👩‍👧‍👦'.repeat(20),
  'x'.repeat(5000),
  '../../etc/passwd',
  '%00',
  '%',
  "'; drop table checkin; --",
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-W99',
];

const oddString = fc.oneof(
  fc.constantFrom(...ODD),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 12 }),
);
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 1.5),
);

describe.each(testDialects())('bad input on $name', (dialect) => {
  let t: TestServer;
  let doc: OpenApiDoc;
  let routes: RouteEntry[];
  let token = '';
  const today = new Date().toISOString().slice(0, 10);
  const ctx: SampleContext = { today, isoWeek: isoWeekOf(today) };
  let practiceId = '';
  const problems: string[] = [];

  /** Sends a raw request and records any 5xx or a malformed error body. */
  async function send(
    label: string,
    method: string,
    path: string,
    init: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {},
  ): Promise<number> {
    let res: Response;
    try {
      res = await fetch(`${t.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
        body: method === 'GET' || method === 'HEAD' ? undefined : init.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      problems.push(`${label}: ${method} ${path.slice(0, 120)}: no response (${(err as Error).message})`);
      return 0;
    }
    const text = await res.text();
    if (res.status >= 500)
      problems.push(`${label}: ${method} ${path.slice(0, 120)} → ${res.status} ${text.slice(0, 300)}`);
    else if (res.status >= 400 && path.startsWith('/api/')) {
      const problem = errorShapeProblem(text);
      if (problem) problems.push(`${label}: ${method} ${path.slice(0, 120)} → ${res.status}: ${problem}`);
    }
    return res.status;
  }

  const json = (value: unknown) => ({
    body: JSON.stringify(value),
    headers: { 'content-type': 'application/json' },
  });

  /** A real value for a path parameter (so the fuzzed body reaches the handler), or a fuzzed one. */
  function realParams(route: RouteEntry): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of route.params) out[p] = p === 'date' ? today : p === 'isoWeek' ? ctx.isoWeek : practiceId;
    return out;
  }

  beforeAll(async () => {
    t = await startTestServer(dialect);
    routes = routeTable(t.server.app).filter((r) => !r.path.includes('*') || r.path.startsWith('/api/'));
    doc = (await t.call('GET', '/api/openapi.json')).json<OpenApiDoc>();
    const person = await t.signUp('Fuzz');
    const res = await t.call('POST', '/api/v1/tokens', { cookie: person.cookie, body: { name: 'fuzz' } });
    token = res.json<{ token: string }>().token;
    const p = await t.call('POST', '/api/v1/practices', {
      token,
      body: { name: 'Fuzzed', frequency: { kind: 'times', times: 1, days: 1 } },
    });
    practiceId = p.json<{ practice: { id: string } }>().practice.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every route, whatever the parameters, query and body, without a 5xx', async () => {
    problems.length = 0;
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      // Account-ending routes would end the fuzzing person's session, not find bugs.
      if (/erasure|revoke-sessions|sign-out/.test(route.path)) continue;
      const schema = bodySchemaOf(doc, route);
      const props = schema ? Object.keys(resolve(doc, schema).properties ?? {}) : [];
      const queryNames = queryParamsOf(doc, route).map((q) => q.name);
      const base = schema ? (minimalValid(doc, schema, ctx) as Record<string, unknown>) : {};
      const input = fc.record({
        params: fc.record(Object.fromEntries(route.params.map((p) => [p, fc.oneof(oddString, fc.constant(''))]))),
        useRealParams: fc.boolean(),
        query: fc.dictionary(fc.oneof(fc.constantFrom(...queryNames, 'x'), oddString), oddString, { maxKeys: 3 }),
        body: fc.oneof(
          // The documented fields, each given a random value, on top of a valid body.
          fc
            .dictionary(fc.constantFrom(...(props.length > 0 ? props : ['x'])), oddValue, { maxKeys: 4 })
            .map((patch) => ({ ...base, ...patch })),
          fc.jsonValue({ maxDepth: 4 }),
        ),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, useRealParams, query, body }) => {
          const values = useRealParams ? realParams(route) : { ...params };
          for (const p of route.params) if (values[p] === '') values[p] = ' ';
          const qs = Object.entries(query)
            .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
            .join('&');
          const path = `${fillPath(route.path.replace('*', 'x'), values)}${qs ? `?${qs}` : ''}`;
          await send('fuzz', route.method, path, json(body));
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
    }
    expect(problems).toEqual([]);
  });

  it('refuses malformed, huge, mistyped, deeply nested and oddly encoded bodies with the error shape', async () => {
    problems.length = 0;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const cases: { label: string; body: string | Uint8Array<ArrayBuffer>; type?: string }[] = [
      { label: 'malformed JSON', body: '{"name": "a",', type: 'application/json' },
      { label: 'not JSON at all', body: 'hello', type: 'application/json' },
      { label: 'empty JSON body', body: '', type: 'application/json' },
      { label: 'a 2 MiB body', body: huge, type: 'application/json' },
      { label: 'text/plain', body: '{"name":"a"}', type: 'text/plain' },
      { label: 'form encoded', body: 'name=a', type: 'application/x-www-form-urlencoded' },
      { label: 'multipart', body: '--b\r\n\r\nx\r\n--b--', type: 'multipart/form-data; boundary=b' },
      { label: 'no content type', body: '{"name":"a"}' },
      { label: 'deep arrays', body: deep, type: 'application/json' },
      { label: 'deep objects', body: deepObject, type: 'application/json' },
      {
        label: 'invalid UTF-8',
        body: new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        type: 'application/json',
      },
      { label: 'UTF-16 BOM', body: '\ufeff{"name":"a"}', type: 'application/json' },
      { label: 'lone surrogates', body: '{"name":"\\ud800\\udfff\\ud800","note":"\\u0000"}', type: 'application/json' },
      {
        label: '__proto__',
        body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
        type: 'application/json',
      },
    ];
    for (const route of routes) {
      if (route.method === 'GET' || /erasure|revoke-sessions|sign-out/.test(route.path)) continue;
      const path = fillPath(route.path.replace('*', 'x'), realParams(route));
      for (const c of cases) {
        const status = await send(c.label, route.method, path, {
          body: c.body,
          headers: c.type ? { 'content-type': c.type } : {},
        });
        if (
          c.label === 'a 2 MiB body' &&
          !route.path.includes('/imports/') &&
          !route.path.includes('/restore') &&
          status !== 413 &&
          status !== 0
        ) {
          // Routes without a body schema may answer before reading the body; they must still not accept it.
          if (status < 400) problems.push(`a 2 MiB body: ${route.key} → ${status}`);
        }
      }
    }
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(problems).toEqual([]);
  });
});
