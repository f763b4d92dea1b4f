/** Shared by the chromium tests: what a page reports while it runs. */
import type { Page } from 'playwright-core';

/** Collects a page's console errors and warnings, uncaught errors, and every URL it requests. */
export function watchPage(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { errors, requests };
}
