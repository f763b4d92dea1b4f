/**
 * Chart builders: every chart of a real compare result compiles with vega-lite with no warning and
 * renders to SVG with its title, in zh, en and both; every quantitative axis names its unit;
 * Chinese labels render as glyphs with the CJK font shipped in an npm package (pixels compared with
 * and without it) and fall back to English, with one warning to the caller's sink, without a font.
 */
import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cjkFont, compileSpec, warnNoCjkFont, decileImpactChart, fundingRows, incomeDistributionChart, incomeHistogram, monthsChart, moneyUnit, projectionCharts, renderPng, renderSvg, reportCharts, resolveLang,
  type Chart, type ProjectionRow,
} from '../src/charts/index.js';
import { fontParses, outlinerFor, textPath } from '../src/charts/glyphs.js';
import { textToPaths } from '../src/charts/text-paths.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { plotDecileImpact, plotMonths, plotProgramCosts, plotProjection } from '../src/notebook/plot.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { type Result } from '../src/scenarios/results/result.js';
import { compareScenariosOn, projectResult } from '../src/scenarios/studies/compare.js';
import { runScenarioOn } from '../src/scenarios/execution/run.js';
import type { Dataset } from '../src/data/dataset.js';
import { ROOT } from './helpers.js';

const CJK = /[\u3400-\u9fff\uff00-\uff60]/;
const UNIT = /元|人|%|yuan|persons/;
const LANGS = ['en', 'zh', 'both'] as const;
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

let ds: Dataset;
let compare: Result;
let price: Result;
let projection: Result;

beforeAll(async () => {
  process.chdir(ROOT);
  ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
  const base = loadScenario('scenarios/baseline-2006.yaml');
  compare = compareScenariosOn([base, loadScenario('scenarios/raise-standard-10pct.yaml')], ds, { timestamp: false, period: { from: '2006-01', to: '2006-03' } });
  // The 2007–2008 price surge: the trigger fires from spring 2007 in the fixture.
  price = compareScenariosOn([base, loadScenario('scenarios/price-subsidy-2008.yaml')], ds, { timestamp: false, period: { from: '2007-01', to: '2007-06' } });
  projection = await projectResult(loadScenario('scenarios/dynamic-growth-2007-2015.yaml'), ds, { from: 2007, to: 2009, monthsPerYear: 1, timestamp: false });
});

/** The title as vega writes it into SVG text. */
const inSvg = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Every positional encoding of a spec (through layers, concatenations and facets). */
function encodings(spec: unknown): { channel: string; def: Record<string, unknown> }[] {
  const out: { channel: string; def: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.encoding && typeof o.encoding === 'object') {
      for (const [channel, def] of Object.entries(o.encoding as Record<string, unknown>)) {
        if ((channel === 'x' || channel === 'y') && def && typeof def === 'object') out.push({ channel, def: def as Record<string, unknown> });
      }
    }
    for (const k of ['layer', 'hconcat', 'vconcat', 'concat', 'spec']) if (k in o) walk(o[k]);
  };
  walk(spec);
  return out;
}

async function checkCharts(charts: Chart[]): Promise<void> {
  expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
  for (const c of charts) {
    expect((await compileSpec(c.spec)).warnings, c.id).toEqual([]);
    const svg = await renderSvg(c.spec);
    expect(svg.startsWith('<svg'), c.id).toBe(true);
    expect(svg, c.id).toContain(inSvg(c.title));
    // Every quantitative axis carries its unit (and has a title at all).
    for (const { channel, def } of encodings(c.spec)) {
      if (def.type !== 'quantitative' || def.title === undefined) continue;
      expect(String(def.title), `${c.id} ${channel}`).toMatch(UNIT);
    }
    expect(encodings(c.spec).filter((e) => e.def.type === 'quantitative' && typeof e.def.title === 'string').length, c.id).toBeGreaterThan(0);
  }
}

describe('reportCharts on a compare result', () => {
  for (const lang of LANGS) {
    it(`every chart compiles with no vega-lite warning and renders with its title (${lang})`, async () => {
      const charts = reportCharts(compare, { lang });
      expect(charts.length).toBeGreaterThanOrEqual(8);
      expect(charts.map((c) => c.id)).toEqual(['programs', 'cost-by-level', 'cost-by-source', 'prefectures', 'poverty', 'decile-impact', 'winners-losers', 'months', 'income-distribution']);
      await checkCharts(charts);
    });
  }

  it('labels are in the language asked for', () => {
    const font = cjkFont()!;
    for (const c of reportCharts(compare, { lang: 'en' })) expect(JSON.stringify(c.spec), c.id).not.toMatch(CJK);
    for (const c of reportCharts(compare, { lang: 'zh' })) {
      expect(c.title, c.id).toMatch(CJK);
      expect(c.title, c.id).not.toMatch(/[a-z]{3}/i);
      expect((c.spec as { config?: { font?: string } }).config?.font, c.id).toContain(font.family);
    }
    for (const c of reportCharts(compare, { lang: 'both' })) expect(c.title, c.id).toMatch(new RegExp(`${CJK.source}.* [A-Z]`));
  });

  it('a single run (no deltas) leaves out the reform charts', async () => {
    const single = compareScenariosOn([loadScenario('scenarios/baseline-2006.yaml')], ds, { timestamp: false, period: { from: '2006-01', to: '2006-01' } });
    const charts = reportCharts(single, { lang: 'en' });
    expect(charts.map((c) => c.id)).not.toContain('decile-impact');
    expect(charts.length).toBe(7);
    expect(() => decileImpactChart(single)).toThrow(/comparison/);
    await checkCharts(charts);
  });

  it('the figures are the result’s: cost by level adds up to the funding rows', () => {
    const chart = reportCharts(compare, { lang: 'en' }).find((c) => c.id === 'cost-by-level')!;
    const values = (chart.spec as unknown as { data: { values: { scenario: string; amount: number }[] } }).data.values;
    const unit = moneyUnit(Math.max(...fundingRows(compare, 'level', 'en').map((r) => r.amount)), 'en');
    const base = compare.scenarios[0]!;
    const total = base.funding!.reduce((s, f) => s + f.amount, 0);
    const charted = values.filter((v) => v.scenario === base.name).reduce((s, v) => s + v.amount, 0) * unit.yuan;
    expect(Math.abs(charted - total)).toBeLessThan(total * 1e-6 + 1);
  });
});

describe('the price-subsidy timeline', () => {
  it('shades the months in which the trigger fired, and says so when it never did', async () => {
    const fired = price.scenarios[1]!.months!.filter((m) => m.priceSubsidyTriggered).length;
    expect(fired).toBeGreaterThan(0);
    for (const lang of LANGS) {
      const chart = monthsChart(price, { lang });
      const layers = (chart.spec as unknown as { layer: { data: { values: unknown[] } }[] }).layer;
      expect(layers[0]!.data.values.length).toBe(fired);
      await checkCharts([chart]);
    }
    const quiet = monthsChart(compare, { lang: 'en' });
    expect((quiet.spec as unknown as { layer: { data: { values: unknown[] } }[] }).layer[0]!.data.values).toEqual([]);
    expect(JSON.stringify(quiet.spec.title)).toContain('not triggered');
  });
});

describe('projection charts', () => {
  it('charts the years of jiuzhu project, with bands when the rows carry intervals', async () => {
    const years = projection.scenarios[0]!.years!;
    const plain = projectionCharts(years, { lang: 'both' });
    expect(plain.map((c) => c.id)).toEqual(['projection-funding', 'projection-levels', 'projection-recipients', 'projection-standards']);
    await checkCharts(plain);
    const areas = (c: Chart): number => (c.spec as unknown as { layer?: { mark: { type?: string } }[] }).layer?.filter((l) => l.mark.type === 'area').length ?? 0;
    expect(areas(plain[0]!)).toBe(0);
    const withIntervals: ProjectionRow[] = years.map((y) => ({ ...y, intervals: { cost: { lo: y.cost * 0.9, hi: y.cost * 1.1, level: 0.9 }, recipients: { lo: y.recipients * 0.95, hi: y.recipients * 1.05 } } }));
    for (const lang of LANGS) {
      const charts = projectionCharts(withIntervals, { lang, real: true });
      expect(areas(charts[0]!)).toBe(1);
      expect(areas(charts[2]!)).toBe(1);
      await checkCharts(charts);
    }
    // A projection result's report charts are its projection charts.
    expect(reportCharts(projection, { lang: 'en' }).map((c) => c.id)).toEqual(plain.map((c) => c.id));
  });
});

describe('the income distribution', () => {
  it('marks the standard on decile means, or on a histogram of the run’s incomes', async () => {
    const decile = incomeDistributionChart(compare, { lang: 'en' });
    // The urban and rural standards are marked apart (recipient-weighted); none for an area without
    // recipients: under baseline-2006 the fixture's rural households are outside the 2006 roll-out.
    expect(compare.scenarios[0]!.summary.byArea!.rural!.recipients).toBe(0);
    expect(JSON.stringify(decile.spec)).toContain('Urban average dibao standard');
    expect(JSON.stringify(decile.spec)).not.toContain('Rural average dibao standard');
    const incomes = runScenarioOn(loadScenario('scenarios/baseline-2006.yaml'), ds, { period: { from: '2006-01', to: '2006-03' } }).incomes;
    const bins = incomeHistogram(incomes, 'en');
    const persons = Array.from(incomes.weight, (w, h) => w * incomes.size[h]!).reduce((a, b) => a + b, 0);
    const before = bins.filter((b) => b.series === 'Before assistance').reduce((s, b) => s + b.persons, 0);
    expect(before).toBeCloseTo(persons, 6);
    for (const lang of LANGS) await checkCharts([incomeDistributionChart(compare, { lang, incomes })]);
  });
});

describe('money units', () => {
  it('uses 亿元 and 万元 in Chinese, million yuan in English, one unit for both', () => {
    // The tables' rule (src/text/units.ts): the larger unit from 1e9 yuan, never plain yuan.
    expect(moneyUnit(2e9, 'zh')).toMatchObject({ zh: '亿元', yuan: 1e8 });
    expect(moneyUnit(2e8, 'zh')).toMatchObject({ zh: '万元', yuan: 1e4 });
    expect(moneyUnit(500, 'zh')).toMatchObject({ zh: '万元', yuan: 1e4 });
    expect(moneyUnit(2e6, 'en')).toMatchObject({ en: 'million yuan', yuan: 1e6 });
    expect(moneyUnit(2e9, 'en')).toMatchObject({ en: 'billion yuan', yuan: 1e9 });
    expect(moneyUnit(2e8, 'both')).toMatchObject({ zh: '百万元', en: 'million yuan', yuan: 1e6 });
  });
});

/** RGBA pixels of a PNG (8-bit RGB or RGBA, not interlaced: what resvg writes). */
function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  let p = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
      expect(data[12]).toBe(0);
    } else if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = out[i * channels + k]!;
    rgba[i * 4 + 3] = channels === 4 ? out[i * channels + 3]! : 255;
  }
  return { width, height, rgba };
}

/** Pixels darker than mid-grey (text on the white background). */
const ink = (img: { rgba: Uint8Array }): number => {
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) if (img.rgba[i]! + img.rgba[i + 1]! + img.rgba[i + 2]! < 3 * 128) n++;
  return n;
};

describe('Chinese labels render as glyphs', () => {
  const font = cjkFont();

  it('the CJK font is the one shipped in the npm package @embedpdf/fonts-sc, found without a system font', () => {
    // Noto Sans SC as OTF, in the dependency's fonts/ folder; its name table calls the family
    // "Noto Sans S Chinese". No font folder given: only the package can supply it.
    expect(cjkFont([])).toEqual(font);
    expect(font?.family).toBe('Noto Sans S Chinese');
    expect(font?.file).toMatch(/node_modules\/@embedpdf\/fonts-sc\/fonts\/NotoSansHans-Regular\.otf$/);
  });

  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="white"/><text x="10" y="42" font-size="32">城乡低保</text></svg>';

  it('the CJK font draws the label; without it nothing or boxes are drawn, and the pixels differ', () => {
    const withFont = decodePng(renderPng(svg, { fontFiles: [font!.file] }));
    const without = decodePng(renderPng(svg, { fontFiles: [], defaultFontFamily: 'DejaVu Sans' }));
    expect([withFont.width, withFont.height]).toEqual([400, 120]);
    expect([without.width, without.height]).toEqual([400, 120]);
    expect(Buffer.from(withFont.rgba).equals(Buffer.from(without.rgba))).toBe(false);
    // Four glyphs of 64 px at scale 2: a plausible amount of ink, far from none and from a filled box.
    const cjkInk = ink(withFont);
    expect(cjkInk).toBeGreaterThan(1500);
    expect(cjkInk).toBeLessThan(0.5 * 400 * 120);
    expect(ink(without)).toBeLessThan(cjkInk / 4);
    if (existsSync(DEJAVU)) {
      // A Latin-only font draws tofu (.notdef boxes): still not the CJK glyphs.
      const tofu = decodePng(renderPng(svg, { fontFiles: [DEJAVU], defaultFontFamily: 'DejaVu Sans' }));
      expect(Buffer.from(tofu.rgba).equals(Buffer.from(withFont.rgba))).toBe(false);
      expect(ink(tofu)).not.toBe(cjkInk);
    }
  });

  it('a chart in Chinese renders to a PNG with the CJK font', async () => {
    const chart = reportCharts(compare, { lang: 'zh' })[0]!;
    const img = decodePng(renderPng(await renderSvg(chart.spec)));
    expect(img.width).toBeGreaterThan(200);
    expect(ink(img)).toBeGreaterThan(1000);
  });
});

describe('Chinese labels as outlines from the CJK font, parsed once per process', () => {
  const font = cjkFont()!;
  const FAMILY = 'Noto Sans S Chinese';
  // The reference: resvg laying the text out itself with the CJK font, as renderPng did before
  // session 11 (Latin fonts from the system plus the CJK file, the CJK family as default).
  const resvgText = (svg: string): Buffer => new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 }, background: 'white',
    font: { loadSystemFonts: false, fontFiles: [...(existsSync(DEJAVU) ? [DEJAVU] : []), font.file], defaultFontFamily: FAMILY },
  }).render().asPng();
  /** Channels that differ between two renders of one size, and the largest difference. */
  const pixelDiff = (a: Buffer, b: Buffer): { differing: number; max: number; total: number } => {
    const x = decodePng(a);
    const y = decodePng(b);
    expect([x.width, x.height]).toEqual([y.width, y.height]);
    let differing = 0;
    let max = 0;
    for (let i = 0; i < x.rgba.length; i++) {
      const d = Math.abs(x.rgba[i]! - y.rgba[i]!);
      if (d) differing++;
      max = Math.max(max, d);
    }
    return { differing, max, total: x.rgba.length };
  };

  it('one glyph’s outline and advance are the font’s own', () => {
    const o = outlinerFor(font.file)!;
    // Reference: HarfBuzz 1.6.4 (npm harfbuzzjs, an independent shaper and CFF reader) on this
    // file gives 城 glyph 11217, advance 1000 of 1000 units per em, outline
    // "M328,233L231,197L231,525L326,525 … C118,156 78,142 45,131 …", and A glyph 34, advance 607,
    // outline "M191,298L227,410C253,493 277,572 300,658 …". At 1000 px one unit is one pixel, and
    // SVG's y axis points down, so every y changes sign.
    const cheng = textPath(o, '城', 1000, 0, 0);
    expect(cheng.startsWith('M328,-233L231,-197L231,-525L326,-525')).toBe(true);
    expect(cheng).toContain('C118,-156 78,-142 45,-131');
    // At 10 px (0.01 px a unit) from (5, 20): 5 + 3.28, 20 − 2.33.
    expect(textPath(o, '城', 10, 5, 20).startsWith('M8.28,17.67L7.31,18.03')).toBe(true);
    // text-anchor="end" on "城A": the run is 1000 + 607 units wide, so 城 starts at −1607 (its
    // first point 328 − 1607 = −1279) and A at −607 (191 − 607 = −416).
    const run = textPath(o, '城A', 1000, 0, 0, 1);
    expect(run.startsWith('M-1279,-233')).toBe(true);
    expect(run).toContain('M-416,-298L-380,-410C-354,-493 -330,-572 -307,-658');
    // Middle: half of 1607 to the left.
    expect(textPath(o, '城A', 1000, 0, 0, 0.5).startsWith('M-475.5,-233')).toBe(true);
  });

  it('a Chinese chart comes out as resvg draws its text, every label converted', async () => {
    const svg = await renderSvg(reportCharts(compare, { lang: 'zh' }).find((c) => c.id === 'cost-by-level')!.spec);
    const converted = textToPaths(svg, outlinerFor(font.file)!, FAMILY, FAMILY);
    expect((svg.match(/<text[\s>]/g) ?? []).length).toBeGreaterThan(20);
    expect(converted.left).toBe(0);
    expect(converted.svg).not.toMatch(/<text[\s>]/);
    // Same glyphs, sizes, anchors, rotation and weight: this chart comes out pixel for pixel as
    // resvg draws it (session 11: 8 of the 9 report charts so; decile-impact has 12 channel values
    // of 3.8 million off by at most 16 of 255, from rounding the outlines to 1/10,000 px).
    expect(pixelDiff(renderPng(svg), resvgText(svg))).toMatchObject({ differing: 0, max: 0 });
    expect(ink(decodePng(renderPng(svg)))).toBeGreaterThan(5000);
  });

  it('labels, anchors, rotation, bold, em offsets and entities match resvg pixel for pixel', () => {
    const t = (attrs: string, s: string): string => `<text font-family="${FAMILY}, sans-serif" ${attrs}>${s}</text>`;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><g transform="translate(20,10)">'
      + t('text-anchor="start" transform="translate(0,20)" font-size="13px" font-weight="bold"', '谁来支付：各级政府')
      + t('text-anchor="middle" transform="translate(130,50)" font-size="11px" fill="#c00"', '市（州）级 1,300 &amp; &lt;A&gt;')
      + t('text-anchor="end" transform="translate(260,80)" font-size="10px" opacity="0.6"', '家庭（个人）')
      + t('text-anchor="middle" transform="translate(10,150) rotate(-90) translate(0,-2)" font-size="11px"', '政府层级／出资方')
      + t('x="60" y="120" dy="0.71em" dx="4" font-size="12"', '  城乡\n 低保  ')
      + '</g></svg>';
    const converted = textToPaths(svg, outlinerFor(font.file)!, FAMILY, FAMILY);
    expect(converted.left).toBe(0);
    expect(pixelDiff(renderPng(svg), resvgText(svg))).toMatchObject({ differing: 0, max: 0 });
    // And there is text to see: four labels of 10–13 px at scale 2.
    expect(ink(decodePng(renderPng(svg)))).toBeGreaterThan(2000);
  });

  it('text it cannot lay out alone stays text, and resvg still draws it with the CJK font', () => {
    const o = outlinerFor(font.file)!;
    const kept = [
      '<text font-size="20"><tspan x="0">城乡</tspan></text>', // child elements
      '<g font-size="20"><text x="0" y="30">城乡</text></g>', // a text property on an ancestor
      '<text font-size="20" letter-spacing="3" y="30">城乡</text>', // a property not handled here
      '<text font-size="2em" y="30">城乡</text>', // a size not in px
      '<text font-size="20" font-family="DejaVu Sans" y="30">城乡</text>', // another family first
      '<text font-size="20" y="30">城乡\u{1F600}</text>', // a glyph the font lacks (an emoji)
    ];
    for (const k of kept) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">${k}</svg>`;
      const out = textToPaths(svg, o, FAMILY, FAMILY);
      expect(out, k).toEqual({ svg, left: 1 });
    }
    const styled = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><style>text{font-size:30px}</style><text y="40">城乡</text></svg>';
    expect(textToPaths(styled, o, FAMILY, FAMILY)).toEqual({ svg: styled, left: 1 });
    // Drawn as before: the ancestor's 20 px size applies, as resvg lays it out itself.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">${kept[1]}</svg>`;
    expect(pixelDiff(renderPng(svg), resvgText(svg)).differing).toBe(0);
    expect(ink(decodePng(renderPng(svg)))).toBeGreaterThan(300);
  });

  it('parses the font once per process, however many charts', async () => {
    const before = fontParses();
    for (const c of reportCharts(compare, { lang: 'zh' }).slice(0, 3)) renderPng(await renderSvg(c.spec));
    expect(outlinerFor(font.file)).toBe(outlinerFor(font.file));
    // Earlier tests in this file drew Chinese already (when run whole): the one parse happened there.
    expect(before).toBeLessThanOrEqual(1);
    expect(fontParses()).toBe(1);
  });
});

describe('no CJK font: English labels and one warning', () => {
  it('each sink is warned once, whatever was warned before', () => {
    const a: string[] = [];
    const b: string[] = [];
    const sinkA = (m: string): void => { a.push(m); };
    warnNoCjkFont(sinkA);
    warnNoCjkFont(sinkA);
    warnNoCjkFont((m) => b.push(m));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]).toMatch(/^warning: no CJK font found \(reinstall the npm package @embedpdf\/fonts-sc, or install the Debian package fonts-noto-cjk/);
  });

  it('falls back to English, warning once and naming fonts-noto-cjk', async () => {
    const messages: string[] = [];
    const warn = (m: string): void => { messages.push(m); };
    expect(resolveLang({ lang: 'en', font: null, warn })).toEqual({ lang: 'en', font: null });
    expect(messages).toEqual([]);
    const zh = reportCharts(compare, { lang: 'zh', font: null, warn });
    const both = reportCharts(compare, { lang: 'both', font: null, warn });
    const en = reportCharts(compare, { lang: 'en' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('fonts-noto-cjk');
    for (const charts of [zh, both]) {
      expect(charts.map((c) => c.title)).toEqual(en.map((c) => c.title));
      for (const c of charts) {
        expect(JSON.stringify(c.spec), c.id).not.toMatch(CJK);
        expect((await compileSpec(c.spec)).warnings, c.id).toEqual([]);
      }
    }
  });
});

describe('Observable Plot helpers', () => {
  it('draw standalone SVG strings that resvg renders', () => {
    const years = projection.scenarios[0]!.years!.map((y) => ({ ...y, intervals: { cost: { lo: y.cost * 0.9, hi: y.cost * 1.1 } } }));
    for (const lang of ['en', 'both'] as const) {
      const svgs = {
        'Cost by program': plotProgramCosts(compare, { lang }),
        'Decile impact': plotDecileImpact(compare, { lang }),
        'Monthly dibao cost': plotMonths(price, { lang }),
        'Projection: cost, budget and funding gap': plotProjection(years, { lang }),
      };
      for (const [title, svg] of Object.entries(svgs)) {
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), title).toBe(true);
        expect(svg, title).toContain(title);
        if (lang === 'en') continue;
        // Rendering is slow (resvg shapes each text element anew), so only the bilingual ones.
        expect(svg, title).toMatch(CJK);
        const img = decodePng(renderPng(svg, { scale: 1 }));
        expect(img.width, title).toBe(640);
        expect(ink(img), title).toBeGreaterThan(500);
      }
    }
    // The months plot shades the triggered months and lists the shading in its legend.
    expect(plotMonths(price, { lang: 'en' })).toContain('Shaded: price subsidy triggered');
    expect(plotMonths(compare, { lang: 'en' })).not.toContain('Shaded');
  });
});
