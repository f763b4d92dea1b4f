/**
 * The hand-worked system fixture: datasets/fixture-system (11 households, 3 prefectures, both
 * areas) run for 2007-01 … 2007-03 under test/scenarios/fixture-system.yaml. The totals of the
 * programs of 吉政发〔2006〕48号 §六–§十一 — programs.employment (§六.1), legalAid (§七.1), wubao
 * (§八.1), elderly (§八.2), disabled (§八.3), landExpropriated (§八.4), facilities (§九.1–§九.2),
 * disaster (§十.1–§十.2) and charity (§十一.1) — their links to dibao (§二), and the funding rows
 * (src/scenarios/results/funding.ts, src/programs/funding/parameters/funding.yaml) are worked out below by
 * hand from the parameter files and the rule descriptions, and asserted to the fen. They are an
 * independent check of the code: no number here was read off its output.
 *
 * WHY THIS PERIOD. January 2007 starts a calendar year: training (§六.1) is given at most once a
 * calendar year and the trained-this-year state resets in January, so everyone trained is trained
 * in M1. 2007 is the second year of the welfare-centre programme (facilities.welfare_centres.
 * build_share 0.5) and the one year of the stations' renovation (facilities.street_children.
 * renovation_share 1), so all four §九 components are non-zero. The urban residents' medical
 * scheme starts only in 2007-07 (medical.premium.urban_contribution 0 before), so the only §三
 * premium subsidies — which charge the lottery and donations that §十一's accounts need — are the
 * rural 新农合 ones (10 a year → 10/12 = 0.83 a month). The disaster strikes in M2 (February), so
 * its rebuild subsidy falls in M2 and its living aid runs into M3; legal-aid outcomes and the wubao
 * form change at the month boundaries. Months: M1 = 2007-01 (the snapshot), M2 = 2007-02, M3 = 2007-03.
 * Dibao standards (dibao.standard, 2007-01-01): Changchun (CC) 168 urban / 76 rural, Jilin city
 * (JL) 158 / 74, Siping (SP) 143 / 69.
 *
 * SCENARIO OVERRIDES (every keyed draw compared with 0 or 1; draws are in [0, 1)):
 *   dibao.implementation.take_up 1, observation_error 0, quota_share 1   the rule's verdict (§二.1)
 *   events.job_loss_rate 0, job_finding_rate 0, illness.monthly_rate 0   incomes frozen, no medical shock
 *   employment.posts.stock 1, residents 4, no flows                      1 ÷ 4 × 10 CC urban residents = 2.5 posts (§六.1)
 *   employment.posts.wage, subsidy urban 500                             (the baseline's Changchun minimum wage is 510)
 *   employment.training.rate 1 (both groups)                             hazard 1 − (1 − 1)^(1/12) = 1: trained in M1
 *   legal_aid.case_rate 0, disabled 12                                   the one disabled poor person opens a case a month (12/12 = 1)
 *   legal_aid.forensic_share 1                                           every case needs an assessment
 *   legal_aid.fiscal_institution_share 1 in M1, 0 from M2                M1 fee waived; M2, M3 fee deferred
 *   legal_aid.loss_probability 1 in M2 only, else 0                      M2 lost, M3 won
 *   legal_aid.unable_to_pay_share 1                                      a losing client cannot pay: the aid body pays
 *   wubao.support.centralised_share 1 in M1, 0 from M2                   in a home in M1, at home from M2
 *   elderly.service.coverage 1, disabled.rehabilitation.coverage 1,
 *     land_expropriated.insurance.coverage 1                             baseline values (persistent draws < 1), made explicit
 *   land_expropriated.insurance.newly_expropriated_rate 0.01, insured_share 1,
 *     one_off_contribution 1200                                          a rural cell of p residents pays p yuan a month (§八.4)
 *   disabled.house_repair.repair_rate 1                                  hazard 1: the dangerous house repaired in M1
 *   housing.rural.aid_rate 0                                             §五.3 never aids it first (hazard 0)
 *   land_expropriated.training.rate 12 in M1, else 0                     one course per candidate, in M1
 *   disaster.relief.rural_share 1, households.urban_share JL 0.5,
 *     relief.needy_share 1                                               with affectedShare 0.5: rural p = 0.5 × 1 ÷ 0.5 = 1, urban p = 0
 *   funding.dibao.central_share urban 0.5, rural 0.25; provincial.increase_share 0.5,
 *     base_standard 150 / 70, reference_coverage 0.1                     §二.4 transfers, set explicitly
 *   funding.dibao.local_shares 0.5 / 0.5, budget_levels.dibao_administration
 *     0 / 0 / 0.5 / 0.5, wubao 0.3 / 0.2 / 0.1 / 0.4 (and medical, disaster,
 *     housing, lottery)                                                  level splits pinned, not the baseline's
 *   dibao_administration.running_cost.per_recipient 2                   §二.4 running costs a recipient a month
 *   shocks.disaster 2007-02 JL affectedShare 0.5, housesDestroyed 718816 = 0.5 × 1,437,632 (disaster.households.count): p(destroyed) = 1
 *   inputs.lotteryFund 2007 326,760,000 = 12 × 27,230,000                lottery funds 1 yuan a resident a month
 *   inputs.donations 2007 163,380,000 = 6 × 27,230,000                   donations 0.5 yuan a resident a month
 * Draws that no household reaches: education (no students), housing low-rent/in-kind/shanty (every
 * household owns its home, no urban shanty), medical disease (no illness), §二.2 temporary take-up
 * (no shock), disaster relief-needed (every affected house is destroyed).
 *
 * THE HOUSEHOLDS (w = weight; pci = per-capita counted income: earnings and a post wage × 0.8,
 * the rest × 1.0, dibao.income.inclusion_rate).
 *
 *  hh w place           members                                              pci     situation
 *   1 2 CC urban        45 unemployed (looking); 43 not in labour force;     400/3   zero-employment: certificate, post (wage 500), trained;
 *                       62 mother                                                    dibao lowered by the post; mother elderly, served
 *   2 1 CC urban        50 earnings 300; 22 son unemployed (looking)         120     dibao family: son holds a certificate, trained, no post left
 *   3 3 SP rural        48 farm 300; 18 son not in school                    150     not poor; son a rural 两后生, trained
 *   4 3 CC rural        50 farm 60; 25 son severely disabled; dangerous      30      dibao; house repaired (§八.3); rehabilitation; son the
 *                       house (shanty 1)                                             legal-aid client (waived M1, lost M2, won M3)
 *   5 3 SP rural        70 三无 woman alone                                  0       wubao household: NOT paid dibao; wubao (home M1, at home
 *                                                                                    M2–M3); served elderly from M2
 *   6 1 JL urban        72 pension 200; 68 pension 200                       200     poor elderly couple (158 ≤ 200 < 237), not dibao: both served
 *   7 2 SP rural        52 unemployed; 50 earnings 600; 20 daughter;         160     land-expropriated: head and daughter trained (M1)
 *                       land expropriated
 *   8 1 JL rural        40 farm 400; 38; 65 father                           133.33  struck in M2: house destroyed, living aid M2–M3
 *   9 2 JL urban        single mother 35 earnings 250; 3-year-old            100     dibao with the minor top-up; not hit (urban)
 *  10 1 CC urban        40 earnings 3000; 38 earnings 2000                   2000    nothing (counts in the posts' and charity's residents)
 *  11 1 SP rural        40 farm 100; 75 三无 uncle                           50      dibao; the uncle a wubao person in a mixed household:
 *                                                                                    wubao support less his dibao share; served from M2
 *
 * Cells' weighted residents: CC urban 6 + 2 + 2 = 10, CC rural 6, JL urban 2 + 4 = 6, JL rural 3,
 * SP urban 0, SP rural 6 + 3 + 6 + 2 = 17 (42 in all).
 *
 * Money is summed the way src/scenarios/results/program-summary.ts says: each household's monthly amount
 * to the fen × weight, per prefecture × area cell and month; computed components (facilities) per
 * cell and month from parameters, every cell of the province; payer shares split per cell-month
 * with the largest remainder (splitFen, ties in payer order); accounts balanced per cell and year.
 * Funding rows: per program, prefecture and source, a year's fen summed over both areas and split
 * by level shares with splitFen (ties in level order central, provincial, prefecture, county).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Dataset } from '../src/data/dataset.js';
import { householdIndexOf } from '../src/engine/population.js';
import { Simulation } from '../src/engine/simulation.js';
import { loadScenario, type Scenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioDataset, scenarioParameters, type ScenarioResult } from '../src/scenarios/execution/run.js';
import { systemRules } from '../src/programs/system.js';
import type { ProgramSummary } from '../src/scenarios/results/program-summary.js';
import { PAYER_OF, type FundingRow } from '../src/scenarios/results/funding.js';
import { PAYERS } from '../src/engine/program.js';
import { ROOT } from './helpers.js';

/** Every payer, so that a whole costByPayer is compared (zeros included). */
const payers = (p: Partial<Record<string, number>>) => ({ budget: 0, lottery: 0, landRevenue: 0, tuitionSetAside: 0, donations: 0, hospitals: 0, collective: 0, individual: 0, ...p });

/** A funding row of the period (one calendar year, 2007-01 … 2007-03); a level of null is a payer that is not the government. */
const row = (program: string, prefecture: number, source: FundingRow['source'], level: FundingRow['level'], amount: number): FundingRow =>
  ({ program, payerType: level === null ? 'non-government' : 'government', level, source, prefecture, from: '2007-01', to: '2007-03', amount });

const CC = 220100;
const JL = 220200;
const SP = 220300;

describe('fixture-system, hand-worked §六–§十一 totals and funding (2007-01 … 2007-03)', () => {
  let scenario: Scenario;
  let dataset: Dataset;
  let result: ScenarioResult;
  const program = (id: string): ProgramSummary => {
    const p = result.programs[id];
    if (!p) throw new Error(`no programs.${id} in the result`);
    return p;
  };
  const fundingOf = (id: string): FundingRow[] => result.funding.filter((r) => r.program === id);
  const monthCosts = (id: string): number[] => result.months.map((m) => m.programs[id]!);
  beforeAll(async () => {
    scenario = loadScenario(join(ROOT, 'test/scenarios/fixture-system.yaml'));
    dataset = (await scenarioDataset(scenario)) as Dataset;
    expect(dataset.warnings).toEqual([]);
    result = runScenarioOn(scenario, dataset);
  });

  /** One month's value of a rule for a household (by dataset id) or a person (by dataset id). */
  const simulation = (extra: Parameters<ReturnType<typeof scenarioParameters>['withOverrides']>[0] = []): Simulation =>
    new Simulation({ population: dataset.population, parameters: scenarioParameters(scenario).withOverrides(extra), rules: systemRules, seed: 1 });
  const ofHousehold = (sim: Simulation, rule: string, id: number, month = '2007-01'): number => sim.calculate(rule, month)[householdIndexOf(dataset.population, id)]!;
  const ofPerson = (sim: Simulation, rule: string, id: number, month = '2007-01'): number => sim.calculate(rule, month)[dataset.population.personId.indexOf(id)]!;

  it('dibao (§二): the regular payments every §二.4 funding row starts from', () => {
    // 吉政发〔2006〕48号 §二.1 gap = (standard − pci) × size (floor dibao.minimum_payment urban 10,
    // rural 5 a member, never binding here); §二.2 classified top-up = the largest of
    // dibao.classified.rate × standard (elderly 60+ 0.3, severely disabled 0.5, minor in a
    // single-parent household 0.3). A month (incomes frozen, the same in M1–M3):
    //   hh1  post wage 500 × 0.8 = 400 → pci 133.33: (168 − 133.33) × 3 = 104.00 + mother 0.3 × 168 = 50.40 = 154.40 × 2 = 308.80
    //   hh2  (168 − 120) × 2 = 96.00                                                           =  96.00 × 1 =  96.00
    //   hh4  (76 − 30) × 2 = 92.00 + son severely disabled 0.5 × 76 = 38.00                    = 130.00 × 3 = 390.00
    //   hh9  (158 − 100) × 2 = 116.00 + minor 0.3 × 158 = 47.40                                = 163.40 × 2 = 326.80
    //   hh11 (69 − 50) × 2 = 38.00 + uncle elderly 0.3 × 69 = 20.70                            =  58.70 × 1 =  58.70
    //   hh5 (wubao household, pci 0) nothing (§八.1); hh3 150 ≥ 69, hh6 200 ≥ 158, hh7 160 ≥ 69,
    //   hh8 133.33 ≥ 74, hh10 nothing.
    //   month 1180.30 → regular 3540.90 (CC 794.80 × 3 = 2384.40, JL 980.40, SP 176.10).
    // No shock (temporary 0), no price path (priceSubsidy 0), no exit (taper 0).
    const dibao = program('dibao');
    expect(dibao.components).toEqual({ regular: 3540.9, temporary: 0, priceSubsidy: 0, taper: 0 });
    expect(dibao.cost).toBe(3540.9);
    expect(dibao.costByPayer).toEqual(payers({ budget: 3540.9 }));
    // Recipients: hh1 3 × 2 + hh2 2 + hh4 2 × 3 + hh9 2 × 2 + hh11 2 = 20; households 2 + 1 + 3 + 2 + 1 = 9.
    expect(dibao.recipients).toBe(20);
    expect(dibao.households).toBe(9);
    expect(monthCosts('dibao')).toEqual([1180.3, 1180.3, 1180.3]);
    // Siping: only hh11 (58.70 × 3 = 176.10, 2 recipients, 1 household) — hh5's wubao woman, though
    // her income 0 is below 69, is paid no dibao.
    const sp = dibao.byPrefecture[String(SP)]!;
    expect(sp.cost).toBe(176.1);
    expect(sp.recipients).toBe(2);
    expect(sp.households).toBe(1);
  });

  it('§六.1 × §二.1: the post wage lowers the zero-employment family’s dibao by 500 × 0.8 = 400', () => {
    // hh1's job seeker 101 holds the post (zero-employment families first; hh2's son 202 does not
    // fit: 2 + 1 > 2.5 posts); employment.posts.wage urban 500 is counted at the earnings rate 0.8.
    const sim = simulation();
    expect(ofPerson(sim, 'employment_post_holder', 101)).toBe(1);
    expect(ofPerson(sim, 'employment_post_holder', 202)).toBe(0);
    expect(ofPerson(sim, 'employment_certificate_holder', 202)).toBe(1);
    expect(ofPerson(sim, 'employment_post_wage', 101)).toBe(500);
    expect(ofHousehold(sim, 'dibao_benefit', 1)).toBe(154.4);
    // Without posts (area_weight 0): pci 0 → 168 × 3 = 504 + 50.40 = 554.40; the post costs dibao 400.00 less.
    const without = simulation([{ path: 'employment.posts.area_weight', set: 0 }]);
    expect(ofPerson(without, 'employment_post_holder', 101)).toBe(0);
    expect(ofHousehold(without, 'dibao_benefit', 1)).toBe(554.4);
    expect(Math.round((ofHousehold(without, 'dibao_benefit', 1) - ofHousehold(sim, 'dibao_benefit', 1)) * 100)).toBe(500 * 0.8 * 100);
  });

  it('employment (§六.1): post subsidies, social-insurance subsidies, training', () => {
    // employment.posts.subsidy urban 500 and social_insurance_subsidy urban 190 per post a month:
    //   hh1 (w 2) every month: 500 × 2 = 1000.00 and 190 × 2 = 380.00 → postSubsidy 3000.00, socialInsurance 1140.00.
    // employment.training.subsidy (paid in the month trained, M1): certificate holders 400, 两后生 300:
    //   hh1's 101: 400 × 2 = 800 | hh2's 202: 400 × 1 = 400 | hh3's 302 (rural, 18, not in school): 300 × 3 = 900
    //   → training 2100.00. (Rural certificates are not issued: employment.certificate.issued rural false.)
    // Cost 3000 + 1140 + 2100 = 6240.00, all budget.
    const e = program('employment');
    expect(e.components).toEqual({ postSubsidy: 3000, socialInsurance: 1140, training: 2100 });
    expect(e.cost).toBe(6240);
    expect(e.costByPayer).toEqual(payers({ budget: 6240 }));
    // Recipients (certificate, post or training): 101 × 2 + 202 × 1 + 302 × 3 = 6; households 2 + 1 + 3 = 6.
    expect(e.recipients).toBe(6);
    expect(e.households).toBe(6);
    // Months: M1 1000 + 380 + 2100 = 3480.00; M2, M3 1380.00.
    expect(monthCosts('employment')).toEqual([3480, 1380, 1380]);
    // Changchun 1000 × 3 + 380 × 3 + 800 + 400 = 5340.00; Siping 900.00.
    expect(e.byPrefecture[String(CC)]!.cost).toBe(5340);
    expect(e.byPrefecture[String(SP)]!.cost).toBe(900);
    expect(e.accounts).toBeUndefined();
  });

  it('legal aid (§七.1): case costs, a fee waived, a deferred fee paid after a lost case', () => {
    // Client: hh4's 402 (severely disabled, household on dibao → poor), the only disabled member of
    // a poor household, case rate 12 → a case every month, legal_aid.cost_per_case 600, every case
    // with an assessment, legal_aid.forensic_fee 1000:
    //   M1 fiscal institution: fee waived 1000      → 600 + 1000 = 1600 × 3 = 4800.00
    //   M2 non-fiscal, lost, cannot pay: aid body pays 1000 → 600 + 1000 = 1600 × 3 = 4800.00
    //   M3 non-fiscal, won: the deferred fee is the client's (recovered), not a public cost → 600 × 3 = 1800.00
    // cases 600 × 3 × 3 = 5400.00; forensicWaived 3000.00; forensicLossPaid 3000.00; cost 11400.00, budget.
    const l = program('legalAid');
    expect(l.components).toEqual({ cases: 5400, forensicWaived: 3000, forensicLossPaid: 3000 });
    expect(l.cost).toBe(11400);
    expect(l.costByPayer).toEqual(payers({ budget: 11400 }));
    expect(monthCosts('legalAid')).toEqual([4800, 4800, 1800]);
    // Recipients: 402 × 3 = 3; households 3.
    expect(l.recipients).toBe(3);
    expect(l.households).toBe(3);
    expect(l.accounts).toBeUndefined();
  });

  it('wubao (§八.1): centralised then dispersed support; no dibao for a wubao household; the offset in a mixed one', () => {
    // Siping 2007 standards (wubao.standard): centralised 1979, dispersed 1319 a year; level_ratio 0
    // (no floor). Monthly accrual: 1979/12 = 164.92, 1319/12 = 109.92.
    //   hh5 (w 3): M1 in a home 164.92 × 3 = 494.76; M2, M3 at home 109.92 × 3 = 329.76 each.
    //   hh11's uncle (w 1), mixed household paid dibao 58.70 (size 2): less 58.70/2 = 29.35 (wubao.dibao_allowed false):
    //       M1 164.92 − 29.35 = 135.57; M2, M3 109.92 − 29.35 = 80.57 each.
    // centralised 494.76 + 135.57 = 630.33; dispersed 2 × (329.76 + 80.57) = 820.66; cost 1450.99, budget.
    const w = program('wubao');
    expect(w.components).toEqual({ centralised: 630.33, dispersed: 820.66 });
    expect(w.cost).toBe(1450.99);
    expect(w.costByPayer).toEqual(payers({ budget: 1450.99 }));
    expect(monthCosts('wubao')).toEqual([630.33, 410.33, 410.33]);
    // Recipients: 501 × 3 + 1102 × 1 = 4; households 3 + 1 = 4.
    expect(w.recipients).toBe(4);
    expect(w.households).toBe(4);
    // hh5 is a wubao household (every member wubao): income 0 < 69 but not eligible, paid nothing;
    // hh11 is not one: dibao 58.70 and the uncle's wubao 135.57 in M1.
    const sim = simulation();
    expect(ofHousehold(sim, 'wubao_household', 5)).toBe(1);
    expect(ofHousehold(sim, 'per_capita_counted_income', 5)).toBe(0);
    expect(ofHousehold(sim, 'dibao_standard', 5)).toBe(69);
    expect(ofHousehold(sim, 'dibao_eligible', 5)).toBe(0);
    expect(ofHousehold(sim, 'dibao_benefit', 5)).toBe(0);
    expect(ofHousehold(sim, 'wubao_centralised_support', 5)).toBe(164.92);
    expect(ofHousehold(sim, 'wubao_household', 11)).toBe(0);
    expect(ofHousehold(sim, 'dibao_benefit', 11)).toBe(58.7);
    expect(ofPerson(sim, 'wubao_support_person', 1102)).toBe(135.57);
  });

  it('§八.1 check: the wubao standard is below the villagers’ living level in 2007 (fails)', () => {
    // Living level (net-income reading) = wubao.living_level.previous_year_income in force in 2007,
    // 3641.1 (Jilin's 2006 rural net income) × relative (no indexing: 2007 ≤ last_observed_year
    // 2009). The most negative margins are Changchun's (relative 1.063 → 3870.4893): dispersed
    // 1468 − 3870.49 = −2402.49, centralised 2203 − 3870.49 = −1667.49. The consumption reading
    // (× 0.75 → 2902.87) fails too: 1468 − 2902.87 = −1434.87.
    const row = (reading: string, key = 'jilin') => result.checks.find((c) => c.id === 'wubao-standard-not-below-living-level' && c.reading.id === reading && c.scope.key === key)!;
    expect(row('net-income').passed).toBe(false);
    expect(row('net-income').detail).toContain('dispersed (分散供养) worst margin -2402.49 yuan/person/year in 长春 Changchun 2007-01: standard 1468.00 < level 3870.49');
    expect(row('net-income').detail).toContain('centralised (集中供养) worst margin -1667.49 yuan/person/year in 长春 Changchun 2007-01: standard 2203.00 < level 3870.49');
    expect(row('consumption').detail).toContain('dispersed (分散供养) worst margin -1434.87');
    // Each prefecture has its own row: Baicheng (relative 0.925): 1278 − 3641.1 × 0.925 = 1278 − 3368.02 = −2090.02.
    expect(row('net-income', '220800').status).toBe('does-not-comply');
    expect(row('net-income', '220800').detail).toContain('dispersed (分散供养) worst margin -2090.02');
  });

  it('elderly (§八.2): service posts for the poor elderly', () => {
    // Served × elderly.service.post_subsidy (urban 500, rural 350) ÷ persons_per_post 15, per household, to the fen:
    //   hh1 mother (dibao, urban, w 2): 500/15 = 33.33 × 2 = 66.66 every month
    //   hh6 couple (elderly-only, 200 < 1.5 × 158 = 237, w 1): 2 × 500/15 = 66.67 every month
    //   hh5 woman (w 3): in a home in M1 (served by the home's staff: excluded); at home M2, M3
    //       (elderly-only, 0 < 1.5 × 69): 350/15 = 23.33 × 3 = 69.99
    //   hh11 uncle (dibao, w 1): excluded in M1 (home), M2, M3 23.33
    //   M1 66.66 + 66.67 = 133.33; M2, M3 66.66 + 66.67 + 69.99 + 23.33 = 226.65 → 586.63, budget.
    // (hh8's father, 65, is in a non-poor household that is not elderly-only.)
    const el = program('elderly');
    expect(el.components).toEqual({ servicePosts: 586.63 });
    expect(el.cost).toBe(586.63);
    expect(el.costByPayer).toEqual(payers({ budget: 586.63 }));
    expect(monthCosts('elderly')).toEqual([133.33, 226.65, 226.65]);
    // Recipients: 103 × 2 + 601, 602 × 1 + 501 × 3 + 1102 × 1 = 8; households 2 + 1 + 3 + 1 = 7.
    expect(el.recipients).toBe(8);
    expect(el.households).toBe(7);
  });

  it('disabled (§八.3): the dangerous house repaired, rehabilitation aid', () => {
    // hh4 (rural, dangerous house, a disabled member, on dibao → poor; never aided by §五.3):
    //   repaired in M1: disabled.house_repair.cost_per_house 5000 × 3 = 15000.00 (once: not again in M2, M3)
    //   402 severely disabled: disabled.rehabilitation.annual_amount 600/12 = 50.00 × 3 = 150.00 a month → 450.00
    // cost 15450.00, budget.
    const d = program('disabled');
    expect(d.components).toEqual({ houseRepair: 15000, rehabilitation: 450 });
    expect(d.cost).toBe(15450);
    expect(d.costByPayer).toEqual(payers({ budget: 15450 }));
    expect(monthCosts('disabled')).toEqual([15150, 150, 150]);
    // Recipients: both members in M1 (repair) → 2 × 3 = 6; households 3.
    expect(d.recipients).toBe(6);
    expect(d.households).toBe(3);
    // The house is §八.3's, not §五.3's: housing pays nothing.
    expect(program('housing').cost).toBe(0);
  });

  it('land-expropriated farmers (§八.4): free training, one-off contributions split by payer', () => {
    // hh7 (w 2): candidates of working age 16–59, able, not in school, not employed: 701 and 703
    //   (702 has a job). M1 courses: 2 × land_expropriated.training.cost_per_trainee 600 × 2 = 2400.00.
    // One-off contributions at expropriation, per rural cell and month: newly_expropriated_rate 0.01 ×
    //   residents × insured_share 1 × coverage 1 × 1200 ÷ 12 = residents yuan: CC rural 6.00,
    //   JL rural 3.00, SP rural 17.00 → 26.00 a month, 78.00 over three months, split per
    //   cell-month by insurance.cost_shares landRevenue 0.3, collective 0.5, individual 0.2:
    //   CC 600 fen → 180 / 300 / 120, JL 300 → 90 / 150 / 60, SP 1700 → 510 / 850 / 340 →
    //   a month 7.80 / 13.00 / 5.20 → over three months 23.40 / 39.00 / 15.60.
    const le = program('landExpropriated');
    expect(le.components).toEqual({ training: 2400, insurance: 78 });
    expect(le.cost).toBe(2478);
    expect(le.costByPayer).toEqual(payers({ budget: 2400, landRevenue: 23.4, collective: 39, individual: 15.6 }));
    expect(monthCosts('landExpropriated')).toEqual([2426, 26, 26]);
    // Recipients: those trained, 701, 703 × 2 = 4; households 2 (the newly expropriated are not households of the data).
    expect(le.recipients).toBe(4);
    expect(le.households).toBe(2);
  });

  it('disaster (§十.1–§十.2): rebuild and living aid in Jilin city, the relief reserve', () => {
    // Struck in M2: hh8 (JL rural) affected and its house destroyed; JL's urban hh6, hh9 not hit.
    //   rebuild: disaster.relief.rebuild_subsidy rural 6000 × 1 in M2 = 6000.00
    //   living aid: relief.living_aid 40 × 3 members = 120.00 in M2 and M3 (6 months from M2) = 240.00
    // cost 6240.00, budget.
    const dz = program('disaster');
    expect(dz.components).toEqual({ livingAid: 240, rebuild: 6000 });
    expect(dz.cost).toBe(6240);
    expect(dz.costByPayer).toEqual(payers({ budget: 6240 }));
    expect(monthCosts('disaster')).toEqual([0, 6120, 120]);
    // Recipients: hh8's 3 × 1; households 1.
    expect(dz.recipients).toBe(3);
    expect(dz.households).toBe(1);
    // Reserve (disaster.reserve.annual, rural_share 1 → all in the rural cells), a twelfth a month to the fen:
    //   CC 1,865,000 | JL 1,111,666.67 | SP 839,166.67 | LY 302,500 | TH 579,166.67 | BS 325,000 | SY 715,000
    //   BC 507,500 | YB 561,666.67 → 6,806,666.68 a month → funds 20,420,000.04.
    //   need 6240 (JL rural; its funds 3 × 1,111,666.67 = 3,335,000.01 → gap 0); balance 20,413,760.04.
    const reserve = { need: 6240, funds: 20420000.04, gap: 0, balance: 20413760.04 };
    expect(dz.accounts).toEqual({ reserve });
    expect({ need: dz.need, funds: dz.funds, gap: dz.gap, balance: dz.balance }).toEqual(reserve);
    expect(dz.byPrefecture[String(JL)]!.accounts).toEqual({ reserve: { need: 6240, funds: 3335000.01, gap: 0, balance: 3328760.01 } });
    // §十.2 check: 718,816 houses ≤ 0.5 × 1,437,632 = 718,816 affected households.
    const check = result.checks.find((c) => c.id === 'disaster-houses-within-affected')!;
    expect(check.passed).toBe(true);
    expect(check.detail).toContain('2007-02 220200: 718816 houses destroyed ≤ 0.5 × households = 718816 affected');
  });

  it('facilities (§九.1–§九.2): the capital plan computed per prefecture cell from parameters', () => {
    // facilities.welfare_centres: backlog share 1 − meeting_standard 0.1946 = 0.8054, build_share 0.5 (2007):
    //   county centre (urban cell) a month = counties × 0.8054 × 0.5 × 2,040,000 ÷ 12 = counties × 68,459
    //   township centre (rural cell) a month = townships × 0.8054 × 0.5 × 1,020,000 ÷ 12 = townships × 34,229.50
    // facilities.street_children, 1 station per prefecture (urban cell): running 300,000 ÷ 12 = 25,000,
    //   renovation (renovation_share 1 in 2007) 500,000 ÷ 12 = 41,666.67 a month.
    // Three months, all 9 prefectures (counties 60, townships 608):
    //   countyCentres 60 × 68,459 × 3 = 12,322,620; townshipCentres 608 × 34,229.5 × 3 = 62,434,608;
    //   stationRenovation 9 × 41,666.67 × 3 = 1,125,000.09; stationRunning 9 × 25,000 × 3 = 675,000;
    //   cost 76,557,228.09.
    const f = program('facilities');
    expect(f.components).toEqual({ countyCentres: 12322620, townshipCentres: 62434608, stationRenovation: 1125000.09, stationRunning: 675000 });
    expect(f.cost).toBe(76557228.09);
    // Payers: centres by welfare_centres.cost_shares budget 0.55, lottery 0.3, donations 0.05,
    // collective 0.1 per cell-month; stations budget. A county cell's month (6,845,900 × counties
    // fen) splits exactly. A township cell's month (3,422,950 × townships fen): lottery 1,026,885 ×
    // t and collective 342,295 × t exact; budget 1,882,622.5 × t and donations 171,147.5 × t end in
    // half a fen for odd t (CC 167, JL 99, SP 75, LY 27, BS 29, BC 45): the spare fen goes to
    // budget (tie, first payer). 6 × 3 = 18 half fen = 0.09 yuan from donations to budget:
    //   lottery 0.3 × 74,757,228 = 22,427,168.40; collective 0.1 × = 7,475,722.80;
    //   donations 0.05 × = 3,737,861.40 − 0.09 = 3,737,861.31;
    //   budget 0.55 × = 41,116,475.40 + 0.09 + 1,125,000.09 + 675,000 = 42,916,475.58.
    expect(f.costByPayer).toEqual(payers({ budget: 42916475.58, lottery: 22427168.4, donations: 3737861.31, collective: 7475722.8 }));
    expect(f.recipients).toBeNull();
    expect(f.households).toBeNull();
    expect(f.accounts).toBeUndefined();
    // A month: 4,107,540 + 20,811,536 + 375,000.03 + 225,000 = 25,519,076.03.
    expect(monthCosts('facilities')).toEqual([25519076.03, 25519076.03, 25519076.03]);
    // Urban cells: county centres and stations 14,122,620.09; rural: township centres 62,434,608.
    expect(f.byArea.urban!.cost).toBe(14122620.09);
    expect(f.byArea.rural!.cost).toBe(62434608);
    // Changchun (10 county-level units, 167 townships): county 10 × 68,459 × 3 = 2,053,770;
    // township 167 × 34,229.5 × 3 = 17,148,979.50; stations 125,000.01 + 75,000; cost 19,402,749.51.
    //   county month 68,459,000 fen → budget 37,652,450, lottery 20,537,700, donations 3,422,950, collective 6,845,900
    //   township month 571,632,650 fen → budget 314,397,958 (… .5 + the spare fen), lottery 171,489,795,
    //     donations 28,581,632, collective 57,163,265
    //   budget (37,652,450 + 314,397,958) × 3 fen + 200,000.01 = 10,761,512.25; lottery 5,760,824.85;
    //   donations 960,137.46; collective 1,920,274.95.
    const cc = f.byPrefecture[String(CC)]!;
    expect(cc.components).toEqual({ countyCentres: 2053770, townshipCentres: 17148979.5, stationRenovation: 125000.01, stationRunning: 75000 });
    expect(cc.cost).toBe(19402749.51);
    expect(cc.costByPayer).toEqual(payers({ budget: 10761512.25, lottery: 5760824.85, donations: 960137.46, collective: 1920274.95 }));
    expect(cc.recipients).toBeNull();
    // A prefecture with no household simulated is costed all the same: Liaoyuan (4, 27):
    //   4 × 68,459 × 3 = 821,508; 27 × 34,229.5 × 3 = 2,772,589.50; stations 200,000.01 → 3,794,097.51.
    expect(f.byPrefecture['220400']!.cost).toBe(3794097.51);
    // byYear: the capital plan of 2007 — here the whole period.
    const { byArea: _a, byPrefecture: _p, byYear, label: _l, clauses: _c, ...total } = f;
    expect(Object.keys(byYear)).toEqual(['2007']);
    expect(byYear['2007']).toEqual(total);
    expect(byYear['2007']!.cost).toBe(76557228.09);
    // §九.1 check, counted by the dates centres are built: 60 + 608 = 668 centres; 0.1946 × 668 =
    // 129.99 meet the standard; by 2007-03 the programme has built 0.5 (2006) + 3 × 0.5/12 (2007) =
    // 0.625 of the other 538.01 = 336.25 → 466.2 of 668. The programme ends in 2007 with all built
    // (shares 0.5 + 0.5, then 0) and the clause sets no date → not applicable in this period.
    const check = result.checks.find((c) => c.id === 'welfare-centre-in-every-county-and-township' && c.scope.kind === 'province')!;
    expect(check.status).toBe('not-applicable');
    expect(check.passed).toBe(true);
    expect(check.detail).toContain('466.2 of 668 centres');
  });

  it('charity (§十一.1): donations and lottery accounts need what every program charges them', () => {
    // Need = every program's lottery / donations parts per cell: the welfare centres' (above) and
    // medical assistance's premium subsidies (§三.1–§三.2, medical.funding.shares 0.8 / 0.15 / 0.05):
    //   rural 新农合 10/12 = 0.83 a subsidised person a month (dibao members, wubao persons, share 1)
    //   CC rural hh4 2 × 0.83 × 3 = 4.98 → 498 fen: 398.4 / 74.7 / 24.9 → 398 / 75 / 25
    //   SP rural hh5 0.83 × 3 + hh11 2 × 0.83 = 4.15 → 415 fen: 332 / 62.25 / 20.75 → 332 / 62 / 21
    //   lottery (75 + 62) × 3 = 4.11, donations (25 + 21) × 3 = 1.38 (urban premiums are 0 before 2007-07).
    // Funds: inputs per resident — lottery 1, donations 0.5 a month — × 42 residents × 3 months.
    //   lottery   need 22,427,168.40 + 4.11 = 22,427,172.51; funds 126.00; every cell short → gap
    //             22,427,046.51, balance −22,427,046.51
    //   donations need 3,737,861.31 + 1.38 = 3,737,862.69; funds 63.00; gap 3,737,799.69
    const ch = program('charity');
    expect(ch.cost).toBe(0);
    expect(ch.costByPayer).toEqual(payers({}));
    expect(ch.components).toEqual({});
    expect(ch.recipients).toBeNull();
    expect(ch.households).toBeNull();
    const lottery = { need: 22427172.51, funds: 126, gap: 22427046.51, balance: -22427046.51 };
    const donations = { need: 3737862.69, funds: 63, gap: 3737799.69, balance: -3737799.69 };
    expect(ch.accounts).toEqual({ donations, lottery });
    expect({ need: ch.need, funds: ch.funds, gap: ch.gap, balance: ch.balance }).toEqual({ need: 26165035.2, funds: 189, gap: 26164846.2, balance: -26164846.2 });
    // Siping: lottery need county 0.3 × 1,232,262 = 369,678.60 (urban, no residents) + township
    //   0.3 × 7,701,637.50 = 2,310,491.25 + medical 1.86 (rural) = 2,680,171.71; funds 17 × 3 = 51 →
    //   gap 369,678.60 + 2,310,442.11 = 2,680,120.71.
    // donations: county 0.05 × 1,232,262 = 61,613.10; township 12,836,062 fen (12,836,062.5 less
    //   the half fen) × 3 = 385,081.86; medical 0.63 → 446,695.59; funds 17 × 0.5 × 3 = 25.50 → gap 446,670.09.
    expect(ch.byPrefecture[String(SP)]!.accounts).toEqual({
      lottery: { need: 2680171.71, funds: 51, gap: 2680120.71, balance: -2680120.71 },
      donations: { need: 446695.59, funds: 25.5, gap: 446670.09, balance: -446670.09 },
    });
  });

  it('funding rows: dibao by §二.4 — central share of need, provincial share of the raise above the base', () => {
    // Cells' monthly dibao cost (above): CC urban hh1 308.80 + hh2 96.00 = 404.80, CC rural hh4 390.00,
    // JL urban hh9 326.80, JL rural 0, SP rural hh11 58.70; three months alike.
    // Central (funding.dibao.central_share urban 0.5, rural 0.25), per cell-month to the fen:
    //   CC 202.40 + 97.50 = 299.90 × 3 = 899.70; JL 163.40 × 3 = 490.20; SP 14.675 → 14.68 × 3 = 44.04.
    // Provincial (0.5 × max(0, standard − base 150 / 70) × reference coverage 0.1 × the cell's residents),
    // standards 2007 CC 168 / 76, JL 158 / 74, SP 143 / 69; residents CC 10 / 6, JL 6 / 3, SP 0 / 17:
    //   CC 0.5 × 18 × 0.1 × 10 = 9.00 + 0.5 × 6 × 0.1 × 6 = 1.80 → 10.80 × 3 = 32.40;
    //   JL 0.5 × 8 × 0.1 × 6 = 2.40 + 0.5 × 4 × 0.1 × 3 = 0.60 → 3.00 × 3 = 9.00 (its rural cell has no
    //   recipients: the subsidy follows the standard and the residents, not recipients);
    //   SP rural 69 < 70 → 0.
    // The rest, local_shares 0.5 / 0.5 (pinned in the fixture): CC 2384.40 − 899.70 − 32.40 = 1452.30 → 726.15 / 726.15;
    //   JL 980.40 − 490.20 − 9.00 = 481.20 → 240.60 / 240.60; SP 176.10 − 44.04 = 132.06 → 66.03 / 66.03.
    expect(fundingOf('dibao')).toEqual([
      row('dibao', CC, 'budget', 'central', 899.7),
      row('dibao', CC, 'budget', 'provincial', 32.4),
      row('dibao', CC, 'budget', 'prefecture', 726.15),
      row('dibao', CC, 'budget', 'county', 726.15),
      row('dibao', JL, 'budget', 'central', 490.2),
      row('dibao', JL, 'budget', 'provincial', 9),
      row('dibao', JL, 'budget', 'prefecture', 240.6),
      row('dibao', JL, 'budget', 'county', 240.6),
      row('dibao', SP, 'budget', 'central', 44.04),
      row('dibao', SP, 'budget', 'prefecture', 66.03),
      row('dibao', SP, 'budget', 'county', 66.03),
    ]);
  });

  it('dibao running costs (§二.4 工作经费): 2 a recipient a month, prefecture and county budgets half each', () => {
    // Recipients a month (members of households paid dibao × weight): CC hh1 3 × 2 + hh2 2 × 1 + hh4 2 × 3 = 14,
    // JL hh9 2 × 2 = 4, SP hh11 2 × 1 = 2 (20 in all) → × 2 yuan × 3 months: CC 84, JL 24, SP 12 = 120.
    // funding.budget_levels.dibao_administration 0 / 0 / 0.5 / 0.5 (pinned in the fixture).
    const admin = program('dibaoAdministration');
    expect(admin.cost).toBe(120);
    expect(admin.costByPayer).toEqual(payers({ budget: 120 }));
    expect(admin.recipients).toBeNull();
    expect(fundingOf('dibaoAdministration')).toEqual([
      row('dibaoAdministration', CC, 'budget', 'prefecture', 42),
      row('dibaoAdministration', CC, 'budget', 'county', 42),
      row('dibaoAdministration', JL, 'budget', 'prefecture', 12),
      row('dibaoAdministration', JL, 'budget', 'county', 12),
      row('dibaoAdministration', SP, 'budget', 'prefecture', 6),
      row('dibaoAdministration', SP, 'budget', 'county', 6),
    ]);
  });

  it('funding rows: land-expropriated farmers — budget and three non-budget sources', () => {
    // Siping's budget 2400 by funding.budget_levels.default (no land_expropriated entry) central 0,
    // provincial 0.265, prefecture 0.164, county 0.571 (the baseline: 18.5 ÷ 69.9 of local spending
    // provincial, MOF 2003 via Qiao & Shah table 4.3; the rest 17.2 : 60, the prefecture and county-and-lower
    // parts of 2003 education spending on the same page) → 636 / 393.60 / 1370.40. The one-off contributions over
    // three months (above): landRevenue CC 1.80 × 3 = 5.40, JL 0.90 × 3 = 2.70, SP 5.10 × 3 = 15.30,
    // by source_levels.land_revenue (0.5 prefecture, 0.5 county) → 2.70 / 2.70, 1.35 / 1.35,
    // 7.65 / 7.65; the collectives' 9.00, 4.50, 25.50 and the farmers' own 3.60, 1.80, 10.20 are not
    // government money: their payers by name, no level.
    expect(fundingOf('landExpropriated')).toEqual([
      row('landExpropriated', CC, 'landRevenue', 'prefecture', 2.7),
      row('landExpropriated', CC, 'landRevenue', 'county', 2.7),
      row('landExpropriated', CC, 'collectives', null, 9),
      row('landExpropriated', CC, 'households', null, 3.6),
      row('landExpropriated', JL, 'landRevenue', 'prefecture', 1.35),
      row('landExpropriated', JL, 'landRevenue', 'county', 1.35),
      row('landExpropriated', JL, 'collectives', null, 4.5),
      row('landExpropriated', JL, 'households', null, 1.8),
      row('landExpropriated', SP, 'budget', 'provincial', 636),
      row('landExpropriated', SP, 'budget', 'prefecture', 393.6),
      row('landExpropriated', SP, 'budget', 'county', 1370.4),
      row('landExpropriated', SP, 'landRevenue', 'prefecture', 7.65),
      row('landExpropriated', SP, 'landRevenue', 'county', 7.65),
      row('landExpropriated', SP, 'collectives', null, 25.5),
      row('landExpropriated', SP, 'households', null, 10.2),
    ]);
  });

  it('funding rows: the budget programs of §六–§十', () => {
    // employment (budget_levels.employment 0.4 / 0.2 / 0.2 / 0.2): CC 5340 → 2136 / 1068 / 1068 / 1068; SP 900 → 360 / 180 / 180 / 180.
    expect(fundingOf('employment')).toEqual([
      row('employment', CC, 'budget', 'central', 2136),
      row('employment', CC, 'budget', 'provincial', 1068),
      row('employment', CC, 'budget', 'prefecture', 1068),
      row('employment', CC, 'budget', 'county', 1068),
      row('employment', SP, 'budget', 'central', 360),
      row('employment', SP, 'budget', 'provincial', 180),
      row('employment', SP, 'budget', 'prefecture', 180),
      row('employment', SP, 'budget', 'county', 180),
    ]);
    // legal aid (default 0 / 0.265 / 0.164 / 0.571, the baseline's): CC 11400 → 3021 / 1869.60 / 6509.40.
    expect(fundingOf('legalAid')).toEqual([
      row('legalAid', CC, 'budget', 'provincial', 3021),
      row('legalAid', CC, 'budget', 'prefecture', 1869.6),
      row('legalAid', CC, 'budget', 'county', 6509.4),
    ]);
    // wubao (budget_levels.wubao 0.3 / 0.2 / 0.1 / 0.4, pinned in the fixture): SP 145,099 fen → 43,529.7 / 29,019.8 / 14,509.9 / 58,039.6;
    // floors leave 3 fen → remainders .9 (prefecture), .8 (provincial), .7 (central) → 435.30 / 290.20 / 145.10 / 580.39.
    expect(fundingOf('wubao')).toEqual([
      row('wubao', SP, 'budget', 'central', 435.3),
      row('wubao', SP, 'budget', 'provincial', 290.2),
      row('wubao', SP, 'budget', 'prefecture', 145.1),
      row('wubao', SP, 'budget', 'county', 580.39),
    ]);
    // elderly (default 0.265 / 0.164 / 0.571), in fen: CC 66.66 × 3 = 19,998 → 5,299.47 / 3,279.672 / 11,418.858
    //   → floors 19,996, 2 fen to county (.858) and prefecture (.672): 52.99 / 32.80 / 114.19;
    //   JL 66.67 × 3 = 20,001 → 5,300.265 / 3,280.164 / 11,420.571 → floors 20,000, 1 fen to county (.571): 53.00 / 32.80 / 114.21;
    //   SP (69.99 + 23.33) × 2 = 18,664 → 4,945.96 / 3,060.896 / 10,657.144 → floors 18,662, 2 fen to provincial (.96)
    //   and prefecture (.896): 49.46 / 30.61 / 106.57.
    expect(fundingOf('elderly')).toEqual([
      row('elderly', CC, 'budget', 'provincial', 52.99),
      row('elderly', CC, 'budget', 'prefecture', 32.8),
      row('elderly', CC, 'budget', 'county', 114.19),
      row('elderly', JL, 'budget', 'provincial', 53),
      row('elderly', JL, 'budget', 'prefecture', 32.8),
      row('elderly', JL, 'budget', 'county', 114.21),
      row('elderly', SP, 'budget', 'provincial', 49.46),
      row('elderly', SP, 'budget', 'prefecture', 30.61),
      row('elderly', SP, 'budget', 'county', 106.57),
    ]);
    // disabled (default): CC 15450 → 4,094.25 / 2,533.80 / 8,821.95, whole fen.
    expect(fundingOf('disabled')).toEqual([
      row('disabled', CC, 'budget', 'provincial', 4094.25),
      row('disabled', CC, 'budget', 'prefecture', 2533.8),
      row('disabled', CC, 'budget', 'county', 8821.95),
    ]);
    // disaster (budget_levels.disaster 0.5 / 0.2 / 0.15 / 0.15): JL 6240 → 3120 / 1248 / 936 / 936.
    expect(fundingOf('disaster')).toEqual([
      row('disaster', JL, 'budget', 'central', 3120),
      row('disaster', JL, 'budget', 'provincial', 1248),
      row('disaster', JL, 'budget', 'prefecture', 936),
      row('disaster', JL, 'budget', 'county', 936),
    ]);
    // charity costs nothing: no rows.
    expect(fundingOf('charity')).toEqual([]);
  });

  it('funding rows: the welfare centres’ sources in Changchun', () => {
    // Changchun's facilities parts (above) by level:
    //   budget 1,076,151,225 fen × budget_levels.facilities 0 / 0.6 / 0.2 / 0.2 → 6,456,907.35 / 2,152,302.45 / 2,152,302.45
    //   lottery 576,082,485 fen × source_levels.lottery 0 / 0.5 / 0.3 / 0.2 → 288,041,242.5 / 172,824,745.5 / 115,216,497:
    //     the spare fen, tie .5 / .5, to provincial → 2,880,412.43 / 1,728,247.45 / 1,152,164.97
    //   donations 960,137.46 and the collective's 1,920,274.95 are not government money: donors and
    //     collectives by name, no level
    expect(fundingOf('facilities').filter((r) => r.prefecture === CC)).toEqual([
      row('facilities', CC, 'budget', 'provincial', 6456907.35),
      row('facilities', CC, 'budget', 'prefecture', 2152302.45),
      row('facilities', CC, 'budget', 'county', 2152302.45),
      row('facilities', CC, 'lottery', 'provincial', 2880412.43),
      row('facilities', CC, 'lottery', 'prefecture', 1728247.45),
      row('facilities', CC, 'lottery', 'county', 1152164.97),
      row('facilities', CC, 'donors', null, 960137.46),
      row('facilities', CC, 'collectives', null, 1920274.95),
    ]);
    // Every prefecture has facilities rows (the centres are costed everywhere), none central.
    const prefectures = new Set(fundingOf('facilities').map((r) => r.prefecture));
    expect(prefectures.size).toBe(9);
    expect(fundingOf('facilities').some((r) => r.level === 'central')).toBe(false);
  });

  it('funding rows add up, to the fen, to each program’s cost and to each payer’s part', () => {
    for (const [id, p] of Object.entries(result.programs)) {
      const rows = fundingOf(id);
      expect(rows.reduce((s, r) => s + Math.round(r.amount * 100), 0), id).toBe(Math.round(p.cost * 100));
      for (const payer of PAYERS) {
        const fen = rows.filter((r) => r.source === PAYER_OF[payer].source).reduce((s, r) => s + Math.round(r.amount * 100), 0);
        expect(fen, `${id} ${payer}`).toBe(Math.round(p.costByPayer[payer] * 100));
      }
      for (const r of rows) expect(r.amount, `${id} ${r.prefecture} ${r.source} ${r.level}`).not.toBe(0);
    }
  });

  it('one calendar year: byYear 2007 is the whole period', () => {
    for (const id of ['dibao', 'employment', 'legalAid', 'wubao', 'elderly', 'disabled', 'landExpropriated', 'facilities', 'disaster', 'charity']) {
      // Recipient groups (dibao: regular caseload, temporary aid) are reported for the period only, not by year.
      const { byArea: _a, byPrefecture: _p, byYear, label: _l, clauses: _c, recipientGroups: _g, recipientGroupLabels: _gl, ...total } = program(id);
      expect(Object.keys(byYear), id).toEqual(['2007']);
      expect(byYear['2007'], id).toEqual(total);
    }
  });
});
