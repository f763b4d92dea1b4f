/**
 * The accumulators' and results' shortcuts in runs against a base and in runs after runs on the
 * same slices (session 10, issue #25): recipients counted from the flagged rows (ever-flagged.ts),
 * a shared flag column's flagged rows found once (program-accumulator.ts), the households'
 * weights, sizes and person weights assembled once (distribution.ts), the §二 summary's member
 * counts from a base column's non-zero rows (execution/accumulate.ts). Each gives the same bytes
 * as without it; off, every run reads every row as before (kept to check that no byte changes).
 * `JIUZHU_RESULT_REUSE=0` starts a process with them off.
 */
let enabled = process.env.JIUZHU_RESULT_REUSE !== '0';

/** Turns the shortcuts on or off for what is accumulated and built from now on. */
export function setResultReuse(on: boolean): void {
  enabled = on;
}

/** Whether the shortcuts are on. */
export function resultReuse(): boolean {
  return enabled;
}
