/**
 * jiuzhu — simulate Jilin's social-assistance system (吉政发〔2006〕48号) over population
 * microdata. This is the one public entry point; exports are grouped by layer.
 * Every `@example` below is executed by test/examples.test.ts.
 */

// ── Scenarios: load, run, compare ─────────────────────────────────────────────
/**
 * Loads a scenario YAML file and its `extends` chain, validating every key.
 * @example
 * import { loadScenario } from 'jiuzhu';
 * const s = loadScenario('scenarios/raise-standard-10pct.yaml');
 * console.assert(s.overrides.some((o) => o.path === 'dibao.standard' && o.scale === 1.1));
 */
export { loadScenario, parseScenarioText } from './scenarios/input/load.js';
/**
 * Runs one scenario (on its dataset, loaded for you) and returns its weighted summary and checks.
 * @example
 * import { loadScenario, runScenario } from 'jiuzhu';
 * const r = await runScenario(loadScenario('scenarios/baseline-2006.yaml'), { period: { from: '2006-01', to: '2006-01' } });
 * console.assert(r.summary.recipients > 0 && r.summary.cost > 0);
 */
export { runScenario, runScenarioOn, scenarioSimulation, scenarioParameters, scenarioDataset, scenarioPeriod } from './scenarios/execution/run.js';
/**
 * Runs scenarios over one period and dataset; the result is the `--json` document.
 * @example
 * import { compareScenarios, loadScenario, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const res = await compareScenarios([loadScenario('scenarios/baseline-2006.yaml'), loadScenario('scenarios/raise-standard-10pct.yaml')], ds, { timestamp: false });
 * console.assert(res.deltas[0]!.scenario === 'raise-standard-10pct');
 */
export { compareScenarios, compareScenariosOn } from './scenarios/studies/compare.js';
/**
 * The result document's schema (zod) and its JSON Schema (`schemas/result.schema.json`).
 * @example
 * import { ResultSchema, resultJsonSchema } from 'jiuzhu';
 * console.assert('scenarios' in ResultSchema.shape && typeof resultJsonSchema() === 'object');
 */
export { resultJsonSchema, ResultSchema } from './scenarios/results/result.js';
/**
 * Published outcome figures (datasets/jilin-2006/outcomes.yaml) against a result: one row per
 * figure with the simulated value, the difference and whether it is within tolerance.
 * Calibration and validation figures are kept apart: no figure has both roles.
 * @example
 * import { loadOutcomes } from 'jiuzhu';
 * const o = loadOutcomes();
 * console.assert(o.figures.length >= 15 && o.figures.every((f) => f.role === 'calibration' || f.role === 'validation'));
 */
export { compareOutcomes, loadOutcomes, outcomesTableRows, OUTCOME_COLUMNS, type OutcomeRow, type Outcomes, type Figure } from './outcomes/index.js';
/**
 * The scenario file schema (zod) and its generated JSON Schema.
 * @example
 * import { scenarioJsonSchema } from 'jiuzhu';
 * console.assert('properties' in scenarioJsonSchema());
 */
export { ScenarioSchema, scenarioJsonSchema } from './scenarios/input/schema.js';
/**
 * Every rule of the modelled system, to build your own Simulation.
 * @example
 * import { systemRules } from 'jiuzhu';
 * console.assert(systemRules.some((r) => r.id === 'dibao_benefit'));
 */
export { systemRules, systemState } from './programs/system.js';
export type { Scenario } from './scenarios/input/load.js';
export type { ScenarioResult, ScenarioSummary, RunOptions, Period as SimulationPeriod } from './scenarios/execution/run.js';
export type { Result } from './scenarios/results/result.js';

// ── Data: datasets and demo populations ───────────────────────────────────────
/**
 * Loads a dataset (a .csv/.arrow/.parquet file, or a folder), validating every value.
 * @example
 * import { loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * console.assert(ds.population.nHouseholds === 10);
 */
export { loadDataset, resolveDatasetPath, readRawTable, DEFAULT_DATASET } from './data/dataset.js';
/**
 * Codebooks: map your file's column names and codes onto jiuzhu's schema.
 * @example
 * import { parseCodebook } from 'jiuzhu';
 * const cb = parseCodebook('columns:\n  age: AGE\n  household_id: HH\n', 'cb.yaml');
 * console.assert(cb.columns.age!.from === 'AGE');
 */
export { loadCodebook, parseCodebook, flatColumnNames } from './data/codebook.js';
/**
 * Parses CSV text strictly, keeping line numbers for errors.
 * @example
 * import { parseCsv } from 'jiuzhu';
 * console.assert(parseCsv('a,b\n1,2\n', 'x.csv').rows.length === 1);
 */
export { parseCsv } from './data/csv.js';
/**
 * The dataset schema: each column's entity, type, unit and default.
 * @example
 * import { PERSON_COLUMNS } from 'jiuzhu';
 * console.assert(PERSON_COLUMNS.some((c) => c.name === 'age'));
 */
export { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from './data/schema.js';
/**
 * The peer benchmark population (W1): seeded synthetic persons and households.
 * @example
 * import { peerWorkloadPopulation } from 'jiuzhu';
 * console.assert(peerWorkloadPopulation(1000).nPersons === 1000);
 */
export { peerWorkloadPopulation } from './data/peer-workload.js';
export type { Dataset, DatasetMeta } from './data/dataset.js';
/**
 * Opens any dataset: a chunked folder stays on disk and runs chunk by chunk; anything else is loaded.
 * @example
 * import { openDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await openDataset(resolveDatasetPath('fixture-dibao'));
 * console.assert(!('kind' in ds) && ds.population.nPersons === 20);
 */
export { openDataset } from './data/open.js';
/**
 * The synthetic Jilin population: generate a raked sample, write it, or stream the full count.
 * @example
 * import { generateDataset } from 'jiuzhu';
 * const { dataset, report } = generateDataset({ year: 2006, households: 2000, seed: 1 });
 * console.assert(dataset.population.nHouseholds === 2000 && report.rake.converged);
 */
export { generateDataset, writeGeneratedFile, populationHash } from './data/generated.js';
/**
 * The full count: the whole province (about 8.8 million households) streamed prefecture by
 * prefecture into a chunked dataset, with bounded memory; `fullCountHouseholds` says how many.
 * @example
 * import { fullCountHouseholds } from 'jiuzhu';
 * console.assert(fullCountHouseholds(2006) > 8_000_000);
 */
export { writeFullCount, fullCountHouseholds } from './data/full-count.js';
/**
 * Raking (iterative proportional fitting) and calibration to the published targets.
 * @example
 * import { rake } from 'jiuzhu';
 * const r = rake({ weights: Float64Array.of(1, 1), margins: [{ name: 'all', index: Uint8Array.of(0, 0), targets: Float64Array.of(10) }] });
 * console.assert(r.weights[0] === 5 && r.converged);
 */
export { rake } from './data/rake.js';
/**
 * Calibrates generated households to a targets file; the report lists every target.
 * @example
 * import { calibrate, generateHouseholds, loadTargets } from 'jiuzhu';
 * const { report } = calibrate(generateHouseholds({ year: 2006, totalHouseholds: 2000, seed: 2 }), loadTargets());
 * console.assert(report.maxRakedDeviation < 0.01);
 */
export { calibrate } from './data/calibration.js';
/**
 * The generator itself: households [start, end) of a population, chunk by chunk if you like.
 * @example
 * import { generateHouseholds, prefectureRanges } from 'jiuzhu';
 * const r = prefectureRanges(1000)[0]!;
 * console.assert(generateHouseholds({ year: 2006, totalHouseholds: 1000, seed: 1, range: [r.start, r.end] }).households.id!.length === r.end - r.start);
 */
export { generateHouseholds, prefectureRanges, loadTargets, toPopulation } from './data/generate/index.js';
/**
 * Chunked datasets: write a stream of populations, open one, slice a population.
 * @example
 * import { openChunkedDataset, isChunkedDataset } from 'jiuzhu';
 * console.assert(typeof openChunkedDataset === 'function' && isChunkedDataset('datasets/fixture-dibao') === false);
 */
export { openChunkedDataset, writeChunkedDataset, isChunkedDataset, slicePopulation } from './data/chunked.js';
/**
 * Writing flat files (.csv, .arrow, .parquet) atomically.
 * @example
 * import { flatColumns, createPopulation } from 'jiuzhu';
 * const cols = flatColumns(createPopulation({ households: { id: [7] }, persons: { id: [1, 2], household: [7, 7] } }));
 * console.assert(Array.from(cols.person_id!).join() === '1,2');
 */
export { writePopulation, writeColumns, flatColumns, csvText } from './data/write.js';

// ── Dynamics: the month loop and the price trigger ────────────────────────────
/**
 * The price-subsidy trigger of §二.2 over a monthly price path.
 * @example
 * import { runPriceTrigger } from 'jiuzhu';
 * const rule = { foodThreshold: 1.06, foodMonths: 1, cpiThreshold: 1.05, stopThreshold: 1.06, stopMonths: 1 };
 * console.assert(runPriceTrigger(['2008-01'], { '2008-01': { cpi: 1.071, food: 1.182 } }, rule)[0]!.triggered);
 */
export { runPriceTrigger } from './dynamics/price-trigger.js';
/**
 * Runs months in order on a simulation, carrying each household's state.
 * @example
 * import { runMonthLoop, Simulation, systemRules, systemState, baselineParameters, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const sim = new Simulation({ population: ds.population, parameters: baselineParameters(), rules: systemRules });
 * let paid = 0;
 * runMonthLoop(sim, { months: ['2006-01', '2006-02'], state: systemState, onMonth: (m) => { paid += sim.calculate('dibao_benefit', m).reduce((a, b) => a + b, 0); } });
 * console.assert(paid > 0);
 */
export { runMonthLoop } from './dynamics/month-loop.js';

// ── Programs: the rules of each program ───────────────────────────────────────
/**
 * Rules of urban and rural dibao (§二.1–§二.2).
 * @example
 * import { dibaoRules } from 'jiuzhu';
 * console.assert(dibaoRules.length > 10);
 */
export { dibaoRules, HOUSEHOLD_TYPES } from './programs/dibao/index.js';
/**
 * Rules of the demo program (the peer benchmark's dibao chain).
 * @example
 * import { demoRules, peerWorkloadPopulation, baselineParameters, Simulation } from 'jiuzhu';
 * const sim = new Simulation({ population: peerWorkloadPopulation(2000), parameters: baselineParameters(), rules: demoRules });
 * console.assert(sim.calculate('demo_benefit', '2024-06').length === sim.population.nHouseholds);
 */
export { demoRules } from './programs/demo/index.js';

// ── Policy: parameters and clauses ────────────────────────────────────────────
/**
 * The baseline parameter tree: every parameter file under src/programs.
 * @example
 * import { baselineParameters } from 'jiuzhu';
 * console.assert(baselineParameters().valueAt('dibao.standard', '2006-06-01', { prefecture: 220100, area: 'urban' }) > 0);
 */
export { baselineParameters, parameterFiles } from './policy/parameters.js';
/**
 * The clause list of 吉政发〔2006〕48号.
 * @example
 * import { clauses, citeClause } from 'jiuzhu';
 * console.assert(clauses().length === 27 && citeClause('二.2') === '吉政发〔2006〕48号 §二.2');
 */
export { clauses, clauseIds, citeClause } from './policy/clauses.js';

// ── Analytics: weighted measures over plain arrays ───────────────────────────
/**
 * Weighted quantiles, Gini, FGT poverty, deciles, winners/losers, targeting errors (weights are frequency weights).
 * @example
 * import { fgt, weightedGini, weightedQuantile } from 'jiuzhu';
 * console.assert(Math.abs(fgt([1, 2, 3, 4, 10], [1, 1, 1, 1, 1], 5, 1) - 0.4) < 1e-12); // gaps (4+3+2+1)/5 ÷ 5 people
 * console.assert(Math.abs(weightedGini([1, 2, 3], [2, 1, 3]) - 17 / 78) < 1e-12 && weightedQuantile([10, 20], [1, 1], 0.5) === 10);
 */
export { weightedQuantile, weightedQuantiles, weightedGini, fgt, povertyGap, decileShares, decileIndex, decileImpact, winnersLosers, targetingErrors } from './analytics/index.js';

// ── Engine: populations, rules, simulations, explain ──────────────────────────
/**
 * Builds a Population from columns; persons are sorted by household once.
 * @example
 * import { createPopulation } from 'jiuzhu';
 * const pop = createPopulation({ households: { id: [1, 2] }, persons: { id: [10, 11, 20], household: [1, 2, 1] } });
 * console.assert(pop.householdStart[1] === 2);
 */
export { createPopulation, householdIndexOf, ROLE } from './engine/population.js';
/**
 * Person ↔ household aggregation helpers.
 * @example
 * import { createPopulation, sumByHousehold } from 'jiuzhu';
 * const pop = createPopulation({ households: { id: [1] }, persons: { id: [1, 2], household: [1, 1] } });
 * console.assert(sumByHousehold(pop, [3, 4])[0] === 7);
 */
export { sumByHousehold, countByHousehold, anyInHousehold, allInHousehold, maxByHousehold, minByHousehold, householdSize, broadcastToPersons } from './engine/aggregate.js';
/**
 * Declares a rule: one pure formula over whole columns.
 * @example
 * import { defineRule } from 'jiuzhu';
 * const double = defineRule({ id: 'double_age', entity: 'person', period: 'month', inputs: ['age'], parameters: {}, reference: { clause: '二.1' }, formula: ({ age }) => Float64Array.from(age, (a) => a * 2) });
 * console.assert(double.id === 'double_age');
 */
export { defineRule, ruleClauses } from './engine/rule.js';
/**
 * A simulation: rules computed on demand per period, cached.
 * @example
 * import { Simulation, createPopulation, defineRule, ParameterTree } from 'jiuzhu';
 * const pop = createPopulation({ households: { id: [1] }, persons: { id: [1], household: [1], columns: { age: Int16Array.of(40) } } });
 * const r = defineRule({ id: 'older', entity: 'person', period: 'month', inputs: ['age'], parameters: {}, reference: { source: 'example' }, formula: ({ age }) => Float64Array.from(age, (a) => a + 1) });
 * console.assert(new Simulation({ population: pop, parameters: new ParameterTree(new Map()), rules: [r] }).calculate('older', '2006-01')[0] === 41);
 */
export { Simulation } from './engine/simulation.js';
/**
 * Explains one household's result as a tree of rules, inputs and cited parameters.
 * @example
 * import { explain, formatExplain, loadScenario, scenarioSimulation, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const s = loadScenario('scenarios/baseline-2006.yaml');
 * const tree = explain(scenarioSimulation(s, await loadDataset(resolveDatasetPath('fixture-dibao'))), 'dibao_benefit', '2006-01', 3);
 * console.assert(tree.id === 'dibao_benefit' && formatExplain(tree).includes('dibao.standard'));
 */
export { explain, explainParameters } from './engine/explain.js';
/**
 * An explain tree as indented text, units and yes/no in the reader's language (元/户/月 and 是/否 in zh).
 * @example
 * import { explain, formatExplain, loadScenario, scenarioSimulation, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const tree = explain(scenarioSimulation(loadScenario('scenarios/baseline-2006.yaml'), await loadDataset(resolveDatasetPath('fixture-dibao'))), 'dibao_benefit', '2006-01', 3);
 * const zh = formatExplain(tree, 'zh');
 * console.assert(zh.includes('元/户/月') && !zh.includes('CNY/'));
 */
export { formatExplain } from './text/explain-text.js';
/**
 * Rule results shared by runs on one population: a sweep recomputes only the rules its lever reaches.
 * @example
 * import { SharedResults, loadScenario, runScenarioOn, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const shared = new SharedResults(ds.population);
 * const s = loadScenario('scenarios/baseline-2006.yaml');
 * const period = { from: '2006-01', to: '2006-01' };
 * const costs = [1, 1.1].map((k) => runScenarioOn({ ...s, overrides: [...s.overrides, { path: 'dibao.standard', scale: k }] }, ds, { period, shared }).summary.cost);
 * console.assert(costs[1]! >= costs[0]! && shared.size.columns > 0);
 */
export { SharedResults, DEFAULT_SHARED_BYTES } from './engine/shared-results.js';
/**
 * A sweep: variants of one scenario run on one dataset, each computed against the scenario's own
 * recorded run (only what its levers change is recomputed); the same bytes as each run alone.
 * On two cores or more a helper thread computes about half of each run's slices (sliceThreads):
 * close() the sweep when done.
 * @example
 * import { ScenarioSweep, loadScenario, runScenarioOn, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const s = loadScenario('scenarios/baseline-2006.yaml');
 * const period = { from: '2006-01', to: '2006-01' };
 * const sweep = new ScenarioSweep(s, ds, { period, levers: ['dibao.standard'] });
 * const variant = { ...s, overrides: [...s.overrides, { path: 'dibao.standard', scale: 1.1 }] };
 * console.assert(sweep.run(variant).summary.cost === runScenarioOn(variant, ds, { period }).summary.cost);
 * await sweep.close();
 */
export { ScenarioSweep, type SweepOptions } from './scenarios/execution/sweep.js';
/**
 * Parameter trees: load, look up on a date, apply overrides.
 * @example
 * import { loadParameterText, ParameterTree } from 'jiuzhu';
 * const { leaves } = loadParameterText('x:\n  y:\n    description: d\n    label: {zh: 乙, en: y}\n    unit: rate\n    values:\n      2006-01-01: {value: 0.5, reference: {clause: 二.1}}\n', 'x.yaml', { clauseIds: new Set(['二.1']) });
 * console.assert(new ParameterTree(leaves).withOverrides([{ path: 'x.y', scale: 2 }]).valueAt('x.y', '2007-01-01') === 1);
 */
export { loadParameterText, loadParameterFiles, ParameterTree, entryOn, resolveParameter, scaleValue, referenceText, referenceKind, UNITS } from './engine/index.js';
/**
 * The typed error every rejected input raises, with a location.
 * @example
 * import { JiuzhuError } from 'jiuzhu';
 * const e = new JiuzhuError('BAD', 'bad value', { location: { file: 'a.csv', line: 3, column: 'age' } });
 * console.assert(e.exitCode === 3 && e.summary().startsWith('a.csv:3'));
 */
export { JiuzhuError, isJiuzhuError, formatLocation } from './engine/errors.js';
/**
 * Periods, money and the keyed random generator.
 * @example
 * import { monthsBetween, roundFen, keyedUniform } from 'jiuzhu';
 * console.assert(monthsBetween('2006-11', '2007-02').length === 4 && roundFen(1.005) === 1.01 && keyedUniform(1, 2, 3, 4) < 1);
 */
export { monthsBetween, monthsOfYear, monthIndex, roundFen, roundFenColumn, keyedUniform, keyedUniforms, streamId, PREFECTURES, PREFECTURE_CODES, prefectureLabel } from './engine/index.js';
export type { Column, Population, Entity, Rule, RuleContext, ExplainNode, ExplainParameter, ParameterLeaf, DatedValue, Reference, Override, ErrorLocation, ParamValue } from './engine/index.js';

// ── Coverage: the opinion clause by clause, and where every number comes from ─
/**
 * The tables behind `jiuzhu clauses` and `jiuzhu params`, and the checker that keeps the coverage honest.
 * @example
 * import { baselineCoverageInput, clauseCoverage, coverageProblems, parameterProvenance, parameterValueText, baselineParameters } from 'jiuzhu';
 * const input = baselineCoverageInput();
 * console.assert(coverageProblems(input).length === 0 && clauseCoverage(input).counts.total === 27);
 * const std = parameterProvenance(baselineParameters().leaves(), '2007-01-01').parameters.find((p) => p.path === 'dibao.standard')!;
 * console.assert(std.kind === 'assumption' && std.cells?.['220100.urban'] === 168 && parameterValueText(std, 1).startsWith('220100.urban=168'));
 */
export { baselineCoverageInput, clauseCoverage, clauseLinks, coverage, coverageProblems, coverageCounts, loadCoverage, parseCoverage, parameterProvenance, parameterValueText, COVERAGE_STATUSES, OPINION } from './policy/coverage.js';
/**
 * The sections of the opinion and the section of a clause id.
 * @example
 * import { sections, sectionOf, clauses } from 'jiuzhu';
 * console.assert(sections().length === 11 && sectionOf('十一.2') === '十一' && clauses()[0]!.text.startsWith('认真贯彻落实'));
 */
export { sections, sectionOf } from './policy/clauses.js';
export type { Clause, Section } from './policy/clauses.js';
export type { CoverageEntry, CoverageStatus, CoverageProblem, CoverageInput, ClauseCoverageInput, ClauseCoverageDocument, ClauseCoverageRow, CoverageSection, CoverageCounts, ParameterProvenanceDocument, ParameterProvenanceRow, SourceKind } from './policy/coverage.js';

// ── Projection: the §二.1 dynamic growth mechanism, year by year ─────────────
/**
 * `jiuzhu project` as a library: the growth rule of the standards and its linkage bounds, incomes uprated and households aged from the data year, cost by level of government against the budget.
 * @example
 * import { loadScenario, loadDataset, resolveDatasetPath, projectScenarioOn, nextStandard, upratePopulation } from 'jiuzhu';
 * const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const p = projectScenarioOn(loadScenario('scenarios/dynamic-growth-2007-2015.yaml'), data, { from: 2007, to: 2008, monthsPerYear: 1 });
 * console.assert(p.years.length === 2 && p.years[1]!.priceIndex === 1.059 && p.standards['2008']!['220100']!.urban === 190.97);
 * const lines = { minimumWage: 460, minimumWageRatio: 0.5, unemploymentBenefit: 322, povertyLine: 785 };
 * console.assert(nextStandard(158, 'urban', { indexTo: 'cpi' }, { cpi: 1.048, incomeGrowth: { urban: 1, rural: 1 }, revenueGrowth: 1 }, lines).value === 165.58);
 * console.assert(upratePopulation(data.population, { income: 2 }).person.earnings![1] === 2 * data.population.person.earnings![1]!);
 */
export { projectScenario, projectScenarioOn, upratePopulation, ageingTotals, otherWeightFactor, nextStandard, boundStandard, passOn, growthOverrides, projectionPaths, projectionYears, yearFactors, annualCpi, MONEY_COLUMNS, DEFAULT_DATA_YEAR } from './scenarios/studies/project.js';
export type { Projection, ProjectOptions, YearRow, UpratingFactors, StandardRule, YearIndices, LinkageLines, ProjectionPaths, IndexTo, Bound } from './scenarios/studies/project.js';
/**
 * The fiscal path a projection's budget is a share of (issue #21): published years as anchors, the constant-growth path between them, a growth assumption beyond.
 * @example
 * import { fiscalPath } from 'jiuzhu';
 * const path = fiscalPath(new Map([[2007, 100], [2009, 121]]), () => 1.05);
 * console.assert(Math.abs(path(2008).value - 110) < 1e-9 && path(2008).basis === 'interpolated' && path(2010).value === 121 * 1.05);
 */
export { fiscalPath, type FiscalBasis, type FiscalYear } from './dynamics/fiscal-path.js';
/**
 * The uprating of every program's amounts in a projection by the rule its parameters name (projection.uprating: CPI, wages or fixed), as dated scale overrides.
 * @example
 * import { amountUpratingOverrides, upratingRule, baselineParameters } from 'jiuzhu';
 * const tree = baselineParameters();
 * console.assert(upratingRule(tree, 'employment', '2010-01-01').rule === 'wages' && upratingRule(tree, 'facilities', '2010-01-01').rule === 'fixed');
 * const { overrides } = amountUpratingOverrides(tree, 2007, 2008, () => ({ cpi: 1.059, wages: 1.1367 }));
 * console.assert(tree.withOverrides(overrides).valueAt('medical.secondary.annual_cap', '2008-06-01') === 3000 * 1.059);
 */
export { amountUpratingOverrides, upratingRule, type UpratingRule } from './dynamics/amount-uprating.js';
/**
 * The funding sensitivity of a projected year (`jiuzhu project --sensitivity`): every funding assumption moved down and up alone, re-costed on the year's sums; the largest swing first.
 * @example
 * import { loadScenario, loadDataset, resolveDatasetPath, projectScenarioOn, fundingSensitivity } from 'jiuzhu';
 * const s = loadScenario('scenarios/dynamic-growth-2007-2015.yaml');
 * const p = projectScenarioOn(s, await loadDataset(resolveDatasetPath('fixture-dibao')), { from: 2015, to: 2015, monthsPerYear: 1 });
 * const f = fundingSensitivity(s, p);
 * console.assert(f.year === 2015 && f.rows[0]!.path === 'projection.budget_share');
 */
export { fundingSensitivity, variantOverrides, type FundingSensitivity, type SensitivityRow } from './scenarios/studies/sensitivity.js';

// ── Solving for a budget, and uncertainty ─────────────────────────────────────
/**
 * The budget solver (`jiuzhu solve`): the value of a lever (a parameter path, scaled or set)
 * that reaches a coverage of the poor, closes the most poverty gap within a budget, or costs
 * what another scenario costs; every run reported, and the solved scenario written as YAML.
 * @example
 * import { solveScenario, loadScenario, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const base = loadScenario('scenarios/baseline-2006.yaml');
 * const r = solveScenario(loadScenario('scenarios/raise-standard-10pct.yaml'), ds, { lever: { path: 'dibao.standard' }, objective: 'budget-neutral', against: base, tol: 0.01, period: { from: '2006-01', to: '2006-01' } });
 * console.assert(r.status === 'solved' && Math.abs(r.solution!.cost - r.against!.cost) <= 0.01 * r.against!.cost && r.iterations[0]!.phase === 'against');
 */
export { solveScenario, resolveLever, withLever, leverOverride, leverOverrideSpec, solvedScenarioText, solvedDescription, writeSolvedScenario, SOLVE_OBJECTIVES, COST_MEASURES, LEVER_MODES } from './scenarios/studies/solve.js';
export type { SolveOptions, SolveResult, SolveObjective, CostMeasure, LeverMode, LeverSpec, Lever, Evaluation, Phase } from './scenarios/studies/solve.js';
/**
 * Bootstrap intervals (`--replicates R`): seeded draws of households with replacement, each
 * replicate the run's one simulation re-weighted (or re-run), percentile intervals at a level.
 * @example
 * import { compareScenariosOn, bootstrapCounts, loadScenario, loadDataset, resolveDatasetPath } from 'jiuzhu';
 * console.assert(bootstrapCounts(10, 1, 0).reduce((a, b) => a + b, 0) === 10);
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const res = compareScenariosOn([loadScenario('scenarios/baseline-2006.yaml')], ds, { period: { from: '2006-01', to: '2006-01' }, replicates: 50 });
 * const s = res.scenarios[0]!;
 * console.assert(s.intervals!.cost.level === 0.9 && s.intervals!.cost.lo <= s.summary.cost && s.summary.cost <= s.intervals!.cost.hi);
 */
export { bootstrapCounts, bootstrapWeights, HouseholdSums, replicateIntervals, resimulatedIntervals, percentile, percentileInterval, metricValue, checkReplicateOptions, INTERVAL_METRICS, REPLICATE_METHODS, DEFAULT_LEVEL } from './scenarios/studies/replicates.js';
export type { Interval, IntervalMetric, ReplicateIntervals, ReplicateMethod, ReplicateOptions } from './scenarios/studies/replicates.js';

// ── Charts: vega-lite specs, headless SVG and PNG, Observable Plot for notebooks ──
/**
 * Chart builders: pure functions from a result document (or `jiuzhu project` years rows) to
 * vega-lite specs, labelled in zh, en or both with a unit on every axis; Chinese falls back to
 * English, with one warning, when no CJK font is installed. Rendered headless to SVG and PNG.
 * @example
 * import { compareScenarios, loadScenario, loadDataset, resolveDatasetPath, reportCharts, projectionCharts, compileSpec, renderSvg, renderPng } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const res = await compareScenarios([loadScenario('scenarios/baseline-2006.yaml'), loadScenario('scenarios/raise-standard-10pct.yaml')], ds, { timestamp: false, period: { from: '2006-01', to: '2006-02' } });
 * const charts = reportCharts(res, { lang: 'en' });
 * const compiled = await Promise.all(charts.map((c) => compileSpec(c.spec)));
 * console.assert(charts.length >= 8 && compiled.every((c) => c.warnings.length === 0));
 * const svg = await renderSvg(charts[0]!.spec);
 * console.assert(svg.includes(charts[0]!.title) && renderPng(svg).subarray(1, 4).toString() === 'PNG');
 * const years = [2007, 2008].map((year) => ({ year, cost: 9e8, budgetNeed: 5e8, budget: 6e8, fundingGap: 0, costByLevel: { central: 4e8, provincial: 2e8, prefecture: 2e8, county: 1e8 }, recipients: 1.2e6, coverage: 0.045, averageStandard: { urban: 160, rural: 70 } }));
 * console.assert(projectionCharts(years, { lang: 'en' })[0]!.id === 'projection-funding');
 */
export { reportCharts, projectionCharts, programsChart, costByLevelChart, costBySourceChart, prefecturesChart, povertyChart, decileImpactChart, winnersLosersChart, monthsChart, incomeDistributionChart, projectionFundingChart, projectionLevelsChart, projectionRecipientsChart, projectionStandardsChart, tornadoChart, compileSpec, renderSvg, renderPng, cjkFont, warnNoCjkFont, resolveLang, CJK_FAMILIES } from './charts/index.js';
/**
 * Observable Plot versions of some charts for notebooks, each a standalone SVG string drawn with
 * linkedom (no browser needed): cost by program, decile impact, the monthly timeline, the projection.
 * @example
 * import { plotProjection } from 'jiuzhu';
 * const years = [2007, 2008].map((year) => ({ year, cost: 9e8, budgetNeed: 5e8, budget: 6e8, fundingGap: 0, costByLevel: {}, recipients: 1.2e6, coverage: 0.045, averageStandard: { urban: 160, rural: 70 }, intervals: { cost: { lo: 8e8, hi: 1e9 } } }));
 * const svg = plotProjection(years, { lang: 'en' });
 * console.assert(svg.startsWith('<svg') && svg.includes('Projection'));
 */
export { plotProgramCosts, plotDecileImpact, plotMonths, plotProjection } from './notebook/plot.js';
export type { Chart, ChartLang, ChartOptions, CjkFont, ReportChartOptions, IncomesInput, IncomeChartOptions, ProjectionRow, ProjectionInterval, ProjectionChartOptions } from './charts/index.js';

// ── Reports ───────────────────────────────────────────────────────────────────
/**
 * `jiuzhu report` as a library. `writeReport(dir, result, {lang, xlsx})` writes a report
 * folder atomically (index.html, tables/*.csv with BOM and *.json, charts/*.svg and *.png,
 * report.xlsx, result.json, manifest.json); `reportTables` gives its tables (summary, deltas,
 * programs, funding, prefectures, months, distribution, parameters with references, assumptions,
 * clauses, meta) as plain data; `StagedDir` is the folder writer that swaps a finished folder in.
 * @example
 * import { reportTables, tableCsv, tableHtml, UTF8_BOM, loadScenario, loadDataset, resolveDatasetPath, compareScenarios } from 'jiuzhu';
 * const scenarios = [loadScenario('scenarios/baseline-2006.yaml'), loadScenario('scenarios/raise-standard-10pct.yaml')];
 * const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const result = await compareScenarios(scenarios, data, { period: { from: '2006-01', to: '2006-01' } });
 * const tables = reportTables(result, { lang: 'zh' });
 * const summary = tables.find((t) => t.id === 'summary')!;
 * console.assert(summary.rows.find((r) => r.figure === 'costAnnual')!['raise-standard-10pct']! > summary.rows.find((r) => r.figure === 'costAnnual')!['baseline-2006']!);
 * console.assert(tableCsv(summary, 'zh').startsWith(`${UTF8_BOM}指标代码,指标,单位`) && tableHtml(summary, 'zh').includes('覆盖率'));
 * console.assert(tables.find((t) => t.id === 'parameters')!.rows.some((r) => r.path === 'dibao.standard' && r.kind === '假设')); // the kind in the table's language
 */
export { writeReport, reportTables, reportHtml, tableHtml, tableCsv, tableJson, formatCell, cellUnit, escapeHtml, inlineSvg, reportWorkbook, sheetName, renderReportCharts, StagedDir, recoverStale, assertReplaceable, UTF8_BOM, UNIT_LABELS, MANIFEST, REPORT_KIND, PAUSE_ENV } from './report/index.js';
export type { ReportOptions, WrittenReport, ReportTablesOptions, ReportTable, Column as ReportColumn, Row as ReportRow, Cell as ReportCell, Unit as ReportUnit, Bilingual, ReportHtmlInput, RenderedChart, ManifestEntry } from './report/index.js';

// ── Interop: results as tables for arquero, Apache Arrow, danfojs ──────────────
/**
 * A result document as tables: `resultRows(result, 'scenarios' | 'months' | 'programs' | 'funding' |
 * 'deltas' | 'years' | …)` flattens it to rows (dotted keys), `toColumns` to plain columns
 * `{column: values[]}` — what danfojs's `new DataFrame(obj)` takes —, `toArquero` to an arquero
 * table, and `toArrow` to Arrow IPC bytes. Also exported from `jiuzhu/notebook`.
 * @example
 * import { compareScenarios, loadScenario, loadDataset, resolveDatasetPath, resultRows, toColumns, toArquero, toArrow } from 'jiuzhu';
 * const ds = await loadDataset(resolveDatasetPath('fixture-dibao'));
 * const res = await compareScenarios([loadScenario('scenarios/baseline-2006.yaml')], ds, { period: { from: '2006-01', to: '2006-02' } });
 * const months = resultRows(res, 'months');
 * const cols = toColumns(months);
 * console.assert(months.length === 2 && cols.month!.join() === '2006-01,2006-02' && Object.values(cols).every((c) => c.length === 2));
 * console.assert(toArquero(months).numRows() === 2 && toArrow(months).byteLength > 0);
 */
export { resultRows, toColumns, toArquero, toArrow, flattenRow, RESULT_TABLES } from './notebook/interop.js';
export type { ResultTable, Row as ResultRow, Columns as ResultColumns, Cell as ResultCell } from './notebook/interop.js';
