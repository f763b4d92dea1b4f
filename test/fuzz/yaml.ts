/** Random valid scenario, parameter and codebook documents (as JS objects, stringified to YAML). */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { PREFECTURES } from './csv.js';
import { UNIT_RANGES } from '../../src/engine/parameters/ranges.js';
import type { Unit } from '../../src/engine/parameters/types.js';

export const toYaml = (v: unknown): string => stringify(v, { lineWidth: 0 });

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
/** A valid calendar date 1990-01-01 … 2030-12-31. */
export const isoDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const month = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

// ---- scenarios ----------------------------------------------------------------------------

export const SCENARIO_PATHS = ['dibao.standard', 'dibao.classified.rate', 'dibao.classified', 'dibao.implementation.take_up', 'dibao'];

const where = fc.record(
  {
    prefecture: fc.oneof(fc.constantFrom(...PREFECTURES), fc.subarray([...PREFECTURES], { minLength: 1 })),
    area: fc.constantFrom('urban', 'rural'),
    category: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 })),
  },
  { requiredKeys: [] },
);

export const override = fc
  .record({
    path: fc.constantFrom(...SCENARIO_PATHS),
    op: fc.constantFrom('set', 'scale', 'add'),
    v: finite,
    bool: fc.boolean(),
    from: fc.option(isoDate, { nil: undefined }),
    until: fc.option(isoDate, { nil: undefined }),
    where: fc.option(where, { nil: undefined }),
  })
  .map(({ path, op, v, bool, from, until, where: w }) => {
    const o: Record<string, unknown> = { path };
    if (from) o.from = from;
    if (until) o.until = until;
    o[op] = op === 'set' && bool ? true : v;
    if (w) o.where = w;
    return o;
  });

export const scenario = fc
  .record(
    {
      name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/),
      description: fc.record({ zh: fc.string({ maxLength: 10 }), en: fc.string({ maxLength: 10 }) }),
      extends: fc.constantFrom('baseline-2006.yaml', '../other.yaml'),
      dataset: fc.constantFrom('jilin-2006', 'data/flat.csv'),
      // A period runs forward (from ≤ to): a reversed one is invalid (issue 23).
      period: fc.tuple(month, month).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
      seed: fc.nat(),
      overrides: fc.array(override, { maxLength: 5 }),
      behaviour: fc.record(
        {
          takeUp: fc.record({ rate: fc.double({ min: 0, max: 1, noNaN: true }), assumption: text }),
          observationError: fc.record({ sigma: fc.double({ min: 0, max: 2, noNaN: true }), assumption: text }),
          rationing: fc.record({ quotaShare: fc.double({ min: 0, max: 1, noNaN: true }), assumption: text }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['name', 'description'] },
  );

// ---- parameters ---------------------------------------------------------------------------

export const UNITS_SAMPLE = ['CNY/person/month', 'rate', 'share', 'bool', 'years', 'count', 'index'] as const;
const snake = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);

function reference(clauseIds: string[]): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    fc.constantFrom(...clauseIds).map((c) => ({ clause: c })),
    text.map((s) => ({ source: s })),
    text.map((s) => ({ assumption: s })),
  );
}

/** A valid leaf: number, bool or scale kind, with an optional breakdown. */
function leaf(clauseIds: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      description: text,
      label: fc.record({ zh: fc.string({ maxLength: 6 }), en: fc.string({ maxLength: 6 }) }),
      kind: fc.constantFrom('number', 'bool', 'scale'),
      unit: fc.constantFrom(...UNITS_SAMPLE),
      clause: fc.option(fc.constantFrom(...clauseIds), { nil: undefined }),
      breakdown: fc.subarray<string>(['prefecture', 'area', 'category']),
      categories: fc.uniqueArray(snake, { minLength: 1, maxLength: 3 }),
      dates: fc.uniqueArray(isoDate, { minLength: 1, maxLength: 3 }),
      refs: fc.array(reference(clauseIds), { minLength: 3, maxLength: 3 }),
      nums: fc.array(finite, { minLength: 8, maxLength: 8 }),
      bools: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      star: fc.boolean(),
    })
    .map((g) => {
      const dims: string[] = g.kind === 'scale' ? [] : g.breakdown;
      const node: Record<string, unknown> = { description: g.description, label: g.label, unit: g.kind === 'bool' ? 'bool' : g.unit, kind: g.kind };
      if (g.clause) node.clause = g.clause;
      if (dims.length) node.breakdown = dims;
      if (dims.includes('category')) node.categories = g.categories;
      let n = 0;
      // Every number within its unit's range (src/engine/parameters/ranges.ts), or the leaf is invalid.
      const unit = node.unit as Unit;
      const fit = (x: number): number => {
        const r = UNIT_RANGES[unit];
        const y = r.min + (Math.abs(x) % (r.max - r.min));
        return r.integer ? Math.round(y) : y;
      };
      const scalar = (): number | boolean => (g.kind === 'bool' ? g.bools[n++ % 8]! : fit(g.nums[n++ % 8]!));
      const domain = (d: string): string[] => (d === 'prefecture' ? PREFECTURES.map(String) : d === 'area' ? ['urban', 'rural'] : g.categories);
      const cells = (depth: number): unknown => {
        if (depth === dims.length) return scalar();
        if (g.star) return { '*': cells(depth + 1) };
        return Object.fromEntries(domain(dims[depth]!).map((k) => [k, cells(depth + 1)]));
      };
      const value = (): unknown => {
        if (g.kind !== 'scale') return cells(0);
        const xs = [...new Set(g.nums.map((x) => Math.round(x)))].sort((a, b) => a - b).slice(0, 3);
        return xs.map((above, i) => ({ above, value: fit(g.nums[i]!) }));
      };
      node.values = Object.fromEntries(g.dates.map((d, i) => [d, { value: value(), reference: g.refs[i]! }]));
      return node;
    });
}

/** A valid parameter file: a tree of branches (with optional descriptions) and leaves. */
export function parameterFile(clauseIds: string[]): fc.Arbitrary<Record<string, unknown>> {
  const lf = leaf(clauseIds);
  const { tree } = fc.letrec<{ tree: Record<string, unknown>; node: unknown }>((tie) => ({
    tree: fc.dictionary(snake, tie('node'), { minKeys: 1, maxKeys: 3 }),
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, lf, fc.tuple(fc.option(text, { nil: undefined }), tie('tree')).map(([d, t]) => ({ ...(d ? { description: d } : {}), ...(t as object) }))),
  }));
  return tree;
}

// ---- codebooks ----------------------------------------------------------------------------

export const JIUZHU_COLUMNS = ['household_id', 'person_id', 'prefecture', 'urban', 'age', 'sex', 'earnings', 'pension', 'weight', 'disability'];

export const codebook = fc.record(
  {
    description: fc.string({ maxLength: 10 }),
    encoding: fc.constantFrom('utf8', 'gbk'),
    columns: fc.dictionary(
      fc.constantFrom(...JIUZHU_COLUMNS),
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.record(
          { from: fc.string({ minLength: 1, maxLength: 8 }), codes: fc.dictionary(fc.string({ maxLength: 4 }), finite, { maxKeys: 4 }), scale: finite },
          { requiredKeys: ['from'] },
        ),
      ),
      { maxKeys: 6 },
    ),
    defaults: fc.dictionary(fc.constantFrom(...JIUZHU_COLUMNS), finite, { maxKeys: 3 }),
  },
  { requiredKeys: ['columns'] },
);
