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

/**
 * The part of the hash that depends on (seed, key) only. Splits a non-negative integer id
 * (up to 2^53) into two 32-bit words for hashing.
 */
function keyPrefix(seed: number, key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ lo);
  return mix32(h ^ Math.imul(hi, 0x85ebca6b));
}

/** The rest of the hash: month and stream mixed into a key's prefix. */
function hashFromPrefix(prefix: number, month: number, stream: number): number {
  const h = mix32(prefix ^ Math.imul(month >>> 0, 0xc2b2ae35));
  return mix32(h ^ Math.imul(stream >>> 0, 0x27d4eb2f));
}

/** The uniform in [0, 1) with 53 random bits from a 32-bit hash. */
function uniformFromHash(a: number): number {
  const b = mix32(a ^ 0x68e31da4);
  return ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
}

/**
 * Whether uniformFromHash(a) < r, as 1 or 0. The uniform is (hi + lo) / 2^53 exactly, with
 * hi = (a >>> 5) × 2^26 and lo in [0, 2^26) from a second hash; both sides times 2^53 (exact for
 * doubles) compare integers below 2^53. Unless r × 2^53 falls between hi and hi + 2^26 (one row in
 * about 2^27), hi alone decides, and the second hash is not made. A NaN rate gives 0, as `u < NaN`.
 */
function chanceFromHash(a: number, r: number): number {
  const scaled = r * 9007199254740992;
  const hi = (a >>> 5) * 67108864;
  if (hi + 67108864 <= scaled) return 1;
  if (hi >= scaled) return 0;
  return hi + (mix32(a ^ 0x68e31da4) >>> 6) < scaled ? 1 : 0;
}

/** One uniform draw in [0, 1) with 53 random bits, keyed by (seed, key, month, stream). */
export function keyedUniform(seed: number, key: number, month: number, stream: number): number {
  return uniformFromHash(hashFromPrefix(keyPrefix(seed, key), month, stream));
}

/** Uniform draws for every key of a column (household or person ids). */
export function keyedUniforms(seed: number, keys: ArrayLike<number>, month: number, stream: number): Float64Array {
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keyedUniform(seed, keys[i]!, month, stream);
  return out;
}

/**
 * The (seed, key) part of the hash of every key, computed once: draws for any month and
 * stream then need only the month and stream mixed in (half the hashing). The values drawn are
 * exactly keyedUniform's.
 */
export interface KeyedDraws {
  readonly seed: number;
  readonly size: number;
  /**
   * keyedUniform(seed, keys[i], month, stream) for every row; where `where` is given, only for
   * its non-zero rows, and 0 in the others (a row's draw never depends on which others are drawn).
   */
  uniforms(month: number, stream: number, where?: ArrayLike<number>, into?: Float64Array): Float64Array;
  /**
   * 1 where keyedUniform(seed, keys[i], month, stream) < rate[i], else 0; with `where`, only for
   * its non-zero rows (0 in the others). The very answers of comparing `uniforms`, most of them
   * without the second hash and the float (see chanceFromHash).
   */
  chances(month: number, stream: number, rate: ArrayLike<number>, where: ArrayLike<number> | undefined, into: Uint8Array): Uint8Array;
  /**
   * The draws of the keys at `rows` (a sub-population's rows), their hash prefixes gathered
   * from these (into `prefix`, of rows.length, when given): the very draws of keyedDraws over
   * those keys, without hashing them again.
   */
  at(rows: Int32Array, prefix?: Uint32Array): KeyedDraws;
}

const prefixCache = new WeakMap<Float64Array, Map<number, Uint32Array>>();

/**
 * Keyed draws over a column of ids. The ids must not change afterwards: their hash prefixes
 * are cached per (column, seed), as population indexes are, and shared by every simulation of
 * the population.
 */
export function keyedDraws(seed: number, keys: Float64Array): KeyedDraws {
  let bySeed = prefixCache.get(keys);
  if (!bySeed) prefixCache.set(keys, (bySeed = new Map()));
  let prefix = bySeed.get(seed);
  if (!prefix) {
    prefix = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) prefix[i] = keyPrefix(seed, keys[i]!);
    bySeed.set(seed, prefix);
  }
  return new PrefixDraws(seed, prefix);
}

/**
 * keyedDraws's draws over a column's hash prefixes. A class, not an object of closures made at
 * each call: a sub-population's rule makes one at each run (simulation.ts runOn), and the fresh
 * closures made V8 compile `uniforms` and `chances` again and again (about 15 times each in a
 * projection worker; docs/performance.md, session 13).
 */
class PrefixDraws implements KeyedDraws {
  readonly size: number;

  constructor(
    readonly seed: number,
    private readonly p: Uint32Array,
  ) {
    this.size = p.length;
  }

  uniforms(month: number, stream: number, where?: ArrayLike<number>, into?: Float64Array): Float64Array {
    const p = this.p;
    // `into` (one slot per key, any content: every slot is written, 0 outside `where`) is
    // where the simulation's reused buffers come in.
    if (into && into.length !== p.length) throw new RangeError(`keyed draws: output has ${into.length} rows for ${p.length} keys`);
    const out = into ?? new Float64Array(p.length);
    const m = Math.imul(month >>> 0, 0xc2b2ae35);
    const s = Math.imul(stream >>> 0, 0x27d4eb2f);
    if (where) {
      if (where.length !== p.length) throw new RangeError(`keyed draws: mask has ${where.length} rows for ${p.length} keys`);
      for (let i = 0; i < p.length; i++) out[i] = where[i] ? uniformFromHash(mix32(mix32(p[i]! ^ m) ^ s)) : 0;
    } else {
      for (let i = 0; i < p.length; i++) out[i] = uniformFromHash(mix32(mix32(p[i]! ^ m) ^ s));
    }
    return out;
  }

  chances(month: number, stream: number, rate: ArrayLike<number>, where: ArrayLike<number> | undefined, into: Uint8Array): Uint8Array {
    const p = this.p;
    if (into.length !== p.length || rate.length !== p.length || (where && where.length !== p.length)) throw new RangeError(`keyed chances: ${into.length} output, ${rate.length} rate and ${where?.length} mask rows for ${p.length} keys`);
    const m = Math.imul(month >>> 0, 0xc2b2ae35);
    const s = Math.imul(stream >>> 0, 0x27d4eb2f);
    if (where) {
      for (let i = 0; i < p.length; i++) into[i] = where[i] ? chanceFromHash(mix32(mix32(p[i]! ^ m) ^ s), rate[i]!) : 0;
    } else {
      for (let i = 0; i < p.length; i++) into[i] = chanceFromHash(mix32(mix32(p[i]! ^ m) ^ s), rate[i]!);
    }
    return into;
  }

  at(rows: Int32Array, prefix: Uint32Array = new Uint32Array(rows.length)): KeyedDraws {
    const p = this.p;
    for (let i = 0; i < rows.length; i++) prefix[i] = p[rows[i]!]!;
    return new PrefixDraws(this.seed, prefix);
  }
}

/** Stable stream number from a stream name, so rules name their streams in words. */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A standard normal draw from two uniforms in [0, 1) (Box–Muller); a zero first uniform is nudged up. */
export function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1 || Number.MIN_VALUE)) * Math.cos(2 * Math.PI * u2);
}
