/**
 * The report printed to PDF on A4 in a real browser (issue 24): page 1 holds the executive
 * summary, and no table runs past the right edge of the printable width. Chromium from the npm
 * package @sparticuz/chromium, else Debian's (test/browser.ts); a missing browser fails, never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, watchPage } from './browser.js';
import type { WrittenReport } from '../src/report/write.js';
import { writeFixtureReport } from './report-fixture.js';


// A4 is 210 × 297 mm; the report's @page margins are 12 mm top/bottom and 10 mm left/right.
// At CSS's 96 px per inch: printable width (210 − 20) mm = 718 px, height (297 − 24) mm = 1032 px.
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 20) * MM);
const PRINT_HEIGHT = Math.floor((297 - 24) * MM);

describe('the report printed on A4', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-report-print-'));
  let browser: Browser;
  let written: WrittenReport;
  beforeAll(async () => {
    written = await writeFixtureReport(tmp);
    ({ browser } = await launchTestBrowser('report-print-browser.test.ts'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('page 1 is the executive summary; no table is wider than the page', async () => {
    const page = await browser.newPage({ viewport: { width: PRINT_WIDTH, height: PRINT_HEIGHT } });
    const { errors } = watchPage(page);
    await page.goto(pathToFileURL(written.index).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // The title and the summary fit the first page, and the summary ends it (break-after: page).
    // (The test's tsconfig has no DOM library: the page's globals are reached through globalThis.)
    type PageGlobals = { scrollY: number; getComputedStyle(e: unknown): { breakAfter: string } };
    const exec = await page.locator('section.executive').evaluate((el) => {
      const g = globalThis as unknown as PageGlobals;
      return { bottom: el.getBoundingClientRect().bottom + g.scrollY, breakAfter: g.getComputedStyle(el).breakAfter };
    });
    expect(exec.bottom).toBeLessThanOrEqual(PRINT_HEIGHT);
    expect(exec.breakAfter).toBe('page');
    expect(await page.locator('section.executive p').count()).toBe(5);
    // Every table fits the printable width: nothing cut at the right edge, the reference column kept.
    const tables = await page.$$eval('table.data', (ts) => ts.map((t) => ({ id: t.id, right: t.getBoundingClientRect().right, scroll: t.scrollWidth, width: t.clientWidth })));
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      expect(t.right, t.id).toBeLessThanOrEqual(PRINT_WIDTH + 1);
      expect(t.scroll, t.id).toBeLessThanOrEqual(t.width + 1);
    }
    // And it prints: an A4 PDF of more than one page.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
