import type { Weekday } from '@tack/contracts';
import type { FeedSettingsPort, FeedSettingsRecord } from '@tack/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, FeedSettingTable } from '../schema.ts';

function toRecord(r: Selectable<FeedSettingTable>): FeedSettingsRecord {
  return {
    userId: r.user_id,
    reviewDay: r.review_day as Weekday,
    reviewTime: r.review_time,
    reviewMinutes: Number(r.review_minutes),
    practiceTime: r.practice_time,
    secretHash: r.secret_hash,
    secretCreatedAt: r.secret_created_at,
    updatedAt: r.updated_at,
  };
}

export function feedRepository(db: Kysely<Database>): FeedSettingsPort {
  return {
    async get(userId) {
      const row = await db.selectFrom('feed_setting').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async put(r) {
      const values = {
        review_day: r.reviewDay,
        review_time: r.reviewTime,
        review_minutes: r.reviewMinutes,
        practice_time: r.practiceTime,
        secret_hash: r.secretHash,
        secret_created_at: r.secretCreatedAt,
        updated_at: r.updatedAt,
      };
      await db
        .insertInto('feed_setting')
        .values({ user_id: r.userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    },
    async findBySecretHash(hash) {
      const row = await db.selectFrom('feed_setting').selectAll().where('secret_hash', '=', hash).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}
