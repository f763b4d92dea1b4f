/**
 * Fused rule chains (issue #25). Rules with a kernel (rule.ts, RuleKernel) are evaluated one
 * row at a time, so a chain of them runs as one loop over households and their members:
 * a person rule feeding a household sum, and household rules reading each other, with no
 * column made for the rules in between. W1's chain (counted income → per-capita income →
 * benefit) is then one pass over the persons, as a hand-written loop is, where the column
 * formulas make four passes and three intermediate columns.
 *
 * The simulation plans the chain from the rule asked for (the root): an input rule is taken
 * into the loop (inlined) only when it has a kernel, is monthly, is read by no other rule of the
 * month and by no caller, is not computed, given or shared already; any other input is
 * computed as a column first, as usual. Each plan is compiled once into a function of its own
 * (`new Function`, as specialise.ts does), with the kernels as arguments: every call site
 * then sees one kernel, and V8 inlines it.
 *
 * The loop gives the same bytes as the formulas: each inlined rule's value is rounded to its
 * result's class as storing it in its column would, and sums are added member by member in
 * order, rounded the same way (test/fuse.test.ts).
 */
import type { ColumnType } from './buffers.js';
import type { Column } from './column.js';
import type { LocalityTable, ParamValue } from './parameters/resolve.js';
import type { Entity } from './population.js';
import type { Rule, RuleKernel } from './rule.js';

let enabled = process.env.JIUZHU_ENGINE_FUSE !== '0';

/** Turns fusion on or off (off: every rule by its column formula; kept to check that fusion changes no byte). `JIUZHU_ENGINE_FUSE=0` starts a process with it off. */
export function setFusion(on: boolean): void {
  enabled = on;
}

/** Whether rules with a kernel are evaluated by fused loops. */
export function fusion(): boolean {
  return enabled;
}

/** How a value stored in a column of each class is rounded (ToNumber then the class's conversion). */
const ROUND: ReadonlyMap<ColumnType, (x: string) => string> = new Map<ColumnType, (x: string) => string>([
  [Float64Array, (x) => `(${x})`],
  [Float32Array, (x) => `Math.fround(${x})`],
  [Int32Array, (x) => `((${x}) | 0)`],
  [Uint8Array, (x) => `((${x}) & 255)`],
]);

/** A parameter as a fused loop reads it. */
export type FusedParam = number | Float64Array | LocalityTable;

/** Where a plan reads an input from: a column (by index in `columns`) or an inlined node. */
type Ref = { column: number } | { node: number };

/** A rule taken into the loop. */
export interface PlanNode {
  readonly rule: Rule;
  readonly kernel: RuleKernel;
  readonly type: ColumnType;
  /** Inputs by alias. */
  readonly inputs: Readonly<Record<string, Ref>>;
  /** Parameters by alias: numbers, columns of the rule's entity, or locality tables (looked up per household). */
  readonly params: Readonly<Record<string, FusedParam>>;
}

export interface Plan {
  /** Inlined rules first, the root last, each after the nodes it reads. */
  readonly nodes: readonly PlanNode[];
  /** Columns read (dataset columns and rules computed as columns), once each. */
  readonly columns: readonly Column[];
  /** Entity of each column. */
  readonly columnEntity: readonly Entity[];
  /** Rule ids of the columns that are rules (for reuse checks), else undefined. */
  readonly columnRule: readonly (string | undefined)[];
}

/** What planning needs from the simulation. */
export interface PlanHooks {
  entityOf(id: string): Entity;
  /** Whether rule `id` may be inlined (see the file comment). */
  inlinable(id: string): boolean;
  rule(id: string): Rule | undefined;
  /** The column of an input (computed if it is a rule). */
  column(id: string): Column;
  /** A rule's parameter values by alias (resolved for its entity; a leaf varying by locality only may come as a table). */
  params(rule: Rule): Record<string, ParamValue | LocalityTable>;
}

/**
 * The plan for `root`, or undefined when the root itself cannot be fused (a parameter that is
 * not a number or a locality column, a result class the loop does not round). Inputs that
 * cannot be inlined are computed as columns (through hooks.column) while planning.
 */
export function planFusion(root: Rule, hooks: PlanHooks): Plan | undefined {
  const nodes: PlanNode[] = [];
  const columns: Column[] = [];
  const columnEntity: Entity[] = [];
  const columnRule: (string | undefined)[] = [];
  const columnRef = (id: string): Ref => {
    const c = hooks.column(id);
    let k = columns.indexOf(c);
    if (k < 0) {
      k = columns.push(c) - 1;
      columnEntity.push(hooks.entityOf(id));
      columnRule.push(hooks.rule(id) ? id : undefined);
    }
    return { column: k };
  };
  const nodeClass = (ref: Ref): ColumnType => ('node' in ref ? nodes[ref.node]!.type : (columns[ref.column]!.constructor as ColumnType));
  const params = (rule: Rule): Record<string, FusedParam> | undefined => {
    const out: Record<string, FusedParam> = {};
    for (const [alias, v] of Object.entries(hooks.params(rule))) {
      if (typeof v !== 'number' && !(v instanceof Float64Array) && !isTable(v)) return undefined;
      out[alias] = v;
    }
    return out;
  };
  // An inlined rule must be able to sit where it is read: a person rule inside the member loop
  // (read by a person rule or by a household rule's sums), a household rule after it.
  const build = (rule: Rule): number | undefined => {
    const kernel = rule.kernel!;
    const p = params(rule);
    if (!p) return undefined;
    const inputs: Record<string, Ref> = {};
    // A person kernel sees only person inputs (v at the member): one reading a household column is not fused.
    if (rule.entity === 'person' && Object.values(rule.inputs).some((id) => hooks.entityOf(id) !== 'person')) return undefined;
    for (const [alias, id] of Object.entries(rule.inputs)) {
      const dep = hooks.rule(id);
      let ref: Ref | undefined;
      if (dep?.kernel && hooks.inlinable(id) && (dep.entity === 'person' || rule.entity === 'household')) {
        const n = build(dep);
        if (n !== undefined) ref = { node: n };
      }
      inputs[alias] = ref ?? columnRef(id);
    }
    const classes: Record<string, ColumnType> = {};
    for (const [alias, ref] of Object.entries(inputs)) classes[alias] = nodeClass(ref);
    const type = kernel.type(classes);
    if (!ROUND.has(type)) return undefined;
    return nodes.push({ rule, kernel, type, inputs, params: p }) - 1;
  };
  if (!root.kernel || build(root) === undefined) return undefined;
  return { nodes, columns, columnEntity, columnRule };
}

const isTable = (v: unknown): v is LocalityTable => typeof v === 'object' && v !== null && 'index' in v && 'values' in v;
const kind = (v: FusedParam): string => (typeof v === 'number' ? 'n' : isTable(v) ? (v.byUrban ? 'urb' : 'tab') : 'col');

/** The plan's shape as text: the compiled function's cache key, and what a reuse entry of its result records. */
export function planShape(plan: Plan, entityOf: (id: string) => Entity): string {
  const nodes = plan.nodes.map((n) => {
    const ins = Object.entries(n.inputs).map(([a, r]) => `${a}=${'node' in r ? `n${r.node}` : `c${r.column}`}:${entityOf(n.rule.inputs[a]!)}`);
    const ps = Object.entries(n.params).map(([a, v]) => `${a}:${kind(v)}`);
    return `${n.rule.id}:${n.rule.entity}:${n.type.name}(${ins.join(',')};${ps.join(',')})`;
  });
  const cols = plan.columns.map((c, k) => `c${k}:${c.constructor.name}:${plan.columnEntity[k]}`);
  return `${nodes.join(' ')} | ${cols.join(' ')}`;
}

type Compiled = (kernels: readonly RuleKernel[], columns: readonly Column[], params: readonly (readonly FusedParam[])[], start: Int32Array, nH: number, out: Column) => void;
const compiled = new Map<string, Compiled>();

/** Runs a plan into `out` (a column of the root's class and entity). */
export function runPlan(plan: Plan, shape: string, start: Int32Array, out: Column, entityOf: (id: string) => Entity): void {
  let fn = compiled.get(shape);
  if (!fn) compiled.set(shape, (fn = compile(plan, shape, entityOf)));
  fn(plan.nodes.map((n) => n.kernel), plan.columns, plan.nodes.map((n) => Object.values(n.params)), start, start.length - 1, out);
}

/**
 * The source of a plan's loop. Per household h: the member loop computes each inlined person
 * rule and adds each household rule's sums, then the household rules follow in order. The row
 * objects a kernel receives are written as object literals at each call: V8 inlines the kernel
 * and then never makes the object (escape analysis). Objects made once and overwritten row by
 * row were measured twice as slow (28–43 ms against 13–15 ms for W1's chain on 1,000,000
 * persons): their fields are real stores the loop must keep.
 */
function compile(plan: Plan, shape: string, entityOf: (id: string) => Entity): Compiled {
  const q = JSON.stringify;
  const pre: string[] = [];
  const root = plan.nodes.length - 1;
  const rootPerson = plan.nodes[root]!.rule.entity === 'person';
  plan.columns.forEach((_c, k) => pre.push(`const c${k} = columns[${k}];`));
  const value = (ref: Ref, row: string): string => ('node' in ref ? `x${ref.node}` : `c${ref.column}[${row}]`);
  const literal = (fields: readonly (readonly [string, string])[]): string => `{${fields.map(([k, v]) => `${q(k)}: ${v}`).join(', ')}}`;
  const household: string[] = [];
  const member: string[] = [];
  const after: string[] = [];
  plan.nodes.forEach((n, i) => {
    const person = n.rule.entity === 'person';
    const row = person ? 'i' : 'h';
    pre.push(`const k${i} = kernels[${i}].row;`);
    // Parameters: numbers once; columns at the rule's row; locality tables at the household.
    const params = Object.keys(n.params).map((a, j): [string, string] => {
      const k = kind(n.params[a]!);
      pre.push(k === 'n' || k === 'col' ? `const q${i}_${j} = params[${i}][${j}];` : `const q${i}_${j} = params[${i}][${j}].values; const t${i}_${j} = params[${i}][${j}].index;`);
      if (k === 'n') return [a, `q${i}_${j}`];
      if (k === 'col') return [a, `q${i}_${j}[${row}]`];
      return [a, k === 'tab' ? `q${i}_${j}[t${i}_${j}[h]]` : `q${i}_${j}[+!t${i}_${j}[h]]`];
    });
    // A household rule's parameters are one object per household (its sums read it too).
    const p = person ? literal(params) : `p${i}`;
    if (!person) household.push(`const p${i} = ${literal(params)};`);
    const own = Object.entries(n.inputs)
      .filter(([a]) => entityOf(n.rule.inputs[a]!) === n.rule.entity)
      .map(([a, r]): [string, string] => [a, value(r, row)]);
    const round = ROUND.get(n.type)!;
    if (person) {
      const target = i === root ? `out[i] = ` : `const x${i} = `;
      member.push(`${target}${round(`k${i}(${literal(own)}, ${p}, EMPTY)`)};`);
      return;
    }
    // A household rule: its sums in the member loop (person inputs at the member, parameters at h).
    const sums = Object.keys(n.kernel.sums ?? {});
    const m = literal(Object.entries(n.inputs).filter(([a]) => entityOf(n.rule.inputs[a]!) === 'person').map(([a, r]): [string, string] => [a, value(r, 'i')]));
    sums.forEach((name, j) => {
      pre.push(`const f${i}_${j} = kernels[${i}].sums[${q(name)}];`);
      household.push(`let a${i}_${j} = 0;`);
      member.push(`a${i}_${j} = ${round(`a${i}_${j} + f${i}_${j}(${m}, ${p})`)};`);
    });
    const s = literal([...sums.map((name, j): [string, string] => [name, `a${i}_${j}`]), ['size', 'e - b']]);
    const target = i === root ? 'out[h] = ' : `const x${i} = `;
    after.push(`${target}${round(`k${i}(${literal(own)}, ${p}, ${s})`)};`);
  });
  if (rootPerson && after.length) throw new Error('fuse: a person root cannot inline household rules');
  const body = [
    `/* fused: ${shape} */`,
    `const EMPTY = {};`,
    ...pre,
    `for (let h = 0; h < nH; h++) {`,
    `  const b = start[h]; const e = start[h + 1];`,
    ...household.map((l) => `  ${l}`),
    `  for (let i = b; i < e; i++) {`,
    ...member.map((l) => `    ${l}`),
    `  }`,
    ...after.map((l) => `  ${l}`),
    `}`,
  ];
  return new Function('kernels', 'columns', 'params', 'start', 'nH', 'out', body.join('\n')) as Compiled;
}
