/**
 * Where a result's numbers come from, carried inside the Result (`provenance`), so the report,
 * the charts and the explorer need the Result only: each scenario's parameter values on the
 * period's first day with their references and the overrides that changed them, the scenarios'
 * own assumptions and sources, the dataset's description and files, and the opinion's clause
 * coverage. Built once, when the Result is, from the scenarios' parameter trees.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatasetMeta } from '../../data/dataset.js';
import { entryOn, type ParameterTree } from '../../engine/parameters/tree.js';
import { baselineParameters } from '../../policy/parameters.js';
import { referenceBody as referenceIn, type ParameterLeaf } from '../../engine/parameters/types.js';
import { baselineCoverageInput, clauseCoverage, parameterProvenance, parameterValueText, type ParameterProvenanceRow } from '../../policy/coverage.js';
import type { Scenario } from '../input/load.js';
import { baselineSentence } from '../input/baselines.js';
import { scenarioParameters, type Period } from '../execution/run.js';
import type { Provenance } from '../results/result.js';

/** A path as the reader gave it: relative to the working folder when it is below it. */
const readable = (f: string): string => f.replace(`${process.cwd()}/`, '');

/** `key` texts (assumption, source) anywhere under a scenario section, with their dotted path. */
function texts(o: unknown, path: string, key: 'assumption' | 'source'): { subject: string; text: string }[] {
  if (Array.isArray(o)) return o.flatMap((v, i) => texts(v, `${path}.${i}`, key));
  if (o === null || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => (k === key && typeof v === 'string' ? [{ subject: path, text: v }] : texts(v, `${path}.${k}`, key)));
}

/** The reference without the prefix its kind gives (the English text of record). */
const referenceBody = (p: ParameterProvenanceRow): string => referenceIn(p.reference, 'en');

/** Its Chinese text, when the reference has one of its own (a clause reads the same in both). */
function referenceZh(p: ParameterProvenanceRow): { referenceZh?: string } {
  const zh = referenceIn(p.reference, 'zh');
  return zh !== referenceBody(p) ? { referenceZh: zh } : {};
}

/** Every parameter serving a clause (the peer benchmark's demo chain serves none), with each scenario's value on `date`. */
function parameterRows(scenarios: readonly Scenario[], date: string): Provenance['parameters'] {
  const trees = scenarios.map((s) => scenarioParameters(s));
  const leafMaps = trees.map((t) => new Map<string, ParameterLeaf>(t.leaves().map((l) => [l.path, l])));
  const docs = trees.map((t) => new Map(parameterProvenance(t.leaves(), date).parameters.map((p) => [p.path, p])));
  const first = docs[0] ?? new Map<string, ParameterProvenanceRow>();
  return [...first.values()].filter((p) => p.clause !== null).map((p) => ({
    path: p.path, label: p.label, unit: p.unit, clause: p.clause!, since: p.since, firstDate: p.firstDate, kind: p.kind, reference: referenceBody(p), ...referenceZh(p),
    values: docs.map((d) => {
      const own = d.get(p.path);
      if (!own) return { value: null };
      // A scenario's own reference is written only when an override gave it one of its own.
      const differs = own.kind !== p.kind || referenceBody(own) !== referenceBody(p);
      return { value: parameterValueText(own), ...(differs ? { kind: own.kind, reference: referenceBody(own), ...referenceZh(own) } : {}) };
    }),
    overrides: [...new Set(leafMaps.flatMap((m) => {
      const leaf = m.get(p.path);
      return (leaf && entryOn(leaf, date)?.overrides) || [];
    }))],
  }));
}

/**
 * The opinion's clauses, each with its status and what implements it (the baseline's rules and
 * parameters). The same for every result of a baseline: worked out once per baseline tree (it
 * was 5% of a one-month comparison of two scenarios on 1,200 households) and copied into each
 * result, which its reader may change.
 */
function clauseRows(): Provenance['clauses'] {
  const baseline = baselineParameters();
  let rows = clauseRowsOf.get(baseline);
  if (!rows) clauseRowsOf.set(baseline, (rows = coverageRows()));
  return structuredClone(rows);
}
const clauseRowsOf = new WeakMap<ParameterTree, Provenance['clauses']>();

function coverageRows(): Provenance['clauses'] {
  const doc = clauseCoverage(baselineCoverageInput());
  return {
    document: doc.document.number,
    counts: doc.counts,
    rows: doc.sections.flatMap((s) => s.clauses.map((c) => ({
      clause: c.id, lead: c.lead, gloss: c.gloss, status: c.status, programs: c.programs, rules: c.rules.length, parameters: c.parameters.length, notes: c.missing ?? c.reason ?? null,
    }))),
  };
}

/** A result's provenance: its scenarios over `period` on a dataset. */
export function resultProvenance(scenarios: readonly Scenario[], period: Period, dataset: DatasetMeta): Provenance {
  const date = `${period.from}-01`;
  return {
    date,
    dataset: {
      description: dataset.description?.replace(/\s+/g, ' ').trim() ?? null,
      files: dataset.files.map(readable),
      // A generated dataset: its calibration targets, each with its source or labelled assumption.
      targets: dataset.files.map((f) => join(dirname(f), 'targets.yaml')).filter((f) => existsSync(f)).map(readable),
    },
    scenarios: scenarios.map((s) => ({
      name: s.name,
      description: { ...s.description },
      files: s.files.map(readable),
      assumptions: (['behaviour', 'inputs', 'shocks', 'outputs'] as const).flatMap((section) => texts(s[section], section, 'assumption')),
      sources: texts(s.inputs, 'inputs', 'source'),
      baseline: { zh: baselineSentence(s, 'zh'), en: baselineSentence(s, 'en') },
    })),
    parameters: parameterRows(scenarios, date),
    clauses: clauseRows(),
  };
}
