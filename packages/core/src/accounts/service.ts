import type { ApiToken, CreateToken, CreateTokenResponse, UpdateMe, User } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
import { Lru } from '../lru.ts';
import type { AccountsPort, MintedSecret, TokensPort } from './ports.ts';

export interface AccountsDeps {
  accounts: AccountsPort;
  tokens: TokensPort;
  clock: Clock;
  newId: () => string;
  mintSecret: () => MintedSecret;
  hashSecret: (token: string) => string;
}

/** How often a token's last-used time is written at most (keeps reads from turning into writes). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * How long a bearer token, once found active, is trusted without asking the database again (ADR 0010).
 * Revoking it through this server takes effect at once; through another app server, or with the
 * database changed underneath, within this time.
 */
export const TOKEN_RECHECK_MS = 10_000;
/** Tokens remembered at most (the least recently used go first). */
const TOKEN_CACHE_SIZE = 4096;

interface KnownToken {
  tokenId: string;
  actor: Actor;
  lastUsedAt: string | null;
  /** When the database last said it was active (ms). */
  checkedAt: number;
}

export function accountsService(deps: AccountsDeps) {
  const nowIso = () => deps.clock.now().toISOString();
  /** By the token's hash: the secret itself is never kept. */
  const known = new Lru<string, KnownToken>(TOKEN_CACHE_SIZE);

  return {
    async me(actor: Authorized<Actor>): Promise<User> {
      const user = await deps.accounts.getUser(actor.userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
      return user;
    },

    async updateMe(actor: Authorized<Actor>, patch: UpdateMe): Promise<User> {
      const user = await deps.accounts.updateUser(actor.userId, patch, nowIso());
      if (!user) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
      return user;
    },

    async needsFirstAccount(): Promise<boolean> {
      return (await deps.accounts.countUsers()) === 0;
    },

    async listTokens(actor: Authorized<Actor>): Promise<ApiToken[]> {
      return deps.tokens.listActive(actor.userId);
    },

    async createToken(actor: Authorized<Actor>, input: CreateToken): Promise<CreateTokenResponse> {
      if ((await deps.tokens.countActive(actor.userId)) >= LIMITS.tokensPerUser) {
        throw conflict(`You already have ${LIMITS.tokensPerUser} tokens; revoke one you no longer use first`);
      }
      const secret = deps.mintSecret();
      const row = {
        id: deps.newId(),
        userId: actor.userId,
        name: input.name,
        prefix: secret.prefix,
        tokenHash: secret.hash,
        createdAt: nowIso(),
      };
      await deps.tokens.insert(row);
      return {
        token: secret.token,
        apiToken: { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: null },
      };
    },

    async revokeToken(actor: Authorized<Actor>, tokenId: string): Promise<void> {
      if (!(await deps.tokens.revoke(actor.userId, tokenId, nowIso()))) throw notFound('Token');
      known.deleteWhere((k) => k.tokenId === tokenId);
    },

    /** Resolves a bearer token to its owner, or null for an unknown or revoked one. */
    async authenticateToken(token: string): Promise<Actor | null> {
      const hash = deps.hashSecret(token);
      const now = deps.clock.now();
      const t = now.getTime();
      let k = known.get(hash);
      if (k && !(t - k.checkedAt < TOKEN_RECHECK_MS && t >= k.checkedAt)) {
        known.take(hash);
        k = undefined;
      }
      if (!k) {
        const found = await deps.tokens.findActiveByHash(hash);
        if (!found) return null;
        k = { tokenId: found.id, actor: { userId: found.userId }, lastUsedAt: found.lastUsedAt, checkedAt: t };
        known.set(hash, k);
      }
      if (!k.lastUsedAt || t - Date.parse(k.lastUsedAt) > TOUCH_INTERVAL_MS) {
        k.lastUsedAt = now.toISOString();
        await deps.tokens.touch(k.tokenId, k.lastUsedAt);
      }
      return { ...k.actor };
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
