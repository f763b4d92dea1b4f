/** Labels of summary figures in Chinese and English (Chinese terms from the glossary). */
import { GLOSSARY } from '../text/glossary.js';

export type Lang = 'zh' | 'en';

export const LABELS: Record<string, { zh: string; en: string }> = {
  population: { zh: '人口', en: 'Population' },
  recipients: { zh: '保障人数（月均）', en: 'Recipients (avg month)' },
  households: { zh: '保障户数（月均）', en: 'Households (avg month)' },
  coverage: { zh: '覆盖率', en: 'Coverage' },
  cost: { zh: '支出（期内）', en: 'Cost (period)' },
  costAnnual: { zh: '支出（年化）', en: 'Cost (annualised)' },
  averageSubsidy: { zh: '月人均补助（元）', en: 'Average subsidy (yuan/person/month)' },
  averageStandard: { zh: '平均低保标准（元/人/月）', en: 'Average standard (yuan/person/month)' },
  subsidyToStandard: { zh: '人均补助÷标准', en: 'Average subsidy ÷ standard' },
  urban: { zh: GLOSSARY.urban.zh, en: 'Urban' },
  rural: { zh: GLOSSARY.rural.zh, en: 'Rural' },
  elderly: { zh: '老年人家庭', en: 'Elderly households' },
  disabled: { zh: '残疾人家庭', en: 'Disabled households' },
  'single-parent': { zh: '单亲家庭', en: 'Single-parent households' },
  other: { zh: '其他家庭', en: 'Other households' },
  scenario: { zh: '情景', en: 'Scenario' },
  change: { zh: '变化', en: 'Change' },
  changePct: { zh: '变化率', en: 'Change %' },
  checks: { zh: '检查', en: 'Checks' },
  program: { zh: '项目', en: 'Program' },
  programCost: { zh: '支出', en: 'cost' },
  programRecipients: { zh: '受益人数（期内）', en: 'recipients (in the period)' },
  groupAverageMonth: { zh: '月均人数', en: 'persons, average month' },
  groupDistinct: { zh: '期内人数', en: 'persons in the period' },
  need: { zh: '资金需求', en: 'need' },
  funds: { zh: '可用资金', en: 'funds' },
  gap: { zh: '资金缺口', en: 'gap' },
  budget: { zh: '财政', en: 'budget' },
  lottery: { zh: '福彩公益金', en: 'lottery fund' },
  landRevenue: { zh: '土地出让收益', en: 'land revenue' },
  tuitionSetAside: { zh: '高校学费提取', en: 'tuition set-aside' },
  donations: { zh: '社会捐助', en: 'donations' },
  hospitals: { zh: '医院让利', en: 'hospitals' },
  collective: { zh: '集体', en: 'collective' },
  individual: { zh: '个人', en: 'individual' },
  central: { zh: '中央', en: 'central' },
  provincial: { zh: '省级', en: 'provincial' },
  prefecture: { zh: '市（州）级', en: 'prefecture' },
  county: { zh: '县级', en: 'county' },
};

/** Who pays: payer types, levels of government, government sources and the other payers by name. */
export const PAYER_LABELS: Record<string, { zh: string; en: string }> = {
  government: { zh: '政府', en: 'government' },
  'non-government': { zh: '非政府出资方', en: 'other payers' },
  central: { zh: '中央', en: 'central' },
  provincial: { zh: '省级', en: 'provincial' },
  prefecture: { zh: '市（州）级', en: 'prefecture' },
  county: { zh: '县级', en: 'county' },
  budget: { zh: '财政预算', en: 'budget' },
  lottery: { zh: '福彩公益金', en: 'welfare lottery fund' },
  landRevenue: { zh: '土地出让收益', en: 'land-transfer revenue' },
  households: { zh: '家庭（个人）', en: 'households' },
  collectives: { zh: '村集体', en: 'village collectives' },
  hospitals: { zh: '医院', en: 'hospitals' },
  universities: { zh: '高校（学费提取）', en: 'universities (tuition set-aside)' },
  donors: { zh: '捐赠者', en: 'donors' },
  governmentTotal: { zh: '政府合计', en: 'government, total' },
  otherPayersTotal: { zh: '非政府出资方合计', en: 'other payers, total' },
  fundingTotal: { zh: '合计', en: 'total' },
};

export function payerLabel(key: string, lang: Lang): string {
  return PAYER_LABELS[key]?.[lang] ?? key;
}

export function label(key: string, lang: Lang): string {
  return LABELS[key]?.[lang] ?? key;
}

/** Prefecture names, and the order payers are listed in: what charts and reports show, from the engine's declarations. */
export { prefectureLabel } from '../engine/locality.js';
export { PAYERS } from '../engine/program.js';
