/**
 * `jiuzhu comply`: for each check of the opinion a scenario fails, the cheapest change among the
 * levers its clause names that makes it comply, found with the solver (solve.ts, objective
 * `check`), and what that change adds to the annual cost, by payer.
 *
 * What is targeted: for each failing check and reading, its province and area rows (the rows a
 * lever moving the whole province can be asked to fix). Prefecture rows are reported and fixed
 * as a side effect where the lever reaches them, not targeted. A check whose clause names no
 * lever (§九.1 has no date to meet; §十.2 is a consistency check of the scenario) is listed as
 * failing without a change.
 *
 * Levers (one per clause, the quantity the clause itself speaks of):
 * - §二.2 "分类施保补差标准要高于…平均补差标准": the classified top-up rates
 *   (dibao.classified.rate), scaled; the lowest scale at which the rows comply.
 * - §八.1 "五保供养标准不低于当地村民的平均生活水平": the floor of the wubao standards as a
 *   multiple of the villagers' living level (wubao.standard.level_ratio), set; raising only the
 *   standards below the floor, to it, is the cheapest raise that meets the clause. The check reads
 *   parameters only, so the search runs nothing; one run costs the answer.
 *
 * The added cost: the change's run against the scenario's own, every program's cost by payer,
 * a year of it (× 12 ÷ the months of the period). The changes together (each lever at the
 * largest value any failing check needs) are run once more: `combined`, with whether every
 * targeted row then complies.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { JiuzhuError } from '../../engine/errors.js';
import type { ParameterTree } from '../../engine/parameters/tree.js';
import { PAYERS, type Payer, type ProgramCheck } from '../../engine/program.js';
import { monthsBetween } from '../../engine/period.js';
import { SharedResults } from '../../engine/shared-results.js';
import type { Dataset } from '../../data/dataset.js';
import { PROGRAMS } from '../../programs/index.js';
import { loadScenario, type Scenario } from '../input/load.js';
import type { OverrideSpec } from '../input/schema.js';
import { runScenarioOn, scenarioParameters, scenarioPeriod, type Period, type ScenarioResult } from '../execution/run.js';
import { leverOverride, leverOverrideSpec, resolveLever, solveScenario, type Lever, type LeverSpec, type SolveResult } from './solve.js';

/** The lever a clause names, and how the search moves it. */
export interface ComplianceLever {
  clause: string;
  lever: LeverSpec & { mode: 'scale' | 'set'; min: number; max: number };
  label: { zh: string; en: string };
  /** The check reads parameters only: the search reads it off the tree, without runs. */
  parametersOnly: boolean;
}

/** Check id → the lever its clause names. The bounds are the search's range, not policy values. */
export const COMPLIANCE_LEVERS: Readonly<Record<string, ComplianceLever>> = {
  'classified-above-average-gap': {
    clause: '二.2',
    lever: { path: 'dibao.classified.rate', mode: 'scale', min: 1, max: 4 },
    label: { zh: '分类施保补助比例（倍数）', en: 'classified top-up rates (scaled)' },
    parametersOnly: false,
  },
  'wubao-standard-not-below-living-level': {
    clause: '八.1',
    lever: { path: 'wubao.standard.level_ratio', mode: 'set', min: 0, max: 2 },
    label: { zh: '五保供养标准下限（村民生活水平的倍数）', en: "wubao standards' floor (multiple of the villagers' living level)" },
    parametersOnly: true,
  },
};

/** One failing check and reading: the rows targeted, the lever, the value found and what it adds a year. */
export interface ComplianceItem {
  check: string;
  clause: string;
  reading: ProgramCheck['reading'];
  /** The rows that do not comply in the scenario (every scope). */
  failing: { scope: ProgramCheck['scope']; detail: string; detailZh?: string }[];
  /** Why nothing is proposed, when no lever is. */
  noLever?: { zh: string; en: string };
  lever?: { path: string; mode: 'scale' | 'set'; label: { zh: string; en: string }; from: number; value: number | null };
  status: 'solved' | 'unreachable' | 'no-lever';
  message: string;
  messageZh?: string;
  /** The override that makes the targeted rows comply (with the scenario's own overrides). */
  override?: OverrideSpec;
  /** Added cost a year, by payer and in total (yuan), of this change alone. */
  addedAnnual?: { byPayer: Record<Payer, number>; total: number };
  /** Lever values the search tried, and how many of them needed a run (a parameter-only check needs none). */
  evaluations: number;
  runs: number;
}

export interface ComplianceResult {
  scenario: string;
  period: Period;
  seed: number;
  dataset: { name: string; sha256: string };
  /** The scenario's own annual cost, by payer and in total. */
  annual: { byPayer: Record<Payer, number>; total: number };
  items: ComplianceItem[];
  /** Every change together: the overrides, what they add a year, and whether every targeted row then complies. */
  combined: { overrides: OverrideSpec[]; addedAnnual: { byPayer: Record<Payer, number>; total: number }; complies: boolean } | null;
  seconds: number;
}

/** Annual cost by payer: every program's cost over the period × 12 ÷ months, to the fen. */
export function annualByPayer(r: ScenarioResult, months: number): { byPayer: Record<Payer, number>; total: number } {
  const byPayer = Object.fromEntries(PAYERS.map((p) => [p, Math.round((Object.values(r.programs).reduce((a, s) => a + Math.round(s.costByPayer[p] * 100), 0) * 12) / Math.max(months, 1)) / 100])) as Record<Payer, number>;
  return { byPayer, total: Math.round(PAYERS.reduce((a, p) => a + byPayer[p] * 100, 0)) / 100 };
}

const minus = (a: { byPayer: Record<Payer, number>; total: number }, b: { byPayer: Record<Payer, number>; total: number }): { byPayer: Record<Payer, number>; total: number } => ({
  byPayer: Object.fromEntries(PAYERS.map((p) => [p, Math.round((a.byPayer[p] - b.byPayer[p]) * 100) / 100])) as Record<Payer, number>,
  total: Math.round((a.total - b.total) * 100) / 100,
});

/** A check and reading's targeted rows (province and area) all comply among `checks`. */
export function targetedRowsComply(checks: readonly ProgramCheck[], id: string, reading: string): boolean {
  return checks.filter((c) => c.id === id && c.reading.id === reading && c.scope.kind !== 'prefecture').every((c) => c.status !== 'does-not-comply');
}

/** The checks that read parameters only (the programs' own checks), on a tree over the months. */
function parameterChecks(t: ParameterTree, months: readonly string[], inputs: Readonly<Record<string, unknown>>): ProgramCheck[] {
  return PROGRAMS.flatMap((p) => p.checks?.({ parameters: t, months, inputs }) ?? []);
}

const NO_LEVER: Record<string, { zh: string; en: string }> = {
  'welfare-centre-in-every-county-and-township': { zh: '§九.1 未定期限，无可调整的数量；建设计划若永不完成，需修改 facilities.welfare_centres.build_share', en: '§九.1 sets no date and names no amount; a build programme that never finishes needs facilities.welfare_centres.build_share changed by hand' },
  'disaster-houses-within-affected': { zh: '情景自洽检查，非条文要求：修改情景的 shocks.disaster', en: "a consistency check of the scenario, not of the opinion: fix the scenario's shocks.disaster" },
};

export interface ComplyOptions {
  period?: Period;
  seed?: number;
  /** Called after every run of the search (progress). */
  onRun?: (check: string, reading: string, n: number) => void;
}

/** Finds, for every failing check and reading of the scenario, the cheapest compliant change and its annual cost by payer. */
export function complyScenario(scenario: Scenario, dataset: Dataset, options: ComplyOptions = {}): ComplianceResult {
  const t0 = performance.now();
  const period = options.period ?? scenarioPeriod(scenario);
  const seed = options.seed ?? scenario.seed ?? 1;
  const months = monthsBetween(period.from, period.to);
  const shared = new SharedResults(dataset.population);
  const base = runScenarioOn(scenario, dataset, { period, seed, shared });
  const annual = annualByPayer(base, months.length);
  // Failing rows, grouped by check and reading, in the order of the checks.
  const groups = new Map<string, ProgramCheck[]>();
  for (const c of base.checks) {
    if (c.status !== 'does-not-comply') continue;
    const key = `${c.id}\u0000${c.reading.id}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const items: ComplianceItem[] = [];
  const chosen = new Map<string, { lever: Lever; value: number }>();
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const failing = rows.map((r) => ({ scope: r.scope, detail: r.detail, ...(r.detailZh !== undefined ? { detailZh: r.detailZh } : {}) }));
    const spec = COMPLIANCE_LEVERS[first.id];
    const targeted = rows.some((r) => r.scope.kind !== 'prefecture');
    if (!spec || !targeted) {
      const why = spec ? { zh: '仅个别市（州）不符合：按全省调整的杠杆不针对单个市（州）', en: 'only prefecture rows fail: the lever moves the whole province and is not aimed at one prefecture' } : NO_LEVER[first.id] ?? { zh: '条款未指明可调整的数量', en: 'the clause names no lever' };
      items.push({ check: first.id, clause: first.clause, reading: first.reading, failing, noLever: why, status: 'no-lever', message: why.en, messageZh: why.zh, evaluations: 0, runs: 0 });
      continue;
    }
    const label = `${first.id} (${first.reading.id} reading)`;
    const solved: SolveResult = solveScenario(scenario, dataset, {
      lever: spec.lever,
      objective: 'check',
      complies: {
        label,
        onRun: (checks) => targetedRowsComply(checks, first.id, first.reading.id),
        ...(spec.parametersOnly ? { onParameters: (t: ParameterTree) => targetedRowsComply(parameterChecks(t, months, scenario.inputs), first.id, first.reading.id) } : {}),
      },
      period,
      seed,
      maxEvaluations: 40,
      onEvaluation: options.onRun ? (e) => options.onRun!(first.id, first.reading.id, e.n) : undefined,
    });
    const lever = resolveLever(spec.lever);
    const from = leverValueIn(scenarioParameters(scenario), lever, period);
    const item: ComplianceItem = {
      check: first.id,
      clause: first.clause,
      reading: first.reading,
      failing,
      lever: { path: lever.path, mode: lever.mode, label: spec.label, from, value: solved.solution?.value ?? null },
      status: solved.status,
      message: solved.message,
      ...(solved.messageZh !== undefined ? { messageZh: solved.messageZh } : {}),
      evaluations: solved.iterations.length,
      runs: solved.iterations.filter((e) => Number.isFinite(e.cost)).length,
    };
    if (solved.solution) {
      item.override = leverOverrideSpec(lever, solved.solution.value);
      const run = runScenarioOn({ ...scenario, overrides: [...scenario.overrides, leverOverride(lever, solved.solution.value)] }, dataset, { period, seed, shared });
      item.addedAnnual = minus(annualByPayer(run, months.length), annual);
      const prev = chosen.get(lever.path);
      if (!prev || solved.solution.value > prev.value) chosen.set(lever.path, { lever, value: solved.solution.value });
    }
    items.push(item);
  }
  let combined: ComplianceResult['combined'] = null;
  if (chosen.size) {
    const levers = [...chosen.values()];
    const run = runScenarioOn({ ...scenario, overrides: [...scenario.overrides, ...levers.map((l) => leverOverride(l.lever, l.value))] }, dataset, { period, seed, shared });
    const solvedItems = items.filter((i) => i.status === 'solved');
    combined = {
      overrides: levers.map((l) => leverOverrideSpec(l.lever, l.value)),
      addedAnnual: minus(annualByPayer(run, months.length), annual),
      complies: solvedItems.every((i) => targetedRowsComply(run.checks, i.check, i.reading.id)),
    };
  }
  return { scenario: scenario.name, period, seed, dataset: { name: dataset.meta.name, sha256: dataset.meta.sha256 }, annual, items, combined, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The lever's value in the scenario before the change, at the start of the period: a set
 * lever's leaf value; a scale lever is 1 (the scenario's own values).
 */
function leverValueIn(t: ParameterTree, lever: Lever, period: Period): number {
  if (lever.mode === 'scale') return 1;
  if (!t.has(lever.path)) throw new JiuzhuError('UNKNOWN_PARAMETER', `unknown lever '${lever.path}'`, { kind: 'internal', location: { key: lever.path } });
  return t.valueAt(lever.path, `${period.from}-01`);
}

/**
 * The compliant scenario as YAML: it extends the input scenario (a path relative to the output's
 * folder) and adds every lever of `combined`, each with a comment naming the checks it fixes.
 */
export function complianceScenarioText(inputFile: string, outFile: string, r: ComplianceResult, name?: string): string {
  if (!r.combined) throw new JiuzhuError('COMPLY_NOTHING', 'nothing to write: no failing check has a lever the solver could move to compliance', { kind: 'input', location: { key: '--write' } });
  const stem = basename(outFile, extname(outFile));
  const scenarioName = name ?? (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stem) ? stem : `${r.scenario}-compliant`);
  const fixes = (path: string): string => r.items.filter((i) => i.override?.path === path).map((i) => `§${i.clause} ${i.check} (${i.reading.id}): ${i.lever!.mode} ${i.lever!.value}`).join('; ');
  const doc = new Document({
    name: scenarioName,
    description: {
      zh: `${r.scenario} 为符合条款所需的最小调整（jiuzhu comply，${r.dataset.name}，${r.period.from} 至 ${r.period.to}，种子 ${r.seed}）：${r.combined.overrides.map((o) => `${o.path} ${o.scale !== undefined ? `× ${o.scale}` : `= ${String(o.set)}`}`).join('；')}。`,
      en: `${r.scenario} with the least change that makes its failing checks comply (jiuzhu comply on ${r.dataset.name}, ${r.period.from} to ${r.period.to}, seed ${r.seed}): ${r.combined.overrides.map((o) => `${o.path} ${o.scale !== undefined ? `× ${o.scale}` : `= ${String(o.set)}`}`).join('; ')}.`,
    },
    extends: relative(dirname(resolve(outFile)), resolve(inputFile)) || basename(inputFile),
    overrides: r.combined.overrides,
  });
  const overrides = doc.get('overrides') as YAMLSeq;
  overrides.items.forEach((node, i) => {
    (node as YAMLMap).commentBefore = ` jiuzhu comply: ${fixes(r.combined!.overrides[i]!.path)}`;
  });
  doc.commentBefore = ' yaml-language-server: $schema=https://jiuzhu.dev/schemas/scenario.schema.json\n Written by jiuzhu comply: the least change of the levers the clauses name that makes the failing checks comply.';
  return doc.toString({ flowCollectionPadding: false });
}

/**
 * Writes the compliant scenario (atomically) and validates it by loading it back: its parameters
 * must be the input's with every lever of `combined`.
 */
export function writeComplianceScenario(inputFile: string, outFile: string, scenario: Scenario, r: ComplianceResult, name?: string): Scenario {
  const text = complianceScenarioText(inputFile, outFile, r, name);
  const tmp = `${outFile}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, outFile);
  const back = loadScenario(outFile);
  const expected = { ...scenario, overrides: [...scenario.overrides, ...r.combined!.overrides.map((o) => ({ ...o, origin: { key: o.path } }))] } as Scenario;
  if (scenarioParameters(back).sha256() !== scenarioParameters(expected).sha256()) {
    throw new JiuzhuError('COMPLY_WRITE', `the scenario written to ${outFile} does not reproduce the compliant parameters`, { kind: 'internal', location: { file: outFile } });
  }
  return back;
}
