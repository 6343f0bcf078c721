import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import {
  type AccountsService,
  accountsService,
  type Clock,
  type MintedSecret,
  type PortabilityService,
  type PracticesService,
  portabilityService,
  practicesService,
  TodayCache,
} from '@tack/core';
import {
  accountsRepository,
  type OpenDatabase,
  portabilityStore,
  practiceStore,
  readLoopBackup,
  tokensRepository,
  userState,
} from '@tack/db';
import { createDiscoveryServices, type DiscoveryServices } from './discovery-services.ts';
import { createReviewServices, type ReviewServices } from './review-services.ts';

/** Personal API tokens: 256 random bits; only a SHA-256 digest is stored. */
export function mintSecret(): MintedSecret {
  const token = `tack_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, 12), hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Services extends DiscoveryServices, ReviewServices {
  accounts: AccountsService;
  practices: PracticesService;
  portability: PortabilityService;
}

/** Wires core's services to the database's repositories. One place, so routes stay short. */
export function createServices(database: OpenDatabase, clock: Clock): Services {
  const { db } = database;
  const accounts = accountsRepository(db);
  return {
    ...createDiscoveryServices(database, clock),
    ...createReviewServices(database, clock),
    practices: practicesService({
      store: practiceStore(db),
      clock,
      newId: randomUUID,
      timeZoneOf: async (userId) => (await accounts.getUser(userId))?.timeZone ?? 'UTC',
      today: {
        cache: new TodayCache(),
        stateOf: async (userId) => (await userState(db, userId)) ?? { timeZone: 'UTC', dataRev: '0' },
      },
    }),
    portability: portabilityService({
      store: portabilityStore(db),
      clock,
      newId: randomUUID,
      timeZoneOf: async (userId) => (await accounts.getUser(userId))?.timeZone ?? 'UTC',
      readLoopBackup,
      inflateRaw: (data, maxOutput) => inflateRawSync(data, { maxOutputLength: maxOutput }),
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
