/**
 * Charts: pure builders of vega-lite specs from a result (src/charts/*.ts), and headless
 * rendering to SVG and PNG (render.ts). Builders read only the result document — never
 * parameters or rule internals.
 */
export { cjkFont, compileSpec, renderPng, renderSvg, warnNoCjkFont, CJK_FAMILIES, type Chart } from './render.js';
export { reportCharts, type ReportChartOptions } from './report.js';
export { resolveLang, moneyUnit, tx, type ChartLang, type ChartOptions, type CjkFont, type MoneyUnit } from './labels.js';
export { programsChart, programRows, type ProgramRow } from './programs.js';
export { costByLevelChart, costBySourceChart, fundingRows, type FundingRow } from './funding.js';
export { prefecturesChart, prefectureRows, type PrefectureRow } from './prefectures.js';
export { povertyChart, povertyRows, type PovertyRow } from './poverty.js';
export { decileImpactChart, decileRows, type DecileRow } from './deciles.js';
export { winnersLosersChart, winnersRows, WINNER_GROUPS, type WinnersRow } from './winners.js';
export { monthsChart, monthRows, type MonthRow } from './months.js';
export { incomeDistributionChart, decileIncomeRows, incomeHistogram, type IncomesInput, type IncomeChartOptions, type DecileIncomeRow, type IncomeBinRow } from './incomes.js';
export { projectionCharts, projectionFundingChart, projectionLevelsChart, projectionRecipientsChart, projectionStandardsChart, projectionMoneyRows, type ProjectionRow, type ProjectionInterval, type ProjectionChartOptions, type ProjectionMoneyRow } from './projection.js';
export { tornadoChart, tornadoRows } from './tornado.js';
