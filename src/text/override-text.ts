/**
 * A scenario override as the reader reads it in Chinese: `explain --lang zh` shows which scenario
 * entry changed a parameter, how, when and where. The engine keeps each override both as English
 * text of record (DatedValue.overrides, in JSON) and as data (OverrideStep), which this words.
 * What a scenario file itself says (its assumption or source text) is shown as written.
 */
import { prefectureLabel } from '../engine/locality.js';
import type { CellSelector, OverrideBasis, OverrideStep } from '../engine/parameters/types.js';
import { GLOSSARY } from './glossary.js';

const list = <T>(x: T | readonly T[]): readonly T[] => (Array.isArray(x) ? x : [x as T]);

/** The cells an override was limited to: 长春市、吉林市；城镇；elderly. */
function whereZh(where: CellSelector): string {
  const parts: string[] = [];
  if (where.prefecture !== undefined) parts.push(list(where.prefecture).map((c) => prefectureLabel(c, 'zh')).join('、'));
  if (where.area) parts.push(GLOSSARY[where.area].zh);
  if (where.category !== undefined) parts.push(list(where.category).join('、'));
  return parts.join('；');
}

function basisZh(b: OverrideBasis): string {
  if (b.kind === 'clause') return `依据 吉政发〔2006〕48号 §${b.text}`;
  return `${b.kind === 'source' ? '来源' : '假设'}：${b.text}`;
}

/** One override in Chinese: "classified-expansion behaviour.takeUp（假设：…）：设为 0.75，限 城镇，2006-01-01 至 2007-11-01 前". */
export function overrideStepZh(s: OverrideStep, num: (v: number) => string): string {
  const v = typeof s.value === 'boolean' ? (s.value ? '是' : '否') : num(s.value);
  const op = s.op === 'set' ? `设为 ${v}` : s.op === 'scale' ? `乘以 ${v}` : `加 ${v}`;
  // `until` is exclusive: the override applies on [from, until).
  const span = s.from && s.until ? `，${s.from} 至 ${s.until} 前` : s.from ? `，自 ${s.from} 起` : s.until ? `，${s.until} 前` : '';
  const where = s.where ? `，限 ${whereZh(s.where)}` : '';
  const by = s.by ? `${s.by}${s.basis ? `（${basisZh(s.basis)}）` : ''}：` : '';
  return `${by}${op}${where}${span}`;
}
