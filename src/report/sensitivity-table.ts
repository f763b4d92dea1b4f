/** The funding sensitivity of a projection (`jiuzhu project --sensitivity`, issue #21) as a report table: every assumption that moves the gap, largest swing first. */
import type { Result } from '../scenarios/results/result.js';
import type { Column, ReportTable, Row } from './table.js';

const col = (key: string, zh: string, en: string, unit: Column['unit'], signed?: boolean): Column => ({ key, label: { zh, en }, unit, ...(signed ? { signed } : {}) });

export function sensitivityTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const rows: Row[] = [];
  let year = 0;
  let pct = 0;
  for (const s of result.scenarios) {
    const x = s.sensitivity;
    if (!x) continue;
    year = x.year;
    pct = Math.round(x.range * 100);
    x.rows.forEach((r, i) => rows.push({
      scenario: s.name, rank: i + 1, path: r.path, label: r.label[lang], how: r.how,
      gap: x.gap, low: r.low.gap, high: r.high.gap, swing: r.swing, dibaoLow: r.low.dibaoGap, dibaoHigh: r.high.dibaoGap,
    }));
  }
  return {
    id: 'funding-sensitivity',
    title: { zh: `${year}年资金缺口对筹资假设的敏感性`, en: `What moves the ${year} funding gap: funding assumptions` },
    note: {
      zh: `每项假设单独下调和上调 ${pct}%（层级分担比例调中央份额，其余层级按比例补足），重新核算当年的地方财政需求和预算；缺口＝需求−预算（负数为预算有余），按上下调之差排序，前五项即龙卷风图所示。`,
      en: `Each assumption moved down and up by ${pct}% alone (a level split by its central share, the other levels rescaled), the year's local budget need and budget costed again; gap = need − budget (negative: room left), ranked by the difference between the two; the first five are the tornado chart's.`,
    },
    columns: [
      col('scenario', '情景', 'scenario', 'text'), col('rank', '排序', 'rank', 'count'), col('path', '参数', 'parameter', 'text'), col('label', '假设', 'assumption', 'text'), col('how', '变动方式', 'moved as', 'text'),
      col('gap', '预测缺口（元）', 'gap as projected (yuan)', 'yuan', true), col('low', `下调后缺口（元）`, 'gap, moved down (yuan)', 'yuan', true), col('high', '上调后缺口（元）', 'gap, moved up (yuan)', 'yuan', true),
      col('swing', '差值（元）', 'swing (yuan)', 'yuan'), col('dibaoLow', '低保缺口，下调（元）', 'dibao gap, down (yuan)', 'yuan', true), col('dibaoHigh', '低保缺口，上调（元）', 'dibao gap, up (yuan)', 'yuan', true),
    ],
    rows,
  };
}
