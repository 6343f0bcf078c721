// Browser side of the black-box e2e tests: a connection to the ONE Chromium that
// e2e/global-setup.ts launched, fresh pages in fresh contexts, and an axe accessibility check.
//
//   import { expectNoAxeViolations, newPage, skipUnlessBrowser } from './support/browser.ts';
//   it('shows the dashboard', async (ctx) => {
//     skipUnlessBrowser(ctx);                // no Chromium: skip, or fail under `npm test`
//     const page = await newPage();          // closed automatically when the test ends
//     await page.goto(`${server.url}/`);
//     await expectNoAxeViolations(page, 'dashboard');
//   });
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { inject, onTestFinished, type TestContext } from 'vitest';
import './provided.ts';

let browser: Promise<Browser> | undefined;

/** Why browser tests cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  if (inject('tackChromiumWsEndpoint')) return undefined;
  return inject('tackChromiumSkipReason') || 'no shared Chromium (is e2e/global-setup.ts the globalSetup?)';
}

/**
 * First line of a browser test: skips it (with the reason) when there is no Chromium, unless
 * TACK_REQUIRE_ALL_TIERS=1 (`npm test`), where the test goes on and fails at newPage().
 *   it('…', async (ctx) => { skipUnlessBrowser(ctx); const page = await newPage(); … });
 */
export function skipUnlessBrowser(ctx: TestContext): void {
  const reason = browserSkipReason();
  if (reason && process.env.TACK_REQUIRE_ALL_TIERS !== '1') ctx.skip(reason);
}

/** The shared Chromium (one connection per test file's worker, reused). */
export function connectBrowser(): Promise<Browser> {
  const wsEndpoint = inject('tackChromiumWsEndpoint');
  if (!wsEndpoint) {
    throw new Error(`cannot connect to Chromium: ${browserSkipReason()}`);
  }
  if (!browser) {
    browser = chromium.connect(wsEndpoint).then((b) => {
      b.on('disconnected', () => {
        browser = undefined;
      });
      return b;
    });
    browser.catch(() => {
      browser = undefined;
    });
  }
  return browser;
}

/** Closes this file's connection to the shared Chromium (and every context it opened). */
export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b).close();
}

/**
 * A fresh context (own cookies and storage) with one page. Called inside a test, the context is
 * closed when the test ends; called elsewhere (beforeAll), close it yourself:
 * `await page.context().close()`.
 */
export async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context: BrowserContext = await (await connectBrowser()).newContext(options);
  try {
    onTestFinished(async () => {
      await context.close().catch(() => {});
    });
  } catch {
    // not inside a test: the caller closes it
  }
  // AxeBuilder needs a page made by context.newPage(), not browser.newPage().
  return context.newPage();
}

export interface AxeCheckOptions {
  /** axe rule tags to run; default WCAG 2.0–2.2 level A and AA. */
  tags?: string[];
  /** Rule ids to leave out, each with a reason in the calling test. */
  disableRules?: string[];
  /** Only check inside these selectors. */
  include?: string[];
  /** Leave these selectors out. */
  exclude?: string[];
}

export const DEFAULT_AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe on the page and throws a readable list of violations (id, impact, help, targets). */
export async function expectNoAxeViolations(page: Page, label: string, options: AxeCheckOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(options.tags ?? DEFAULT_AXE_TAGS);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  if (results.violations.length === 0) return;

  const lines = results.violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' '));
    const shown = targets.slice(0, 5).join(', ') + (targets.length > 5 ? `, … (${targets.length} in all)` : '');
    return `  - ${v.id} [${v.impact ?? 'unknown'}]: ${v.help}\n      targets: ${shown}\n      see ${v.helpUrl}`;
  });
  throw new Error(
    `${label}: ${results.violations.length} accessibility violation(s) on ${page.url().slice(0, 200)}\n${lines.join('\n')}`,
  );
}
