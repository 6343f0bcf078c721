// Frozen: accounts, sessions (better-auth), personal API tokens, organisations, memberships,
// roles and coaching relationships. Tack's own timestamps are ISO-8601 UTC text on both databases.
import { type Kysely, sql } from 'kysely';
import { authBool, authDate } from './frozen-dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = authDate(db);
  const b = authBool(db);

  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified', b, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('image', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('week_start', 'text', (c) => c.notNull().defaultTo('monday'))
    .addColumn('created_at', d, (c) => c.notNull())
    .addColumn('updated_at', d, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', d, (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', d, (c) => c.notNull())
    .addColumn('updated_at', d, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user_id_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', d)
    .addColumn('refresh_token_expires_at', d)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('created_at', d, (c) => c.notNull())
    .addColumn('updated_at', d, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_user_id_idx').on('account').column('user_id').execute();

  await db.schema
    .createTable('verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', d, (c) => c.notNull())
    .addColumn('created_at', d, (c) => c.notNull())
    .addColumn('updated_at', d, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').execute();

  // Instance-wide settings, e.g. the generated auth secret shared by every app server.
  await db.schema
    .createTable('instance_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_token_user_id_idx').on('api_token').column('user_id').execute();

  // Roles are data, so coaching and organisation features add rows, not columns.
  await db.schema
    .createTable('role')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db
    .withTables<{ role: { id: string; scope: string; description: string } }>()
    .insertInto('role')
    .values([
      { id: 'org_owner', scope: 'organization', description: 'Runs the organisation and its cycles' },
      { id: 'org_admin', scope: 'organization', description: 'HR or L&D: manages cycles, sees aggregates only' },
      { id: 'org_member', scope: 'organization', description: 'Takes part in cycles; content stays private' },
      { id: 'coach', scope: 'coaching', description: 'Sees only what a coachee shares' },
      { id: 'coachee', scope: 'coaching', description: 'Owns their content and chooses what to share' },
    ])
    .execute();

  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('aggregate_floor', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('role.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addUniqueConstraint('membership_org_user_uq', ['organization_id', 'user_id'])
    .execute();
  await db.schema.createIndex('membership_user_id_idx').on('membership').column('user_id').execute();

  await db.schema
    .createTable('coaching_relationship')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coach_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('coachee_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addUniqueConstraint('coaching_pair_uq', ['coach_id', 'coachee_id'])
    .execute();
  await db.schema.createIndex('coaching_coachee_idx').on('coaching_relationship').column('coachee_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'coaching_relationship',
    'membership',
    'organization',
    'role',
    'api_token',
    'instance_setting',
    'verification',
    'account',
    'session',
    'user',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
