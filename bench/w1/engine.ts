/**
 * W1 through the engine: the steps the workload times, shared by the main bench process,
 * the engine-only child (peak memory) and the year's worker threads.
 */
import type { PeerWorkloadColumns } from '../../src/data/peer-workload.js';
import type { Column } from '../../src/engine/column.js';
import type { Override } from '../../src/engine/parameters/tree.js';
import { monthsOfYear } from '../../src/engine/period.js';
import { createPopulation, type Population } from '../../src/engine/population.js';
import { Simulation } from '../../src/engine/simulation.js';
import { specialise } from '../../src/engine/specialise.js';
import { loadParameterFiles } from '../../src/engine/parameters/load.js';
import { ParameterTree } from '../../src/engine/parameters/tree.js';
import { clauseIds } from '../../src/policy/clauses.js';
import { packagePath } from '../../src/engine/paths.js';
import { demoRules } from '../../src/programs/demo/index.js';
import { W1_MONTH, W1_YEAR } from './data.js';

/**
 * The parameter tree W1 reads: the demo program's file only, loaded like every parameter file
 * (dated values, units, references checked). The W1 rules read nothing else, and loading the
 * whole system's tree into the main thread and each year worker would count thirteen programs'
 * parameters against the engine's memory.
 */
export function w1Parameters(): ParameterTree {
  const { leaves, branches } = loadParameterFiles([packagePath('src/programs/demo/parameters/demo.yaml')], { clauseIds: clauseIds() });
  return new ParameterTree(leaves, branches);
}

/** Rounds of the JIT warm-up. */
export const WARMUP_ROUNDS = 40;

/** The reform: both standards (urban and rural cells of one leaf) × 1.10 from 2024-01-01. */
export const REFORM: readonly Override[] = [{ path: 'demo.standard', scale: 1.1, from: '2024-01-01' }];

export interface Summary {
  /** Households with a positive benefit. */
  recipients: number;
  /** Total of the benefit column, yuan. */
  cost: number;
}

/**
 * Recipients and total cost of a household benefit column. Compiled once per column class
 * (src/engine/specialise.ts): the limit's benefit is a Float64Array and the engine's a
 * Float32Array, and one shared copy, optimised for whichever came first, cost the other step
 * 3.6–6.6 ms for its first 350,071 households instead of about 1 ms (measured 2026-12-07).
 */
export function summarize(benefit: ArrayLike<number>): Summary {
  return summarizeKernel(benefit)(benefit, benefit.length);
}

// A kernel for specialise: it may use only its arguments.
function summarizeColumn(benefit: ArrayLike<number>, n: number): Summary {
  let recipients = 0;
  let cost = 0;
  for (let h = 0; h < n; h++) {
    const b = benefit[h]!;
    recipients += +(b > 0);
    cost += b;
  }
  return { recipients, cost };
}
const summarizeKernel = specialise(summarizeColumn);

/** build: column arrays in memory → a simulation ready to compute. */
export function buildSimulation(cols: PeerWorkloadColumns, tree: ParameterTree): { population: Population; sim: Simulation } {
  const population = createPopulation(cols);
  // Lent: the step reads the month's column once (summarize), so the engine may free and reuse what no rule reads any more.
  return { population, sim: new Simulation({ population, parameters: tree, rules: demoRules, lend: true }) };
}

/** baseline: demo_benefit for the month on the given (fresh) simulation. */
export function baselineStep(sim: Simulation): Summary {
  return summarize(sim.calculate('demo_benefit', W1_MONTH));
}

/** reform, build included: a new tree, a new simulation on the same population, the month. */
export function reformStep(population: Population, tree: ParameterTree): Summary {
  const reformed = tree.withOverrides(REFORM);
  const sim = new Simulation({ population, parameters: reformed, rules: demoRules, lend: true });
  return summarize(sim.calculate('demo_benefit', W1_MONTH));
}

/** The months of the workload's year. */
export const YEAR_MONTHS: readonly string[] = monthsOfYear(W1_YEAR);

/**
 * demo_benefit for each month on one fresh simulation, added up per household. Each month's
 * column is read once, here, so it is lent (`lend`) and its month forgotten once added: the
 * engine then computes the next month into the same buffers (src/engine/buffers.ts).
 */
export function benefitOverMonths(population: Population, tree: ParameterTree, months: readonly string[]): Float64Array {
  const sim = new Simulation({ population, parameters: tree, rules: demoRules, lend: true });
  const sum = new Float64Array(population.nHouseholds);
  for (const m of months) {
    const b: Column = sim.calculate('demo_benefit', m);
    for (let h = 0; h < sum.length; h++) sum[h]! += b[h]!;
    sim.forgetPeriod(m);
  }
  sim.release();
  return sum;
}

/** Adds per-household partial sums. */
export function addColumns(parts: readonly Float64Array[]): Float64Array {
  const out = Float64Array.from(parts[0]!);
  for (const p of parts.slice(1)) for (let h = 0; h < out.length; h++) out[h]! += p[h]!;
  return out;
}

/**
 * JIT warm-up (untimed, reported): every engine step on a small W1 population, a few times,
 * so V8 has optimised the engine and rule code before the timed, cache-cold steps.
 */
export function warmUpEngine(cols: PeerWorkloadColumns, tree: ParameterTree, rounds = WARMUP_ROUNDS): void {
  for (let i = 0; i < rounds; i++) {
    const { population, sim } = buildSimulation(cols, tree);
    baselineStep(sim);
    reformStep(population, tree);
    benefitOverMonths(population, tree, YEAR_MONTHS.slice(0, 2));
  }
}
