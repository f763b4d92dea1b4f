/**
 * Chart text in Chinese, English or both ("中文 English"), and the language a chart is actually
 * drawn in: Chinese needs a CJK font, and without one the labels fall back to English (with one
 * warning naming the Debian package) rather than coming out as empty boxes.
 */
import { prefectureLabel } from '../text/labels.js';
import { moneyUnit as readerMoneyUnit } from '../text/units.js';
import { cjkFont, warnNoCjkFont } from './render.js';

/** The language asked for: `--lang zh|en|both`. */
export type ChartLang = 'zh' | 'en' | 'both';

/** A CJK font as `cjkFont()` finds it. */
export interface CjkFont { family: string; file: string }

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Label language (default en). */
  lang?: ChartLang;
  /** The CJK font to draw Chinese with; default `cjkFont()`. Pass null to draw as if none were installed. */
  font?: CjkFont | null;
  /** Where the no-font warning goes (default stderr); it is written once per process. */
  warn?: (message: string) => void;
}

/** Options after the language has been settled against the fonts. */
export interface Resolved { lang: ChartLang; font: CjkFont | null }

/** The language charts are drawn in: as asked, or English when Chinese is asked and no CJK font is installed. */
export function resolveLang(options: ChartOptions = {}): Resolved {
  const lang = options.lang ?? 'en';
  const font = options.font === undefined ? cjkFont() : options.font;
  if (lang === 'en') return { lang, font };
  if (font) return { lang, font };
  warnNoCjkFont(options.warn);
  return { lang: 'en', font: null };
}

/** Text in the chart language: zh, en, or "zh en". */
export function tx(lang: ChartLang, zh: string, en: string): string {
  return lang === 'zh' ? zh : lang === 'en' ? en : `${zh} ${en}`;
}

/** A bilingual pair in the chart language. */
export const txt = (lang: ChartLang, l: { zh: string; en: string }): string => tx(lang, l.zh, l.en);

/** An axis title with its unit: 费用（万元） / Cost (million yuan) / both. */
export function withUnit(lang: ChartLang, name: { zh: string; en: string }, unit: { zh: string; en: string }): string {
  return tx(lang, `${name.zh}（${unit.zh}）`, `${name.en} (${unit.en})`);
}

/** A money unit: its name and the yuan it stands for. */
export interface MoneyUnit { zh: string; en: string; yuan: number }

const YUAN: MoneyUnit = { zh: '元', en: 'yuan', yuan: 1 };

/**
 * The unit for money axes whose largest value is `max` yuan, by the same rule as every table
 * (src/text/units.ts): 万元 or 亿元 in Chinese, million or billion yuan in English, and the English
 * unit with its Chinese name (百万元 / 十亿元) when both languages share one axis.
 */
export function moneyUnit(max: number, lang: ChartLang): MoneyUnit {
  const u = readerMoneyUnit(max, lang === 'zh' ? 'zh' : 'en');
  return { zh: u.zh, en: u.en, yuan: u.yuan };
}

/** Units that carry no scaling. */
export const UNITS = {
  yuan: YUAN,
  persons: { zh: '人', en: 'persons' },
  percent: { zh: '%', en: '%' },
  perPersonMonth: { zh: '元/人/月', en: 'yuan per person per month' },
  perPerson: { zh: '元/人', en: 'yuan per person' },
  perThousand: { zh: '人/千人', en: 'persons per 1,000 residents' },
} as const;

/** Levels of government (the funding rows' `level`). */
export const LEVEL_LABELS: Record<string, { zh: string; en: string }> = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  prefecture: { zh: '市（州）级', en: 'Prefecture' },
  county: { zh: '县级', en: 'County' },
};

/** Funding sources (the payers of a program's cost). */
export const SOURCE_LABELS: Record<string, { zh: string; en: string }> = {
  budget: { zh: '财政预算', en: 'Budget' },
  lottery: { zh: '福彩公益金', en: 'Lottery fund' },
  landRevenue: { zh: '土地出让收益', en: 'Land revenue' },
  tuitionSetAside: { zh: '高校学费提取', en: 'Tuition set-aside' },
  donations: { zh: '社会捐助', en: 'Donations' },
  hospitals: { zh: '医院让利', en: 'Hospitals' },
  collective: { zh: '集体', en: 'Collective' },
  individual: { zh: '个人', en: 'Individual' },
  households: { zh: '家庭（个人）', en: 'Households' },
  collectives: { zh: '村集体', en: 'Village collectives' },
  universities: { zh: '高校（学费提取）', en: 'Universities (tuition set-aside)' },
  donors: { zh: '捐赠者', en: 'Donors' },
};

/** Before and after assistance. */
export const STAGE_LABELS = {
  before: { zh: '救助前', en: 'Before assistance' },
  after: { zh: '救助后', en: 'After assistance' },
} as const;

/** A prefecture's name from its code (the code itself when unknown). */
export function prefectureName(code: string | number, lang: ChartLang): string {
  const c = Number(code);
  return tx(lang, prefectureLabel(c, 'zh'), prefectureLabel(c, 'en'));
}

/** The label of a label map's key, or the key. */
export function labelOf(map: Record<string, { zh: string; en: string }>, key: string, lang: ChartLang): string {
  const l = map[key];
  return l ? txt(lang, l) : key;
}
