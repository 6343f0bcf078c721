import type { Migration } from 'kysely/migration';
import * as m0001 from './2026_11_21_0001_accounts.ts';

/** Every migration, by name. Names sort in time order; a migration never changes once released. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0001_accounts': m0001,
};
