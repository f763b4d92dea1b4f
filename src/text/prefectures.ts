/**
 * A prefecture as people write it: its GB/T 2260 code (222400), its Chinese name, short or full
 * (延边 / 延边朝鲜族自治州, 长春 / 长春市), or its English name (Yanbian, Changchun; case and spaces
 * ignored). Used where readers and scenario authors name prefectures: scenario files, the CLI.
 */
import { PREFECTURES, type Prefecture } from '../engine/locality.js';

/** Full official names (the short ones are in PREFECTURES). */
const FULL_ZH: Record<number, string> = {
  220100: '长春市', 220200: '吉林市', 220300: '四平市', 220400: '辽源市', 220500: '通化市',
  220600: '白山市', 220700: '松原市', 220800: '白城市', 222400: '延边朝鲜族自治州',
};
const EXTRA_EN: Record<number, string[]> = { 220200: ['Jilin'], 222400: ['Yanbian Korean Autonomous Prefecture'] };

const key = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

const NAMES = new Map<string, Prefecture>();
for (const p of PREFECTURES) {
  for (const n of [String(p.code), p.zh, FULL_ZH[p.code]!, p.en, ...(EXTRA_EN[p.code] ?? [])]) NAMES.set(key(n), p);
}

/** The prefecture a code or name stands for, or undefined. */
export function findPrefecture(v: string | number): Prefecture | undefined {
  return NAMES.get(key(String(v)));
}

/** Every prefecture as "code 中文 English", for error messages that list the valid values. */
export function prefectureChoices(): string {
  return PREFECTURES.map((p) => `${p.code} ${p.zh} ${p.en}`).join(', ');
}

/** The full Chinese name of a prefecture (延边朝鲜族自治州). */
export const prefectureFullName = (code: number): string => FULL_ZH[code] ?? String(code);

/** Every code and name a prefecture may be given by, as written (for "did you mean"). */
export function prefectureNames(): string[] {
  return PREFECTURES.flatMap((p) => [String(p.code), p.zh, FULL_ZH[p.code]!, p.en, ...(EXTRA_EN[p.code] ?? [])]);
}
