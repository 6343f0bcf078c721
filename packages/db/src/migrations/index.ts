import type { Migration } from 'kysely/migration';
import * as m0001 from './2026_11_21_0001_accounts.ts';
import * as m0002 from './2026_11_21_0002_practices.ts';

/** Every migration, by name. Names sort in time order; a migration never changes once released. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0001_accounts': m0001,
  '2026_11_21_0002_practices': m0002,
};
