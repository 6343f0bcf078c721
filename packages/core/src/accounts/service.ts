import type { ApiToken, CreateToken, CreateTokenResponse, UpdateMe, User } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import type { Actor, Authorized } from '../authorized.ts';
import type { Clock } from '../clock.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
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

export function accountsService(deps: AccountsDeps) {
  const nowIso = () => deps.clock.now().toISOString();

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
    },

    /** Resolves a bearer token to its owner, or null for an unknown or revoked one. */
    async authenticateToken(token: string): Promise<Actor | null> {
      const found = await deps.tokens.findActiveByHash(deps.hashSecret(token));
      if (!found) return null;
      const now = deps.clock.now();
      if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > TOUCH_INTERVAL_MS) {
        await deps.tokens.touch(found.id, now.toISOString());
      }
      return { userId: found.userId };
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
