/**
 * An array of n items made by pushing onto a literal. `Array.prototype.map` gave arrays of one
 * shape from the interpreter and another from optimised code (its elements kind), so the code that
 * read them met a new shape each time the code that made them moved tier, and was thrown away
 * ("wrong map" deoptimisations, issue #25: W3's result code was still recompiled after 100 variants).
 */
export function packed<T>(n: number, item: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(item(i));
  return out;
}
