/**
 * Display units for the people who read the numbers, decided in one place: money in 万元 or 亿元
 * in Chinese and in million or billion yuan in English, chosen once per table (or chart axis)
 * from its largest figure; persons as whole numbers; changes of shares in 个百分点 / pp.
 * Exact fen stay in JSON and CSV: these helpers are for tables, reports, charts and pages only.
 *
 * A low-level module: report, cli, charts, serve and notebook import it; the engine does not.
 */

export type Lang = 'zh' | 'en';

/** A money unit: its name in both languages, the yuan it stands for, and the decimals it is shown with. */
export interface MoneyUnit { zh: string; en: string; yuan: number; digits: number }

export const WAN_YUAN: MoneyUnit = { zh: '万元', en: '10,000 yuan', yuan: 1e4, digits: 2 };
export const YI_YUAN: MoneyUnit = { zh: '亿元', en: '100 million yuan', yuan: 1e8, digits: 2 };
export const MILLION_YUAN: MoneyUnit = { zh: '百万元', en: 'million yuan', yuan: 1e6, digits: 2 };
// Three decimals so that a billion-yuan table still resolves a million yuan, like the 亿元 one (0.01 亿元).
export const BILLION_YUAN: MoneyUnit = { zh: '十亿元', en: 'billion yuan', yuan: 1e9, digits: 3 };

/**
 * Above this many yuan a table switches to the larger unit (亿元, billion yuan): below it the figures
 * of a table in 万元 have at most five digits before the point (99,999.99 万元), in million yuan four.
 */
export const LARGE_MONEY = 1e9;

/** The unit of a table, axis or sentence whose largest money figure is `maxAbs` yuan. */
export function moneyUnit(maxAbs: number, lang: Lang): MoneyUnit {
  const large = Math.abs(maxAbs) >= LARGE_MONEY;
  if (lang === 'zh') return large ? YI_YUAN : WAN_YUAN;
  return large ? BILLION_YUAN : MILLION_YUAN;
}

/** The unit for a set of money figures: the largest absolute value decides (non-finite ones ignored). */
export function moneyUnitOf(values: Iterable<number | null | undefined>, lang: Lang): MoneyUnit {
  let max = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return moneyUnit(max, lang);
}

/** The name of a unit in a language. */
export const unitName = (u: MoneyUnit, lang: Lang): string => u[lang];

/** The line stated once above a table: 单位：万元 / Unit: million yuan. */
export function unitLine(u: MoneyUnit, lang: Lang): string {
  return lang === 'zh' ? `单位：${u.zh}` : `Unit: ${u.en}`;
}

const group = (x: number, digits: number): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Yuan as a number in the unit (kept exact: division only, no rounding). */
export const inUnit = (yuan: number, u: MoneyUnit): number => yuan / u.yuan;

/** Yuan as text in the unit, without the unit's name: 58,696,490.59 → "5,869.65" (万元). */
export function fmtMoneyIn(yuan: number, u: MoneyUnit): string {
  if (!Number.isFinite(yuan)) return '–';
  const s = group(Math.abs(yuan) / u.yuan, u.digits);
  // A figure that rounds to zero in the unit is shown as zero, not as −0.00.
  return yuan < 0 && /[1-9]/.test(s) ? `−${s}` : s;
}

/**
 * Yuan as text with its unit's name, for sentences: "5,869.65万元" / "58.70 million yuan"; an
 * amount too small to show in the unit (it would read 0.00) is given in yuan.
 */
export function fmtMoneyWithUnit(yuan: number, lang: Lang, u: MoneyUnit = moneyUnit(yuan, lang)): string {
  const s = fmtMoneyIn(yuan, u);
  if (yuan !== 0 && Number.isFinite(yuan) && !/[1-9]/.test(s)) {
    const y = fmtMoneyIn(yuan, { zh: '元', en: 'yuan', yuan: 1, digits: 2 });
    return lang === 'zh' ? `${y}元` : `${y} yuan`;
  }
  return lang === 'zh' ? `${s}${u.zh}` : `${s} ${u.en}`;
}

/** Persons (weighted counts, so fractional): whole numbers. */
export function fmtPersons(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const r = Math.round(x);
  return (r === 0 ? 0 : r).toLocaleString('en-US');
}

/** A share as a percentage with two decimals: 0.0445 → "4.45%". */
export function fmtShare(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(2)}%`;
}

/** A change of a share, in percentage points: +0.0080 → "+0.80个百分点" / "+0.80 pp". */
export function fmtPoints(delta: number, lang: Lang): string {
  if (!Number.isFinite(delta)) return '–';
  const s = (Math.abs(delta) * 100).toFixed(2);
  const sign = Number(s) === 0 ? '' : delta > 0 ? '+' : '−';
  return lang === 'zh' ? `${sign}${s}个百分点` : `${sign}${s} pp`;
}

/** A signed figure: "+1,234", "−5.00", or the bare zero. */
export function signed(x: number, f: (abs: number) => string): string {
  const s = f(Math.abs(x));
  if (!/[1-9]/.test(s)) return s;
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/**
 * A label that names yuan, renamed to the unit the figures are shown in: 支出（元） → 支出（万元），
 * cost (period, yuan) → cost (period, million yuan). Labels naming yuan per person are left alone.
 */
export function moneyLabel(label: string, u: MoneyUnit, lang: Lang): string {
  if (lang === 'zh') return label.replace(/(?<![万亿])元(?=[）/])/g, u.zh).replace(/(?<![万亿])元(?=$)/, u.zh);
  return label.replace(/\byuan(?=[)/])/g, u.en);
}
