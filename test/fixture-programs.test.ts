/**
 * The hand-worked programs fixture: datasets/fixture-programs (12 households, 3 prefectures, both
 * areas) run for 2007-07 … 2007-09 under test/scenarios/fixture-programs.yaml. The totals of
 * programs.dibao (§二), programs.medical (§三), programs.education (§四) and programs.housing (§五)
 * are worked out below by hand from the parameter files and the rule descriptions, and asserted
 * to the fen. They are an independent check of the code: no number here was read off its output.
 *
 * WHY THIS PERIOD. 2007-07 is the month medical.premium.urban_contribution becomes 186 (the urban
 * residents' scheme), so urban premium subsidies are paid; on 2007-09-01 education.vocational.grant
 * rises from 1000 to 1500, so a parameter change inside the period shows. Dibao standards are the
 * 2007-01-01 values (dibao.standard): Changchun 168 urban / 76 rural, Jilin city 158 / 74,
 * Siping 143 / 69. Months: M1 = July (the snapshot: events do not fire), M2 = August, M3 = September.
 *
 * SCENARIO OVERRIDES (every random draw decided, see the scenario file):
 *   dibao.implementation.take_up 1, observation_error 0, quota_share 1   the rule's verdict (§二.1)
 *   dibao.temporary.take_up 1                                            every shock in hardship assisted
 *   events.enabled true, job_loss_rate 0, job_finding_rate 0             incomes stay at the snapshot
 *   events.illness.monthly_rate 0, age_75_plus 1                         every person aged 75+ falls ill in M2 and M3 (u < 1)
 *   events.illness.expense_median 3000, expense_sigma 0                  every episode costs exactly 3000 before insurance
 *   medical.secondary.disease_share 0, cancer 1                          every episode is cancer: fixed amount 2000
 *   education.high_school.shuangtesheng_share 1                          every needy high-school student is a 双特生
 *   housing.low_rent.coverage 1, in_kind.share 0                         every eligible household covered, by rental subsidy
 *   housing.shanty.relocation_rate 1, swap_share 1                       monthly hazard 1 − (1 − 1)^(1/12) = 1: relocated in M1, by swap
 *   housing.rural.aid_rate 1                                             hazard 1: aided in M1
 *   inputs.landRevenue 2007 Siping 12000                                 Siping's low-rent funds 0.05 × 12000 / 12 = 50.00 a month
 * The dataset itself keeps other programs out of these four: nobody is coded unemployed
 * (employment 2) and everyone with earnings is employed, so nobody looks for work (looking_for_work)
 * and no §六 public-welfare post wage enters the dibao means test (counted_income); the one 三无 person lives with a non-三无 head, so no household
 * is a wubao household excluded from dibao (§八.1).
 *
 * THE HOUSEHOLDS (w = weight; pci = per-capita counted income, earnings × 0.8, the rest × 1.0,
 * dibao.income.inclusion_rate). ‡ = aged 75+, falls ill in M2 and M3.
 *
 *  hh w place            members                                          pci      situation
 *   1 1 Changchun urban  76‡ severely disabled uninsured; 70 pension 100    50      dibao; premium, card, secondary to the cap, temporary aid
 *   2 2 Jilin city urban 80‡ insured, pension 60                            60      dibao; secondary after reimbursement (1500), cap in M3
 *   3 3 Siping rural     45 farm 400; 72 三无 uncle                         200      not poor; the 三无 uncle: wubao proxy (premium, card)
 *   4 2 Siping rural     40 farm 100; 38; 6 primary day; 16 junior          20      dibao; 两免一补 at the school-age limits (17 is out)
 *                        boarding; 17 junior day
 *   5 1 Jilin city urban single parent 45 earnings 300; 17 vocational      120      dibao (+ minor top-up); vocational grant and tuition waiver
 *   6 2 Jilin city rural 40 farm 200; 16 senior high                      100      poor (< 1.5 × 74 = 111), not dibao; allowance + 双特生
 *   7 1 Changchun urban  50 earnings 500; 20 tertiary; private renter,     200      poor (< 252), not dibao; rental subsidy; tertiary need
 *                        8 m²/person, hukou 5 years
 *   8 2 Siping urban     50; 48; 12 primary; public tenant 9.5 m², hukou 10   0      dibao; public-rent reduction; 两免
 *   9 3 Jilin city urban 40 earnings 400; 38; shantytown                  160      low-income (158 ≤ 160 < 237), not dibao; relocated
 *  10 2 Changchun rural  55 farm 150; 50; 68 father; dangerous house        50      dibao (+ elderly); rural house aided in M1
 *  11 3 Changchun urban  50 earnings 3000; 48 earnings 2000; 19 tertiary 1333.33    nothing; its student funds the set-aside
 *  12 2 Siping rural     50 farm 130; 19 tertiary                          65      dibao at the floor; tertiary need beyond the funds
 *
 * Money is summed the way src/scenarios/results/program-summary.ts says: each household's monthly amount
 * to the fen × weight, per prefecture × area cell and month; payer shares split per cell-month
 * with the largest remainder (splitFen, ties in payer order); accounts balanced per cell and year.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Dataset } from '../src/data/dataset.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { runScenarioOn, scenarioDataset, type ScenarioResult } from '../src/scenarios/execution/run.js';
import type { ProgramSummary } from '../src/scenarios/results/program-summary.js';
import { ROOT } from './helpers.js';

/** Every payer, so that a whole costByPayer is compared (zeros included). */
const payers = (p: Partial<Record<string, number>>) => ({ budget: 0, lottery: 0, landRevenue: 0, tuitionSetAside: 0, donations: 0, hospitals: 0, collective: 0, individual: 0, ...p });

describe('fixture-programs, hand-worked per-program totals (2007-07 … 2007-09)', () => {
  let result: ScenarioResult;
  let dibao: ProgramSummary;
  let medical: ProgramSummary;
  let education: ProgramSummary;
  let housing: ProgramSummary;
  beforeAll(async () => {
    const scenario = loadScenario(join(ROOT, 'test/scenarios/fixture-programs.yaml'));
    const dataset = (await scenarioDataset(scenario)) as Dataset;
    expect(dataset.warnings).toEqual([]);
    result = runScenarioOn(scenario, dataset);
    const program = (id: string): ProgramSummary => {
      const p = result.programs[id];
      if (!p) throw new Error(`no programs.${id} in the result`);
      return p;
    };
    [dibao, medical, education, housing] = [program('dibao'), program('medical'), program('education'), program('housing')];
  });

  it('dibao (§二): regular payments and temporary assistance', () => {
    // 吉政发〔2006〕48号 §二.1 gap = (standard − pci) × size, floor dibao.minimum_payment (urban 10,
    // rural 5 a member); §二.2 classified top-up = the largest of dibao.classified.rate × standard
    // (elderly 60+ 0.3, severely disabled 0.5, minor in a single-parent household 0.3). A month:
    //   hh1  (168 − 50) × 2 = 236 + max(0.5, 0.3) × 168 = 84 + 0.3 × 168 = 50.40        = 370.40 × 1 = 370.40
    //   hh2  (158 − 60) = 98 + 0.3 × 158 = 47.40                                          = 145.40 × 2 = 290.80
    //   hh4  (69 − 20) × 5 = 245 (no category)                                            = 245.00 × 2 = 490.00
    //   hh5  (158 − 120) × 2 = 76 + minor 0.3 × 158 = 47.40                               = 123.40 × 1 = 123.40
    //   hh8  143 × 3 = 429                                                                = 429.00 × 2 = 858.00
    //   hh10 (76 − 50) × 3 = 78 + elderly 0.3 × 76 = 22.80                                = 100.80 × 2 = 201.60
    //   hh12 (69 − 65) × 2 = 8 < floor 5 × 2 = 10 → 8 + top-up 2                          =  10.00 × 2 =  20.00
    //   month 2354.20; three months (incomes frozen) → regular 7062.60.
    // §二.2 temporary assistance (dibao.temporary: threshold 300, hardship line 1.5 × standard,
    // cap 6 × standard) meets the medical cost left after §三 secondary assistance. Only hh1:
    //   M2 3000 − 2000 = 1000 ≥ 300; 50 − 1000/2 < 252 → min(1000, 6 × 168 = 1008) = 1000.00
    //   M3 3000 − 1000 = 2000 → min(2000, 1008) = 1008.00                        → temporary 2008.00
    //   (hh2: 1500 − 1500 = 0, no shock.) No price path, no exits: priceSubsidy 0, taper 0.
    // Cost 7062.60 + 2008.00 = 9070.60, all paid from budgets (§二.4).
    expect(dibao.components).toEqual({ regular: 7062.6, temporary: 2008, priceSubsidy: 0, taper: 0 });
    expect(dibao.cost).toBe(9070.6);
    expect(dibao.costByPayer).toEqual(payers({ budget: 9070.6 }));
    // Recipients (members of paid households × weight): hh1 2 + hh2 2 + hh4 10 + hh5 2 + hh8 6
    // + hh10 6 + hh12 4 = 32; households 1 + 2 + 2 + 1 + 2 + 2 + 2 = 12.
    expect(dibao.recipients).toBe(32);
    expect(dibao.households).toBe(12);
    expect(dibao.accounts).toBeUndefined();
  });

  it('medical (§三): premium subsidies, secondary assistance, the discount card', () => {
    // §三.1 premium subsidy = monthlyAccrual(contribution × share) (medical.premium): urban
    // 186 × 0.8 / 12 = 12.40 (dibao or severely disabled), rural 10 × 1 / 12 = 0.8333 → 0.83
    // (dibao, wubao proxy = rural 三无). A month, × weight:
    //   hh1 2 × 12.40 = 24.80 | hh2 12.40 × 2 = 24.80 | hh3 (uncle) 0.83 × 3 = 2.49 | hh4 5 × 0.83 = 4.15 × 2 = 8.30
    //   hh5 2 × 12.40 = 24.80 | hh8 3 × 12.40 = 37.20 × 2 = 74.40 | hh10 3 × 0.83 = 2.49 × 2 = 4.98 | hh12 2 × 0.83 = 1.66 × 2 = 3.32
    //   month 167.89 → premiumSubsidy 503.67.
    // §三.1 secondary = min(medical.secondary.amount cancer 2000, cost after the reimbursement
    // events.illness.reimbursement_rate, annual_cap 3000 − paid this year):
    //   hh1 (uninsured, cost 3000): M2 min(2000, 3000, 3000) = 2000; M3 min(2000, 3000, 1000) = 1000 → 3000 × 1
    //   hh2 (insured urban, 3000 × 0.5 = 1500): M2 1500; M3 min(2000, 1500, 1500) = 1500 → 3000 × 2 = 6000
    //   → secondary 9000.00 (both reach the cap in M3).
    // §三.3 discount card (medical.discount_card), holders = dibao members, 三无, severely disabled:
    //   urban 0.3 visits × (3 × 1 + 20 × 0.2 + 30 × 0.2) = 3.90, rural 0.3 × (1 + 10 × 0.2 + 15 × 0.2) = 1.80;
    //   + in an onset month 10 bed-days × 15 × 0.5 = 75 (urban).
    //   hh1 7.80 + 82.80 + 82.80 = 173.40 | hh2 (3.90 + 78.90 + 78.90) × 2 = 323.40 | hh3 1.80 × 3 × 3 = 16.20
    //   hh4 9.00 × 2 × 3 = 54.00 | hh5 7.80 × 3 = 23.40 | hh8 11.70 × 2 × 3 = 70.20 | hh10 5.40 × 2 × 3 = 32.40
    //   hh12 3.60 × 2 × 3 = 21.60 → discountCard 714.60.
    expect(medical.components).toEqual({ premiumSubsidy: 503.67, secondary: 9000, discountCard: 714.6 });
    // Cost 503.67 + 9000 + 714.60 = 10218.27.
    expect(medical.cost).toBe(10218.27);
    // Payers: the card is borne by hospitals; the fund's two lines split by medical.funding.shares
    // (budget 0.8, lottery 0.15, donations 0.05) per cell and month, largest remainder, in fen:
    //   premium  CC urban 2480 → 1984/372/124; CC rural 498 → 398.4/74.7/24.9 → 398/75/25;
    //            JL urban 4960 → 3968/744/248; SP urban 7440 → 5952/1116/372;
    //            SP rural 1411 → 1128.8/211.65/70.55 → 1129/212/70
    //            month 13431/2519/839 fen × 3 → 402.93 / 75.57 / 25.17
    //   secondary 9000 → 7200 / 1350 / 450 (whole in every cell-month)
    //   budget 7602.93, lottery 1425.57, donations 475.17, hospitals 714.60 (sum 10218.27).
    expect(medical.costByPayer).toEqual(payers({ budget: 7602.93, lottery: 1425.57, donations: 475.17, hospitals: 714.6 }));
    // Recipients: hh1 2 + hh2 2 + hh3 1 × 3 + hh4 10 + hh5 2 + hh8 6 + hh10 6 + hh12 4 = 35;
    // households 1 + 2 + 3 + 2 + 1 + 2 + 2 + 2 = 15.
    expect(medical.recipients).toBe(35);
    expect(medical.households).toBe(15);
  });

  it('medical fund account (§三.2): need against funds per cell', () => {
    // Funds a month = monthlyAccrual(medical.funding.per_resident × weighted persons of the cell),
    // urban 1.4, rural 1.7 a year:
    //   CC urban 13 (hh1 2, hh7 2, hh11 9) → 18.2/12 = 1.52 | CC rural 6 → 10.2/12 = 0.85
    //   JL urban 10 (hh2 2, hh5 2, hh9 6) → 14/12 = 1.17    | JL rural 4 → 6.8/12 = 0.57
    //   SP urban 6 → 8.4/12 = 0.70                         | SP rural 20 (hh3 6, hh4 10, hh12 4) → 34/12 = 2.83
    //   month 7.64 → funds 22.92.
    // Need = premiumSubsidy + secondary = 9503.67. Gap per cell (need − 3 × funds, ≥ 0):
    //   CC urban 3074.40 − 4.56 = 3069.84 | CC rural 14.94 − 2.55 = 12.39 | JL urban 6148.80 − 3.51 = 6145.29
    //   JL rural 0 (surplus 1.71) | SP urban 223.20 − 2.10 = 221.10 | SP rural 42.33 − 8.49 = 33.84 → 9482.46.
    // Balance 22.92 − 9503.67 = −9480.75.
    const fund = { need: 9503.67, funds: 22.92, gap: 9482.46, balance: -9480.75 };
    expect(medical.accounts).toEqual({ fund });
    expect({ need: medical.need, funds: medical.funds, gap: medical.gap, balance: medical.balance }).toEqual(fund);
  });

  it('education (§四): 两免一补, vocational, high school, tertiary', () => {
    // Annual amounts accrue monthlyAccrual(annual / 12) to the fen (education.*):
    // §四.1 (compulsory.school_age 6–16): fee waiver primary 140/12 = 11.67, junior 180/12 = 15.00;
    //   textbooks primary 70/12 = 5.83, junior 140/12 = 11.67; boarding 500/12 = 41.67.
    //   hh4: 6-year-old 11.67 + 5.83; 16-year-old boarder 15.00 + 11.67 + 41.67; 17-year-old nothing.
    //   hh8: 12-year-old 11.67 + 5.83.
    //   feeWaiver (26.67 × 2 + 11.67 × 2) × 3 = 230.04; textbooks (17.50 × 2 + 5.83 × 2) × 3 = 139.98;
    //   boarding 41.67 × 2 × 3 = 250.02.
    // §四.2 hh5 (urban dibao): grant 1000/12 = 83.33 in Jul and Aug, 1500/12 = 125.00 in Sep → 291.66;
    //   tuition waiver 1500 × 1 / 12 = 125.00 × 3 = 375.00.
    // §四.3 hh6 (poor): allowance 1000/12 = 83.33 × 2 × 3 = 499.98; 双特生 1200 × 1 / 12 = 100 × 2 × 3 = 600.00.
    // Tertiary (account below): paid 500.01 (Changchun urban) + 250.02 (Siping rural) = 750.03.
    expect(education.components).toEqual({
      feeWaiver: 230.04, textbooks: 139.98, boarding: 250.02, vocationalGrant: 291.66, vocationalTuition: 375,
      highSchoolAllowance: 499.98, shuangtesheng: 600, tertiary: 750.03,
    });
    // Budget 230.04 + 139.98 + 250.02 + 291.66 + 375 + 499.98 + 600 = 2386.68; set-aside 750.03; cost 3136.71.
    expect(education.cost).toBe(3136.71);
    expect(education.costByPayer).toEqual(payers({ budget: 2386.68, tuitionSetAside: 750.03 }));
    // Students: hh4 2 × 2 + hh5 1 + hh6 1 × 2 + hh7 1 + hh8 1 × 2 + hh12 1 × 2 = 12 (tertiary
    // counted on need); households 2 + 1 + 2 + 1 + 2 + 2 = 10.
    expect(education.recipients).toBe(12);
    expect(education.households).toBe(10);
  });

  it('education tuition set-aside account (§四.3): need against funds per cell', () => {
    // Need per needy tertiary student education.higher.aid_need 2000/12 = 166.67 a month; funds per
    // tertiary student (needy or not) set_aside_rate 0.1 × tuition 5000 / 12 = 41.67 a month.
    //   Changchun urban: need hh7 166.67 × 3 = 500.01; funds (hh7 1 + hh11 3) × 41.67 × 3 = 500.04 → paid 500.01, gap 0
    //   Siping rural:    need hh12 166.67 × 2 × 3 = 1000.02; funds 41.67 × 2 × 3 = 250.02 → paid 250.02, gap 750.00
    // pays {tuitionSetAside, shortfall unpaid}: the unmet 750.00 is not a cost.
    // Need 1500.03, funds 750.06, gap 750.00 (Changchun's surplus 0.03 does not cover Siping), balance −749.97.
    const tuitionSetAside = { need: 1500.03, funds: 750.06, gap: 750, balance: -749.97 };
    expect(education.accounts).toEqual({ tuitionSetAside });
    expect({ need: education.need, funds: education.funds, gap: education.gap, balance: education.balance }).toEqual(tuitionSetAside);
  });

  it('housing (§五): low-rent housing, the shantytown rent cap, rural housing aid', () => {
    // §五.1 rental subsidy hh7: (guaranteed_area 10 − 8) × 2 × subsidy_rate Changchun 8 = 32.00 × 3 = 96.00.
    // §五.1 rent reduction hh8: 9.5 m² × 3 × public_housing_rent 1.2 × rent_reduction.share dibao 1
    //   = 34.20 × 2 × 3 = 205.20. In-kind share 0: inKind 0.
    // §五.2 hh9: enlarged_area 15 × 1.2 × (1 − rent_cap 0.5) = 9.00 × 3 × 3 = 81.00 (budget).
    // §五.3 hh10: cost_per_house 15000 × 2 = 30000 in M1 only, split cost_shares 0.4/0.2/0.4.
    expect(housing.components).toEqual({ rentSubsidy: 96, inKind: 0, rentReduction: 205.2, shantyRentCap: 81, ruralAid: 30000 });
    // Cost 96 + 205.20 + 81 + 30000 = 30382.20.
    expect(housing.cost).toBe(30382.2);
    // Low-rent pays {landRevenue, shortfall budget} per cell: Changchun urban 96.00 all from land
    // revenue; Siping urban funds 3 × 50 = 150.00 → land revenue 150.00, budget 205.20 − 150 = 55.20.
    // landRevenue 246.00; budget 55.20 + 81 + 12000 = 12136.20; collective 6000; individual 12000.
    expect(housing.costByPayer).toEqual(payers({ budget: 12136.2, landRevenue: 246, collective: 6000, individual: 12000 }));
    // Recipients: hh7 2 + hh8 6 + hh9 6 + hh10 6 (M1 only) = 20; households 1 + 2 + 3 + 2 = 8.
    expect(housing.recipients).toBe(20);
    expect(housing.households).toBe(8);
  });

  it('housing low-rent account (§五.1): 5% of net land revenue per urban cell', () => {
    // Funds a month = monthlyAccrual(land_revenue_share 0.05 × the year's net revenue)
    // (housing.low_rent.net_land_revenue; Siping from inputs.landRevenue):
    //   220100 887e6/240 = 3695833.33 | 220200 482e6/240 = 2008333.33 | 220300 12000/240 = 50.00
    //   220400 495833.33 | 220500 995833.33 | 220600 541666.67 | 220700 1158333.33 | 220800 800000.00 | 222400 995833.33
    //   month 10691716.65 → funds 32075149.95 (rural cells none).
    // Need 96.00 + 205.20 = 301.20; gap = Siping 205.20 − 150 = 55.20; balance 32075149.95 − 301.20 = 32074848.75.
    const lowRent = { need: 301.2, funds: 32075149.95, gap: 55.2, balance: 32074848.75 };
    expect(housing.accounts).toEqual({ lowRent });
    expect({ need: housing.need, funds: housing.funds, gap: housing.gap, balance: housing.balance }).toEqual(lowRent);
  });

  it('medical in Changchun (byPrefecture 220100): households 1, 7, 10, 11', () => {
    // premium hh1 74.40 + hh10 14.94 = 89.34; secondary hh1 3000; card hh1 173.40 + hh10 32.40 = 205.80; cost 3295.14.
    // budget 5952 + 1194 + 240000 fen = 2471.46; lottery 1116 + 225 + 45000 = 463.41; donations 372 + 75 + 15000 = 154.47.
    const cc = medical.byPrefecture['220100']!;
    expect(cc.components).toEqual({ premiumSubsidy: 89.34, secondary: 3000, discountCard: 205.8 });
    expect(cc.cost).toBe(3295.14);
    expect(cc.costByPayer).toEqual(payers({ budget: 2471.46, lottery: 463.41, donations: 154.47, hospitals: 205.8 }));
    expect(cc.recipients).toBe(8); // hh1 2 + hh10 6
    expect(cc.households).toBe(3);
    // Fund: need 3074.40 + 14.94 = 3089.34; funds 4.56 + 2.55 = 7.11; gap 3069.84 + 12.39 = 3082.23.
    expect(cc.accounts).toEqual({ fund: { need: 3089.34, funds: 7.11, gap: 3082.23, balance: -3082.23 } });
  });

  it('housing in towns (byArea.urban): households 7, 8, 9', () => {
    // rentSubsidy 96 + rentReduction 205.20 + shantyRentCap 81 = 382.20; land revenue 246, budget 55.20 + 81 = 136.20.
    const u = housing.byArea.urban!;
    expect(u.components).toEqual({ rentSubsidy: 96, inKind: 0, rentReduction: 205.2, shantyRentCap: 81, ruralAid: 0 });
    expect(u.cost).toBe(382.2);
    expect(u.costByPayer).toEqual(payers({ budget: 136.2, landRevenue: 246 }));
    expect(u.recipients).toBe(14); // hh7 2 + hh8 6 + hh9 6
    expect(u.households).toBe(6);
    expect(u.accounts).toEqual({ lowRent: { need: 301.2, funds: 32075149.95, gap: 55.2, balance: 32074848.75 } });
  });

  it('dibao in Siping (byPrefecture 220300) and education in Siping', () => {
    // Dibao: hh4 490 + hh8 858 + hh12 20 = 1368 a month × 3 = 4104.00; recipients 10 + 6 + 4 = 20, households 6.
    const sp = dibao.byPrefecture['220300']!;
    expect(sp.cost).toBe(4104);
    expect(sp.components).toEqual({ regular: 4104, temporary: 0, priceSubsidy: 0, taper: 0 });
    expect(sp.recipients).toBe(20);
    expect(sp.households).toBe(6);
    // Education: all of feeWaiver 230.04, textbooks 139.98, boarding 250.02 (hh4, hh8) + tertiary 250.02 (hh12).
    const spe = education.byPrefecture['220300']!;
    expect(spe.cost).toBe(870.06);
    expect(spe.costByPayer).toEqual(payers({ budget: 620.04, tuitionSetAside: 250.02 }));
    expect(spe.accounts).toEqual({ tuitionSetAside: { need: 1000.02, funds: 250.02, gap: 750, balance: -750 } });
  });

  it('one calendar year: byYear 2007 is the whole period', () => {
    for (const p of [dibao, medical, education, housing]) {
      // Recipient groups (dibao: regular caseload, temporary aid) are reported for the period only, not by year.
      const { byArea: _a, byPrefecture: _p, byYear, label: _l, clauses: _c, recipientGroups: _g, recipientGroupLabels: _gl, ...total } = p;
      expect(Object.keys(byYear)).toEqual(['2007']);
      expect(byYear['2007']).toEqual(total);
    }
  });
});
