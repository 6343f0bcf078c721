// Authorisation matrix, generated from the route table: for every route that names a resource in
// its path, a second person gets 404 NOT_FOUND for the first person's resource, and the owner does
// not; where a resource is named in the body, the second person gets exactly the answer an id that
// does not exist gets. Every route must be classified in FIXTURES:
// a new route that is not fails this test, so new features add themselves here.

import { testDialects } from '@tack/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodySchemaOf,
  fillPath,
  isoWeekOf,
  minimalValid,
  type OpenApiDoc,
  type RouteEntry,
  routeTable,
  type SampleContext,
} from './reliability/route-table.ts';
import { type CallResult, startTestServer, type TestServer } from './support.ts';

type Kind =
  | 'practice'
  | 'checkin'
  | 'token'
  | 'area'
  | 'milestone'
  | 'chain'
  | 'chainStep'
  | 'intention'
  | 'intentionWeek'
  | 'experiment'
  | 'experimentNote'
  | 'direction'
  | 'directionAnswer'
  | 'goal'
  | 'insight';

/**
 * How each route is checked.
 * - 'public': no sign-in needed, names no one's resource;
 * - 'self': acts only on the caller's own data, names no resource (lists, create, me, …);
 * - { kind }: the path parameters come from a resource of this kind that the first person owns;
 * - { kind, body }: the resource is named in the body (built from the resource's params);
 * - 'own': the path parameter is no one's resource id but a key into the caller's own data (a week
 *   of their reviews) or a credential itself (a calendar feed secret); the feature's tests cover it.
 */
type Fixture = 'public' | 'self' | 'own' | { kind: Kind; body?: (p: Record<string, string>) => unknown };

const FIXTURES: Record<string, Fixture> = {
  'GET /healthz': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/*': 'public',
  'GET *': 'public',
  'GET /*': 'public',
  'GET /': 'public',
  'GET /api/v1/setup': 'public',
  'POST /api/auth/sign-up/email': 'public',
  'POST /api/auth/sign-in/email': 'public',
  'GET /api/auth/*': 'public', // answers 404 to everyone: nothing else of better-auth is reachable
  'POST /api/auth/*': 'public',
  'POST /api/auth/sign-out': 'self',
  'POST /api/auth/change-password': 'self',
  'POST /api/auth/revoke-sessions': 'self',

  'GET /api/v1/me': 'self',
  'PATCH /api/v1/me': 'self',
  'GET /api/v1/me/erasure': 'self',
  'POST /api/v1/me/erasure': 'self',
  'DELETE /api/v1/me/erasure': 'self',
  'GET /api/v1/tokens': 'self',
  'POST /api/v1/tokens': 'self',
  'DELETE /api/v1/tokens/:id': { kind: 'token' },
  'GET /api/v1/export': 'self',
  'POST /api/v1/restore': 'self',
  'POST /api/v1/imports/loop': 'self',
  'POST /api/v1/imports/habitica': 'self',
  'POST /api/v1/advisor': 'self',
  'GET /api/v1/learnings': 'self',

  'GET /api/v1/today': 'self',
  'GET /api/v1/practices': 'self',
  'POST /api/v1/practices': { kind: 'area', body: (p) => ({ name: 'In their area', frequency: daily, areaId: p.id }) },
  'GET /api/v1/practices/schedule-preview': 'self',
  'GET /api/v1/practices/:id': { kind: 'practice' },
  'PATCH /api/v1/practices/:id': { kind: 'practice' },
  'DELETE /api/v1/practices/:id': { kind: 'practice' },
  'POST /api/v1/practices/:id/archive': { kind: 'practice' },
  'POST /api/v1/practices/:id/restore': { kind: 'practice' },
  'POST /api/v1/practices/:id/pause': { kind: 'practice' },
  'POST /api/v1/practices/:id/resume': { kind: 'practice' },
  'GET /api/v1/practices/:id/checkins': { kind: 'practice' },
  'PUT /api/v1/practices/:id/checkins/:date': { kind: 'checkin' },
  'DELETE /api/v1/practices/:id/checkins/:date': { kind: 'checkin' },
  'GET /api/v1/practices/:id/strength': { kind: 'practice' },
  'POST /api/v1/checkins/batch': { kind: 'practice', body: (p) => ({ practiceIds: [p.id] }) },
  'GET /api/v1/areas': 'self',
  'POST /api/v1/areas': 'self',
  'PATCH /api/v1/areas/:id': { kind: 'area' },
  'DELETE /api/v1/areas/:id': { kind: 'area' },

  'GET /api/v1/milestones': 'self',
  'POST /api/v1/milestones': 'self',
  'GET /api/v1/milestones/:id': { kind: 'milestone' },
  'PATCH /api/v1/milestones/:id': { kind: 'milestone' },
  'POST /api/v1/milestones/:id/drop': { kind: 'milestone' },
  'POST /api/v1/milestones/:id/reach': { kind: 'milestone' },
  'POST /api/v1/milestones/:id/reopen': { kind: 'milestone' },
  'GET /api/v1/chains': 'self',
  'POST /api/v1/chains': 'self',
  'GET /api/v1/chains/:id': { kind: 'chain' },
  'DELETE /api/v1/chains/:id': { kind: 'chain' },
  'POST /api/v1/chains/:id/restore': { kind: 'chain' },
  'POST /api/v1/chains/:id/steps': { kind: 'chain' },
  'PATCH /api/v1/chains/:id/steps/:stepId': { kind: 'chainStep' },
  'DELETE /api/v1/chains/:id/steps/:stepId': { kind: 'chainStep' },
  'POST /api/v1/chains/:id/steps/:stepId/practice': { kind: 'chainStep' },
  'GET /api/v1/intentions': 'self',
  'POST /api/v1/intentions': 'self',
  'GET /api/v1/intentions/:id': { kind: 'intention' },
  'PATCH /api/v1/intentions/:id': { kind: 'intention' },
  'DELETE /api/v1/intentions/:id': { kind: 'intention' },
  'POST /api/v1/intentions/:id/restore': { kind: 'intention' },
  'GET /api/v1/intentions/:id/weeks': { kind: 'intention' },
  'PUT /api/v1/intentions/:id/weeks/:isoWeek': { kind: 'intentionWeek' },
  'GET /api/v1/experiments': 'self',
  'POST /api/v1/experiments': 'self',
  'GET /api/v1/experiments/:id': { kind: 'experiment' },
  'PATCH /api/v1/experiments/:id': { kind: 'experiment' },
  'DELETE /api/v1/experiments/:id': { kind: 'experiment' },
  'POST /api/v1/experiments/:id/restore': { kind: 'experiment' },
  'POST /api/v1/experiments/:id/notes': { kind: 'experiment' },
  'PATCH /api/v1/experiments/:id/notes/:noteId': { kind: 'experimentNote' },
  'DELETE /api/v1/experiments/:id/notes/:noteId': { kind: 'experimentNote' },
  'POST /api/v1/experiments/:id/verdict': { kind: 'experiment' },
  'GET /api/v1/directions': 'self',
  'POST /api/v1/directions': 'self',
  'GET /api/v1/directions/:id': { kind: 'direction' },
  'PATCH /api/v1/directions/:id': { kind: 'direction' },
  'DELETE /api/v1/directions/:id': { kind: 'direction' },
  'POST /api/v1/directions/:id/restore': { kind: 'direction' },
  'POST /api/v1/directions/:id/answers': { kind: 'direction' },
  'DELETE /api/v1/directions/:id/answers/:answerId': { kind: 'directionAnswer' },
  'POST /api/v1/directions/:id/answers/:answerId/practice': { kind: 'directionAnswer' },
  'GET /api/v1/goals': 'self',
  'POST /api/v1/goals': 'self',
  'GET /api/v1/goals/:id': { kind: 'goal' },
  'PATCH /api/v1/goals/:id': { kind: 'goal' },
  'DELETE /api/v1/goals/:id': { kind: 'goal' },
  'POST /api/v1/goals/:id/restore': { kind: 'goal' },
  'GET /api/v1/goals/:id/revisions': { kind: 'goal' },
  'POST /api/v1/goals/:id/advice': { kind: 'goal' },

  'GET /api/v1/reviews': 'self',
  'GET /api/v1/reviews/:week': 'own',
  'PUT /api/v1/reviews/:week': 'own',
  'POST /api/v1/reviews/:week/complete': 'own',
  'GET /api/v1/reviews/:week/markdown': 'own',
  'GET /api/v1/progress': 'self',
  'GET /api/v1/insights': 'self',
  'POST /api/v1/insights/:key/dismiss': { kind: 'insight' },
  'GET /api/v1/feed/settings': 'self',
  'PATCH /api/v1/feed/settings': 'self',
  'POST /api/v1/feed/rotate': 'self',
  'DELETE /api/v1/feed': 'self',
  'GET /api/v1/feed/:secret.ics': 'own',
};

const daily = { kind: 'times', times: 1, days: 1 };

/** The id of the first object found (depth-first) that has a string `id`. */
function firstId(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const rec = body as Record<string, unknown>;
  if (typeof rec.id === 'string') return rec.id;
  for (const v of Object.values(rec)) {
    const found = firstId(v);
    if (found) return found;
  }
  return undefined;
}

/** The id of the last element of the array `key`, wherever it is in the body. */
function lastIdIn(body: unknown, key: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const rec = body as Record<string, unknown>;
  const arr = rec[key];
  if (Array.isArray(arr)) {
    const last = arr[arr.length - 1] as { id?: unknown } | undefined;
    if (typeof last?.id === 'string') return last.id;
  }
  for (const v of Object.values(rec)) {
    const found = lastIdIn(v, key);
    if (found) return found;
  }
  return undefined;
}

describe.each(testDialects())('access matrix on $name', (dialect) => {
  let t: TestServer;
  let doc: OpenApiDoc;
  let routes: RouteEntry[];
  let tokenA = '';
  let tokenB = '';
  const today = new Date().toISOString().slice(0, 10);
  const ctx: SampleContext = { today, isoWeek: isoWeekOf(today) };

  const as = (token: string, method: string, path: string, body?: unknown) =>
    t.call(method, path, body === undefined ? { token } : { token, body });

  async function tokenFor(name: string): Promise<string> {
    const person = await t.signUp(name);
    const res = await t.call('POST', '/api/v1/tokens', { cookie: person.cookie, body: { name: 'matrix' } });
    expect(res.status, res.text).toBe(201);
    return res.json<{ token: string }>().token;
  }

  async function created(res: CallResult, what: string): Promise<string> {
    expect(res.status, `creating ${what}: ${res.text}`).toBeLessThan(300);
    const id = firstId(res.body);
    if (!id) throw new Error(`creating ${what}: no id in ${res.text}`);
    return id;
  }

  /**
   * Creates a resource with the smallest valid body its create route documents, plus `extra`
   * (for rules the schema cannot say, e.g. "a performance goal needs a metric").
   */
  async function generic(collection: string, extra: Record<string, unknown> = {}): Promise<string> {
    const route = routes.find((r) => r.key === `POST ${collection}`);
    if (!route) throw new Error(`no POST ${collection} route to create a fixture with`);
    const schema = bodySchemaOf(doc, route);
    const body = { ...(schema ? (minimalValid(doc, schema, ctx) as Record<string, unknown>) : {}), ...extra };
    return created(await as(tokenA, 'POST', collection, body), collection);
  }

  async function child(parentPath: string, arrayKey: string, what: string): Promise<string> {
    const route = routes.find((r) => r.key === `POST ${parentPath.replace(/\/[^/]+\/(\w+)$/, '/:id/$1')}`);
    const schema = route ? bodySchemaOf(doc, route) : undefined;
    const res = await as(tokenA, 'POST', parentPath, schema ? minimalValid(doc, schema, ctx) : {});
    expect(res.status, `creating ${what}: ${res.text}`).toBeLessThan(300);
    const id = lastIdIn(res.body, arrayKey);
    if (!id) throw new Error(`creating ${what}: no ${arrayKey}[].id in ${res.text}`);
    return id;
  }

  let areas = 0;
  const make: Record<Kind, () => Promise<Record<string, string>>> = {
    practice: async () => ({
      id: await created(await as(tokenA, 'POST', '/api/v1/practices', { name: 'Mine', frequency: daily }), 'practice'),
    }),
    checkin: async () => {
      const { id } = await make.practice();
      const res = await as(tokenA, 'PUT', `/api/v1/practices/${id}/checkins/${today}`, { status: 'done' });
      expect(res.status, res.text).toBe(200);
      return { id: id as string, date: today };
    },
    token: async () => ({
      id: await created(await as(tokenA, 'POST', '/api/v1/tokens', { name: 'second' }), 'token'),
    }),
    // A new name each time: one person's live areas never share a name.
    area: async () => ({
      id: await created(await as(tokenA, 'POST', '/api/v1/areas', { name: `Mine ${++areas}` }), 'area'),
    }),
    milestone: async () => ({ id: await generic('/api/v1/milestones', { goalId: (await make.goal()).id }) }),
    chain: async () => ({ id: await generic('/api/v1/chains') }),
    chainStep: async () => {
      const id = await generic('/api/v1/chains');
      return { id, stepId: await child(`/api/v1/chains/${id}/steps`, 'steps', 'chain step') };
    },
    intention: async () => ({ id: await generic('/api/v1/intentions') }),
    intentionWeek: async () => ({ id: await generic('/api/v1/intentions'), isoWeek: ctx.isoWeek }),
    experiment: async () => ({
      id: await generic('/api/v1/experiments', { directionId: await generic('/api/v1/directions') }),
    }),
    experimentNote: async () => {
      const { id = '' } = await make.experiment();
      return { id, noteId: await child(`/api/v1/experiments/${id}/notes`, 'notes', 'experiment note') };
    },
    direction: async () => ({ id: await generic('/api/v1/directions') }),
    directionAnswer: async () => {
      const id = await generic('/api/v1/directions');
      return { id, answerId: await child(`/api/v1/directions/${id}/answers`, 'answers', 'direction answer') };
    },
    goal: async () => ({ id: await generic('/api/v1/goals', { kind: 'learning', whatToLearn: 'How' }) }),
    // P5 fires after "compared with others: yes" in 3 of the last 4 completed reviews.
    insight: async () => {
      for (const weeksAgo of [1, 2, 3]) {
        const day = new Date(Date.now() - weeksAgo * 7 * 86_400_000).toISOString().slice(0, 10);
        const res = await as(tokenA, 'POST', `/api/v1/reviews/${day}/complete`, { compared: true });
        expect(res.status, res.text).toBe(200);
      }
      return { key: 'P5' };
    },
  };

  beforeAll(async () => {
    t = await startTestServer(dialect);
    routes = routeTable(t.server.app);
    doc = (await t.call('GET', '/api/openapi.json')).json<OpenApiDoc>();
    tokenA = await tokenFor('Owner');
    tokenB = await tokenFor('Other');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('classifies every route of the route table', () => {
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => !(r.key in FIXTURES)).map((r) => r.key);
    expect(
      missing,
      'routes missing from FIXTURES in apps/server/test/access-matrix.test.ts: say whose resource they act on',
    ).toEqual([]);
    for (const r of routes) {
      const f = FIXTURES[r.key];
      if (r.params.length > 0 && (f === 'public' || f === 'self')) {
        throw new Error(`${r.key} has path parameters (${r.params.join(', ')}): give it a resource kind`);
      }
    }
  });

  it("gives a second person 404 for every route on the first person's resource, and the owner not", async () => {
    const checked: string[] = [];
    const problems: string[] = [];
    for (const route of routes) {
      const f = FIXTURES[route.key];
      if (!f || f === 'public' || f === 'self' || f === 'own') continue;
      let params: Record<string, string>;
      try {
        params = await make[f.kind]();
      } catch (err) {
        problems.push(`${route.key}: fixture ${f.kind}: ${(err as Error).message}`);
        continue;
      }
      const path = route.params.length > 0 ? fillPath(route.path, params) : route.path;
      const schema = bodySchemaOf(doc, route);
      const body = f.body ? f.body(params) : schema ? minimalValid(doc, schema, ctx) : undefined;
      const other = await as(tokenB, route.method, path, body);
      const code = (r: CallResult) => r.json<{ error?: { code?: string } }>()?.error?.code;
      if (f.body) {
        // Named in the body: the answer must be the one for an id that does not exist at all.
        const missing = Object.fromEntries(Object.keys(params).map((k) => [k, `missing-${k}`]));
        const none = await as(tokenB, route.method, path, f.body(missing));
        if (other.status < 400 || other.status !== none.status || code(other) !== code(none)) {
          problems.push(
            `${route.key}: the other person got ${other.status} ${other.text.slice(0, 150)}, for a missing id ${none.status} ${none.text.slice(0, 150)}`,
          );
        }
      } else if (other.status !== 404 || code(other) !== 'NOT_FOUND') {
        problems.push(`${route.key}: the other person got ${other.status} ${other.text.slice(0, 200)}`);
      }
      const owner = await as(tokenA, route.method, path, body);
      if (owner.status === 404 || owner.status >= 500) {
        problems.push(`${route.key}: the owner got ${owner.status} ${owner.text.slice(0, 200)} (the fixture is wrong)`);
      }
      checked.push(route.key);
    }
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(20);
  });
});
