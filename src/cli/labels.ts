/** Labels of summary figures in Chinese and English (Chinese terms from the glossary). */
import { GLOSSARY } from '../format/glossary.js';

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

export function label(key: string, lang: Lang): string {
  return LABELS[key]?.[lang] ?? key;
}
