/** `jiuzhu explain`: one household's result as a tree of rules, inputs and cited parameters. */
import type { Dataset } from '../data/dataset.js';
import { JiuzhuError } from '../engine/errors.js';
import { householdIndexOf } from '../engine/population.js';
import type { DatasetSource } from '../scenarios/execution/run.js';
import { explainHousehold, type ExplainNode } from '../engine/explain.js';
import { formatExplain } from '../text/explain-text.js';
import type { Simulation } from '../engine/simulation.js';
import { isMonth } from '../engine/period.js';
import { loadScenario, type Scenario } from '../scenarios/input/load.js';
import { scenarioPeriod, scenarioPrices, scenarioSimulation } from '../scenarios/execution/run.js';
import { runMonthLoop } from '../dynamics/month-loop.js';
import { monthsBetween } from '../engine/period.js';
import { systemPriceTrigger, systemState } from '../programs/system.js';
import { PROGRAMS } from '../programs/index.js';
import { datasetFor, parseLang, parseSeed, printJson, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';
import { explainSummary } from './explain-summary.js';

export interface ExplainCliOptions extends CommonOptions {
  household: string;
  month?: string;
  rule?: string;
  program?: string;
  full?: boolean;
}

export async function explainCommand(file: string, options: ExplainCliOptions, io: CliIo): Promise<void> {
  const lang = parseLang(options.lang);
  const id = Number(options.household);
  if (!Number.isFinite(id)) throw new JiuzhuError('BAD_OPTION', `--household must be a dataset household id, not '${options.household}'`, { kind: 'usage', location: { key: '--household' } });
  if (options.month !== undefined && !isMonth(options.month)) throw new JiuzhuError('BAD_OPTION', `--month must be YYYY-MM, not '${options.month}'`, { kind: 'usage', location: { key: '--month' } });
  const program = options.program === undefined ? undefined : PROGRAMS.find((p) => p.id === options.program);
  if (options.program !== undefined && !program) throw new JiuzhuError('BAD_OPTION', `unknown program '${options.program}' (known: ${PROGRAMS.map((p) => p.id).join(', ')})`, { kind: 'usage', location: { key: '--program' } });
  const scenario = loadScenario(file);
  const period = scenarioPeriod(scenario);
  // Only a month the scenario runs: outside it the state carried month to month (and possibly
  // the parameters' dates) do not exist. Checked before the dataset is loaded.
  if (options.month !== undefined && (options.month < period.from || options.month > period.to)) {
    throw new JiuzhuError('BAD_MONTH', `--month ${options.month} is outside the scenario's period ${period.from} to ${period.to}`, {
      location: { key: '--month' }, hint: `give a month from ${period.from} to ${period.to}, or change the scenario's period`,
    });
  }
  const dataset = await householdDataset(await datasetFor(scenario, options, io), id);
  if (householdIndexOf(dataset.population, id) < 0) throw new JiuzhuError('UNKNOWN_HOUSEHOLD', `no household with id ${id} in the dataset`, { location: { key: String(id) } });
  const seed = parseSeed(options.seed);
  const month = options.month ?? period.from;
  const head = lang === 'zh' ? `情景 ${scenario.name} · 家庭 ${id} · ${month}` : `Scenario ${scenario.name} · household ${id} · ${month}`;
  if (program) {
    // A program: one tree per cost component, then the recipient rule.
    const rules = [...Object.values(program.components).flatMap((c) => ('rule' in c ? [c.rule] : [])), ...(program.recipient ? [program.recipient] : [])];
    const trees = explainScenarioHousehold(scenario, dataset, id, month, rules, seed);
    const computed = Object.entries(program.components).filter(([, c]) => !('rule' in c)).map(([k]) => k);
    if (options.json) return printJson(io, { scenario: scenario.name, household: id, month, program: program.id, trees, computedComponents: computed });
    const note = computed.length
      ? lang === 'zh'
        ? `（${trees.length ? '另外，' : '该项目没有家庭规则：'}支出项 ${computed.join('、')} 按市（州）城乡单元由参数计算，不支付给家庭：见 \`jiuzhu params\`。）`
        : `(${trees.length ? 'Also' : 'This program has'} no household rules: its cost lines ${computed.join(', ')} are computed per prefecture × area cell from parameters, not paid to households; see \`jiuzhu params\`.)`
      : '';
    const shown = trees.map((t) => (options.full ? formatExplain(t, lang) : explainSummary(t, lang, formatExplain(t, lang).split('\n').length)));
    io.stdout.write(`${head} · ${program.label[lang]}\n\n${[...shown, note].filter(Boolean).join('\n\n')}\n`);
    return;
  }
  const rule = options.rule ?? 'dibao_benefit';
  const tree = explainScenarioHousehold(scenario, dataset, id, month, [rule], seed)[0]!;
  if (options.json) return printJson(io, { scenario: scenario.name, household: id, month, tree });
  const full = formatExplain(tree, lang);
  io.stdout.write(`${head}\n\n${options.full ? full : explainSummary(tree, lang, full.split('\n').length)}\n`);
}

/**
 * Rules `rules` of household `id` explained for `month`, from the scenario run on the dataset up
 * to that month. The run lends its columns (each goes back to the buffer pool after its last
 * reader, as in `run`) and computes only what its months need; the household's own columns are
 * computed again, every one kept (explainHousehold). The trees are those `explain` gives on
 * the run with every column kept (test/explain-household.test.ts).
 */
export function explainScenarioHousehold(scenario: Scenario, dataset: Dataset, id: number, month: string, rules: readonly string[], seed?: number): ExplainNode[] {
  const sim = scenarioSimulation(scenario, dataset, seed, { lend: true });
  runToMonth(sim, scenario, month);
  return explainHousehold(sim, rules, month, id);
}

/**
 * Runs the scenario's month loop on `sim` from its first month to `month`: months carry state
 * (employment, gradual exit, …), so the explanation is of the same figures as `run`.
 */
export function runToMonth(sim: Simulation, scenario: Scenario, month: string): void {
  const from = scenarioPeriod(scenario).from;
  const months = month >= from ? monthsBetween(from, month) : [month];
  runMonthLoop(sim, { months, state: systemState, prices: scenarioPrices(scenario), priceTrigger: systemPriceTrigger, onMonth: () => {} });
}

/** The dataset holding a household: itself, or the chunk of a chunked dataset that has it. */
async function householdDataset(source: DatasetSource, id: number): Promise<Dataset> {
  if (!('kind' in source)) return source;
  for (let c = 0; c < source.manifest.chunks.length; c++) {
    const population = await source.loadChunk(c);
    if (householdIndexOf(population, id) >= 0) return { population, meta: source.meta, warnings: [] };
  }
  throw new JiuzhuError('UNKNOWN_HOUSEHOLD', `no household with id ${id} in the dataset`, { location: { key: String(id) } });
}
