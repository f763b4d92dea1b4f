/**
 * The figures of a result by dotted path (`coverage`, `byArea.urban.recipients`,
 * `poverty.localStandard.after.headcount`, `programs.dibao.cost`…): their bilingual labels and
 * units, so every table names and formats them the same way.
 */
import { LABELS } from '../text/labels.js';
import { prefectureLabel } from '../engine/locality.js';
import type { Bilingual, Unit } from './table.js';

const EXTRA: Record<string, Bilingual> = {
  entries: { zh: '新进户数（期内）', en: 'Households entering (period)' },
  exits: { zh: '退出户数（期内）', en: 'Households leaving (period)' },
  targeting: { zh: '瞄准', en: 'Targeting' },
  inclusionError: { zh: '错保率', en: 'Inclusion error' },
  exclusionError: { zh: '漏保率', en: 'Exclusion error' },
  leakage: { zh: '漏出（支出占比）', en: 'Leakage (share of cost)' },
  coverageOfPoor: { zh: '贫困者覆盖率', en: 'Coverage of the poor' },
  costByComponent: { zh: '低保支出构成（元）', en: 'Dibao cost by component (yuan)' },
  minimum: { zh: '最低补助', en: 'minimum payment' },
  classified: { zh: '分类施保', en: 'classified top-ups' },
  temporary: { zh: '临时救助', en: 'temporary aid' },
  priceSubsidy: { zh: '价格补贴', en: 'price subsidy' },
  taper: { zh: '渐退', en: 'gradual exit' },
  regular: { zh: '常规低保', en: 'regular dibao' },
  before: { zh: '救助前', en: 'before assistance' },
  after: { zh: '救助后', en: 'after assistance' },
  mean: { zh: '月人均收入（元）', en: 'mean monthly income per person (yuan)' },
  gini: { zh: '基尼系数', en: 'Gini' },
  decileShares: { zh: '十等分收入份额', en: 'income share of decile' },
  poverty: { zh: '贫困', en: 'Poverty' },
  localStandard: { zh: '当地低保标准', en: 'local dibao standard' },
  nationalRuralLine: { zh: '国家农村贫困线', en: 'national rural poverty line' },
  headcount: { zh: '发生率', en: 'headcount' },
  severity: { zh: '强度', en: 'severity' },
  line: { zh: '贫困线（元/人/月）', en: 'line (yuan/person/month)' },
  transfers: { zh: '救助转移（元）', en: 'Assistance received (yuan)' },
  povertyGapClosed: { zh: '弥合的贫困缺口（元）', en: 'Poverty gap closed (yuan)' },
  gapClosedPerYuan: { zh: '每元弥合的贫困缺口', en: 'Gap closed per yuan' },
  winnersLosers: { zh: '得失', en: 'Winners and losers' },
  gainMore: { zh: '收入增加超过5%', en: 'gain more than 5%' },
  gainLess: { zh: '收入增加不足5%', en: 'gain up to 5%' },
  noChange: { zh: '不变', en: 'no change' },
  loseLess: { zh: '收入减少不足5%', en: 'lose up to 5%' },
  loseMore: { zh: '收入减少超过5%', en: 'lose more than 5%' },
  byArea: { zh: '城乡', en: 'by area' },
  byHouseholdType: { zh: '家庭类型', en: 'by household type' },
  byPrefecture: { zh: '市（州）', en: 'by prefecture' },
  programs: { zh: '项目', en: 'program' },
  costByPayer: { zh: '支付方', en: 'payer' },
  balance: { zh: '资金结余（元）', en: 'balance (yuan)' },
};

/** The label of one path segment (a prefecture code reads as its name). */
function segmentLabel(k: string): Bilingual {
  if (/^\d{6}$/.test(k)) return { zh: prefectureLabel(Number(k), 'zh'), en: prefectureLabel(Number(k), 'en') };
  if (/^\d+$/.test(k)) return { zh: `第${k}组`, en: `D${k}` };
  // 'gap' alone is the accounts' gap (yuan); under poverty it is the FGT gap index.
  return EXTRA[k] ?? LABELS[k] ?? { zh: k, en: k };
}

const POVERTY_GAP: Bilingual = { zh: '贫困距指数', en: 'gap index' };
const COMPONENT_GAP: Bilingual = { zh: '补差', en: 'gap benefit' };

/** A dotted figure path as a label: its segments' labels joined with ' · '. */
export function figureLabel(path: string, programLabels: Readonly<Record<string, Bilingual>> = {}): Bilingual {
  const parts = path.split('.');
  const labels = parts.map((k, i) => {
    if (k === 'gap' && parts.includes('poverty')) return POVERTY_GAP;
    if (k === 'gap' && parts[i - 1] === 'costByComponent') return COMPONENT_GAP;
    const program = parts[i - 1] === 'programs' ? programLabels[k] : undefined;
    if (program) return program;
    return segmentLabel(k);
  });
  // Grouping segments that add nothing to a label in a table row.
  const shown = labels.filter((_, i) => !['programs', 'byArea', 'byHouseholdType', 'byPrefecture'].includes(parts[i]!));
  return { zh: shown.map((l) => l.zh).join(' · '), en: shown.map((l) => l.en).join(' · ') };
}

/** The unit of a dotted figure path of a summary, distribution, program or winners/losers figure. */
export function figureUnit(path: string): Unit {
  const parts = path.split('.');
  const last = parts[parts.length - 1]!;
  if (parts.includes('poverty')) return last === 'headcount' ? 'share' : last === 'line' ? 'yuan/person/month' : 'index';
  if (parts.includes('decileShares') || parts[0] === 'winnersLosers' || parts[0] === 'targeting') return 'share';
  if (parts[0] === 'costByComponent' || parts.includes('costByPayer')) return 'yuan';
  switch (last) {
    case 'population':
    case 'recipients':
      return 'persons';
    case 'households':
    case 'entries':
    case 'exits':
      return 'households';
    case 'coverage':
    case 'subsidyToStandard':
      return 'share';
    case 'averageSubsidy':
    case 'averageStandard':
    case 'mean':
      return 'yuan/person/month';
    case 'gini':
    case 'gapClosedPerYuan':
      return 'index';
    default:
      return 'yuan';
  }
}
