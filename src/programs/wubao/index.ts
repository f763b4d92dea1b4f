/**
 * Rural five-guarantee support (农村五保供养, 吉政发〔2006〕48号 §八.1): rural 三无 elderly, disabled
 * and minors supported centrally (homes for the elderly) or at home, at a standard that §八.1
 * requires to be no lower than the local villagers' average living level — checked on every run.
 * A wubao person is not also paid dibao (src/programs/dibao/dibao_assessed_eligible.ts) unless
 * wubao.dibao_allowed.
 */
import { PREFECTURE_CODES, prefectureLabel } from '../../engine/locality.js';
import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { defineProgram, type CheckContext, type ProgramCheck, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { wubao_centralised } from './wubao_centralised.js';
import { wubao_centralised_support } from './wubao_centralised_support.js';
import { wubao_dispersed_support } from './wubao_dispersed_support.js';
import { wubao_household } from './wubao_household.js';
import { indexedLivingLevel, wubao_living_level } from './wubao_living_level.js';
import { wubao_person } from './wubao_person.js';
import { wubao_recipient } from './wubao_recipient.js';
import { flooredStandard, wubao_standard } from './wubao_standard.js';
import { wubao_support_person } from './wubao_support_person.js';

export const wubaoRules: readonly Rule[] = [
  wubao_person, wubao_household, wubao_centralised, wubao_living_level, wubao_standard,
  wubao_support_person, wubao_centralised_support, wubao_dispersed_support, wubao_recipient,
];

const FORMS = ['dispersed', 'centralised'] as const;
const FORM_ZH: Record<(typeof FORMS)[number], string> = { dispersed: '分散供养', centralised: '集中供养' };

interface Worst { margin: number; prefecture: number; month: string; standard: number; level: number }

/**
 * §八.1: "保证农村五保供养标准不低于当地村民的平均生活水平". For every prefecture, form of support
 * and month simulated, the standard in force (with its level_ratio floor) is compared with the
 * villagers' living level of that year; the detail shows the worst margin of each form.
 */
export function wubaoStandardCheck(ctx: CheckContext): ProgramCheck {
  const p = ctx.parameters;
  const worst: Partial<Record<(typeof FORMS)[number], Worst>> = {};
  for (const month of ctx.months) {
    const date = `${month}-01`;
    const year = Number(month.split('-')[0]);
    const income = p.valueAt('wubao.living_level.rural_net_income', date);
    const share = p.valueAt('wubao.living_level.consumption_share', date);
    const growth = p.valueAt('wubao.living_level.growth_rate', date);
    const last = p.valueAt('wubao.living_level.last_observed_year', date);
    const ratio = p.valueAt('wubao.standard.level_ratio', date);
    for (const prefecture of PREFECTURE_CODES) {
      const level = indexedLivingLevel(income, share, p.valueAt('wubao.living_level.relative', date, { prefecture }), growth, last, year);
      for (const form of FORMS) {
        const standard = flooredStandard(p.valueAt(`wubao.standard.${form}`, date, { prefecture }), ratio, level);
        const margin = standard - level;
        const w = worst[form];
        if (!w || margin < w.margin) worst[form] = { margin, prefecture, month, standard, level };
      }
    }
  }
  const shown = FORMS.flatMap((form) => {
    const w = worst[form];
    return w ? [`${form} (${FORM_ZH[form]}) worst margin ${w.margin.toFixed(2)} yuan/person/year in ${prefectureLabel(w.prefecture, 'zh')} ${prefectureLabel(w.prefecture)} ${w.month}: standard ${w.standard.toFixed(2)} ${w.margin < -FLOAT_NOISE_YUAN ? '<' : '≥'} level ${w.level.toFixed(2)}`] : [];
  });
  const shownZh = FORMS.flatMap((form) => {
    const w = worst[form];
    return w ? [`${FORM_ZH[form]}最小差额 ${w.margin.toFixed(2)} 元/人·年（${prefectureLabel(w.prefecture, 'zh')} ${w.month}：标准 ${w.standard.toFixed(2)} ${w.margin < -FLOAT_NOISE_YUAN ? '<' : '≥'} 生活水平 ${w.level.toFixed(2)}）`] : [];
  });
  const passed = FORMS.every((form) => (worst[form]?.margin ?? 0) >= -FLOAT_NOISE_YUAN);
  return {
    id: 'wubao-standard-not-below-living-level',
    passed,
    detail: `吉政发〔2006〕48号 §八.1: the wubao standard is ${passed ? 'not below' : 'BELOW'} the villagers' average living level (rural living consumption, indexed) in ${PREFECTURE_CODES.length} prefectures × ${FORMS.length} forms × ${ctx.months.length} months; ${shown.length ? shown.join('; ') : 'no months simulated'}`,
    detailZh: `吉政发〔2006〕48号 §八.1：五保供养标准${passed ? '不低于' : '低于'}当地村民平均生活水平（农村居民生活消费支出，按年递推），${PREFECTURE_CODES.length} 个市（州）× ${FORMS.length} 种供养方式 × ${ctx.months.length} 个月；${shownZh.length ? shownZh.join('；') : '未模拟任何月份'}`,
  };
}

export const wubaoProgram: ProgramDefinition = defineProgram({
  id: 'wubao',
  label: { zh: '农村五保供养', en: 'Rural five-guarantee support (wubao)' },
  clauses: ['八.1'],
  rules: wubaoRules,
  components: {
    centralised: { rule: 'wubao_centralised_support', payer: 'budget', label: { zh: '集中供养', en: 'Centralised support (homes for the elderly)' } },
    dispersed: { rule: 'wubao_dispersed_support', payer: 'budget', label: { zh: '分散供养', en: 'Dispersed support (at home)' } },
  },
  recipient: 'wubao_recipient',
  checks: (ctx) => [wubaoStandardCheck(ctx)],
});
