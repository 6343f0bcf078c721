import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type Clock,
  type FeedService,
  feedService,
  type InsightsService,
  insightsService,
  type PersonSettings,
  practicesService,
  type ReviewsService,
  reviewsService,
} from '@tack/core';
import {
  accountsRepository,
  discoverySource,
  dismissalsRepository,
  feedRepository,
  type OpenDatabase,
  practiceStore,
  reviewsRepository,
} from '@tack/db';

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
  const personOf = async (userId: string): Promise<PersonSettings> => {
    const user = await accounts.getUser(userId);
    return { timeZone: user?.timeZone ?? 'UTC', weekStart: user?.weekStart ?? 'monday' };
  };
  const store = practiceStore(db);
  // Completing a review changes practices (adjust, drop) through the practices rules.
  const practices = practicesService({
    store,
    clock,
    newId: randomUUID,
    timeZoneOf: async (id) => (await personOf(id)).timeZone,
  });
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
