/**
 * The two named baselines every example scenario extends (scenarios/baseline-2006.yaml and
 * scenarios/full-implementation-2007.yaml), and the one sentence a report says about them.
 */

export const NAMED_BASELINES = {
  'baseline-2006': {
    zh: '2006年实际：各项目按当年实际覆盖率和申领率，文件各项措施自其施行之日起计（文件于2006年12月18日印发），因此数字估计的是2006年的实际支出，而非全面落实文件的成本。',
    en: "2006 as it was: each program at the reach it had, and each measure of the opinion only from the date it was in force (the opinion was issued on 2006-12-18), so the figures estimate what 2006 cost, not what carrying out the opinion in full costs.",
  },
  'full-implementation-2007': {
    zh: '2007年全面落实：所有符合条件者均获救助（各项目覆盖率和申领率为1，收入核查无误差），各项措施全部施行，因此数字是全面落实文件的成本，而非实际支出。',
    en: 'full implementation in 2007: every eligible person served (coverage and take-up 1 in every program, an exact means test) and every measure in force, so the figures are what carrying out the opinion in full costs, not what was spent.',
  },
} as const;

export type NamedBaseline = keyof typeof NAMED_BASELINES;

export const isNamedBaseline = (name: string): name is NamedBaseline => Object.hasOwn(NAMED_BASELINES, name);

/** The sentence: which named baseline a scenario rests on (the first file of its extends chain) and what that means. */
export function baselineSentence(s: { name: string; baseline?: NamedBaseline }, lang: 'zh' | 'en'): string {
  if (s.baseline === undefined) {
    return lang === 'zh'
      ? `情景 ${s.name} 不基于任何命名基线（baseline-2006 或 full-implementation-2007），其实施假设由情景文件自行规定。`
      : `Scenario ${s.name} rests on neither named baseline (baseline-2006 or full-implementation-2007): its implementation assumptions are its own.`;
  }
  const meaning = NAMED_BASELINES[s.baseline][lang];
  return lang === 'zh'
    ? `情景 ${s.name} 基于 ${s.baseline}，即${meaning}`
    : `Scenario ${s.name} rests on ${s.baseline}, that is ${meaning}`;
}
