// Vitest globalSetup of the `e2e` project: ONE headless Chromium for the whole run. Test files
// connect to it (e2e/support/browser.ts) instead of each launching their own browser.
//
// No Chromium (missing or failing to start): with TACK_REQUIRE_ALL_TIERS=1 (set by `npm test`)
// every browser test FAILS with the reason; otherwise browser tests skip with it. This setup does
// not throw, because a throwing globalSetup aborts the whole vitest run and every other tier's
// results with it.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import './support/provided.ts';

/** Flags that keep Debian's Chromium quiet and working in a sandbox without network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function unavailable(project: TestProject, reason: string): undefined {
  const required = process.env.TACK_REQUIRE_ALL_TIERS === '1';
  console.error(`e2e: ${reason}; browser tests will ${required ? 'FAIL (TACK_REQUIRE_ALL_TIERS=1)' : 'be skipped'}`);
  project.provide('tackChromiumWsEndpoint', '');
  project.provide('tackChromiumSkipReason', reason);
  return undefined;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const executablePath = process.env.TACK_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    return unavailable(
      project,
      `Chromium not found at ${executablePath} (apt-get install -y chromium, or set TACK_CHROMIUM)`,
    );
  }
  let server: Awaited<ReturnType<typeof chromium.launchServer>>;
  try {
    server = await chromium.launchServer({
      executablePath,
      args: CHROMIUM_ARGS,
      host: '127.0.0.1', // not every interface
    });
  } catch (err) {
    return unavailable(
      project,
      `Chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  project.provide('tackChromiumWsEndpoint', server.wsEndpoint());
  project.provide('tackChromiumSkipReason', '');
  return async () => {
    await server.close();
  };
}
