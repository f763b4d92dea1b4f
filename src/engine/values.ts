/** Small helpers for formulas reading parameters that may be scalars or columns. */
import { JiuzhuError } from './errors.js';
import type { ParamValue, Scale } from './parameters/resolve.js';

/** Where a repeated scalar's column comes from: a formula passes its `ctx` (a pooled buffer, given back when the formula returns). */
interface Allocates { allocFull(type: typeof Float64Array, length?: number): Float64Array }

/**
 * A parameter as one value per row (a scalar is repeated). With a formula's `ctx`, the repeated
 * scalar is written into a buffer of the simulation's pool (a temporary: back to the pool when
 * the formula returns) instead of a new array: about 30 rules did this every month, some 40 MB
 * of garbage a month on the default dataset (issue #25).
 */
export function asColumn(p: ParamValue, n: number, ctx?: Allocates): Float64Array {
  if (typeof p === 'number') return (ctx ? ctx.allocFull(Float64Array, n) : new Float64Array(n)).fill(p);
  if (p instanceof Float64Array) return p;
  throw new JiuzhuError('PARAMETER_SHAPE', 'expected a number or a column parameter, got a category table or scale', { kind: 'internal' });
}

/** A scalar parameter; throws if it varies by locality. */
export function asNumber(p: ParamValue): number {
  if (typeof p === 'number') return p;
  throw new JiuzhuError('PARAMETER_SHAPE', 'expected a single number parameter', { kind: 'internal' });
}

/** One category of a category-broken-down parameter. */
export function category(p: ParamValue, name: string): number | Float64Array {
  if (typeof p === 'object' && !(p instanceof Float64Array) && !('brackets' in p)) {
    const v = (p as Record<string, number | Float64Array>)[name];
    if (v !== undefined) return v;
  }
  throw new JiuzhuError('PARAMETER_SHAPE', `parameter has no category '${name}'`, { kind: 'internal' });
}

/** A bracket-scale parameter. */
export function asScale(p: ParamValue): Scale {
  if (typeof p === 'object' && 'brackets' in p) return p as Scale;
  throw new JiuzhuError('PARAMETER_SHAPE', 'expected a bracket scale parameter', { kind: 'internal' });
}

/** Value of a number-or-column at row i. */
export function at(p: number | Float64Array, i: number): number {
  return typeof p === 'number' ? p : p[i]!;
}
