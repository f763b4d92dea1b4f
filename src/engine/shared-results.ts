/**
 * Rule results shared by the simulations of one population.
 *
 * A comparison, a sweep, a solver or the explorer runs many scenarios on one population, and
 * most rules do not read the parameters a reform changes: 63 of the system's 163 rules do not
 * depend on the dibao standard at all. A rule's column is a pure function of the population,
 * the seed, the parameter leaves it reads (directly or through its inputs), the period and the
 * columns given instead of computed (the month loop's carried state). So the column computed
 * by one simulation can be handed to another whose fingerprint of those things is the same.
 *
 * The fingerprint names each parameter leaf by its content: a tree made with overrides shares
 * every leaf it leaves alone (ParameterTree.withOverrides), and an override that sets a leaf to
 * what another tree's leaf holds (a scenario's own overrides, applied again to each of the
 * explorer's trees) makes a leaf equal to it, which takes the same name. Given columns are
 * fingerprinted by their content (two 32-bit hashes, the dtype and the length).
 *
 * Entries are kept first come, first kept, up to a byte budget: in a comparison the first
 * scenario's columns stay for the next ones (a least-recently-used policy would evict a
 * 12-month run's first months before the next scenario reads them).
 */
import type { Column } from './column.js';
import type { RuleGraph } from './graph.js';
import { parseInputId } from './graph.js';
import type { ParameterTree } from './parameters/tree.js';
import type { ParameterLeaf } from './parameters/types.js';
import type { Population } from './population.js';

/**
 * Byte budget of a store unless told otherwise: one month of the whole system on the default
 * 100,000-household dataset (about 220 MB), which is what a sweep or the explorer reuses. A
 * 12-month comparison holds it on top of its own columns (peak RSS 750 MB against 556 MB
 * without sharing, 12.4 s against 16.5 s). A memory knob, not a policy number.
 */
export const DEFAULT_SHARED_BYTES = 256 * 1024 * 1024;

export interface SharedResultsOptions {
  /**
   * Keep only the columns of rules that reach none of these parameter paths (or paths under
   * them). A store for runs that differ only there (the explorer's sliders) then spends its
   * budget on the columns every one of them can take: about 370 MB for a year of the default
   * dataset, against 220 MB for one month of every column. Rules that reach them are not looked
   * up at all. Default: every column is kept while the budget lasts.
   */
  unreached?: readonly string[];
}

export class SharedResults {
  private readonly columns = new Map<string, Column>();
  private bytes = 0;
  private readonly unreached: readonly string[] | undefined;
  /** Per rule graph and rule: whether this store keeps the rule's columns. */
  private readonly keeps = new WeakMap<RuleGraph, Map<string, boolean>>();

  /** A store for the simulations of `population` (others may not use it). */
  constructor(readonly population: Population, readonly maxBytes = DEFAULT_SHARED_BYTES, private readonly options: SharedResultsOptions = {}) {
    this.unreached = options.unreached;
  }

  /** Whether this store keeps (and so may hold) the columns of rule `id` of `graph`. */
  holds(graph: RuleGraph, id: string): boolean {
    const paths = this.unreached;
    if (!paths) return true;
    let byId = this.keeps.get(graph);
    if (!byId) this.keeps.set(graph, (byId = new Map()));
    let keep = byId.get(id);
    if (keep === undefined) {
      keep = !ruleReach(graph, id).paths.some((p) => paths.some((u) => p === u || p.startsWith(`${u}.`) || u.startsWith(`${p}.`)));
      byId.set(id, keep);
    }
    return keep;
  }

  get(key: string): Column | undefined {
    return this.columns.get(key);
  }

  private readonly parts = new Map<number, SharedResults>();

  /**
   * The store of part k of this population (a slice simulated on its own, see
   * scenarios/execution/plan.ts), made once per part; its budget is the part's share of this one's.
   */
  part(k: number, population: Population): SharedResults {
    if (population === this.population) return this;
    let p = this.parts.get(k);
    if (!p || p.population !== population) {
      const { maxBytes, options } = this.partSettings(population.nHouseholds);
      p = new SharedResults(population, maxBytes, options);
      this.parts.set(k, p);
    }
    return p;
  }

  /**
   * The budget and options of the store of a part of `households` households (part): a thread
   * that simulates some slices on its own (scenarios/execution/helper-thread.ts) makes their
   * stores with these, as this thread would.
   */
  partSettings(households: number): { maxBytes: number; options: SharedResultsOptions } {
    return { maxBytes: Math.floor((this.maxBytes * households) / Math.max(this.population.nHouseholds, 1)), options: this.options };
  }

  /** Columns held, each once (a column reused for several months is held under each month's key). */
  private readonly held = new WeakSet<Column>();

  /**
   * Keeps a column unless the budget is spent; true when it was kept (and so may be read by
   * others). A column already held under another key takes no more of the budget.
   */
  offer(key: string, column: Column): boolean {
    if (this.columns.has(key)) return false;
    const more = this.held.has(column) ? 0 : column.byteLength;
    if (this.bytes + more > this.maxBytes) return false;
    this.columns.set(key, column);
    this.held.add(column);
    this.bytes += more;
    return true;
  }

  /**
   * Whether `column` is one this store holds: a column no one writes again (readers may keep
   * what they work out from it, as the accumulators keep their sums of it: issue #25).
   */
  isHeld(column: Column): boolean {
    return this.held.has(column);
  }

  /** Columns and bytes held (for tests and diagnostics). */
  get size(): { columns: number; bytes: number } {
    return { columns: this.columns.size, bytes: this.bytes };
  }
}

/** What a rule reads, directly or through its inputs: parameter paths and rule ids. */
export interface RuleReach {
  paths: readonly string[];
  rules: ReadonlySet<string>;
}

const reachByGraph = new WeakMap<RuleGraph, Map<string, RuleReach>>();

/** The parameter paths and rules a rule reaches through its inputs (memoised per graph). */
export function ruleReach(graph: RuleGraph, id: string): RuleReach {
  let memo = reachByGraph.get(graph);
  if (!memo) reachByGraph.set(graph, (memo = new Map()));
  const known = memo.get(id);
  if (known) return known;
  const rule = graph.rules.get(id);
  const paths = new Set<string>();
  const rules = new Set<string>();
  if (rule) {
    for (const p of Object.values(rule.parameters)) paths.add(p);
    for (const raw of Object.values(rule.inputs)) {
      const input = parseInputId(raw).id;
      if (!graph.rules.has(input)) continue; // a dataset column: part of the population
      rules.add(input);
      const sub = ruleReach(graph, input);
      for (const p of sub.paths) paths.add(p);
      for (const r of sub.rules) rules.add(r);
    }
  }
  const reach = { paths: [...paths].sort(), rules };
  memo.set(id, reach);
  return reach;
}

/**
 * Leaf contents met, as text, and the number naming each. Bounded: when full it starts afresh,
 * and a content met again then gets a new number (never an old one), which can only make a key
 * miss, never match a column of other values. A memory knob.
 */
const MAX_LEAF_CONTENTS = 4096;
let contentIds = new Map<string, number>();
let nextContentId = 1;
const leafIds = new WeakMap<ParameterLeaf, number>();

/**
 * A number naming a leaf's content: two leaves with the same path, kind, breakdown, categories
 * and dated values (everything a resolution or a series reads) get the same number. Memoised
 * per leaf object, so a leaf shared by many trees is written out once.
 */
function leafId(leaf: ParameterLeaf): number {
  let id = leafIds.get(leaf);
  if (id !== undefined) return id;
  const text = JSON.stringify([leaf.path, leaf.kind, leaf.unit, leaf.breakdown, leaf.categories, leaf.values]);
  id = contentIds.get(text);
  if (id === undefined) {
    if (contentIds.size >= MAX_LEAF_CONTENTS) contentIds = new Map();
    contentIds.set(text, (id = nextContentId++));
  }
  leafIds.set(leaf, id);
  return id;
}

const leafIdsByTree = new WeakMap<ParameterTree, Map<string, string>>();

/** The content names of the leaves at or under a path of a tree, as text (memoised per tree). */
export function leafIdentity(tree: ParameterTree, path: string): string {
  let memo = leafIdsByTree.get(tree);
  if (!memo) leafIdsByTree.set(tree, (memo = new Map()));
  let ids = memo.get(path);
  if (ids === undefined) memo.set(path, (ids = tree.leavesUnder(path).map(leafId).join('.')));
  return ids;
}

/**
 * A column's content as text: dtype, length and two independent 32-bit hashes of its bytes
 * (multiply–xorshift mixing over 32-bit words, then the tail bytes).
 */
export function columnFingerprint(c: Column): string {
  const bytes = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  const words = Math.floor(bytes.length / 4);
  const view = c.byteOffset % 4 === 0 ? new Uint32Array(c.buffer, c.byteOffset, words) : new Uint32Array(bytes.slice(0, words * 4).buffer);
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < words; i++) {
    const w = view[i]!;
    a = Math.imul(a ^ w, 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b + w, 0xc2b2ae35) ^ (b >>> 13);
  }
  for (let i = words * 4; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b + bytes[i]!, 0xc2b2ae35);
  }
  return `${c.constructor.name}:${c.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
