import type { DiscoverySourcePort, DismissalsPort } from '@tack/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { discoveryStore } from './discovery.ts';

export function dismissalsRepository(db: Kysely<Database>): DismissalsPort {
  return {
    async list(userId) {
      const rows = await db.selectFrom('insight_dismissal').selectAll().where('user_id', '=', userId).execute();
      return rows.map((r) => ({ key: r.key, dismissedAt: r.dismissed_at }));
    },
    async put(userId, key, at) {
      await db
        .insertInto('insight_dismissal')
        .values({ user_id: userId, key, dismissed_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ dismissed_at: at }))
        .execute();
    },
    async remove(userId, keys) {
      if (keys.length === 0) return;
      await db.deleteFrom('insight_dismissal').where('user_id', '=', userId).where('key', 'in', keys).execute();
    },
  };
}

/**
 * What reviews and insights read from the discovery features (migration 0004), through discovery's
 * own repositories: experiment notes, intentions, goals with their milestone slips, effort counts.
 */
export function discoverySource(db: Kysely<Database>): DiscoverySourcePort {
  const store = discoveryStore(db);
  return {
    async experimentNotes(userId, from, to) {
      const experiments = await store.experiments.list(userId);
      return experiments.flatMap((e) =>
        e.notes
          .filter((n) => n.date >= from && n.date <= to)
          .map((n) => ({ experimentId: e.id, hypothesis: e.hypothesis, date: n.date, tag: n.tag, text: n.text })),
      );
    },
    async intentions(userId) {
      return (await store.intentions.list(userId)).map((i) => ({ id: i.id, statement: i.statement }));
    },
    async answerIntention(userId, intentionId, isoWeek, answer, at) {
      const existing = await store.intentionWeeks.get(intentionId, isoWeek);
      await store.intentionWeeks.put(userId, intentionId, {
        isoWeek,
        answer,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
    },
    async goalsForRigidity(userId, today) {
      const goals = (await store.goals.list(userId)).filter((g) => g.status === 'active' || g.status === 'exploring');
      const milestones = await store.milestones.list(userId);
      return goals.map((g) => {
        let slips = 0;
        for (const m of milestones.filter((x) => x.goalId === g.id)) {
          slips += m.changes.filter((c) => c.kind === 'moved' && c.after.targetDate > c.before.targetDate).length;
          if (m.status === 'open' && m.targetDate < today) slips += 1;
        }
        return { goalId: g.id, title: g.title, revisions: g.revisions, milestoneSlips: slips };
      });
    },
    async effort(userId, from, to) {
      const experiments = await store.experiments.list(userId);
      const goals = await store.goals.list(userId);
      return {
        experimentsRun: experiments.filter((e) => e.startDate <= to && (e.decidedOn ?? e.decisionDate) >= from).length,
        experimentsDecided: experiments.filter((e) => e.decidedOn !== null && e.decidedOn >= from && e.decidedOn <= to)
          .length,
        strategiesTried: goals.reduce((s, g) => s + g.strategies.filter((x) => x.tried).length, 0),
      };
    },
  };
}
