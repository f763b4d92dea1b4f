/**
 * Coverage and cost by program: for each program of the system, the share of residents who
 * benefited in the period and what it cost (whoever pays), scenario beside scenario.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { moneyUnit, resolveLang, tx, txt, UNITS, withUnit, type ChartOptions, type ChartLang } from './labels.js';
import type { Chart } from './render.js';

/** One program of one scenario. */
export interface ProgramRow {
  scenario: string;
  /** The program's id. */
  id: string;
  /** Its label in the chart language. */
  program: string;
  /** Recipients ÷ population (null for programs without recipients: facilities, charity). */
  coverage: number | null;
  /** Distinct recipients over the period, persons (null as above). */
  recipients: number | null;
  /** Cost over the period, yuan. */
  cost: number;
}

/** The programs of every scenario (in the result's order). */
export function programRows(result: Result, lang: ChartLang): ProgramRow[] {
  return result.scenarios.flatMap((s) => {
    if (!s.programs) throw new Error(`charts: scenario ${s.name} has no programs (a run or compare result is needed)`);
    const population = s.summary.population;
    return Object.entries(s.programs).map(([id, p]) => ({
      scenario: s.name,
      id,
      program: txt(lang, p.label),
      coverage: p.recipients === null || population <= 0 ? null : p.recipients / population,
      recipients: p.recipients,
      cost: p.cost,
    }));
  });
}

/** Coverage and cost by program. */
export function programsChart(result: Result, options: ChartOptions = {}): Chart {
  const r = resolveLang(options);
  const rows = programRows(result, r.lang);
  const unit = moneyUnit(Math.max(0, ...rows.map((x) => x.cost)), r.lang);
  const values = rows.map((x) => ({ scenario: x.scenario, program: x.program, coverage: x.coverage === null ? null : round(x.coverage), recipients: x.recipients === null ? null : Math.round(x.recipients), cost: round(x.cost / unit.yuan) }));
  const domain = [...new Set(rows.map((x) => x.program))];
  const many = result.scenarios.length > 1;
  const y = { field: 'program', type: 'nominal', scale: { domain }, title: tx(r.lang, '项目', 'Program') };
  const common = {
    ...(many ? { yOffset: { field: 'scenario', type: 'nominal' } } : {}),
    color: { field: 'scenario', type: 'nominal', title: tx(r.lang, '情景', 'Scenario') },
  };
  const coverageTitle = withUnit(r.lang, { zh: '覆盖率', en: 'Coverage' }, { zh: '占人口%', en: '% of residents' });
  const costTitle = withUnit(r.lang, { zh: '支出', en: 'Cost' }, unit);
  return makeChart('programs', tx(r.lang, '各项目覆盖率与支出', 'Coverage and cost by program'), {
    data: { values },
    hconcat: [
      {
        width: 260,
        mark: 'bar',
        encoding: {
          y,
          x: { field: 'coverage', type: 'quantitative', axis: { format: '.1%' }, title: coverageTitle },
          ...common,
          tooltip: [{ field: 'program', type: 'nominal' }, { field: 'scenario', type: 'nominal' }, { field: 'coverage', type: 'quantitative', format: '.2%', title: coverageTitle }, { field: 'recipients', type: 'quantitative', format: ',', title: withUnit(r.lang, { zh: '受益人数', en: 'Recipients' }, UNITS.persons) }],
        },
      },
      {
        width: 260,
        mark: 'bar',
        encoding: {
          y: { ...y, axis: { labels: false }, title: null },
          x: { field: 'cost', type: 'quantitative', title: costTitle },
          ...common,
          tooltip: [{ field: 'program', type: 'nominal' }, { field: 'scenario', type: 'nominal' }, { field: 'cost', type: 'quantitative', format: ',.2f', title: costTitle }],
        },
      },
    ],
  }, r);
}
