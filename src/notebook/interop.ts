/**
 * Results as tables for other tools: rows (one object per row, nested figures flattened to
 * dotted keys), plain column objects `{column: values[]}` (the shape danfojs's
 * `new DataFrame(obj)` and most data-frame libraries take), arquero tables, and Apache Arrow
 * IPC bytes. They read only the result document (`--json`), so a result loaded from a JSON
 * file converts the same as one computed in memory.
 */
import * as aq from 'arquero';
import type { Result } from '../scenarios/results/result.js';

/** A cell: what a JSON result holds at its leaves. */
export type Cell = string | number | boolean | null;
/** One row, nested figures flattened to dotted keys (`cost.gap`, `decileShares.1`). */
export type Row = Record<string, Cell>;
/** Plain columns: every array the same length, a missing value as null. */
export type Columns = Record<string, Cell[]>;

/**
 * The tables of a result document:
 * - `scenarios`: one row per scenario, its §二 summary (with distribution and targeting);
 * - `byArea`, `byPrefecture`, `byHouseholdType`: one row per scenario × group;
 * - `months`: one row per scenario × month (cost components, each program's cost);
 * - `programs`: one row per scenario × program (cost, payers, components, recipients, accounts);
 * - `funding`: the funding rows (program, level, source, prefecture, year, amount) with the scenario;
 * - `deltas`: one row per reform × figure (group, metric, baseline, value, absolute, relative);
 * - `decileImpact`: one row per reform × decile;
 * - `years`: one row per year of a projection (`jiuzhu project --json`).
 */
export const RESULT_TABLES = ['scenarios', 'byArea', 'byPrefecture', 'byHouseholdType', 'months', 'programs', 'funding', 'deltas', 'decileImpact', 'years'] as const;
export type ResultTable = (typeof RESULT_TABLES)[number];

/** Nested objects to dotted keys; arrays numbered from 1 (as the deltas number decile shares). */
export function flattenRow(value: object, prefix = '', out: Row = {}): Row {
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v]) : Object.entries(value);
  for (const [k, v] of entries) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') flattenRow(v, key, out);
    else if (v === undefined) continue;
    else out[key] = v as Cell;
  }
  return out;
}

/** Loose view of a result: a compare/run document, or a projection's (scenarios carry `years`). */
type AnyResult = Result | { scenarios: readonly Record<string, unknown>[]; deltas?: readonly Record<string, unknown>[] };
type Loose = Record<string, unknown>;

/** The rows of one table of a result document (see RESULT_TABLES). */
export function resultRows(result: AnyResult, table: ResultTable): Row[] {
  if (!(RESULT_TABLES as readonly string[]).includes(table)) throw new Error(`unknown result table '${table}'; one of ${RESULT_TABLES.join(', ')}`);
  const rows: Row[] = [];
  const scenarios = result.scenarios as unknown as readonly Loose[];
  for (const s of scenarios) {
    const scenario = String(s.name);
    const summary = (s.summary ?? {}) as Loose;
    switch (table) {
      case 'scenarios': {
        const { byArea: _a, byPrefecture: _p, byHouseholdType: _h, ...top } = summary;
        rows.push(flattenRow(top, '', { scenario }));
        break;
      }
      case 'byArea':
      case 'byPrefecture':
      case 'byHouseholdType':
        for (const [group, figures] of Object.entries((summary[table] ?? {}) as Record<string, object>)) rows.push(flattenRow(figures, '', { scenario, group }));
        break;
      case 'months':
        for (const m of (s.months ?? []) as object[]) rows.push(flattenRow(m, '', { scenario }));
        break;
      case 'programs':
        for (const [program, p] of Object.entries((s.programs ?? {}) as Record<string, Loose>)) {
          // The breakdowns are tables of their own; the label keeps both languages.
          const { label, clauses, byArea: _a, byPrefecture: _p, byYear: _y, accounts: _acc, ...figures } = p;
          const l = label as { zh?: string; en?: string } | undefined;
          rows.push(flattenRow(figures, '', { scenario, program, labelZh: l?.zh ?? null, labelEn: l?.en ?? null, clauses: Array.isArray(clauses) ? clauses.join(' ') : null }));
        }
        break;
      case 'funding':
        for (const f of (s.funding ?? []) as object[]) rows.push(flattenRow(f, '', { scenario }));
        break;
      case 'years':
        for (const y of (s.years ?? []) as Loose[]) {
          // Bound prefectures vary in number from year to year: one text cell each, not numbered columns.
          const { standardsBound, byPrefecture: _p, ...rest } = y;
          const bound = Object.fromEntries(Object.entries((standardsBound ?? {}) as Record<string, unknown[]>).map(([k, v]) => [`standardsBound.${k}`, v.join(' ')]));
          rows.push(flattenRow(rest, '', { scenario, ...bound }));
        }
        break;
      default:
        break;
    }
  }
  if (table === 'deltas' || table === 'decileImpact') {
    for (const d of (result.deltas ?? []) as readonly Loose[]) {
      const scenario = String(d.scenario);
      const against = String(d.against);
      if (table === 'decileImpact') {
        for (const r of (d.decileImpact ?? []) as object[]) rows.push(flattenRow(r, '', { scenario, against }));
        continue;
      }
      const push = (group: string, metric: string, x: Loose): void => {
        rows.push({ scenario, against, group, metric, baseline: x.baseline as number, value: x.value as number, absolute: x.absolute as number, relative: (x.relative ?? null) as number | null });
      };
      const walk = (group: string, obj: Loose): void => {
        for (const [k, v] of Object.entries(obj)) {
          const x = v as Loose;
          if (x && typeof x === 'object' && 'absolute' in x && 'baseline' in x) push(group, k, x);
          else if (x && typeof x === 'object') walk(`${group}.${k}`, x);
        }
      };
      walk('summary', (d.summary ?? {}) as Loose);
      walk('distribution', (d.distribution ?? {}) as Loose);
      walk('programs', (d.programs ?? {}) as Loose);
      for (const [k, v] of Object.entries((d.winnersLosers ?? {}) as Record<string, number>)) rows.push({ scenario, against, group: 'winnersLosers', metric: k, baseline: null, value: v, absolute: null, relative: null });
    }
  }
  return rows;
}

/** Rows to plain columns: every key of any row (in first-seen order), null where a row lacks it. */
export function toColumns(rows: readonly object[]): Columns {
  const names: string[] = [];
  const seen = new Set<string>();
  const flat = rows.map((r) => flattenRow(r));
  for (const r of flat) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), names.push(k));
  return Object.fromEntries(names.map((n) => [n, flat.map((r) => (n in r ? r[n]! : null))]));
}

const isColumns = (x: unknown): x is Columns => !Array.isArray(x) && typeof x === 'object' && x !== null && Object.values(x).every(Array.isArray);

/** Rows (or plain columns) as an arquero table, for filtering, grouping and joining in code. */
export function toArquero(data: readonly object[] | Columns): aq.ColumnTable {
  return aq.table(isColumns(data) ? data : toColumns(data));
}

/**
 * Rows, plain columns or an arquero table as Apache Arrow IPC bytes (the file format, the one
 * `.arrow` files and `jiuzhu --data x.arrow` read; `{format: 'stream'}` for streams).
 * Read them back with arquero's `fromArrow`, flechette's `tableFromIPC`, pyarrow or polars.
 */
export function toArrow(data: readonly object[] | Columns | aq.ColumnTable, options: { format?: 'file' | 'stream' } = {}): Uint8Array {
  const t = data instanceof aq.ColumnTable ? data : toArquero(data);
  return aq.toArrowIPC(t, { format: options.format ?? 'file' });
}
