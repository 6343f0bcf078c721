// A stream of check-ins against the real server, remembering which ones were acknowledged (2xx),
// for the crash and database-restart tests.
import { expect } from 'vitest';
import type { RunningServer } from '../support/server.ts';

export interface Person {
  token: string;
  practiceIds: string[];
}

/** Signs a person up, gives them an API token and `practices` daily practices. */
export async function personWithPractices(url: string, practices: number): Promise<Person> {
  const email = `reliability-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery', name: 'Reliability' }),
  });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const tok = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'reliability' }),
  });
  expect(tok.status).toBe(201);
  const { token } = (await tok.json()) as { token: string };
  const practiceIds: string[] = [];
  for (let i = 0; i < practices; i++) {
    const res = await fetch(`${url}/api/v1/practices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        name: `Practice ${i}`,
        frequency: { kind: 'times', times: 1, days: 1 },
        startDate: '2020-01-01',
      }),
    });
    expect(res.status).toBe(201);
    practiceIds.push(((await res.json()) as { practice: { id: string } }).practice.id);
  }
  return { token, practiceIds };
}

export function daysAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export interface StreamLog {
  /** "practiceId date" of every check-in that got a 2xx. */
  acked: Set<string>;
  /** Status (or "network") → count, for everything that was not a 2xx. */
  failures: Map<string, number>;
  /** Error bodies of non-2xx answers that were not the documented shape or not DATABASE_UNAVAILABLE. */
  unexpected: string[];
  sent: number;
}

/**
 * Runs `workers` loops, each writing new (practice, date) check-ins one after another until
 * `stop()` says so or `maxMs` passes. Each check-in is distinct, so an acknowledged one must
 * exist afterwards.
 */
export async function streamCheckins(
  server: Pick<RunningServer, 'url'>,
  person: Person,
  opts: { workers: number; stop: () => boolean; maxMs: number; log: StreamLog; offset: number },
): Promise<void> {
  const until = Date.now() + opts.maxMs;
  let next = opts.offset;
  const worker = async () => {
    while (!opts.stop() && Date.now() < until) {
      const n = next++;
      const practiceId = person.practiceIds[n % person.practiceIds.length] as string;
      const date = daysAgo(Math.floor(n / person.practiceIds.length));
      const key = `${practiceId} ${date}`;
      opts.log.sent++;
      try {
        const res = await fetch(`${server.url}/api/v1/practices/${practiceId}/checkins/${date}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` },
          body: JSON.stringify({ status: 'done', note: `n${n}` }),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (res.status >= 200 && res.status < 300) opts.log.acked.add(key);
        else {
          opts.log.failures.set(String(res.status), (opts.log.failures.get(String(res.status)) ?? 0) + 1);
          let code = '';
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
          } catch {}
          if (!(res.status === 503 && code === 'DATABASE_UNAVAILABLE'))
            opts.log.unexpected.push(`${res.status} ${text.slice(0, 200)}`);
        }
      } catch {
        opts.log.failures.set('network', (opts.log.failures.get('network') ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, worker));
}

export function newLog(): StreamLog {
  return { acked: new Set(), failures: new Map(), unexpected: [], sent: 0 };
}

/** The acknowledged check-ins that the server does not have (reads each practice's whole range). */
export async function missingCheckins(url: string, person: Person, acked: Set<string>): Promise<string[]> {
  const have = new Set<string>();
  for (const id of person.practiceIds) {
    const res = await fetch(`${url}/api/v1/practices/${id}/checkins?from=2000-01-01&to=${daysAgo(0)}`, {
      headers: { authorization: `Bearer ${person.token}` },
    });
    expect(res.status).toBe(200);
    const { checkins } = (await res.json()) as { checkins: { practiceId: string; date: string }[] };
    for (const c of checkins) have.add(`${c.practiceId} ${c.date}`);
  }
  return [...acked].filter((k) => !have.has(k));
}
