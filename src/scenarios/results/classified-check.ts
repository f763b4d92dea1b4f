/**
 * §二.2 "分类施保补差标准要高于城乡低保对象平均补差标准" checked on a run's sums. The clause reads
 * two reasonable ways, so each scope gets one row per reading:
 * - top-up: the classified top-up alone (per top-up person-month) above the average gap benefit
 *   (gap and floor per recipient person-month);
 * - payment: what a classified recipient is paid (his household's gap benefit per member plus
 *   his top-up, per top-up person-month) above the same average gap benefit.
 * Scopes: each area (the standards and gaps are set per area) and each prefecture, and the
 * province pooled over both areas (the comparison the toolkit used to make alone).
 */
import { checkRow, PROVINCE_SCOPE, type CheckReading, type CheckScope, type ProgramCheck } from '../../engine/program.js';
import { prefectureLabel } from '../../engine/locality.js';
import type { DibaoSums } from './summary.js';

export const CLASSIFIED_CHECK_ID = 'classified-above-average-gap';

export const CLASSIFIED_READINGS = {
  'top-up': {
    id: 'top-up',
    name: { zh: '补助额口径', en: 'top-up reading' },
    en: 'the classified top-up alone (yuan per person with a top-up, a month) is above the average gap benefit (gap and floor per recipient, a month)',
    zh: '分类施保补助额本身（人均月补助）高于低保对象平均补差（补差及保底，人均月）',
  },
  payment: {
    id: 'payment',
    name: { zh: '所领口径', en: 'payment reading' },
    en: "a classified recipient's payment (his household's gap benefit per member plus his top-up, a month) is above the average gap benefit",
    zh: '分类施保对象所领（家庭人均补差加分类施保补助，每月）高于低保对象平均补差',
  },
} as const satisfies Record<string, CheckReading>;

export type ClassifiedReading = keyof typeof CLASSIFIED_READINGS;

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** The two sides of the comparison on one reading, from one group's sums. */
export function classifiedSides(s: DibaoSums, reading: ClassifiedReading): { classified: number; averageGap: number } {
  const topUp = ratio(s.classifiedCost, s.classifiedPersonMonths);
  const payment = ratio(s.classifiedCost + s.classifiedGapCost, s.classifiedPersonMonths);
  return { classified: reading === 'top-up' ? topUp : payment, averageGap: ratio(s.gapCost + s.minimumCost, s.recipientPersonMonths) };
}

const SCOPE_TEXT = (scope: CheckScope): { en: string; zh: string } => {
  if (scope.kind === 'province') return { en: 'province, urban and rural pooled', zh: '全省城乡合计' };
  if (scope.kind === 'area') return scope.key === 'urban' ? { en: 'urban', zh: '城镇' } : { en: 'rural', zh: '农村' };
  return { en: prefectureLabel(Number(scope.key)), zh: prefectureLabel(Number(scope.key), 'zh') };
};

/** One row: nobody with a top-up in the scope means the clause has nothing to apply to. */
export function classifiedRow(s: DibaoSums, reading: ClassifiedReading, scope: CheckScope): ProgramCheck {
  const { classified, averageGap } = classifiedSides(s, reading);
  const status = s.classifiedPersonMonths <= 0 ? 'not-applicable' : classified > averageGap ? 'complies' : 'does-not-comply';
  const where = SCOPE_TEXT(scope);
  const what = reading === 'top-up' ? { en: 'average classified top-up', zh: '分类施保人均月补助' } : { en: "average classified recipient's payment", zh: '分类施保对象人均月领取' };
  const detail = status === 'not-applicable'
    ? `吉政发〔2006〕48号 §二.2 (${where.en}, ${reading} reading): nobody has a classified top-up`
    : `吉政发〔2006〕48号 §二.2 (${where.en}, ${reading} reading): ${what.en} ${classified.toFixed(2)} yuan ${status === 'complies' ? '>' : '≤'} average gap benefit ${averageGap.toFixed(2)} yuan per recipient a month`;
  const detailZh = status === 'not-applicable'
    ? `吉政发〔2006〕48号 §二.2（${where.zh}，${reading === 'top-up' ? '补助额' : '所领'}口径）：无分类施保对象`
    : `吉政发〔2006〕48号 §二.2（${where.zh}，${reading === 'top-up' ? '补助额' : '所领'}口径）：${what.zh} ${classified.toFixed(2)} 元${status === 'complies' ? '高于' : '不高于'}低保平均补差 ${averageGap.toFixed(2)} 元/人/月`;
  return checkRow({ id: CLASSIFIED_CHECK_ID, clause: '二.2', reading: CLASSIFIED_READINGS[reading], scope, status, detail, detailZh });
}

/** Every row of the check: each reading for the province (pooled), each area and each prefecture. */
export function classifiedChecks(get: (grouping: string, key: string) => DibaoSums, prefectures: readonly string[]): ProgramCheck[] {
  const readings = Object.keys(CLASSIFIED_READINGS) as ClassifiedReading[];
  return readings.flatMap((reading) => [
    classifiedRow(get('total', 'total'), reading, PROVINCE_SCOPE),
    ...(['urban', 'rural'] as const).map((a) => classifiedRow(get('byArea', a), reading, { kind: 'area', key: a })),
    ...prefectures.map((p) => classifiedRow(get('byPrefecture', p), reading, { kind: 'prefecture', key: p })),
  ]);
}
