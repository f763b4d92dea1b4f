/** Small helpers for formulas reading parameters that may be scalars or columns. */
import { JiuzhuError } from './errors.js';
import type { ParamValue, Scale } from './parameters/resolve.js';

/** A parameter as one value per row (a scalar is repeated). */
export function asColumn(p: ParamValue, n: number): Float64Array {
  if (typeof p === 'number') return new Float64Array(n).fill(p);
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
