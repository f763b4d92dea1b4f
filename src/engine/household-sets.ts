/**
 * Sets of households met in one month, interned by content: equal sets are one object, so
 * they share one sub-population (and its gathered inputs) and unions of them are memoised by
 * identity. Used by differential runs (differential.ts) and month-to-month runs (temporal.ts).
 */
export class HouseholdSets {
  private readonly byHash = new Map<string, Int32Array[]>();

  /** The one object of this content met so far (this set itself when it is new). */
  canonical(set: Int32Array): Int32Array {
    let h = 0x811c9dc5;
    for (let i = 0; i < set.length; i++) h = Math.imul(h ^ set[i]!, 0x01000193);
    const k = `${set.length}:${h >>> 0}`;
    const list = this.byHash.get(k);
    if (list) {
      for (const s of list) {
        let eq = s.length === set.length;
        for (let i = 0; i < s.length && eq; i++) eq = s[i] === set[i];
        if (eq) return s;
      }
      list.push(set);
    } else this.byHash.set(k, [set]);
    return set;
  }

  /** A new month: sets met before are forgotten. */
  clear(): void {
    this.byHash.clear();
  }
}
