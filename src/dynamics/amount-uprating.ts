/**
 * Uprating every program's amounts in a projection (projection.uprating): each program's
 * amounts in yuan follow the CPI, wages, or stay fixed (nominal), as its parameters name. The
 * result is dated `scale` overrides, one per amount and year, so explain shows where a value
 * comes from. Pure: a function of the tree, the years and the yearly indices.
 */
import type { Override, ParameterTree } from '../engine/parameters/tree.js';
import type { ParameterLeaf } from '../engine/parameters/types.js';

/** The rule a program's amounts follow, as the year rows name it. */
export type UpratingRule = 'cpi' | 'wages' | 'cpi and wages' | 'fixed';

/** The yearly indices uprating reads (previous year = 1). */
export interface UpratingIndices { cpi: number; wages: number }

// Amounts other rules or published series set: the §二.1 growth rule sets dibao.standard; the
// linked lines and the villagers' living level are dated published figures in their own right.
const NOT_UPRATED = ['dibao.standard', 'dibao.linkage.', 'wubao.living_level.'];
const notUprated = (path: string): boolean => NOT_UPRATED.some((p) => (p.endsWith('.') ? path.startsWith(p) : path === p));

const PARAMS = { cpi: 'projection.uprating.cpi', wages: 'projection.uprating.wages' } as const;

/** The namespaces (programs, and the population's events) projection.uprating names. */
export function upratedNamespaces(tree: ParameterTree): readonly string[] {
  return tree.leaf(PARAMS.cpi).categories;
}

/** A namespace's elasticities on a date, and the rule they make. */
export function upratingRule(tree: ParameterTree, namespace: string, date: string): { cpi: number; wages: number; rule: UpratingRule } {
  const cpi = tree.valueAt(PARAMS.cpi, date, { category: namespace });
  const wages = tree.valueAt(PARAMS.wages, date, { category: namespace });
  const rule: UpratingRule = cpi > 0 && wages > 0 ? 'cpi and wages' : cpi > 0 ? 'cpi' : wages > 0 ? 'wages' : 'fixed';
  return { cpi, wages, rule };
}

/** A year's factor for a namespace: (1 + cpi × (CPI − 1)) × (1 + wages × (wage growth − 1)). */
export function yearFactor(e: { cpi: number; wages: number }, idx: UpratingIndices): number {
  return (1 + e.cpi * (idx.cpi - 1)) * (1 + e.wages * (idx.wages - 1));
}

/** The amounts uprated: number leaves with a CNY unit under a namespace, less those other rules set. */
export function upratedLeaves(tree: ParameterTree, namespace: string): ParameterLeaf[] {
  if (!tree.exists(namespace)) return [];
  return tree.leavesUnder(namespace).filter((l) => l.kind === 'number' && l.unit.startsWith('CNY') && !notUprated(l.path));
}

const jan1 = (y: number): string => `${y}-01-01`;

/**
 * The overrides that uprate every named namespace's amounts over the years from–to. The first
 * year keeps the parameters; in a later year y an amount is scaled by the product of the yearly
 * factors of the years after the later of `from` and the year of its value in force on 1 January
 * of y (a value dated in the projection is in its own year's prices), over [1 January y, 1 January
 * y + 1). Also returns each namespace's rule and cumulative factor since `from`, by year.
 */
export function amountUpratingOverrides(tree: ParameterTree, from: number, to: number, indices: (year: number) => UpratingIndices, file?: string): { overrides: Override[]; byYear: Record<string, Record<string, { rule: UpratingRule; index: number }>> } {
  const overrides: Override[] = [];
  const byYear: Record<string, Record<string, { rule: UpratingRule; index: number }>> = {};
  for (let y = from; y <= to; y++) {
    const row: Record<string, { rule: UpratingRule; index: number }> = {};
    for (const ns of upratedNamespaces(tree)) {
      // Cumulative factor since t0 to y, each year's factor under the elasticities in force that year.
      const since = (t0: number): number => {
        let f = 1;
        for (let t = t0 + 1; t <= y; t++) f *= yearFactor(upratingRule(tree, ns, jan1(t)), indices(t));
        return f;
      };
      const { rule } = upratingRule(tree, ns, jan1(y));
      row[ns] = { rule, index: +since(from).toFixed(6) };
      if (y === from) continue;
      for (const leaf of upratedLeaves(tree, ns)) {
        const entry = tree.entryAt(leaf.path, jan1(y));
        // Six decimals, as the year rows and explain show it.
        const f = +since(Math.max(from, Number(entry.date.slice(0, 4)))).toFixed(6);
        if (f === 1) continue;
        overrides.push({
          path: leaf.path, scale: f, from: jan1(y), until: jan1(y + 1),
          origin: { ...(file ? { file } : {}), key: 'projection.uprating', scenario: `uprating ${y}: × ${f} (${ns} amounts follow ${rule}, projection.uprating)` },
        });
      }
    }
    byYear[y] = row;
  }
  return { overrides, byYear };
}
