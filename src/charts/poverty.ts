/**
 * Poverty before and after transfers: the headcount ratio (FGT0) and the poverty gap index (FGT1),
 * against each person's local dibao standard and against the national rural poverty line.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { resolveLang, STAGE_LABELS, tx, txt, type ChartOptions, type ChartLang } from './labels.js';
import type { Chart } from './render.js';

/** One FGT index of one scenario, before or after assistance (a fraction). */
export interface PovertyRow { scenario: string; line: 'localStandard' | 'nationalRuralLine'; measure: 'headcount' | 'gap'; stage: 'before' | 'after'; value: number }

const LINES = {
  localStandard: { zh: '当地低保标准', en: 'Local dibao standard' },
  nationalRuralLine: { zh: '国家农村贫困线（农村人口）', en: 'National rural poverty line (rural persons)' },
} as const;
const MEASURES = {
  headcount: { zh: '贫困发生率 FGT0（占人口%）', en: 'Headcount ratio FGT0 (% of persons)' },
  gap: { zh: '贫困缺口指数 FGT1（占贫困线%）', en: 'Poverty gap index FGT1 (% of the line)' },
} as const;

/** FGT0 and FGT1 of every scenario, before and after, against both lines. */
export function povertyRows(result: Result): PovertyRow[] {
  return result.scenarios.flatMap((s) => {
    const d = s.summary.distribution;
    if (!d) throw new Error(`charts: scenario ${s.name} has no distribution figures`);
    return (['localStandard', 'nationalRuralLine'] as const).flatMap((line) => (['headcount', 'gap'] as const).flatMap((measure) =>
      (['before', 'after'] as const).map((stage) => ({ scenario: s.name, line, measure, stage, value: d.poverty[line][stage][measure] }))));
  });
}

/** Poverty before and after assistance, by line and index. */
export function povertyChart(result: Result, options: ChartOptions = {}): Chart {
  const r = resolveLang(options);
  const lang: ChartLang = r.lang;
  const values = povertyRows(result).map((x) => ({ scenario: x.scenario, line: txt(lang, LINES[x.line]), measure: txt(lang, MEASURES[x.measure]), stage: txt(lang, STAGE_LABELS[x.stage]), value: round(x.value) }));
  const stages = [txt(lang, STAGE_LABELS.before), txt(lang, STAGE_LABELS.after)];
  const valueTitle = tx(lang, '指数值（%）', 'Index value (%)');
  return makeChart('poverty', tx(lang, '救助前后的贫困', 'Poverty before and after assistance'), {
    data: { values },
    facet: {
      row: { field: 'measure', type: 'nominal', sort: Object.values(MEASURES).map((m) => txt(lang, m)), title: null, header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelFontWeight: 'bold' } },
      column: { field: 'line', type: 'nominal', sort: Object.values(LINES).map((m) => txt(lang, m)), title: null },
    },
    spec: {
      width: 240,
      mark: 'bar',
      encoding: {
        y: { field: 'scenario', type: 'nominal', title: tx(lang, '情景', 'Scenario') },
        yOffset: { field: 'stage', type: 'nominal', sort: stages },
        x: { field: 'value', type: 'quantitative', axis: { format: '.1%' }, title: valueTitle },
        color: { field: 'stage', type: 'nominal', sort: stages, scale: { range: ['#bab0ac', '#4c78a8'] }, title: null },
        tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'stage', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.2%', title: valueTitle }],
      },
    },
    resolve: { scale: { x: 'independent' } },
  }, r);
}
