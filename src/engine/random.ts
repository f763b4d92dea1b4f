/**
 * A keyed, counter-based random generator: uniform(seed, key, month, stream) is a pure
 * hash, so a household's draw does not depend on which chunk or worker computes it,
 * nor on how many other draws were made before.
 */

/** A 32-bit avalanche mix (Chris Wellons' "lowbias32", bias ≈ 0.17). */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Splits a non-negative integer id (up to 2^53) into two 32-bit words for hashing. */
function hashKey(seed: number, key: number, month: number, stream: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ lo);
  h = mix32(h ^ Math.imul(hi, 0x85ebca6b));
  h = mix32(h ^ Math.imul(month >>> 0, 0xc2b2ae35));
  h = mix32(h ^ Math.imul(stream >>> 0, 0x27d4eb2f));
  return h;
}

/** One uniform draw in [0, 1) with 53 random bits, keyed by (seed, key, month, stream). */
export function keyedUniform(seed: number, key: number, month: number, stream: number): number {
  const a = hashKey(seed, key, month, stream);
  const b = mix32(a ^ 0x68e31da4);
  return ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
}

/** Uniform draws for every key of a column (household or person ids). */
export function keyedUniforms(seed: number, keys: ArrayLike<number>, month: number, stream: number): Float64Array {
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keyedUniform(seed, keys[i]!, month, stream);
  return out;
}

/** Stable stream number from a stream name, so rules name their streams in words. */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
