/**
 * Sets of households met in one month, interned by content: equal sets are one object, so
 * they share one sub-population (and its gathered inputs) and unions of them are memoised by
 * identity. Used by differential runs (differential.ts) and month-to-month runs (temporal.ts).
 */
export class HouseholdSets {
  private readonly byHash = new Map<string, Int32Array[]>();

  /** The one object of this content met so far (this set itself when it is new). */
  canonical(set: Int32Array): Int32Array {
    const k = householdSetKey(set);
    const list = this.byHash.get(k);
    if (list) {
      for (const s of list) if (sameHouseholds(s, set)) return s;
      list.push(set);
    } else this.byHash.set(k, [set]);
    return set;
  }

  /** A new month: sets met before are forgotten. */
  clear(): void {
    this.byHash.clear();
  }
}

/** A key for a set of households by content (its size and an FNV-1a hash of its rows): equal sets, equal keys. */
export function householdSetKey(set: Int32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < set.length; i++) h = Math.imul(h ^ set[i]!, 0x01000193);
  return `${set.length}:${h >>> 0}`;
}

/** Whether two sets of households hold the same rows. */
export function sameHouseholds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
