import type { Migration } from 'kysely/migration';
import * as m0001 from './2026_11_21_0001_accounts.ts';
import * as m0002 from './2026_11_21_0002_practices.ts';
import * as m0003 from './2026_11_21_0003_portability.ts';
import * as m0004 from './2026_11_21_0004_discovery.ts';
import * as m0005 from './2026_11_21_0005_reviews.ts';
import * as m0007 from './2026_11_21_0007_data_rev.ts';
import * as m0008 from './2026_11_21_0008_checkin_user_fk.ts';
import * as m0009 from './2026_11_21_0009_practice_data_rev.ts';
import * as m0010 from './2026_11_22_0010_checkin_practice_ref.ts';

/** Every migration, by name. Names sort in time order; a migration never changes once released. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0001_accounts': m0001,
  '2026_11_21_0002_practices': m0002,
  '2026_11_21_0003_portability': m0003,
  '2026_11_21_0004_discovery': m0004,
  '2026_11_21_0005_reviews': m0005,
  '2026_11_21_0007_data_rev': m0007,
  '2026_11_21_0008_checkin_user_fk': m0008,
  '2026_11_21_0009_practice_data_rev': m0009,
  '2026_11_22_0010_checkin_practice_ref': m0010,
};
