/**
 * A generated report (test/report-fixture.ts) opened in a real browser: Chromium from the npm
 * package @sparticuz/chromium, or Debian's, through playwright-core (test/browser.ts); a missing
 * browser fails, never skips. One report and one browser serve both checks (each on a page of its own):
 * - on screen: no console errors, no request beyond the file itself, and every chart's inline SVG
 *   drawn with a non-zero size;
 * - printed to PDF on A4 (issue 24): page 1 holds the executive summary, and no table runs past
 *   the right edge of the printable width. Checked twice: the layout under print media at the
 *   printable width, and the PDF itself, read back with pdf.js (test/pdf-text.ts): the text of its
 *   first page, and where every run of text sits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, watchPage } from './browser.js';
import type { WrittenReport } from '../src/report/write.js';
import { writeFixtureReport } from './report-fixture.js';
import { comparable, pdfPages } from './pdf-text.js';

// A4 is 210 × 297 mm; the report's @page margins are 12 mm top/bottom and 10 mm left/right.
// At CSS's 96 px per inch: printable width (210 − 20) mm = 718 px, height (297 − 24) mm = 1032 px.
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 20) * MM);
const PRINT_HEIGHT = Math.floor((297 - 24) * MM);
// The same margins in PDF points (72 per inch): 10 mm = 28.35 pt.
const PT = 72 / 25.4;

/**
 * Noto Sans SC, one of the report's font-family choices, as an @font-face of the font file: the
 * machines the tests run on may have no CJK font (Chromium would then print Chinese as empty boxes,
 * and the PDF would hold no Chinese text to check); a reader's machine in China has one. The npm
 * package @embedpdf/fonts-sc (a dependency, for the charts) ships it. A file: URL, like the report's
 * own: a font that does not load leaves the PDF without the Chinese text checked below (tried). As
 * a data: URL the 8 MB font cost some 1.5 s of CPU more, sent to the page as 11 MB of base64 text.
 */
function cjkFontFace(): string {
  // The package exports its dist/ entry only; the fonts sit in fonts/ beside it (as src/charts/render.ts finds them).
  const file = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
  return `@font-face{font-family:"Noto Sans SC";src:url("${pathToFileURL(file).href}")}`;
}

// One report and one browser for both. @sparticuz/chromium runs with --single-process, where closing a
// page's own browser context ends the browser (it took one browser per check before): the checks
// share one context, each on a page of its own, and a blank page keeps the context open between
// them (as test/explorer-browser.test.ts does).
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-report-browser-'));
let written: WrittenReport;
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  written = await writeFixtureReport(tmp);
  ({ browser } = await launchTestBrowser('report-browser.test.ts'));
  context = await browser.newContext();
  await context.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A page of the shared context at the given viewport. */
async function newPage(width: number, height: number): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  return page;
}

describe('a report in a browser (the npm package\'s Chromium, else Debian\'s)', () => {
  it('opens without console errors or outside requests, and every chart renders', async () => {
    const page = await newPage(1280, 900);
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

describe('the report printed on A4', () => {
  it('page 1 is the executive summary; no table is wider than the page', async () => {
    const page = await newPage(PRINT_WIDTH, PRINT_HEIGHT);
    const { errors } = watchPage(page);
    await page.goto(pathToFileURL(written.index).href, { waitUntil: 'load' });
    await page.addStyleTag({ content: cjkFontFace() });
    await page.evaluate(async () => { await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready; });
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
    // Five summary paragraphs (what changed, cost, who pays, people, poverty) and, for each of the two
    // scenarios, the sentence naming the baseline it rests on (#22).
    expect(await page.locator('section.executive p').count()).toBe(5 + 2);
    // Every table fits the printable width: nothing cut at the right edge, the reference column kept.
    const tables = await page.$$eval('table.data', (ts) => ts.map((t) => ({ id: t.id, right: t.getBoundingClientRect().right, scroll: t.scrollWidth, width: t.clientWidth })));
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      expect(t.right, t.id).toBeLessThanOrEqual(PRINT_WIDTH + 1);
      expect(t.scroll, t.id).toBeLessThanOrEqual(t.width + 1);
    }
    // And it prints. The PDF, read back: A4 pages (595 × 842 pt), the first holding the summary's
    // heading and every one of its paragraphs, the second none of them.
    const paragraphs = (await page.locator('section.executive p').allInnerTexts()).map(comparable);
    const heading = (await page.locator('section.executive h2').innerText()).trim();
    expect(heading).toBe('要点');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(Math.round(pages[0]!.width)).toBe(595);
    expect(Math.round(pages[0]!.height)).toBe(842);
    expect(pages[0]!.text).toContain(comparable(heading));
    for (const p of paragraphs) {
      expect(pages[0]!.text).toContain(p);
      expect(pages[1]!.text).not.toContain(p);
    }
    // Nothing cut at the right: on every page, every run of text ends inside the 10 mm right
    // margin (Chromium writes text beyond the page into the PDF, where the page then cuts it).
    // 2 pt of slack: a full line of Chinese ends up to 1.2 pt (0.4 mm) past the margin as pdf.js
    // adds up the font's advance widths, which Chromium laid out in rounded CSS pixels.
    const overflow = pages.flatMap((p, i) => p.runs.filter((r) => r.right > p.width - 10 * PT + 2).map((r) => `page ${i + 1}: '${r.text.slice(0, 40)}' ends at ${r.right.toFixed(1)} pt of ${p.width.toFixed(1)}`));
    expect(overflow).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
