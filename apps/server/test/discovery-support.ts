// Shared helpers for the discovery route tests (directions … milestones).
import { expect } from 'vitest';
import type { Person, TestServer } from './support.ts';

export type Json = Record<string, unknown>;

export { movableClock } from './support.ts';

export const issuesOf = (body: unknown) =>
  ((body as { error?: { details?: { issues?: { path: string }[] } } }).error?.details?.issues ?? []).map((i) => i.path);

/** Calls and expects a status; returns the JSON body. */
export function caller(t: () => TestServer) {
  return async <T = Json>(who: Person, method: string, path: string, body?: unknown, status = 200): Promise<T> => {
    const res = await t().call(method, path, { cookie: who.cookie, body });
    expect(res.status, `${method} ${path}: ${res.text}`).toBe(status);
    return res.json<T>();
  };
}

/** Expects a 400 whose issues name `path`. */
export async function expect400(t: TestServer, who: Person, method: string, url: string, body: unknown, path: string) {
  const res = await t.call(method, url, { cookie: who.cookie, body });
  expect(res.status, `${method} ${url} ${JSON.stringify(body)}: ${res.text}`).toBe(400);
  expect(issuesOf(res.body), `${method} ${url} ${JSON.stringify(body)}`).toContain(path);
}

/** Every attempt by another person gets 404 NOT_FOUND. */
export async function expectAll404(t: TestServer, who: Person, attempts: Array<[string, string, unknown?]>) {
  for (const [method, path, body] of attempts) {
    const res = await t.call(method, path, { cookie: who.cookie, body });
    expect(res.status, `${method} ${path}: ${res.text}`).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  }
}
