/** Parameter loading (errors name file and key), lookup around change dates, breakdowns, overrides. */
import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../src/engine/errors.js';
import { treeFromYaml } from './helpers.js';
import { createPopulation } from '../src/engine/population.js';
import { releaseLocalityColumns, resolveParameter } from '../src/engine/parameters/resolve.js';

const leaf = (values: string, extra = '') => `
p:
  x:
    description: test
    label: {zh: 测试, en: test}
    unit: CNY/person/month
${extra}    values:
${values}`;

function loadError(text: string): JiuzhuError {
  try {
    treeFromYaml(text, 'params/test.yaml');
  } catch (e) {
    return e as JiuzhuError;
  }
  throw new Error('expected the load to fail');
}

describe('parameter loader rejects bad files, naming the file and the key', () => {
  it('a value without a reference', () => {
    const e = loadError(leaf('      2006-01-01: {value: 10}\n'));
    expect(e.code).toBe('MISSING_REFERENCE');
    expect(e.location).toMatchObject({ file: 'params/test.yaml', key: 'p.x.values.2006-01-01', line: 8 });
  });
  it('an unknown clause id', () => {
    const e = loadError(leaf('      2006-01-01: {value: 10, reference: {clause: 十二.1}}\n'));
    expect(e.message).toMatch(/unknown clause id '十二.1'/);
    expect(e.location).toMatchObject({ file: 'params/test.yaml', key: 'p.x.values.2006-01-01.reference' });
  });
  it('two references on one value', () => {
    const e = loadError(leaf('      2006-01-01: {value: 10, reference: {clause: 二.1, source: CSY}}\n'));
    expect(e.message).toMatch(/exactly one reference; found clause and source/);
  });
  it('a Chinese text beside a clause, or an empty one', () => {
    // A clause is its own text; `zh` belongs beside a source or an assumption only.
    expect(loadError(leaf('      2006-01-01: {value: 10, reference: {clause: 二.1, zh: 第二条}}\n')).message).toMatch(/a clause reference needs no 'zh' text/);
    expect(loadError(leaf('      2006-01-01: {value: 10, reference: {assumption: a guess, zh: " "}}\n')).message).toMatch(/reference 'zh' needs a non-empty text/);
    const tree = treeFromYaml(leaf('      2006-01-01: {value: 10, reference: {assumption: a guess, zh: 一个估计}}\n'), 'params/test.yaml');
    expect(tree.leaf('p.x').values[0]!.reference).toEqual({ assumption: 'a guess', zh: '一个估计' });
  });
  it('a non-ISO date', () => {
    const e = loadError(leaf('      2006-1-1: {value: 10, reference: {clause: 二.1}}\n'));
    expect(e.code).toBe('BAD_DATE');
    expect(e.message).toMatch(/'2006-1-1' is not an ISO date/);
    const e2 = loadError(leaf('      2006-02-30: {value: 10, reference: {clause: 二.1}}\n'));
    expect(e2.code).toBe('BAD_DATE');
  });
  it('a duplicate key, with its line', () => {
    const e = loadError(leaf('      2006-01-01: {value: 10, reference: {clause: 二.1}}\n      2006-01-01: {value: 11, reference: {clause: 二.1}}\n'));
    expect(e.code).toBe('DUPLICATE_KEY');
    expect(e.location.file).toBe('params/test.yaml');
    expect(e.location.line).toBe(9);
    expect(e.location.key).toBe('2006-01-01');
  });
  it('an unknown unit, an unknown prefecture, a missing cell', () => {
    expect(loadError(leaf('      2006-01-01: {value: 1, reference: {clause: 二.1}}\n').replace('CNY/person/month', 'dollars')).code).toBe('BAD_UNIT');
    expect(loadError(leaf('      2006-01-01: {value: {"110100": 1}, reference: {clause: 二.1}}\n', '    breakdown: [prefecture]\n')).message).toMatch(/unknown prefecture code '110100'/);
    expect(loadError(leaf('      2006-01-01: {value: {urban: 1}, reference: {clause: 二.1}}\n', '    breakdown: [area]\n')).message).toMatch(/no value for area 'rural'/);
  });
  it('a non-numeric value', () => {
    expect(loadError(leaf('      2006-01-01: {value: ten, reference: {clause: 二.1}}\n')).message).toMatch(/expected a finite number, got "ten"/);
  });
});

const tree = treeFromYaml(`
d:
  standard:
    description: standard
    label: {zh: 标准, en: standard}
    unit: CNY/person/month
    breakdown: [prefecture, area]
    values:
      2006-01-01:
        value: {"*": {urban: 140, rural: 70}, "220100": {urban: 160, rural: 80}}
        reference: {assumption: test}
      2007-01-01:
        value: {"*": {urban: 150, rural: 75}, "220100": {urban: 170, rural: 85}}
        reference: {assumption: test}
  rate:
    description: rate by category
    label: {zh: 比例, en: rate}
    unit: rate
    breakdown: [area, category]
    categories: [elderly, disabled]
    values:
      2006-01-01:
        value: {"*": {elderly: 0.3, disabled: 0.5}}
        reference: {clause: 二.2}
  flag:
    description: a yes/no
    label: {zh: 是否, en: flag}
    unit: bool
    values:
      2006-01-01: {value: false, reference: {assumption: test}}
`);
const cc = { prefecture: 220100, area: 'urban' as const };
const bc = { prefecture: 220800, area: 'rural' as const };

describe('lookup', () => {
  it('reads the value in force on, just before and just after a change date', () => {
    expect(tree.valueAt('d.standard', '2006-12-31', cc)).toBe(160);
    expect(tree.valueAt('d.standard', '2007-01-01', cc)).toBe(170);
    expect(tree.valueAt('d.standard', '2007-01-02', cc)).toBe(170);
    expect(() => tree.valueAt('d.standard', '2005-12-31', cc)).toThrow(/no value on 2005-12-31/);
  });
  it('reads breakdown cells, with * as the default', () => {
    expect(tree.valueAt('d.standard', '2006-06-01', bc)).toBe(70);
    expect(tree.valueAt('d.rate', '2006-06-01', { area: 'rural', category: 'disabled' })).toBe(0.5);
    expect(tree.valueAt('d.flag', '2006-06-01')).toBe(0);
  });
});

describe('overrides', () => {
  it('scale changes every cell of the breakdown and leaves the base tree alone', () => {
    const t = tree.withOverrides([{ path: 'd.standard', scale: 1.1 }]);
    expect(t.valueAt('d.standard', '2006-06-01', cc)).toBeCloseTo(176, 10);
    expect(t.valueAt('d.standard', '2007-06-01', bc)).toBeCloseTo(82.5, 10);
    expect(tree.valueAt('d.standard', '2006-06-01', cc)).toBe(160);
  });
  it('set and add', () => {
    expect(tree.withOverrides([{ path: 'd.standard', set: 200 }]).valueAt('d.standard', '2007-06-01', bc)).toBe(200);
    expect(tree.withOverrides([{ path: 'd.standard', add: 5 }]).valueAt('d.standard', '2006-06-01', bc)).toBe(75);
    expect(tree.withOverrides([{ path: 'd.flag', set: true }]).valueAt('d.flag', '2006-06-01')).toBe(1);
  });
  it('where picks cells', () => {
    const t = tree.withOverrides([{ path: 'd.standard', add: 10, where: { prefecture: 220100, area: 'rural' } }]);
    expect(t.valueAt('d.standard', '2006-06-01', { prefecture: 220100, area: 'rural' })).toBe(90);
    expect(t.valueAt('d.standard', '2006-06-01', cc)).toBe(160);
    expect(t.valueAt('d.standard', '2006-06-01', bc)).toBe(70);
    const r = tree.withOverrides([{ path: 'd.rate', set: 0.6, where: { category: 'elderly' } }]);
    expect(r.valueAt('d.rate', '2006-06-01', { area: 'urban', category: 'elderly' })).toBe(0.6);
    expect(r.valueAt('d.rate', '2006-06-01', { area: 'urban', category: 'disabled' })).toBe(0.5);
  });
  it('from/until apply on [from, until) only', () => {
    const t = tree.withOverrides([{ path: 'd.standard', scale: 2, from: '2006-07-01', until: '2007-03-01' }]);
    expect(t.valueAt('d.standard', '2006-06-30', cc)).toBe(160);
    expect(t.valueAt('d.standard', '2006-07-01', cc)).toBe(320);
    expect(t.valueAt('d.standard', '2007-01-01', cc)).toBe(340); // the 2007 value, doubled
    expect(t.valueAt('d.standard', '2007-02-28', cc)).toBe(340);
    expect(t.valueAt('d.standard', '2007-03-01', cc)).toBe(170); // back to the 2007 value
  });
  it('overrides compose in order', () => {
    const t = tree.withOverrides([{ path: 'd.standard', add: 10 }, { path: 'd.standard', scale: 2 }]);
    expect(t.valueAt('d.standard', '2006-06-01', bc)).toBe(160); // (70 + 10) × 2
  });
  it('a branch path changes every leaf under it', () => {
    const t = tree.withOverrides([{ path: 'd', scale: 2 }]);
    expect(t.valueAt('d.standard', '2006-06-01', bc)).toBe(140);
    expect(t.valueAt('d.rate', '2006-06-01', { area: 'urban', category: 'disabled' })).toBe(1);
    expect(t.valueAt('d.flag', '2006-06-01')).toBe(0); // a yes/no leaf is not scaled
  });
  it('rejects an unknown path, naming it', () => {
    expect(() => tree.withOverrides([{ path: 'd.standrd', scale: 2, origin: { file: 's.yaml', line: 4 } }])).toThrow(/unknown parameter path 'd.standrd'/);
  });
  it('rejects a where on a dimension the leaf does not have', () => {
    expect(() => tree.withOverrides([{ path: 'd.flag', set: true, where: { area: 'urban' } }])).toThrow(/not broken down by area/);
  });
  it('rejects scaling a yes/no parameter', () => {
    expect(() => tree.withOverrides([{ path: 'd.flag', scale: 2 }])).toThrow(/only 'set: true\|false' applies/);
  });
});

describe('bracket scales', () => {
  const t = treeFromYaml(`
s:
  aid:
    description: aid by income bracket
    label: {zh: 分档补助, en: aid by bracket}
    unit: CNY/person/month
    kind: scale
    values:
      2006-01-01:
        value: [{above: 0, value: 30}, {above: 50, value: 20}, {above: 100, value: 0}]
        reference: {assumption: test}
`);
  it('gives the value of the bracket containing x, at and a unit past each threshold', async () => {
    const { scaleValue } = await import('../src/engine/parameters/resolve.js');
    const scale = { brackets: t.entryAt('s.aid', '2006-06-01').brackets! };
    expect(scaleValue(scale, -1)).toBe(0); // below every bracket
    expect(scaleValue(scale, 0)).toBe(30);
    expect(scaleValue(scale, 49.99)).toBe(30);
    expect(scaleValue(scale, 50)).toBe(20);
    expect(scaleValue(scale, 100)).toBe(0);
  });
  it('rejects brackets out of order', () => {
    expect(() => treeFromYaml(`
s:
  aid:
    description: d
    label: {zh: 甲, en: a}
    unit: CNY/person/month
    kind: scale
    values:
      2006-01-01: {value: [{above: 50, value: 1}, {above: 0, value: 2}], reference: {assumption: t}}
`)).toThrow(/increasing thresholds/);
  });
});

describe('a leaf by locality resolved over a population: one value per row (W2, session 8)', () => {
  // Three households: h0 Changchun (220100) urban with 2 persons, h1 Baicheng (220800) rural
  // with 1, h2 Changchun rural with 2. d.standard 2006: Changchun 160 urban / 80 rural, every
  // other prefecture ("*") 140 / 70. d.rate: 0.3 for elderly in both areas.
  const pop = createPopulation({
    households: { id: [1, 2, 3], weight: Float64Array.of(1, 1, 1), columns: { prefecture: Int32Array.of(220100, 220800, 220100), urban: Uint8Array.of(1, 0, 0) } },
    persons: { id: [1, 2, 3, 4, 5], household: [1, 1, 2, 3, 3] },
  });
  it('household and person columns hold each row’s locality cell', () => {
    expect([...(resolveParameter(tree, 'd.standard', '2006-06-01', pop, 'household') as Float64Array)]).toEqual([160, 70, 80]);
    // Persons straight from their household's cell (no household column first): 160, 160, 70, 80, 80.
    expect([...(resolveParameter(tree, 'd.standard', '2006-06-01', pop, 'person') as Float64Array)]).toEqual([160, 160, 70, 80, 80]);
  });
  it('a leaf whose cells are all one number is that number in every row, as a column', () => {
    const rate = resolveParameter(tree, 'd.rate', '2006-06-01', pop, 'person') as Record<string, Float64Array>;
    expect(rate.elderly).toBeInstanceOf(Float64Array);
    expect([...rate.elderly!]).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
    expect([...rate.disabled!]).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
  });
  it('a later dated value with the same cells gets the column already made (session 14)', () => {
    // From July, d.standard is scaled by 1 (the same cells: a new dated value, as a projection
    // year re-dates a leaf it did not change) and d.rate's elderly cell set to 0.6 (disabled
    // stays 0.5); from October, d.standard is doubled: Changchun 320 urban / 160 rural, Baicheng rural 140.
    const t = tree.withOverrides([
      { path: 'd.standard', scale: 1, from: '2006-07-01', until: '2006-10-01' },
      { path: 'd.standard', scale: 2, from: '2006-10-01', until: '2007-01-01' },
      { path: 'd.rate', set: 0.6, from: '2006-07-01', where: { category: 'elderly' } },
    ]);
    expect(t.entryAt('d.standard', '2006-08-01')).not.toBe(t.entryAt('d.standard', '2006-06-01'));
    const june = resolveParameter(t, 'd.standard', '2006-06-01', pop, 'household') as Float64Array;
    const august = resolveParameter(t, 'd.standard', '2006-08-01', pop, 'household') as Float64Array;
    expect(august).toBe(june);
    const october = resolveParameter(t, 'd.standard', '2006-10-01', pop, 'household') as Float64Array;
    expect(october).not.toBe(june);
    expect([...october]).toEqual([320, 140, 160]);
    expect([...june]).toEqual([160, 70, 80]);
    const rateJune = resolveParameter(t, 'd.rate', '2006-06-01', pop, 'person') as Record<string, Float64Array>;
    const rateAugust = resolveParameter(t, 'd.rate', '2006-08-01', pop, 'person') as Record<string, Float64Array>;
    expect(rateAugust.disabled).toBe(rateJune.disabled);
    expect([...rateAugust.elderly!]).toEqual([0.6, 0.6, 0.6, 0.6, 0.6]);
    expect([...rateJune.elderly!]).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
  });
  it('once the caller lets its columns go, a leaf whose cells change is written into its last column', () => {
    // A population of its own (the columns are kept per household index): Changchun urban, Baicheng rural.
    const two = createPopulation({
      households: { id: [1, 2], weight: Float64Array.of(1, 1), columns: { prefecture: Int32Array.of(220100, 220800), urban: Uint8Array.of(1, 0) } },
      persons: { id: [1, 2], household: [1, 2] },
    });
    // 2006: 160 urban Changchun, 70 rural elsewhere; 2007: 170 and 75 (the tree above).
    const y2006 = resolveParameter(tree, 'd.standard', '2006-06-01', two, 'household') as Float64Array;
    expect([...y2006]).toEqual([160, 70]);
    // Not let go: 2007 is a new column, 2006's unchanged.
    const y2007 = resolveParameter(tree, 'd.standard', '2007-06-01', two, 'household') as Float64Array;
    expect(y2007).not.toBe(y2006);
    expect([...y2006]).toEqual([160, 70]);
    // Let go: 2006 again (its cells changed from 2007's) is written into 2007's column.
    releaseLocalityColumns(two);
    const again = resolveParameter(tree, 'd.standard', '2006-06-01', two, 'household') as Float64Array;
    expect(again).toBe(y2007);
    expect([...again]).toEqual([160, 70]);
    // Handed out since the call: the next change is a new column again.
    const later = resolveParameter(tree, 'd.standard', '2007-06-01', two, 'household') as Float64Array;
    expect(later).not.toBe(again);
    expect([...later]).toEqual([170, 75]);
    expect([...again]).toEqual([160, 70]);
  });
  it('an unknown prefecture code is refused even for a leaf of one number', () => {
    const odd = createPopulation({
      households: { id: [1], weight: Float64Array.of(1), columns: { prefecture: Int32Array.of(110100), urban: Uint8Array.of(1) } },
      persons: { id: [1], household: [1] },
    });
    expect(() => resolveParameter(tree, 'd.rate', '2006-06-01', odd, 'person')).toThrow(/unknown prefecture code 110100/);
  });
});
