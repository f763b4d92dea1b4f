/**
 * The explorer (`jiuzhu serve`) in a real browser: Chromium from the npm package
 * @sparticuz/chromium (or Debian's) through playwright-core, see test/browser.ts. The page opens
 * without console errors or requests beyond the server, the urban standard slider is moved up, and
 * the recipients and cost it shows rise; every chart is drawn with a non-zero size.
 *
 * Dataset: a generated 20,000-household sample, one month. On the 100,000-household default a
 * one-month recompute measured 1.2–2.8 s on this project's shared 2-core machine (plus about a
 * second of charts), above the ~2 s the test allows for it; a fifth of the households keeps every
 * step of the page the same at a fifth of the wait.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, watchPage } from './browser.js';
import { generateDataset } from '../src/data/generated.js';
import { startExplorer, type RunningExplorer } from '../src/serve/server.js';

describe('the explorer in a browser (the npm package\'s Chromium, else Debian\'s)', () => {
  let browser: Browser;
  let running: RunningExplorer;
  beforeAll(async () => {
    const { dataset } = generateDataset({ year: 2006, households: 20_000, seed: 7 });
    running = await startExplorer({ dataset, port: 0, period: { from: '2006-01', to: '2006-01' } });
    ({ browser } = await launchTestBrowser('explorer-browser.test.ts'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('moving the urban standard up raises the recipients and cost shown, with no console error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors, requests } = watchPage(page);
    await page.goto(running.url, { waitUntil: 'load' });
    const ready = async (after: number): Promise<void> => {
      // A function, not a string: the page's CSP forbids eval. The tests compile without the DOM library.
      await page.waitForFunction((n) => {
        const body = (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } }).document.body;
        return body.dataset.state === 'ready' && Number(body.dataset.seq) > n;
      }, after, { timeout: 60_000 });
    };
    await ready(0);
    const seq = async (): Promise<number> => Number(await page.getAttribute('body', 'data-seq'));
    const metric = async (id: string): Promise<{ value: number; baseline: number; shown: string }> => ({
      value: Number(await page.getAttribute(`[data-metric="${id}"]`, 'data-value')),
      baseline: Number(await page.getAttribute(`[data-metric="${id}"]`, 'data-baseline')),
      shown: (await page.textContent(`[data-metric="${id}"] .value`)) ?? '',
    });

    // The page opens on the baseline with nothing moved: it is its own baseline.
    expect(await page.inputValue('#scenario')).toBe('baseline-2006');
    const before = { recipients: await metric('recipients'), cost: await metric('cost') };
    expect(before.recipients.value).toBeGreaterThan(0);
    expect(before.recipients.value).toBe(before.recipients.baseline);
    expect(before.cost.value).toBe(before.cost.baseline);
    expect(await page.textContent('#o-standardUrban')).toMatch(/^×1\.00 → [\d,]+\.\d yuan$/);

    // Move the slider as a user's drag ends: set the value, then input and change.
    const n = await seq();
    await page.$eval('#s-standardUrban', (el) => {
      const input = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
      input.value = '1.3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await ready(n);
    const after = { recipients: await metric('recipients'), cost: await metric('cost') };
    // §二.1: a higher standard makes more households eligible and raises every gap benefit.
    expect(after.recipients.value).toBeGreaterThan(before.recipients.value);
    expect(after.cost.value).toBeGreaterThan(before.cost.value);
    expect(after.recipients.baseline).toBe(before.recipients.value); // the baseline stays put
    expect(after.recipients.shown).not.toBe(before.recipients.shown);
    expect(await page.textContent('[data-metric="cost"] .delta')).toMatch(/^\+/);
    expect(await page.textContent('#o-standardUrban')).toMatch(/^×1\.30 → /);
    expect(await page.textContent('#status')).toMatch(/^Computed in [\d,]+ ms/);
    expect(await page.getAttribute('#save-yaml', 'href')).toBe('/api/scenario.yaml?scenario=baseline-2006&lang=en&standardUrban=1.3');

    // Every chart drawn, with a size.
    const charts = await page.$$eval('figure.chart', (figs) => figs.map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      return { id: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks: svg?.querySelectorAll('path, rect, text').length ?? 0 };
    }));
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.width, c.id!).toBeGreaterThan(0);
      expect(c.height, c.id!).toBeGreaterThan(0);
      expect(c.marks, c.id!).toBeGreaterThan(0);
    }
    // Chinese labels on the toggle: the headline label switches, the numbers stay.
    const m = await seq();
    await page.click('#lang');
    await ready(m);
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    expect(await page.locator('[data-metric="recipients"] .label').innerText()).toBe('低保对象（人，月均）');
    expect((await metric('recipients')).value).toBe(after.recipients.value);

    expect(errors).toEqual([]);
    const origin = running.url.replace(/\/$/, '');
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    await page.close();
  }, 120_000);
});
