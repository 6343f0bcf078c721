// Bearer tokens: found once, trusted for TOKEN_RECHECK_MS, forgotten at once when revoked here.
import { describe, expect, it } from 'vitest';
import type { TokensPort } from '../../src/accounts/ports.ts';
import { accountsService, TOKEN_RECHECK_MS } from '../../src/accounts/service.ts';
import { authorizeSelf } from '../../src/authorized.ts';

interface Row {
  id: string;
  userId: string;
  hash: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The table as another app server sharing the database would change it. */
function tokenTable(rows: Row[]) {
  const calls = { find: 0, touch: 0 };
  const port: TokensPort = {
    insert: async () => {},
    listActive: async () => [],
    countActive: async () => 0,
    async revoke(userId, tokenId, at) {
      const r = rows.find((x) => x.id === tokenId && x.userId === userId && !x.revokedAt);
      if (r) r.revokedAt = at;
      return !!r;
    },
    async findActiveByHash(hash) {
      calls.find++;
      const r = rows.find((x) => x.hash === hash && !x.revokedAt);
      return r ? { id: r.id, userId: r.userId, lastUsedAt: r.lastUsedAt } : null;
    },
    async touch(id, at) {
      calls.touch++;
      const r = rows.find((x) => x.id === id);
      if (r) r.lastUsedAt = at;
    },
  };
  return { port, calls };
}

function setup() {
  let now = Date.parse('2026-11-21T10:00:00Z');
  const rows: Row[] = [{ id: 't1', userId: 'ann', hash: 'h:secret-1', lastUsedAt: null, revokedAt: null }];
  const { port, calls } = tokenTable(rows);
  const svc = accountsService({
    accounts: {} as never,
    tokens: port,
    clock: { now: () => new Date(now) },
    newId: () => 'new',
    mintSecret: () => ({ token: 'x', prefix: 'x', hash: 'h:x' }),
    hashSecret: (t) => `h:${t}`,
  });
  return { svc, rows, calls, advance: (ms: number) => (now += ms) };
}

describe('authenticateToken', () => {
  it('asks the database once, then again after TOKEN_RECHECK_MS', async () => {
    const { svc, calls, advance } = setup();
    expect(await svc.authenticateToken('secret-1')).toEqual({ userId: 'ann' });
    expect(await svc.authenticateToken('secret-1')).toEqual({ userId: 'ann' });
    expect(calls.find).toBe(1);
    advance(TOKEN_RECHECK_MS);
    expect(await svc.authenticateToken('secret-1')).toEqual({ userId: 'ann' });
    expect(calls.find).toBe(2);
  });

  it('stops accepting a token revoked elsewhere within TOKEN_RECHECK_MS', async () => {
    const { svc, rows, advance } = setup();
    expect(await svc.authenticateToken('secret-1')).not.toBeNull();
    (rows[0] as Row).revokedAt = '2026-11-21T10:00:01Z';
    advance(TOKEN_RECHECK_MS - 1);
    expect(await svc.authenticateToken('secret-1')).not.toBeNull();
    advance(1);
    expect(await svc.authenticateToken('secret-1')).toBeNull();
  });

  it('forgets a token revoked through this server at once', async () => {
    const { svc } = setup();
    expect(await svc.authenticateToken('secret-1')).not.toBeNull();
    await svc.revokeToken(authorizeSelf({ userId: 'ann' }), 't1');
    expect(await svc.authenticateToken('secret-1')).toBeNull();
  });

  it('never trusts an unknown token, and rechecks when the clock goes back', async () => {
    const { svc, calls, advance } = setup();
    expect(await svc.authenticateToken('nope')).toBeNull();
    expect(await svc.authenticateToken('nope')).toBeNull();
    expect(calls.find).toBe(2);
    await svc.authenticateToken('secret-1');
    advance(-1000);
    await svc.authenticateToken('secret-1');
    expect(calls.find).toBe(4);
  });

  it('writes the last-used time at most once a minute', async () => {
    const { svc, rows, calls, advance } = setup();
    await svc.authenticateToken('secret-1');
    expect(rows[0]?.lastUsedAt).toBe('2026-11-21T10:00:00.000Z');
    advance(30_000);
    await svc.authenticateToken('secret-1');
    expect(calls.touch).toBe(1);
    advance(31_000);
    await svc.authenticateToken('secret-1');
    expect(calls.touch).toBe(2);
    expect(rows[0]?.lastUsedAt).toBe('2026-11-21T10:01:01.000Z');
  });

  it('hands out a copy, so a caller cannot change who the cached token belongs to', async () => {
    const { svc } = setup();
    const a = await svc.authenticateToken('secret-1');
    if (a) (a as { userId: string }).userId = 'mallory';
    expect(await svc.authenticateToken('secret-1')).toEqual({ userId: 'ann' });
  });
});
