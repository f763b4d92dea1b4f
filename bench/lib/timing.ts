/** Timing helpers. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs fn once and returns its value and wall time in ms. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

import { setTimeout as sleep } from 'node:timers/promises';

let gcFn: (() => void) | undefined;

/**
 * A full garbage collection between steps (never inside a timed step), so one step's garbage
 * is not collected on the next one's clock. Uses the standard --expose-gc trick in a fresh
 * context, since `npm run bench` starts node without the flag.
 */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

/** A full GC, then a short idle pause so V8's background sweeping and unmapping finish before the next timed step. */
export async function settle(ms = 50): Promise<void> {
  collectGarbage();
  await sleep(ms);
}
