/**
 * Funding sensitivity of a projection (issue #21): which funding assumptions move a year's
 * funding gap most. Each assumption — every number leaf of the funding rules (`funding.*`: the
 * §二.4 dibao transfers, the level splits of every program's budget cost) and the budget's own
 * (`projection.budget_share`, `dibao_budget_share`, `fiscal_revenue_growth`) — is moved down and
 * up by a relative range (default ±25%), one at a time, and the year's gap is worked out again.
 *
 * Funding is costed after the run from the year's sums (results/funding.ts), and the budget is
 * arithmetic on the fiscal path, so no variant simulates again: each re-costs the same sums
 * under the varied parameters. The gap is signed here, need − budget (negative: room left), so
 * a variant moves it even where the budget covers the need and the reported gap is 0.
 *
 * Level splits (a category breakdown over central, provincial, prefecture, county) are moved by
 * their central share, the other levels rescaled to keep the sum 1; other category splits move
 * no budget between the central government and the province's own budgets and are left out.
 * Published figures (projection.fiscal_revenue's anchors) are data, not assumptions: not varied.
 */
import type { Override, ParameterTree } from '../../engine/parameters/tree.js';
import type { ParameterLeaf } from '../../engine/parameters/types.js';
import { LEVELS } from '../results/funding.js';
import { scenarioResult } from '../execution/run.js';
import type { Scenario } from '../input/load.js';
import { projectionPaths, type Projection } from './project.js';

/** The budget leaves varied besides the funding rules. */
const BUDGET_LEAVES = ['projection.budget_share', 'projection.dibao_budget_share', 'projection.fiscal_revenue_growth'];
const DIBAO_PROGRAMS = new Set(['dibao', 'dibaoAdministration']);

export interface SensitivityVariant {
  /** The factor on the assumption (central share for a level split). */
  factor: number;
  /** need − budget of the year under the variant, yuan (signed). */
  gap: number;
  /** The same for dibao alone: dibao local need − dibao budget. */
  dibaoGap: number;
}

export interface SensitivityRow {
  path: string;
  label: { zh: string; en: string };
  /** How the assumption was moved: a scale of the leaf, or of a level split's central share. */
  how: 'scale' | 'central share';
  low: SensitivityVariant;
  high: SensitivityVariant;
  /** |high.gap − low.gap|, yuan: the ranking. */
  swing: number;
}

export interface FundingSensitivity {
  year: number;
  /** The relative range each assumption is moved by (0.25: × 0.75 and × 1.25). */
  range: number;
  /** need − budget of the year as projected, yuan (signed), and dibao's. */
  gap: number;
  dibaoGap: number;
  /** Every assumption that moves either gap, by swing, largest first. */
  rows: SensitivityRow[];
}

const jan1 = (y: number): string => `${y}-01-01`;
const isLevelSplit = (l: ParameterLeaf): boolean => l.breakdown.length === 1 && l.breakdown[0] === 'category' && LEVELS.every((x) => l.categories.includes(x)) && l.categories.length === LEVELS.length;

/** The funding assumptions a sensitivity moves. */
export function fundingAssumptions(tree: ParameterTree): ParameterLeaf[] {
  const funding = tree.leavesUnder('funding').filter((l) => l.kind === 'number' && (l.breakdown.every((d) => d !== 'category') || isLevelSplit(l)));
  return [...funding, ...BUDGET_LEAVES.filter((p) => tree.exists(p)).map((p) => tree.leaf(p))];
}

/**
 * The overrides that move one assumption by `factor` over the year: a scale (a share clamped to
 * 1), or for a level split the central share × factor (clamped to 1) with the other levels × (1
 * − new central) ÷ (1 − old central).
 */
export function variantOverrides(tree: ParameterTree, leaf: ParameterLeaf, factor: number, year: number): Override[] {
  const span = { from: jan1(year), until: jan1(year + 1) };
  const origin = { key: leaf.path, scenario: `funding sensitivity × ${factor}` };
  if (isLevelSplit(leaf)) {
    const central = tree.valueAt(leaf.path, jan1(year), { category: 'central' });
    const next = Math.min(1, central * factor);
    if (central >= 1) return [];
    const rest = (1 - next) / (1 - central);
    return [
      { path: leaf.path, set: next, where: { category: 'central' }, ...span, origin },
      ...LEVELS.filter((l) => l !== 'central').map((l) => ({ path: leaf.path, scale: rest, where: { category: l }, ...span, origin })),
    ];
  }
  if (leaf.unit === 'share' || leaf.unit === 'probability') {
    // Scale, then clamp each cell to 1 (a share above 1 is out of range).
    const cells = leaf.breakdown.length ? Object.keys(tree.entryAt(leaf.path, jan1(year)).cells ?? {}) : [];
    if (!cells.length) return [{ path: leaf.path, set: Math.min(1, tree.valueAt(leaf.path, jan1(year)) * factor), ...span, origin }];
    return cells.map((key) => {
      const where = Object.fromEntries(leaf.breakdown.map((d, i) => [d, d === 'prefecture' ? Number(key.split('|')[i]) : key.split('|')[i]]));
      return { path: leaf.path, set: Math.min(1, tree.valueAt(leaf.path, jan1(year), where) * factor), where, ...span, origin };
    });
  }
  return [{ path: leaf.path, scale: factor, ...span, origin }];
}

/** The signed gaps of a year under a tree: need − budget, for the whole local budget and for dibao. */
function gaps(s: Scenario, p: Projection, year: number, tree: ParameterTree): { gap: number; dibaoGap: number } {
  const i = p.years.findIndex((r) => r.year === year);
  const r = scenarioResult(s.name, p.sums[i]!, tree, s.inputs);
  const scale = p.monthsPerYear === 1 ? 12 : 1;
  const local = r.funding.filter((f) => f.source === 'budget' && f.level !== 'central');
  const fen = (rows: typeof local): number => (rows.reduce((a, f) => a + Math.round(f.amount * 100), 0) * scale) / 100;
  const paths = projectionPaths(s, tree);
  const revenue = paths.revenue(year);
  return { gap: fen(local) - paths.budgetShare(year) * revenue, dibaoGap: fen(local.filter((f) => DIBAO_PROGRAMS.has(f.program))) - paths.dibaoBudgetShare(year) * revenue };
}

/** The funding sensitivity of one projected year (default the last), each assumption × (1 ± range). */
export function fundingSensitivity(s: Scenario, p: Projection, options: { year?: number; range?: number } = {}): FundingSensitivity {
  const year = options.year ?? p.to;
  const range = options.range ?? 0.25;
  const tree = p.parameters;
  const base = gaps(s, p, year, tree);
  const rows: SensitivityRow[] = [];
  for (const leaf of fundingAssumptions(tree)) {
    const variant = (factor: number): SensitivityVariant => {
      const o = variantOverrides(tree, leaf, factor, year);
      return { factor, ...(o.length ? gaps(s, p, year, tree.withOverrides(o)) : base) };
    };
    const low = variant(1 - range);
    const high = variant(1 + range);
    const swing = Math.abs(high.gap - low.gap);
    if (swing < 0.005 && Math.abs(high.dibaoGap - low.dibaoGap) < 0.005) continue;
    rows.push({ path: leaf.path, label: leaf.label, how: isLevelSplit(leaf) ? 'central share' : 'scale', low, high, swing });
  }
  rows.sort((a, b) => b.swing - a.swing || Math.abs(b.high.dibaoGap - b.low.dibaoGap) - Math.abs(a.high.dibaoGap - a.low.dibaoGap) || a.path.localeCompare(b.path));
  return { year, range, ...base, rows };
}
