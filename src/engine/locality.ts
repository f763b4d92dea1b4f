/** Localities of Jilin: prefecture-level units keyed by GB/T 2260 code, and urban/rural. */

export interface Prefecture { code: number; zh: string; en: string }

/** The nine prefecture-level units of Jilin province (GB/T 2260). */
export const PREFECTURES: readonly Prefecture[] = [
  { code: 220100, zh: '长春', en: 'Changchun' },
  { code: 220200, zh: '吉林', en: 'Jilin city' },
  { code: 220300, zh: '四平', en: 'Siping' },
  { code: 220400, zh: '辽源', en: 'Liaoyuan' },
  { code: 220500, zh: '通化', en: 'Tonghua' },
  { code: 220600, zh: '白山', en: 'Baishan' },
  { code: 220700, zh: '松原', en: 'Songyuan' },
  { code: 220800, zh: '白城', en: 'Baicheng' },
  { code: 222400, zh: '延边', en: 'Yanbian' },
];

export const PREFECTURE_CODES: readonly number[] = PREFECTURES.map((p) => p.code);

export type Area = 'urban' | 'rural';
export const AREAS: readonly Area[] = ['urban', 'rural'];

/** Position of a prefecture code in PREFECTURES, or -1. */
export function prefectureIndex(code: number): number {
  return PREFECTURE_CODES.indexOf(code);
}

/** Label of a prefecture in a language. */
export function prefectureLabel(code: number, lang: 'zh' | 'en' = 'en'): string {
  const p = PREFECTURES.find((x) => x.code === code);
  return p ? p[lang] : String(code);
}
