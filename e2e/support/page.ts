// Small steps the browser tests share: calling the API with the page's session cookie, waiting for a
// page's heading, screenshots on request, and creating the first account on a fresh server.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ApiAnswer {
  status: number;
  json: unknown;
}

/** fetch() inside the page, so the session cookie goes with it. */
export function apiCall(page: Page, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text; // not JSON (Markdown, iCalendar): the text itself
      }
      return { status: res.status, json };
    },
    [method, path, body] as const,
  );
}

/** POSTs, expects 201 and returns the body's `key`. */
export async function apiCreated<T>(page: Page, path: string, body: unknown, key: string): Promise<T> {
  const r = await apiCall(page, 'POST', path, body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return (r.json as Record<string, T>)[key] as T;
}

export async function waitForH1(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A full-page screenshot into $TACK_E2E_SHOTS, when that is set. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.TACK_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** On a fresh server: the first-run form creates the account and lands on Today. */
export async function createFirstAccount(page: Page, url: string, name: string, email: string): Promise<void> {
  await page.goto(url);
  await waitForH1(page, 'Create your account');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: /create/i }).click();
  await page.waitForURL(/\/today$/);
}
