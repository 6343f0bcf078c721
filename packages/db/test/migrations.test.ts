import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrations, type OpenDatabase, openDatabase } from '../src/index.ts';
import { testDialects } from '../src/testing.ts';

describe.each(testDialects())('migrations on $name', (dialect) => {
  let open: OpenDatabase | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('go up, down and up again with data present', async () => {
    open = await openDatabase({ databaseUrl: await dialect.databaseUrl(), dataDir: ':memory:' });
    const { db } = open;
    const names = Object.keys(migrations).sort();
    expect((await migrateToLatest(db)).applied).toEqual(names);
    expect((await migrateToLatest(db)).applied).toEqual([]);

    const at = new Date().toISOString();
    await db
      .insertInto('user')
      .values({
        id: 'u1',
        name: 'Ann',
        email: 'ann@example.org',
        email_verified: 0,
        image: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const roles = await db.selectFrom('role').select('id').orderBy('id').execute();
    expect(roles.map((r) => r.id)).toContain('coach');

    // Step down one at a time to the start, then all the way up again.
    for (let i = names.length - 1; i >= 0; i--) {
      expect((await migrateDown(db)).applied).toEqual([names[i]]);
    }
    expect((await migrateToLatest(db)).applied).toEqual(names);
    await db
      .insertInto('user')
      .values({
        id: 'u2',
        name: 'Bo',
        email: 'bo@example.org',
        email_verified: 0,
        image: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const count = await sql<{ n: number }>`select count(*) as n from ${sql.table('user')}`.execute(db);
    expect(Number(count.rows[0]?.n)).toBe(1);
  });
});
