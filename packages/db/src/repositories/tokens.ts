import type { TokensPort } from '@tack/core';
import type { Kysely } from 'kysely';
import { prepared } from '../prepared.ts';
import type { Database } from '../schema.ts';

const findActive = prepared<{ hash: string }, { id: string; user_id: string; last_used_at: string | null }>((db, arg) =>
  db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', arg('hash'))
    .where('revoked_at', 'is', null)
    .compile(),
);

export function tokensRepository(db: Kysely<Database>): TokensPort {
  const active = (userId: string) =>
    db.selectFrom('api_token').where('user_id', '=', userId).where('revoked_at', 'is', null);
  return {
    async insert(row) {
      await db
        .insertInto('api_token')
        .values({
          id: row.id,
          user_id: row.userId,
          name: row.name,
          prefix: row.prefix,
          token_hash: row.tokenHash,
          created_at: row.createdAt,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
    },
    async listActive(userId) {
      const rows = await active(userId)
        .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
      }));
    },
    async countActive(userId) {
      const row = await active(userId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async revoke(userId, tokenId, at) {
      const res = await db
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('id', '=', tokenId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    async findActiveByHash(tokenHash) {
      const [row] = await findActive(db, { hash: tokenHash });
      return row ? { id: row.id, userId: row.user_id, lastUsedAt: row.last_used_at } : null;
    },
    async touch(tokenId, at) {
      await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', tokenId).execute();
    },
  };
}
