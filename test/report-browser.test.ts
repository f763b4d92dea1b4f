/**
 * A generated report opened in a real browser (Chromium from the npm package @sparticuz/chromium,
 * or Debian's, through playwright-core; see test/browser.ts): no console errors, no request beyond
 * the file itself, and every chart's inline SVG drawn with a non-zero size.
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

describe('a report in a browser (the npm package\'s Chromium, else Debian\'s)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-report-browser-'));
  let browser: Browser;
  let written: WrittenReport;
  beforeAll(async () => {
    written = await writeFixtureReport(tmp);
    ({ browser } = await launchTestBrowser('report-browser.test.ts'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('opens without console errors or outside requests, and every chart renders', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors, requests } = watchPage(page);
    const url = pathToFileURL(written.index).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const charts = await page.$$eval('figure.chart', (figs) => figs.map((f) => {
      const svg = f.querySelector(':scope > svg');
      const box = svg?.getBoundingClientRect();
      return { id: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks: svg?.querySelectorAll('path, rect, text').length ?? 0 };
    }));
    expect(charts.map((c) => c.id)).toEqual(written.charts);
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.width, c.id!).toBeGreaterThan(0);
      expect(c.height, c.id!).toBeGreaterThan(0);
      expect(c.marks, c.id!).toBeGreaterThan(0);
    }
    // The tables are there too, and the print stylesheet applies without errors.
    expect(await page.locator('table#table-deltas tbody tr').count()).toBeGreaterThan(10);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
