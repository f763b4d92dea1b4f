/**
 * One compiled copy of a column kernel per typed-array class.
 *
 * V8 keeps type feedback per function: a helper such as `broadcastToPersons`, called by many
 * rules with Uint8Array, Int32Array, Float32Array and Float64Array columns, sees more element
 * kinds than its inline caches hold and falls back to generic (megamorphic) element access, six
 * times slower on 300,000 persons (11.5 ms against 1.7 ms, measured on this project's machine).
 * `specialise` compiles the kernel's own source once per class, so every copy stays
 * monomorphic. The logic is written once, as an ordinary typed function; the copies are clones.
 *
 * A kernel must be self-contained: it may use only its arguments and globals (no imports, no
 * closure variables), since its copies are compiled from its source text.
 */

/** Every class a column (or a mask, or a weight column) may have. */
const ARRAY_CLASSES = [Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray] as const;

/**
 * Returns `pick(values)`: the copy of `kernel` compiled for the class of `values` (the generic
 * kernel itself for anything else, such as a plain array).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function specialise<F extends Function>(kernel: F): (values: ArrayLike<number>) => F {
  const copies = new Map<unknown, F>();
  const source = kernel.toString();
  for (const cls of ARRAY_CLASSES) {
    // The class name in a comment makes each source text distinct, so V8's compilation cache
    // cannot hand two classes one shared function (and one shared feedback).
    copies.set(cls, new Function(`/* ${kernel.name} for ${cls.name} */ return (${source});`)() as F);
  }
  return (values) => copies.get(values.constructor) ?? kernel;
}
