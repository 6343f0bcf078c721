import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type Clock,
  type FeedService,
  feedService,
  type InsightsService,
  insightsService,
  practicesService,
  type ReviewsService,
  reviewsService,
} from '@tack/core';
import {
  accountsRepository,
  type Database,
  discoverySource,
  dismissalsRepository,
  feedRepository,
  type OpenDatabase,
  practiceStore,
  reviewsRepository,
} from '@tack/db';
import type { Kysely } from 'kysely';
import { personSettingsOf } from './discovery-services.ts';

export interface ReviewServices {
  reviews: ReviewsService;
  insights: InsightsService;
  feed: FeedService;
}

const hashFeedSecret = (secret: string) => createHash('sha256').update(`feed:${secret}`).digest('hex');

/** Issue 5's services (weekly review, insights, calendar feed), wired to the database. */
export function createReviewServices(database: OpenDatabase, clock: Clock): ReviewServices {
  const { db } = database;
  const accounts = accountsRepository(db);
  const personOf = personSettingsOf(accounts);
  const store = practiceStore(db);
  // Completing a review changes practices (adjust, drop) through the practices rules, in one transaction.
  // Everything inside the transaction reads through it too: on SQLite a read on the outer handle would
  // wait for the connection the transaction holds.
  const practicesIn = (on: Kysely<Database>) => {
    const people = accountsRepository(on);
    return practicesService({
      store: practiceStore(on),
      clock,
      newId: randomUUID,
      timeZoneOf: async (id) => (await people.getUser(id))?.timeZone ?? 'UTC',
    });
  };
  const practices = practicesIn(db);
  const reviews = reviewsRepository(db);
  const discovery = discoverySource(db);
  return {
    reviews: reviewsService({
      reviews,
      practiceStore: store,
      practices,
      discovery,
      clock,
      newId: randomUUID,
      personOf,
      transaction: (fn) =>
        db
          .transaction()
          .execute((trx) =>
            fn({ practices: practicesIn(trx), reviews: reviewsRepository(trx), discovery: discoverySource(trx) }),
          ),
    }),
    insights: insightsService({
      practiceStore: store,
      reviews,
      dismissals: dismissalsRepository(db),
      discovery,
      clock,
      personOf,
    }),
    feed: feedService({
      feed: feedRepository(db),
      practiceStore: store,
      clock,
      personOf,
      mintSecret: () => {
        const token = `feed_${randomBytes(32).toString('base64url')}`;
        return { token, hash: hashFeedSecret(token) };
      },
      hashSecret: hashFeedSecret,
    }),
  };
}
