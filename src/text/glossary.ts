/**
 * The terms jiuzhu writes for readers, fixed once so that every table, chart, message and page
 * says the same thing the same way. Chinese follows the opinion's own usage
 * (/work/shared/policy/jilin-2006-48-opinion.zh.txt: 城镇 9 times, 城市 twice, once in the set
 * phrase 城市低保户), so "urban" is 城镇 everywhere; a change of a share is 个百分点, never "pp".
 */
import type { Unit } from '../engine/parameters/types.js';
import type { Lang } from './units.js';

export interface Term {
  zh: string;
  en: string;
  /** Variants not to write in Chinese for this term (a test scans the sources for them). */
  avoidZh?: readonly string[];
}

export const GLOSSARY = {
  urban: { zh: '城镇', en: 'urban', avoidZh: ['城市'] },
  rural: { zh: '农村', en: 'rural' },
  urbanAndRural: { zh: '城乡', en: 'urban and rural' },
  dibao: { zh: '最低生活保障（低保）', en: 'minimum living guarantee (dibao)' },
  standard: { zh: '低保标准', en: 'dibao standard' },
  recipients: { zh: '保障人数', en: 'recipients' },
  takeUp: { zh: '申领率', en: 'take-up' },
  coverage: { zh: '覆盖率', en: 'coverage' },
  prefecture: { zh: '市（州）', en: 'prefecture' },
  percentagePoints: { zh: '个百分点', en: 'percentage points', avoidZh: ['pp', '百分点数'] },
  assessedIncome: { zh: '核定收入', en: 'assessed income' },
  perCapitaIncome: { zh: '人均收入', en: 'income per person' },
  povertyHeadcount: { zh: '贫困发生率', en: 'poverty headcount' },
  movingLine: { zh: '随标准变动的贫困线', en: 'moving line' },
  fixedLine: { zh: '固定在基线标准的贫困线', en: 'fixed line' },
  annualised: { zh: '年化', en: 'annualised' },
  unit: { zh: '单位', en: 'unit' },
  complies: { zh: '符合', en: 'complies' },
  doesNotComply: { zh: '不符合', en: 'does not comply' },
  notApplicable: { zh: '期内不适用', en: 'not applicable in the period' },
  reading: { zh: '理解', en: 'reading' },
  scope: { zh: '范围', en: 'scope' },
  clause: { zh: '条款', en: 'clause' },
  province: { zh: '全省', en: 'province' },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof GLOSSARY;

/** A term in a language. */
export function term(key: TermKey, lang: Lang): string {
  return GLOSSARY[key][lang];
}

/** Parameter units as Chinese readers write them (the English is the unit's code). */
const UNIT_ZH: Record<Unit, string> = {
  'CNY': '元', 'CNY/month': '元/月', 'CNY/year': '元/年', '100M CNY/year': '亿元/年', 'CNY/facility': '元/所',
  'CNY/person/month': '元/人/月', 'CNY/person/year': '元/人/年', 'CNY/household/month': '元/户/月', 'CNY/household/year': '元/户/年',
  'CNY/case': '元/例', 'CNY/student/year': '元/生/年', 'CNY/post/month': '元/岗/月', 'CNY/m2/month': '元/平方米/月', 'CNY/m2': '元/平方米',
  'm2/person': '平方米/人', 'm2': '平方米', 'rate': '比率', 'share': '比例', 'ratio': '倍数', 'probability': '概率',
  'probability/month': '月概率', 'bool': '是/否', 'years': '年', 'months': '个月', 'age': '岁', 'count': '个数', 'persons': '人',
  'posts': '个岗位', 'index': '指数', 'events/person/year': '次/人/年',
};

/** A parameter's unit for readers: Chinese in zh, the unit's code in en. */
export const unitName = (unit: Unit | string, lang: Lang): string => (lang === 'zh' ? UNIT_ZH[unit as Unit] ?? unit : unit);

/** The kind of a parameter's reference. */
export const REFERENCE_KIND: Record<'clause' | 'source' | 'assumption', { zh: string; en: string }> = {
  clause: { zh: '文件条款', en: 'clause' },
  source: { zh: '统计来源', en: 'source' },
  assumption: { zh: '假设', en: 'assumption' },
};

/** The status of a check row, as a term key (src/engine/program.ts CheckStatus). */
export const CHECK_STATUS_TERM = { complies: 'complies', 'does-not-comply': 'doesNotComply', 'not-applicable': 'notApplicable' } as const satisfies Record<string, TermKey>;

/** The mark of a check row's status in terminal text. */
export const CHECK_STATUS_MARK = { complies: '✓', 'does-not-comply': '✗', 'not-applicable': '–' } as const;
