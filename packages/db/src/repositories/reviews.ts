import type { ReviewAnswers, WeekSummary } from '@tack/contracts';
import type { AppliedDecision, ReviewRecord, ReviewsPort } from '@tack/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReviewTable } from '../schema.ts';

function toRecord(r: Selectable<ReviewTable>): ReviewRecord {
  return {
    id: r.id,
    userId: r.user_id,
    weekStart: r.week_start,
    status: r.status as ReviewRecord['status'],
    answers: JSON.parse(r.answers) as ReviewAnswers,
    summary: r.summary ? (JSON.parse(r.summary) as WeekSummary) : null,
    applied: JSON.parse(r.applied) as AppliedDecision[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
  };
}

export function reviewsRepository(db: Kysely<Database>): ReviewsPort {
  return {
    async get(userId, weekStart) {
      const row = await db
        .selectFrom('review')
        .selectAll()
        .where('user_id', '=', userId)
        .where('week_start', '=', weekStart)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async insertIfAbsent(r) {
      await db
        .insertInto('review')
        .values({
          id: r.id,
          user_id: r.userId,
          week_start: r.weekStart,
          status: r.status,
          answers: JSON.stringify(r.answers),
          summary: r.summary ? JSON.stringify(r.summary) : null,
          applied: JSON.stringify(r.applied),
          created_at: r.createdAt,
          updated_at: r.updatedAt,
          completed_at: r.completedAt,
        })
        .onConflict((oc) => oc.columns(['user_id', 'week_start']).doNothing())
        .execute();
    },
    async save(r) {
      await db
        .updateTable('review')
        .set({
          status: r.status,
          answers: JSON.stringify(r.answers),
          summary: r.summary ? JSON.stringify(r.summary) : null,
          applied: JSON.stringify(r.applied),
          updated_at: r.updatedAt,
          completed_at: r.completedAt,
        })
        .where('id', '=', r.id)
        .where('user_id', '=', r.userId)
        .execute();
    },
    async list(userId, filter = {}) {
      let q = db.selectFrom('review').selectAll().where('user_id', '=', userId);
      if (filter.from) q = q.where('week_start', '>=', filter.from);
      if (filter.to) q = q.where('week_start', '<=', filter.to);
      if (filter.status) q = q.where('status', '=', filter.status);
      return (await q.orderBy('week_start').execute()).map(toRecord);
    },
  };
}
