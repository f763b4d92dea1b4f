/**
 * Lists of Float64Arrays as the accumulators and result code keep them: made by pushing onto a
 * literal, and walked with plain loops. `Array.prototype.map` gave arrays of one elements kind from
 * the interpreter and another from optimised code, so their readers met a new shape each time the
 * maker moved tier ("wrong map", issue #25, session 13); and a callback made per call had its
 * optimised code dropped at each full GC and compiled again (issue #25, W3, session 16).
 */

/** n arrays of `length` zeros. */
export function zeroArrays(n: number, length: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) out.push(new Float64Array(length));
  return out;
}

/** A copy of each array. */
export function copies(a: readonly Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < a.length; i++) out.push(Float64Array.from(a[i]!));
  return out;
}

/** Adds b into a, entry by entry. */
export function addInto(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
}

/** addInto of each array of b into the one of a at its index. */
export function addEach(a: readonly Float64Array[], b: readonly Float64Array[]): void {
  for (let k = 0; k < a.length; k++) addInto(a[k]!, b[k]!);
}
