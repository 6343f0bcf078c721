import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type AccountsService,
  accountsService,
  type Clock,
  type MintedSecret,
  type PracticesService,
  practicesService,
} from '@tack/core';
import { accountsRepository, type OpenDatabase, practiceStore, tokensRepository } from '@tack/db';

/** Personal API tokens: 256 random bits; only a SHA-256 digest is stored. */
export function mintSecret(): MintedSecret {
  const token = `tack_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, 12), hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Services {
  accounts: AccountsService;
  practices: PracticesService;
}

/** Wires core's services to the database's repositories. One place, so routes stay short. */
export function createServices(database: OpenDatabase, clock: Clock): Services {
  const { db } = database;
  const accounts = accountsRepository(db);
  return {
    practices: practicesService({
      store: practiceStore(db),
      clock,
      newId: randomUUID,
      timeZoneOf: async (userId) => (await accounts.getUser(userId))?.timeZone ?? 'UTC',
    }),
    accounts: accountsService({
      accounts,
      tokens: tokensRepository(db),
      clock,
      newId: randomUUID,
      mintSecret,
      hashSecret,
    }),
  };
}
