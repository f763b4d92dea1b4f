/**
 * `jiuzhu project` (issue #8): the scenario keys it reads, the §二.1 growth rule and its linkage
 * bounds by hand, upratePopulation by hand, a projection against a run of the uprated scenario,
 * --real, and the CLI on scenarios/dynamic-growth-2007-2015.yaml.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JiuzhuError } from '../src/engine/errors.js';
import { createPopulation } from '../src/engine/population.js';
import { openChunkedDataset, slicePopulation, writeChunkedDataset } from '../src/data/chunked.js';
import { loadDataset, resolveDatasetPath, type Dataset } from '../src/data/dataset.js';
import { fundingByLevel } from '../src/scenarios/results/funding.js';
import { loadScenario, parseScenarioText } from '../src/scenarios/input/load.js';
import { annualCpi, boundStandard, nextStandard, projectionPaths, projectionYears, projectScenario, projectScenarioOn, upratePopulation, type LinkageLines, type Projection, type YearIndices } from '../src/scenarios/studies/project.js';
import { runScenarioOn, scenarioParameters, scenarioPrices } from '../src/scenarios/execution/run.js';
import { baselineParameters } from '../src/policy/parameters.js';
import { cli, ROOT } from './helpers.js';

const DYNAMIC = join(ROOT, 'scenarios/dynamic-growth-2007-2015.yaml');
const head = 'name: x\ndescription: {zh: a, en: b}\n';
const fail = (f: () => unknown): JiuzhuError => {
  try { f(); } catch (e) { return e as JiuzhuError; }
  throw new Error('expected an error');
};
/** The problems of a scenario text, as 's.yaml:LINE: key …' lines. */
const problems = (yaml: string): string => fail(() => parseScenarioText(head + yaml, 's.yaml')).details.join('\n');

/** A scenario file in a temporary folder, extending the dynamic-growth scenario. */
const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-project-'));
function scenarioFile(name: string, body: string): string {
  const f = join(tmp, `${name}.yaml`);
  writeFileSync(f, `name: ${name}\ndescription: {zh: 测试, en: test}\nextends: ${DYNAMIC}\n${body}`);
  return f;
}

describe('scenario keys of projections', () => {
  it('every new key is accepted', () => {
    const s = parseScenarioText(`${head}
behaviour:
  growth:
    standard:
      indexTo: revenue
      elasticity: 0.8
      bounds: {minimumWage: true, unemploymentBenefit: false, povertyLine: true}
      assumption: why
  uprating:
    dataYear: 2006
    incomes: {indexTo: cpi, elasticity: 1, assumption: why}
    ageing: {elderlyWeightGrowth: 1.05, assumption: why}
inputs:
  cpi: {values: {"2008": 1.059}, source: NBS}
  incomeGrowth: {values: {"2009": {urban: 1.09, rural: 1.1}, "2010": {rural: 1.12}}, assumption: why}
  minimumWage: {values: {"2008": 650}, assumption: why}
  unemploymentBenefit: {values: {"2008": 455}, assumption: why}
  fiscalRevenue: {values: {"2007": 58000000000}, source: somewhere}
outputs:
  measures: [poverty, inequality, targeting]
  breakdowns: [area, prefecture]
`, 's.yaml');
    expect(s.behaviour?.growth?.standard.indexTo).toBe('revenue');
    expect(s.behaviour?.uprating?.ageing?.elderlyWeightGrowth).toBe(1.05);
    expect(s.inputs?.incomeGrowth?.values['2010']).toEqual({ rural: 1.12 });
    expect(s.outputs?.breakdowns).toEqual(['area', 'prefecture']);
    for (const indexTo of ['income', 'cpi', 'none']) expect(() => parseScenarioText(`${head}behaviour: {growth: {standard: {indexTo: ${indexTo}, assumption: a}}}\n`, 's.yaml')).not.toThrow();
  });
  it('behaviour.growth: a bad value is refused with its path and line', () => {
    expect(problems('behaviour:\n  growth:\n    standard: {indexTo: wages, assumption: a}\n')).toMatch(/s\.yaml:5: key 'behaviour\.growth\.standard\.indexTo'/);
    expect(problems('behaviour:\n  growth:\n    standard: {indexTo: cpi, elasticity: -1, assumption: a}\n')).toMatch(/key 'behaviour\.growth\.standard\.elasticity'/);
    expect(problems('behaviour:\n  growth:\n    standard: {indexTo: cpi, bounds: {povertyLine: yes please}, assumption: a}\n')).toMatch(/key 'behaviour\.growth\.standard\.bounds\.povertyLine'/);
    expect(problems('behaviour:\n  growth:\n    standard: {indexTo: cpi, bounds: {wage: true}, assumption: a}\n')).toMatch(/unknown key 'wage' in 'behaviour\.growth\.standard\.bounds'/);
    expect(problems('behaviour:\n  growth:\n    standard: {indexTo: cpi}\n')).toMatch(/missing required key 'behaviour\.growth\.standard\.assumption'/);
    expect(problems('behaviour:\n  growth: {standrd: {indexTo: cpi, assumption: a}}\n')).toMatch(/unknown key 'standrd' in 'behaviour\.growth'/);
  });
  it('behaviour.uprating: a bad value is refused with its path', () => {
    expect(problems('behaviour:\n  uprating: {dataYear: 2006.5}\n')).toMatch(/key 'behaviour\.uprating\.dataYear'/);
    expect(problems('behaviour:\n  uprating: {incomes: {indexTo: revenue, assumption: a}}\n')).toMatch(/key 'behaviour\.uprating\.incomes\.indexTo'/);
    expect(problems('behaviour:\n  uprating: {incomes: {indexTo: cpi, elasticity: 9, assumption: a}}\n')).toMatch(/key 'behaviour\.uprating\.incomes\.elasticity'/);
    expect(problems('behaviour:\n  uprating: {ageing: {elderlyWeightGrowth: 0, assumption: a}}\n')).toMatch(/key 'behaviour\.uprating\.ageing\.elderlyWeightGrowth'/);
  });
  it('inputs: a bad value is refused with its path', () => {
    expect(problems('inputs:\n  cpi: {values: {"2008": -1}, source: s}\n')).toMatch(/s\.yaml:4: key 'inputs\.cpi\.values\.2008'/);
    expect(problems('inputs:\n  cpi: {values: {"2008": 1.05}}\n')).toMatch(/s\.yaml:4: key 'inputs\.cpi'.*give exactly one of source or assumption/);
    expect(problems('inputs:\n  cpi: {values: {"2008": 1.05}, source: a, assumption: b}\n')).toMatch(/key 'inputs\.cpi'.*give exactly one of source or assumption/);
    expect(problems('inputs:\n  incomeGrowth: {values: {"2009": {suburban: 1.1}}, source: s}\n')).toMatch(/unknown key 'suburban' in 'inputs\.incomeGrowth\.values\.2009'/);
    expect(problems('inputs:\n  minimumWage: {values: {"08": 650}, source: s}\n')).toMatch(/key 'inputs\.minimumWage\.values\.08'.*key/);
    expect(problems('inputs:\n  unemploymentBenefit: {values: {"2008": 0}, source: s}\n')).toMatch(/key 'inputs\.unemploymentBenefit\.values\.2008'/);
    expect(problems('inputs:\n  fiscalRevenue: {values: {"2008": -5}, source: s}\n')).toMatch(/key 'inputs\.fiscalRevenue\.values\.2008'/);
    expect(problems('inputs:\n  wages: {}\n')).toMatch(/unknown key 'wages' in 'inputs'/);
  });
  it('outputs: a bad value is refused with its path', () => {
    expect(problems('outputs:\n  measures: [povrty]\n')).toMatch(/s\.yaml:4: key 'outputs\.measures\.0'/);
    expect(problems('outputs:\n  breakdowns: [area, county]\n')).toMatch(/key 'outputs\.breakdowns\.1'/);
    expect(problems('outputs:\n  tables: [x]\n')).toMatch(/unknown key 'tables' in 'outputs'/);
  });
  it('the committed JSON Schema knows the new keys', () => {
    const validate = new Ajv2020.default({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/scenario.schema.json'), 'utf8')));
    expect(validate({ ...{ name: 'x', description: { zh: 'a', en: 'b' } }, behaviour: { growth: { standard: { indexTo: 'cpi', assumption: 'a' } } }, outputs: { measures: ['poverty'] } })).toBe(true);
    expect(validate({ ...{ name: 'x', description: { zh: 'a', en: 'b' } }, behaviour: { growth: { standard: { indexTo: 'wages', assumption: 'a' } } } })).toBe(false);
  });
});

describe('the growth rule (§二.1), by hand', () => {
  const idx: YearIndices = { cpi: 1.048, incomeGrowth: { urban: 1.1546, rural: 1.1511 }, revenueGrowth: 1.184 };
  const lines: LinkageLines = { minimumWage: 460, minimumWageRatio: 0.5, unemploymentBenefit: 322, povertyLine: 785 };
  it('indexed to the CPI 1.048: × 1.048, to the fen', () => {
    expect(nextStandard(150, 'urban', { indexTo: 'cpi' }, idx, lines)).toEqual({ value: 157.2, factor: 1.048, bound: null });
    expect(nextStandard(158, 'urban', { indexTo: 'cpi' }, idx, lines).value).toBe(165.58); // 165.584
    expect(nextStandard(76, 'rural', { indexTo: 'cpi' }, idx, lines).value).toBe(79.65); // 79.648
  });
  it('indexed to income (by area), to revenue, to nothing; elasticity passes on part of the growth', () => {
    expect(nextStandard(158, 'urban', { indexTo: 'income' }, idx, lines).value).toBe(182.43); // 158 × 1.1546 = 182.4268
    expect(nextStandard(76, 'rural', { indexTo: 'income' }, idx, lines).value).toBe(87.48); // 76 × 1.1511 = 87.4836
    expect(nextStandard(100, 'urban', { indexTo: 'revenue' }, idx, lines).value).toBe(118.4);
    expect(nextStandard(100, 'urban', { indexTo: 'none' }, idx, lines).value).toBe(100);
    // 1 + 0.5 × 0.1546 = 1.0773; 158 × 1.0773 = 170.2134
    expect(nextStandard(158, 'urban', { indexTo: 'income', elasticity: 0.5 }, idx, lines).value).toBe(170.21);
  });
  const all = { minimumWage: true, unemploymentBenefit: true, povertyLine: true };
  it('asked for, an urban standard above a bound is capped at the lower bound', () => {
    // 0.5 × 460 = 230 < 322: the minimum wage bites.
    expect(nextStandard(220, 'urban', { indexTo: 'cpi', bounds: all }, idx, lines)).toMatchObject({ value: 230, bound: 'minimumWage' });
    // With the ratio at 1, the unemployment benefit (322) is the lower bound.
    expect(nextStandard(310, 'urban', { indexTo: 'cpi', bounds: all }, idx, { ...lines, minimumWageRatio: 1 })).toMatchObject({ value: 322, bound: 'unemploymentBenefit' });
    expect(boundStandard(500, 'urban', { ...lines, minimumWageRatio: 1 }, { minimumWage: true })).toEqual({ value: 460, bound: 'minimumWage' });
    expect(boundStandard(400, 'urban', lines, { unemploymentBenefit: false, minimumWage: false })).toEqual({ value: 400, bound: null });
    // A cap that is not a whole fen is rounded down, to stay at or below it.
    expect(boundStandard(400, 'urban', { ...lines, minimumWageRatio: 1 / 3 }, all)).toEqual({ value: 153.33, bound: 'minimumWage' });
    // A rural standard is never capped.
    expect(boundStandard(400, 'rural', lines, all)).toEqual({ value: 400, bound: null });
  });
  it('asked for, a rural standard below the poverty line ÷ 12 is raised to it, up to the fen', () => {
    // 785 / 12 = 65.4166… → 65.42; 60 × 1.048 = 62.88 is below it.
    expect(nextStandard(60, 'rural', { indexTo: 'cpi', bounds: all }, idx, lines)).toMatchObject({ value: 65.42, bound: 'povertyLine' });
    expect(boundStandard(65.42, 'rural', lines, all)).toEqual({ value: 65.42, bound: null });
    expect(boundStandard(60, 'rural', lines, { povertyLine: false })).toEqual({ value: 60, bound: null });
    expect(boundStandard(60, 'urban', lines, all)).toEqual({ value: 60, bound: null });
  });
  it('not asked for, no line binds (§二.1 相互衔接: dovetailing, reported as distances)', () => {
    expect(boundStandard(400, 'urban', lines)).toEqual({ value: 400, bound: null });
    expect(boundStandard(60, 'rural', lines)).toEqual({ value: 60, bound: null });
    expect(nextStandard(60, 'rural', { indexTo: 'cpi' }, idx, lines)).toMatchObject({ value: 62.88, bound: null });
  });
});

describe('upratePopulation, by hand', () => {
  const pop = createPopulation({
    households: { id: [1, 2], weight: [10, 20], columns: { urban: Uint8Array.of(1, 0) } },
    persons: {
      id: [1, 2, 3],
      household: [1, 1, 2],
      columns: { age: Int16Array.of(70, 40, 30), earnings: Float64Array.of(0, 1000, 500), pension: Float64Array.of(800, 0, 0), farm_business: Float64Array.of(0, 0, 300), sex: Uint8Array.of(1, 2, 1) },
    },
  });
  it('multiplies the money columns by the factor of the area, and the weights of elderly households', () => {
    const up = upratePopulation(pop, { income: { urban: 1.5, rural: 2 }, elderlyWeight: 1.25, elderlyAge: 65 });
    expect([...up.person.earnings!]).toEqual([0, 1500, 1000]);
    expect([...up.person.pension!]).toEqual([1200, 0, 0]);
    expect([...up.person.farm_business!]).toEqual([0, 0, 600]);
    expect([...up.weight]).toEqual([12.5, 20]);
    // Untouched columns are shared; the input is unchanged.
    expect(up.person.age).toBe(pop.person.age);
    expect(up.person.sex).toBe(pop.person.sex);
    expect(up.household).toBe(pop.household);
    expect([...pop.person.earnings!]).toEqual([0, 1000, 500]);
    expect([...pop.weight]).toEqual([10, 20]);
  });
  it('one factor for everyone; the elderly age decides; factors of 1 return the same population', () => {
    expect([...upratePopulation(pop, { income: 2 }).person.earnings!]).toEqual([0, 2000, 1000]);
    expect([...upratePopulation(pop, { elderlyWeight: 2, elderlyAge: 71 }).weight]).toEqual([10, 20]);
    expect([...upratePopulation(pop, { elderlyWeight: 2, elderlyAge: 30 }).weight]).toEqual([20, 40]);
    expect(upratePopulation(pop, { income: 1, elderlyWeight: 1 })).toBe(pop);
  });
  it('with a population factor, the other households absorb the difference', () => {
    // 40 persons, 20 of them in the elderly household: 20 × 1.25 = 25, so the others 15 of 20 (× 0.75).
    expect([...upratePopulation(pop, { elderlyWeight: 1.25, population: 1 }).weight]).toEqual([12.5, 15]);
    // A population 10% larger: 44 − 25 = 19 of 20.
    expect([...upratePopulation(pop, { elderlyWeight: 1.25, population: 1.1 }).weight]).toEqual([12.5, 19]);
    expect(fail(() => upratePopulation(pop, { elderlyWeight: 3, population: 1 })).code).toBe('BAD_UPRATING');
  });
});

describe('projectionPaths: scenario inputs, else parameters', () => {
  it('reads the parameters: CPI, income growth, the fiscal path from Jilin’s published revenue, the linkage lines', () => {
    const s = loadScenario(DYNAMIC);
    const paths = projectionPaths(s, scenarioParameters(s));
    // Revenue anchors (projection.fiscal_revenue): 2007 32.069bn (CSY 2008 table 7-7) and 2015
    // 122.93bn (China Daily 2016-02-03); between them the constant-growth path, (122.93/32.069)^(1/8)
    // = 1.18290 a year; after 2015 × 1.022 (2015's growth, held); before 2007 ÷ 1.183.
    const g = (122.93 / 32.069) ** (1 / 8);
    expect(g).toBeCloseTo(1.1829, 4);
    expect(paths.indices(2008)).toEqual({ cpi: 1.059, incomeGrowth: { urban: 1.1367, rural: 1.1769 }, revenueGrowth: expect.closeTo(g, 9) });
    expect([paths.revenue(2007), paths.revenueBasis(2007)]).toEqual([32_069_000_000, 'published']);
    expect([paths.revenue(2015), paths.revenueBasis(2015)]).toEqual([122_930_000_000, 'published']);
    // 2011, half-way: √(32.069 × 122.93) = 62.787bn.
    expect(paths.revenue(2011) / 1e9).toBeCloseTo(62.787, 3);
    expect(paths.revenueBasis(2011)).toBe('interpolated');
    expect(paths.revenue(2016)).toBeCloseTo(122_930_000_000 * 1.022, 0);
    expect(paths.revenueBasis(2016)).toBe('assumed growth');
    expect(paths.revenue(2006)).toBeCloseTo(32_069_000_000 / 1.183, 0);
    // Budget shares (projection.budget_share, dibao_budget_share), from national 2006 figures of the
    // Ministry of Finance's 2006 budget report: local own revenue 38730.62 − 20449.77 = 18280.85亿元;
    // 0.4 × 232.763 / 1828.085 = 0.05093 → 0.0509; (214.61 − 136) / 18280.85 = 0.00430 → 0.0043.
    expect([paths.budgetShare(2010), paths.dibaoBudgetShare(2010)]).toEqual([0.0509, 0.0043]);
    expect(paths.lines(2009, 220100)).toEqual({ minimumWage: 650, minimumWageRatio: 0.5, unemploymentBenefit: 455, povertyLine: 1196 });
    // The minimum wage is tiered by prefecture (dibao.linkage.minimum_wage): Baicheng, third tier, 650 × 1120/1320 = 551.5 → 552;
    // from 1 July 2013 the published 1320 / 1220 / 1120.
    expect(paths.lines(2009, 220800).minimumWage).toBe(552);
    expect([220100, 220300, 220800].map((p) => paths.lines(2014, p).minimumWage)).toEqual([1320, 1220, 1120]);
    // 2007 reads the notice of May 2006, 吉政函〔2006〕43号 (chinaacc.com, quoted in linkage.yaml): “长春、吉林市区
    // 为510元/月 … 四平、辽源、通化、白山、松原、白城市区和延吉市、珲春市为460元/月”; Yanbian takes Yanji.
    // The unemployment benefit is its 70% of the first tier: 0.7 × 510 = 357.
    expect([220100, 220200, 220300, 220400, 220500, 220600, 220700, 220800, 222400].map((p) => paths.lines(2007, p).minimumWage))
      .toEqual([510, 510, 460, 460, 460, 460, 460, 460, 460]);
    expect(paths.lines(2007, 220100).unemploymentBenefit).toBe(357);
  });
  it('the 2006 minimum wage is the one public-welfare posts pay (employment.posts.wage, same notice)', () => {
    const tree = baselineParameters();
    for (const prefecture of [220100, 220200, 220300, 220400, 220500, 220600, 220700, 220800, 222400])
      for (const date of ['2006-01-01', '2006-06-01'])
        expect(tree.valueAt('dibao.linkage.minimum_wage', date, { prefecture }), `${prefecture} ${date}`)
          .toBe(tree.valueAt('employment.posts.wage', date, { prefecture, area: 'urban' }));
  });
  it('scenario inputs replace them; a revenue input anchors the path; a monthly price path gives the annual CPI', () => {
    const s = loadScenario(scenarioFile('inputs', `inputs:
  cpi: {values: {"2008": 1.1}, assumption: test}
  incomeGrowth: {values: {"2008": {rural: 1.3}}, assumption: test}
  minimumWage: {values: {"2009": 700}, assumption: test}
  fiscalRevenue: {values: {"2010": 100000000000}, assumption: test}
behaviour:
  uprating: {ageing: {elderlyWeightGrowth: 1.1, assumption: test}}
`));
    const paths = projectionPaths(s, scenarioParameters(s));
    expect(paths.indices(2008).cpi).toBe(1.1);
    expect(paths.indices(2008).incomeGrowth).toEqual({ urban: 1.1367, rural: 1.3 });
    expect(paths.lines(2009, 220800).minimumWage).toBe(700);
    // The 2010 input is one more anchor: 2011 lies on the path from it to 2015's 122.93bn, 100bn × 1.2293^(1/5).
    expect(paths.revenue(2011)).toBeCloseTo(100_000_000_000 * 1.2293 ** (1 / 5), 0);
    expect(paths.revenueBasis(2010)).toBe('published');
    expect(paths.elderlyWeightGrowth(2010)).toBe(1.1);
    // price-subsidy-2008.yaml gives every month of 2007: their mean, 1.0477 (≈ +4.8%, the published figure).
    expect(annualCpi(scenarioPrices(loadScenario(join(ROOT, 'scenarios/price-subsidy-2008.yaml'))), 2007)).toBeCloseTo(1.04767, 5);
    expect(annualCpi(scenarioPrices(loadScenario(join(ROOT, 'scenarios/price-subsidy-2008.yaml'))), 2009)).toBeUndefined();
  });
});

describe('a projection of fixture-dibao over two years', () => {
  let data: Dataset;
  let p: Projection;
  let real: Projection;
  beforeAll(async () => {
    data = await loadDataset(resolveDatasetPath('fixture-dibao'));
    const s = loadScenario(DYNAMIC);
    p = projectScenarioOn(s, data, { from: 2007, to: 2008 });
    real = projectScenarioOn(s, data, { from: 2007, to: 2008, real: true });
  });
  it('gives one row per year with the issue’s keys', () => {
    expect(p.years.map((r) => r.year)).toEqual([2007, 2008]);
    for (const k of ['year', 'averageStandard', 'recipients', 'cost', 'costByProgram', 'costByLevel', 'budget', 'fundingGap', 'priceIndex']) expect(p.years[0]).toHaveProperty(k);
    expect(p.years.map((r) => r.priceIndex)).toEqual([1, 1.059]);
    // 2006 data: 2007 incomes × the 2007 growth, 2008 × both; elderly households' weights × 1.054 a year.
    expect(p.years[1]!.incomeIndex.urban).toBeCloseTo(1.1546 * 1.1367, 12);
    expect(p.years[1]!.elderlyWeightIndex).toBeCloseTo(1.054 ** 2, 12);
    // The population follows Jilin's growth, 0.21% a year since 2006, whatever the ageing.
    const persons = [...data.population.weight].reduce((a, w, h) => a + w * (data.population.householdStart[h + 1]! - data.population.householdStart[h]!), 0);
    expect(p.years[1]!.population).toBeCloseTo(persons * 1.0021 ** 2, 6);
  });
  it('the first year keeps the parameters’ standards; the second is each one × its area’s income growth; the linkage is a distance', () => {
    // Changchun 2007 (dibao.standard): urban 168, rural 76.
    expect(p.standards['2007']!['220100']).toEqual({ urban: 168, rural: 76 });
    expect(p.standards['2008']!['220100']).toEqual({ urban: 190.97, rural: 89.44 }); // 168 × 1.1367 = 190.9656; 76 × 1.1769 = 89.4444
    // Baicheng rural 67 × 1.1769 = 78.85 < 1067 / 12 = 88.92: the scenario asks for no bound, so it stays
    // (§二.1 相互衔接) and the year row reports the distance.
    expect(p.standards['2008']!['220800']!.rural).toBe(78.85);
    expect(p.years[1]!.standardsBound).toEqual({ minimumWage: [], unemploymentBenefit: [], povertyLine: [] });
    // 2008 distances, each prefecture against its own lines (dibao.linkage): half the minimum wage of its
    // tier — first 650 → 325 (Changchun, Jilin city), second 601 → 300.5, third (Baicheng) 552 → 276 —,
    // the unemployment benefit 455, the poverty line 1067 ÷ 12 = 88.9167. Urban 2008 = 2007 × 1.1367:
    //   Changchun 190.97 − 325 = −134.03, Jilin city 158 → 179.60 − 325 = −145.40 (the lowest),
    //   Siping 162.55, Liaoyuan 168.23, Tonghua 169.37, Baishan 165.96, Songyuan 159.14, Yanbian 172.78
    //   − 300.5 = −137.95 … −127.72, Baicheng 137 → 155.73 − 276 = −120.27 (the highest).
    //   Against 455: 155.73 − 455 = −299.27 … 190.97 − 455 = −264.03.
    // Rural = 2007 × 1.1769: lowest 67 → 78.85 (Songyuan, Baicheng), highest Changchun 89.44.
    expect(p.years[1]!.linkage).toEqual({
      minimumWage: { reference: { min: 276, max: 325 }, min: -145.4, max: -120.27 },
      unemploymentBenefit: { reference: { min: 455, max: 455 }, min: -299.27, max: -264.03 },
      povertyLine: { reference: { min: 88.92, max: 88.92 }, min: -10.07, max: 0.52 },
    });
    // explain sees where the standard comes from.
    expect(p.parameters.entryAt('dibao.standard', '2008-06-01').overrides?.join('\n')).toMatch(/growth rule 2008: 168 × 1\.1367 \(income/);
  });
  it('the second year costs what a run of the uprated scenario costs, to the fen', () => {
    const s = loadScenario(DYNAMIC);
    const uprated = { ...s, overrides: [...s.overrides, ...p.overrides] };
    const population = upratePopulation(data.population, p.factors['2008']!);
    const r = runScenarioOn(uprated, { ...data, population }, { period: { from: '2008-01', to: '2008-12' } });
    const row = p.years[1]!;
    const cost = Object.values(r.programs).reduce((a, x) => a + Math.round(x.cost * 100), 0) / 100;
    expect(row.cost).toBe(cost);
    expect(row.costByProgram).toEqual(Object.fromEntries(Object.entries(r.programs).map(([id, x]) => [id, x.cost])));
    expect(row.costByLevel).toEqual(fundingByLevel(r.funding));
    expect(row.recipients).toBeCloseTo(r.summary.recipients, 9);
    expect(row.averageStandard.urban).toBe(Math.round(r.summary.byArea.urban!.averageStandard! * 100) / 100);
  });
  it('costs add up: government by level plus the other payers; the gap is the local budget need the budget does not meet', () => {
    for (const row of p.years) {
      const levels = Object.values(row.costByLevel).reduce((a, x) => a + Math.round(x * 100), 0);
      const others = Object.values(row.costByOtherPayer).reduce((a, x) => a + Math.round(x * 100), 0);
      expect(levels + others).toBe(Math.round(row.cost * 100));
      expect(row.budgetNeed).toBeLessThanOrEqual(row.cost);
      expect(row.fundingGap).toBe(Math.max(0, Math.round((row.budgetNeed - row.budget) * 100) / 100));
      expect(row.budget).toBeCloseTo(p.parameters.valueAt('projection.budget_share', `${row.year}-01-01`) * row.fiscalRevenue, 1);
      // Dibao's own line: its local budget need is part of the whole need; its budget 0.0043 × revenue.
      expect(row.dibaoBudgetNeed).toBeLessThanOrEqual(row.budgetNeed);
      expect(row.dibaoBudgetNeed).toBeGreaterThan(0);
      expect(row.dibaoBudget).toBeCloseTo(0.0043 * row.fiscalRevenue, 1);
      expect(row.dibaoFundingGap).toBe(Math.max(0, Math.round((row.dibaoBudgetNeed - row.dibaoBudget) * 100) / 100));
    }
  });
  it('--real divides money by the price index; counts and the index stay', () => {
    const [n, r] = [p.years[1]!, real.years[1]!];
    expect(r.priceIndex).toBe(1.059);
    expect(r.cost).toBe(Math.round((n.cost * 100) / 1.059) / 100);
    expect(r.budget).toBeCloseTo(n.budget / 1.059, 1);
    expect(r.costByLevel.county).toBe(Math.round((n.costByLevel.county * 100) / 1.059) / 100);
    expect(r.averageStandard.urban).toBeCloseTo(n.averageStandard.urban / 1.059, 2);
    expect(r.recipients).toBe(n.recipients);
    // The first year is its own price base.
    expect(real.years[0]!.cost).toBe(p.years[0]!.cost);
  });
  it('the years default to the scenario period’s; an empty span is a usage error', () => {
    expect(projectionYears(loadScenario(DYNAMIC))).toEqual({ from: 2007, to: 2015 });
    expect(projectionYears(loadScenario(DYNAMIC), { to: 2008 })).toEqual({ from: 2007, to: 2008 });
    const e = fail(() => projectionYears(loadScenario(DYNAMIC), { from: 2010, to: 2009 }));
    expect([e.code, e.exitCode]).toEqual(['BAD_OPTION', 2]);
  });
  it('without a growth rule the standards are the parameters’, and the bounds are not applied', async () => {
    const s = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
    const q = projectScenarioOn(s, data, { from: 2007, to: 2008, monthsPerYear: 1 });
    // No growth-rule override: the projection adds only the uprating of amounts (projection.uprating).
    expect(q.overrides.filter((o) => !q.upratingOverrides.includes(o))).toEqual([]);
    expect(q.upratingOverrides.some((o) => o.path === 'dibao.standard')).toBe(false);
    expect(q.standards['2008']!['220800']).toEqual({ urban: 153, rural: 89 });
    expect(q.standardRule).toBeNull();
  });
  it('a chunked dataset projects as the same data in one piece', async () => {
    const dir = join(tmp, 'chunked');
    await writeChunkedDataset(dir, { name: 'fixture-chunks' }, [0, 5].map((h) => ({ population: slicePopulation(data.population, h, h + 5) })));
    const chunked = await projectScenario(loadScenario(DYNAMIC), { dataset: openChunkedDataset(dir), from: 2007, to: 2008 });
    chunked.years.forEach((row, i) => {
      const one = p.years[i]!;
      expect([row.cost, row.costByLevel, row.budgetNeed, row.standardsBound]).toEqual([one.cost, one.costByLevel, one.budgetNeed, one.standardsBound]);
      expect(row.recipients).toBeCloseTo(one.recipients, 9);
    });
  });
  it('outputs add measures and breakdowns to the rows', () => {
    const q = projectScenarioOn(loadScenario(scenarioFile('outputs', 'outputs: {measures: [inequality, targeting], breakdowns: [prefecture]}\n')), data, { from: 2007, to: 2007, monthsPerYear: 1 });
    const row = q.years[0]!;
    // Lists replace the extended scenario's (poverty, area), as every list of a scenario does.
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['inequality', 'targeting', 'byPrefecture']));
    expect(row.poverty).toBeUndefined();
    expect(row.byArea).toBeUndefined();
    expect(row.byPrefecture!['220100']!.standard).toEqual({ urban: 168, rural: 76 });
    expect(row.inequality!.giniAfter).toBeLessThanOrEqual(row.inequality!.giniBefore);
  });
});

describe('jiuzhu project (CLI)', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/result.schema.json'), 'utf8'));
  const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
  it('scenarios/dynamic-growth-2007-2015.yaml gives one row per year, 2007 to 2015, and validates', async () => {
    const r = await cli(['project', DYNAMIC, '--json', '--no-timestamp', '--months-per-year', '1', '--data', 'datasets/fixture-dibao']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const years = json.scenarios[0].years;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    expect(json.period).toEqual({ from: '2007-01', to: '2015-12' });
    expect(json.scenarios[0].projection).toMatchObject({ from: 2007, to: 2015, real: false, monthsPerYear: 1, dataYear: 2006 });
    // A strict row: an unknown key is refused by the schema.
    expect(validate({ ...json, scenarios: [{ ...json.scenarios[0], years: [{ ...years[0], extra: 1 }] }] })).toBe(false);
  });
  it('--from/--to choose the years; the text output is one line per year', async () => {
    const r = await cli(['project', DYNAMIC, '--from', '2009', '--to', '2010', '--real', '--months-per-year', '1', '--data', 'datasets/fixture-dibao', '--lang', 'zh']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2009年不变价/);
    // One line per year in the main table (year, then the price index) and in the linkage table (year, then distances).
    expect(r.stdout.split('\n').filter((l) => /^20\d\d\s+\d\.\d{3}\s/.test(l)).map((l) => l.slice(0, 4))).toEqual(['2009', '2010']);
    expect(r.stdout.split('\n').filter((l) => /^20\d\d\s+-?[\d,.]+ … /.test(l)).map((l) => l.slice(0, 4))).toEqual(['2009', '2010']);
  });
  it('bad options are usage errors', async () => {
    expect((await cli(['project', DYNAMIC, '--from', '07'])).status).toBe(2);
    expect((await cli(['project', DYNAMIC, '--months-per-year', '3'])).status).toBe(2);
  });
});
