/** Shared fuzz helpers: run counts, seeds, and the "rejected with a location" check. */
import { isJiuzhuError, type JiuzhuError } from '../../src/engine/errors.js';

/** Cases per property: 100 in `npm test`; `npm run fuzz` (JIUZHU_FUZZ_RUNS=10000) fuzzes harder. */
export const RUNS = Number(process.env.JIUZHU_FUZZ_RUNS ?? 100);

/** Fixed seeds so `npm test` is reproducible; JIUZHU_FUZZ_SEED shifts them all. */
export function seed(n: number): number {
  return n + Number(process.env.JIUZHU_FUZZ_SEED ?? 0);
}

/** The error as a located JiuzhuError, or a thrown description of what is wrong with it. */
export function located(e: unknown, file: string): JiuzhuError {
  if (!isJiuzhuError(e)) throw new Error(`raw (non-JiuzhuError) exception: ${e instanceof Error ? e.stack : String(e)}`);
  if (e.location.file !== file) throw new Error(`JiuzhuError without the file in its location: ${JSON.stringify(e.location)} ${e.code}: ${e.message}`);
  return e;
}

/** Runs `f`; returns the located rejection, or undefined if it was accepted. */
export function outcome<T>(f: () => T, file: string): { value?: T; error?: JiuzhuError } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: located(e, file) };
  }
}

export async function outcomeAsync<T>(f: () => Promise<T>, file: string): Promise<{ value?: T; error?: JiuzhuError }> {
  try {
    return { value: await f() };
  } catch (e) {
    return { error: located(e, file) };
  }
}

/** Fails unless `f` rejects with a located JiuzhuError; returns it. */
export function mustReject(f: () => unknown, file: string, what: string): JiuzhuError {
  const r = outcome(f, file);
  if (!r.error) throw new Error(`accepted an invalid input (${what})`);
  return r.error;
}
