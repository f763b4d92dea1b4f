/**
 * The hand-worked fixture: datasets/fixture-dibao (10 households), 2006 baseline and the +10%
 * reform, asserted to the fen through the CLI's JSON.
 *
 * Parameters (src/programs/dibao/parameters): 2006 standards urban/rural — Changchun 158/76,
 * Jilin city 150/74, Siping 135/69, Liaoyuan 139/71, Tonghua 141/71, Baishan 138/69, Songyuan
 * 132/67, Baicheng 129/67, Yanbian 144/72. Earnings count at 0.8, other income at 1.0. Floor
 * 10 urban / 5 rural per member. Classified top-ups (max, not sum): elderly (60+) 0.3, severely
 * disabled 0.5, seriously ill 0.5, minor in single-parent/orphan situation 0.3, × standard.
 * Reform: every standard × 1.1. Incomes do not change over the year, so period = 12 × month.
 * Both run with perfect implementation (test/scenarios/perfect-*.yaml: take-up 1, no observation error).
 *
 * hh  w  place              members → per-capita income                         baseline month           reform month
 *  1  2  Changchun urban    1 adult, no income → 0                             gap 158 → 158            173.8
 *  2  1  Changchun urban    earnings 300×0.8 = 240 / 3 → 80                    (158−80)×3 = 234         (173.8−80)×3 = 281.4
 *  3  3  Jilin city urban   age 68, pension 100 → 100                          gap 50 + elderly 45 = 95 65 + 49.5 = 114.5
 *  4  2  Siping rural       farm 200 / 4 → 50; one severely disabled           (69−50)×4 = 76 + 34.5    (75.9−50)×4 = 103.6
 *                                                                               = 110.5                  + 37.95 = 141.55
 *  5  1  Liaoyuan urban     single parent: earnings 250×0.8 = 200 / 2 → 100;   39×2 = 78 + 41.7         52.9×2 = 105.8 + 45.87
 *                           child 7 is a vulnerable minor (0.3 × 139 = 41.7)   = 119.7                  = 151.67
 *  6  1  Tonghua urban      earnings 176.25×0.8 = 141 = standard → not <       0 (at the limit)         (155.1−141) = 14.1
 *  7  2  Baishan rural      farm 134 / 2 → 67                                  gap (69−67)×2 = 4 <      (75.9−67)×2 = 17.8
 *                                                                               floor 5×2 = 10 → 10      ≥ 10 → 17.8
 *  8  3  Songyuan rural     farm 600 / 3 → 200                                 0                        0
 *  9  1  Baicheng rural     75, severe disability, serious illness; other 20   (67−20) = 47 + max(20.1, 36.85 + 53.7 = 90.55
 *                                                                               33.5, 33.5) = 80.5
 * 10  1  Yanbian urban      unemployment benefit 200 / 2 → 100; orphan aged 20  (144−100)×2 = 88         (158.4−100)×2 = 116.8
 *                           is not a minor
 *
 * Weighted month, baseline: 158×2 + 234 + 95×3 + 110.5×2 + 119.7 + 10×2 + 80.5 + 88 = 1364.20;
 * × 12 = 16,370.40. Recipients (persons × weight): 2+3+3+8+2+4+1+2 = 25; households 2+1+3+2+1+2+1+1 = 13;
 * population 2+3+3+8+2+1+4+9+1+2 = 35. Average subsidy 1364.20 / 25 = 54.568.
 * Reform month: 347.6 + 281.4 + 343.5 + 283.1 + 151.67 + 14.1 + 35.6 + 90.55 + 116.8 = 1664.32;
 * × 12 = 19,971.84. Recipients 26 (household 6 joins), households 14, average 1664.32 / 26 = 64.0123….
 * §二.2 check, baseline: classified 45×3 + 34.5×2 + 41.7 + 33.5 = 279.2 a month over 3+2+1+1 = 7
 * top-up persons → 39.886; gap + floor (1364.2 − 279.2) / 25 = 43.40 → the check fails (39.89 ≤ 43.40).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('fixture-dibao, hand-worked totals', () => {
  let base: any;
  let reform: any;
  beforeAll(async () => {
    // The perfect-implementation variants (take-up 1, exact means test): the hand arithmetic is the rule's own verdict.
    const r = await cli(['compare', 'test/scenarios/perfect-baseline.yaml', 'test/scenarios/perfect-reform.yaml', '--json', '--no-timestamp', '--data', 'datasets/fixture-dibao']);
    expect(r.status).toBe(0);
    [base, reform] = JSON.parse(r.stdout).scenarios;
  });
  it('baseline: cost, recipients, households, average subsidy', () => {
    expect(base.summary.cost).toBe(16370.4);
    expect(base.summary.costAnnual).toBe(16370.4);
    expect(base.summary.recipients).toBe(25);
    expect(base.summary.households).toBe(13);
    expect(base.summary.population).toBe(35);
    expect(base.summary.averageSubsidy).toBeCloseTo(54.568, 10);
    expect(base.summary.coverage).toBeCloseTo(25 / 35, 12);
  });
  it('reform: cost, recipients, households, average subsidy', () => {
    expect(reform.summary.cost).toBe(19971.84);
    expect(reform.summary.recipients).toBe(26);
    expect(reform.summary.households).toBe(14);
    expect(reform.summary.averageSubsidy).toBeCloseTo(1664.32 / 26, 10);
  });
  it('components: classified 279.2 a month in the baseline', () => {
    expect(base.summary.costByComponent.classified).toBe(3350.4); // 279.2 × 12
    expect(base.summary.costByComponent.minimum).toBe(6 * 2 * 12); // household 7: floor top-up 6, weight 2
    expect(base.summary.costByComponent.gap + base.summary.costByComponent.minimum + base.summary.costByComponent.classified).toBeCloseTo(16370.4, 8);
  });
  it('perfect implementation: no inclusion or exclusion error', () => {
    expect(base.summary.targeting).toEqual({ inclusionError: 0, exclusionError: 0, leakage: 0, coverageOfPoor: 1 });
  });
  it('the §二.2 check: two readings, pooled and by area', () => {
    // Top-up persons (weight × persons) and their household's gap per member (gap ÷ size):
    //   hh3 JL urban w3: top-up 45, gap 50/1 = 50 | hh5 LY urban w1: 41.7, 78/2 = 39
    //   hh4 SP rural w2: 34.5, 76/4 = 19         | hh9 BC rural w1: 33.5, 47/1 = 47
    // Average gap (gap + floor per recipient): pooled (1364.2 − 279.2) / 25 = 43.40;
    //   urban (158×2 + 234 + 50×3 + 78 + 88) / 12 = 866 / 12 = 72.1667; rural (76×2 + 10×2 + 47) / 13 = 219 / 13 = 16.8462.
    // top-up reading: pooled 279.2 / 7 = 39.886 ≤ 43.40 fails; urban (135 + 41.7) / 4 = 44.175 ≤ 72.17 fails;
    //   rural (69 + 33.5) / 3 = 34.167 > 16.85 complies.
    // payment reading: pooled (95×3 + 53.5×2 + 80.7 + 80.5) / 7 = 553.2 / 7 = 79.029 > 43.40; urban
    //   (285 + 80.7) / 4 = 91.425 > 72.17; rural (107 + 80.5) / 3 = 62.5 > 16.85: all comply.
    const row = (reading: string, key: string): any => base.checks.find((x: any) => x.id === 'classified-above-average-gap' && x.reading.id === reading && x.scope.key === key);
    expect(row('top-up', 'jilin')).toMatchObject({ clause: '二.2', scope: { kind: 'province', key: 'jilin' }, status: 'does-not-comply', passed: false });
    expect(row('top-up', 'jilin').detail).toMatch(/39\.89 .* 43\.40/);
    expect(row('top-up', 'urban').status).toBe('does-not-comply');
    expect(row('top-up', 'urban').detail).toMatch(/44\.18 .* 72\.17/);
    expect(row('top-up', 'rural').status).toBe('complies');
    expect(row('top-up', 'rural').detail).toMatch(/34\.17 .* 16\.85/);
    expect(row('payment', 'jilin').detail).toMatch(/79\.03 .* 43\.40/);
    // 91.425 is 91.42499… in binary, so toFixed(2) shows 91.42.
    expect(row('payment', 'urban').detail).toMatch(/91\.42 .* 72\.17/);
    expect(row('payment', 'rural').detail).toMatch(/62\.50 .* 16\.85/);
    expect(['jilin', 'urban', 'rural'].map((k) => row('payment', k).status)).toEqual(['complies', 'complies', 'complies']);
    // Each reading carries its text; a prefecture with no top-up person (Changchun) has nothing to check.
    expect(row('payment', 'jilin').reading.zh).toContain('分类施保对象所领');
    expect(row('top-up', '220100').status).toBe('not-applicable');
  });
  it('by area: urban recipients 2+3+3+2+2 = 12, rural 8+4+1 = 13', () => {
    expect(base.summary.byArea.urban.recipients).toBe(12);
    expect(base.summary.byArea.rural.recipients).toBe(13);
    expect(base.summary.byArea.urban.cost + base.summary.byArea.rural.cost).toBeCloseTo(16370.4, 8);
  });
  it('by household type: elderly = households 3 and 9', () => {
    // Household 3 (one 68-year-old, weight 3) and 9 (one 75-year-old): all members elderly.
    expect(base.summary.byHouseholdType.elderly.recipients).toBe(4);
    expect(base.summary.byHouseholdType.elderly.cost).toBe(4386); // (95 × 3 + 80.5) × 12
    // Disabled: household 4 (weight 2). Single-parent: household 5.
    expect(base.summary.byHouseholdType.disabled.cost).toBe(2652); // 110.5 × 2 × 12
    expect(base.summary.byHouseholdType['single-parent'].cost).toBe(1436.4); // 119.7 × 12
  });
  it('by prefecture: Changchun = households 1 and 2', () => {
    expect(base.summary.byPrefecture['220100'].cost).toBe(6600); // (158 × 2 + 234) × 12
    expect(reform.summary.byPrefecture['220500'].cost).toBe(169.2); // 14.1 × 12 // Tonghua joins only under the reform
  });
});
