/** The published-outcomes table of the report's methodology: calibration and validation figures against the first scenario. */
import { DEFAULT_DATASET } from '../data/dataset.js';
import { compareOutcomes, loadOutcomes } from '../outcomes/index.js';
import type { Result } from '../scenarios/results/result.js';
import type { ReportTable, Row, Unit } from './table.js';

/** Rows only for a result on the default dataset (the figures describe Jilin, not a user's sample). */
export function outcomesTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const rows: Row[] = result.meta.dataset.name === DEFAULT_DATASET
    ? compareOutcomes(loadOutcomes(), result).map((r) => ({
      id: r.id, figure: r.label[lang], role: r.role, year: r.year, area: r.area, unit: reportUnit(r.unit),
      published: r.published, simulated: r.simulated, relativeDifference: r.relativeDifference, tolerance: r.tolerance,
      within: r.withinTolerance, notModelled: r.notModelled, source: r.source,
    }))
    : [];
  return {
    id: 'outcomes',
    title: { zh: '公布数据对照（校准与验证）', en: 'Published outcomes (calibration and validation)' },
    note: {
      zh: '第一个情景与 datasets/jilin-2006/outcomes.yaml 中公布数据的对照：校准数据用于拟合申领率、核查误差与农村推进；验证数据只作比较，从不拟合。未模拟的数据列出原因。',
      en: 'The first scenario against the published figures of datasets/jilin-2006/outcomes.yaml: calibration figures fit take-up, assessment error and the rural roll-out; validation figures are only compared, never fitted. Figures the model cannot produce are listed with the reason.',
    },
    columns: [
      { key: 'id', label: { zh: '编号', en: 'Id' }, unit: 'text', code: true },
      { key: 'figure', label: { zh: '指标', en: 'Figure' }, unit: 'text' },
      { key: 'role', label: { zh: '用途', en: 'Role' }, unit: 'text' },
      { key: 'year', label: { zh: '年份', en: 'Year' }, unit: 'text' },
      { key: 'area', label: { zh: '地区', en: 'Area' }, unit: 'text' },
            { key: 'published', label: { zh: '公布值', en: 'Published' }, unit: 'row' },
      { key: 'simulated', label: { zh: '模拟值', en: 'Simulated' }, unit: 'row' },
      { key: 'relativeDifference', label: { zh: '相对差异', en: 'Relative difference' }, unit: 'share', signed: true },
      { key: 'tolerance', label: { zh: '容差', en: 'Tolerance' }, unit: 'share' },
      { key: 'within', label: { zh: '容差内', en: 'Within tolerance' }, unit: 'bool' },
      { key: 'notModelled', label: { zh: '未模拟原因', en: 'Not modelled because' }, unit: 'text' },
      { key: 'source', label: { zh: '来源', en: 'Source' }, unit: 'text' },
    ],
    rows,
  };
}

/** The report unit of a canonical outcome unit (money in the reader's unit, shares as percentages). */
function reportUnit(u: string): Unit {
  return u === 'persons' || u === 'households' || u === 'yuan' || u === 'yuan/person/month' || u === 'share' ? u : 'ratio';
}
