import { defineConfig } from 'vitest/config';

// Test tiers (see docs/ARCHITECTURE.md): unit (pure, no I/O), db (repositories on SQLite and,
// when TACK_TEST_PG_URL is set, PostgreSQL), routes (real HTTP layer on both databases),
// cli (the real `tack` binary against a real server), e2e (real server + Debian Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/contracts/test/**/*.test.ts', 'packages/core/test/**/*.test.ts'] } },
      { test: { name: 'web', include: ['apps/web/test/**/*.test.ts'] } },
      { test: { name: 'db', include: ['packages/db/test/**/*.test.ts', 'bench/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: { name: 'routes', include: ['apps/server/test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      { test: { name: 'cli', include: ['apps/cli/test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One shared Chromium for the whole e2e run (see e2e/support/browser.ts).
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
