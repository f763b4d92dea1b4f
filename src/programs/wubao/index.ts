/**
 * Rural five-guarantee support (农村五保供养, 吉政发〔2006〕48号 §八.1): rural 三无 elderly, disabled
 * and minors supported centrally (homes for the elderly) or at home, at a standard that §八.1
 * requires to be no lower than the local villagers' average living level — checked on every run.
 * A wubao person is not also paid dibao (src/programs/dibao/dibao_assessed_eligible.ts) unless
 * wubao.dibao_allowed.
 */
import { PREFECTURE_CODES, prefectureLabel } from '../../engine/locality.js';
import { FLOAT_NOISE_YUAN } from '../../engine/money.js';
import { checkRow, defineProgram, PROVINCE_SCOPE, type CheckContext, type CheckReading, type CheckScope, type ProgramCheck, type ProgramDefinition } from '../../engine/program.js';
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

export const WUBAO_CHECK_ID = 'wubao-standard-not-below-living-level';

/** The two readings of "当地村民的平均生活水平": the published net income, or living consumption (an assumed share of it). */
export const WUBAO_READINGS = {
  'net-income': {
    id: 'net-income',
    name: { zh: '纯收入口径', en: 'net-income reading' },
    en: "the villagers' living level is the previous year's published rural net income per person (the figure in hand when standards are set), spread over prefectures",
    zh: '村民平均生活水平按上年公布的农民人均纯收入计（制定标准时已公布的数字），分摊到各市（州）',
  },
  consumption: {
    id: 'consumption',
    name: { zh: '消费口径', en: 'consumption reading' },
    en: "the villagers' living level is their living consumption: the previous year's published net income × an assumed consumption share (no published Jilin rural consumption was found)",
    zh: '村民平均生活水平按生活消费支出计：上年公布的农民人均纯收入 × 假定的消费比例（未找到吉林农民生活消费支出的公布数）',
  },
} as const satisfies Record<string, CheckReading>;
type WubaoReading = keyof typeof WUBAO_READINGS;

interface Worst { margin: number; prefecture: number; month: string; standard: number; level: number; form: (typeof FORMS)[number] }

/**
 * §八.1: "保证农村五保供养标准不低于当地村民的平均生活水平". For every prefecture, form of support
 * and month simulated, the standard in force (with its level_ratio floor) is compared with the
 * villagers' living level of that year on each reading: one row per prefecture and reading, and
 * a province row (it complies when every prefecture does) showing the worst margin of each form.
 * The centralised standard also pays for running the home, so it is not like for like.
 */
export function wubaoStandardChecks(ctx: CheckContext): ProgramCheck[] {
  const p = ctx.parameters;
  const readings = Object.keys(WUBAO_READINGS) as WubaoReading[];
  return readings.flatMap((reading) => {
    // worst[prefecture][form]
    const worst = new Map<number, Partial<Record<(typeof FORMS)[number], Worst>>>();
    for (const month of ctx.months) {
      const date = `${month}-01`;
      const year = Number(month.split('-')[0]);
      const income = p.valueAt('wubao.living_level.previous_year_income', date);
      const share = reading === 'consumption' ? p.valueAt('wubao.living_level.consumption_share', date) : 1;
      const growth = p.valueAt('wubao.living_level.growth_rate', date);
      const last = p.valueAt('wubao.living_level.last_observed_year', date);
      const ratio = p.valueAt('wubao.standard.level_ratio', date);
      for (const prefecture of PREFECTURE_CODES) {
        // The floor follows the rule's level (the net-income reading); the comparison, the reading's.
        const ruleLevel = indexedLivingLevel(income, p.valueAt('wubao.living_level.relative', date, { prefecture }), growth, last, year);
        const level = ruleLevel * share;
        const byForm = worst.get(prefecture) ?? {};
        worst.set(prefecture, byForm);
        for (const form of FORMS) {
          const standard = flooredStandard(p.valueAt(`wubao.standard.${form}`, date, { prefecture }), ratio, ruleLevel);
          const margin = standard - level;
          const w = byForm[form];
          if (!w || margin < w.margin) byForm[form] = { margin, prefecture, month, standard, level, form };
        }
      }
    }
    const rowFor = (scope: CheckScope, found: Worst[]): ProgramCheck => {
      const ok = found.every((w) => w.margin >= -FLOAT_NOISE_YUAN);
      const status = found.length === 0 ? 'not-applicable' : ok ? 'complies' : 'does-not-comply';
      const en = found.map((w) => `${w.form} (${FORM_ZH[w.form]}) worst margin ${w.margin.toFixed(2)} yuan/person/year in ${prefectureLabel(w.prefecture, 'zh')} ${prefectureLabel(w.prefecture)} ${w.month}: standard ${w.standard.toFixed(2)} ${w.margin < -FLOAT_NOISE_YUAN ? '<' : '≥'} level ${w.level.toFixed(2)}`);
      const zh = found.map((w) => `${FORM_ZH[w.form]}最小差额 ${w.margin.toFixed(2)} 元/人/年（${prefectureLabel(w.prefecture, 'zh')} ${w.month}：标准 ${w.standard.toFixed(2)} ${w.margin < -FLOAT_NOISE_YUAN ? '<' : '≥'} 生活水平 ${w.level.toFixed(2)}）`);
      const where = scope.kind === 'province' ? `${PREFECTURE_CODES.length} prefectures` : `${prefectureLabel(Number(scope.key))}`;
      const whereZh = scope.kind === 'province' ? `${PREFECTURE_CODES.length} 个市（州）` : prefectureLabel(Number(scope.key), 'zh');
      const readingZh = reading === 'net-income' ? '纯收入口径' : '消费口径';
      return checkRow({
        id: WUBAO_CHECK_ID,
        clause: '八.1',
        reading: WUBAO_READINGS[reading],
        scope,
        status,
        detail: `吉政发〔2006〕48号 §八.1 (${reading} reading): the wubao standard is ${status === 'does-not-comply' ? 'BELOW' : 'not below'} the villagers' average living level (previous year's published rural net income${reading === 'consumption' ? ' × consumption share' : ''}) in ${where} × ${FORMS.length} forms × ${ctx.months.length} months; ${en.length ? en.join('; ') : 'no months simulated'}`,
        detailZh: `吉政发〔2006〕48号 §八.1（${readingZh}）：五保供养标准${status === 'does-not-comply' ? '低于' : '不低于'}当地村民平均生活水平（上年公布的农民人均纯收入${reading === 'consumption' ? ' × 生活消费比例' : ''}），${whereZh} × ${FORMS.length} 种供养方式 × ${ctx.months.length} 个月；${zh.length ? zh.join('；') : '未模拟任何月份'}`,
      });
    };
    const provinceWorst = FORMS.flatMap((form) => {
      const all = [...worst.values()].map((b) => b[form]).filter((w): w is Worst => w !== undefined);
      return all.length ? [all.reduce((a, w) => (w.margin < a.margin ? w : a))] : [];
    });
    return [
      rowFor(PROVINCE_SCOPE, provinceWorst),
      ...PREFECTURE_CODES.map((prefecture) => rowFor({ kind: 'prefecture', key: String(prefecture) }, FORMS.flatMap((f) => (worst.get(prefecture)?.[f] ? [worst.get(prefecture)![f]!] : [])))),
    ];
  });
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
  checks: wubaoStandardChecks,
});
