import type { UpdateMe, User, Weekday } from '@tack/contracts';
import type { AccountsPort } from '@tack/core';
import type { Kysely, Selectable } from 'kysely';
import { type Database, toIso, type UserTable } from '../schema.ts';

function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    timeZone: row.time_zone,
    weekStart: row.week_start as Weekday,
    createdAt: toIso(row.created_at),
  };
}

export function accountsRepository(db: Kysely<Database>): AccountsPort {
  return {
    async getUser(userId) {
      const row = await db.selectFrom('user').selectAll().where('id', '=', userId).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async updateUser(userId: string, patch: UpdateMe, at: string) {
      const set: Partial<Record<'name' | 'time_zone' | 'week_start', string>> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.timeZone !== undefined) set.time_zone = patch.timeZone;
      if (patch.weekStart !== undefined) set.week_start = patch.weekStart;
      if (Object.keys(set).length > 0) {
        // better-auth writes updated_at as a Date on Postgres and ISO text on SQLite; both accept ISO text.
        await db
          .updateTable('user')
          .set({ ...set, updated_at: at })
          .where('id', '=', userId)
          .execute();
      }
      return this.getUser(userId);
    },
    async countUsers() {
      const row = await db
        .selectFrom('user')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
