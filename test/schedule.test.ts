/**
 * The order in which worker threads take slices (src/scenarios/execution/schedule.ts): largest
 * first, within a budget of households in flight. The sizes are the full count's prefectures
 * (bench/.cache/jilin-2006-full/manifest.json, households summed per prefecture tag), in
 * hundred-thousands rounded: Changchun 24, Jilin 14, Siping 11, Liaoyuan 4, Tonghua 7, Baishan 4,
 * Songyuan 9, Baicheng 7, Yanbian 7 (plan order = PREFECTURE_CODES order).
 */
import { describe, expect, it } from 'vitest';
import { SliceQueue } from '../src/scenarios/execution/schedule.js';
import { inFlightBudget } from '../src/scenarios/execution/threads.js';

const W2 = [24, 14, 11, 4, 7, 4, 9, 7, 7];

/** Whether a promise has settled after pending microtasks ran (a waiting take() has not). */
async function settled<T>(p: Promise<T>): Promise<{ value: T } | 'waiting'> {
  const waiting = Symbol('waiting');
  const r = await Promise.race([p, new Promise<typeof waiting>((resolve) => setTimeout(() => resolve(waiting), 0))]);
  return r === waiting ? 'waiting' : { value: r as T };
}

describe('SliceQueue', () => {
  it('the default budget: the largest slice and 40% more (15% beyond one month), or a median slice per worker', () => {
    expect(inFlightBudget(W2, 2)).toBe(34); // ceil(24 × 1.4) = 33.6 → 34 > 2 × 7 (the median of the nine)
    // ceil(24 × 1.15) = 27.6 → 28. In households: 2,413,125 × 1.15 = 2,775,094 < Changchun + Liaoyuan (2,804,632).
    expect(inFlightBudget(W2, 2, 12)).toBe(28);
    expect(inFlightBudget([2_413_125, 391_507], 2, 12)).toBe(2_775_094);
    expect(inFlightBudget(W2, 6)).toBe(42); // 6 × 7
    expect(inFlightBudget([10, 10, 10, 10], 2)).toBe(20); // equal slices: both workers busy
    expect(inFlightBudget([], 2)).toBe(0);
  });

  it('pairs the largest slice with the largest that fits beside it, and waits when none fits', async () => {
    const q = new SliceQueue(W2, 36); // a budget of 36, as 1.5 × the largest would give
    expect(await q.take()).toBe(0); // Changchun, 24
    // 36 − 24 = 12 left: Jilin (14) does not fit, Siping (11) does.
    expect(await q.take()).toBe(2);
    expect(q.households).toBe(35);
    // 1 left: nothing fits, the third worker waits.
    const third = q.take();
    expect(await settled(third)).toBe('waiting');
    q.done(2); // Siping done: 24 in flight, 12 free; the largest that fits is Songyuan (9, job 6).
    expect(await third).toBe(6);
    q.done(0); // Changchun done: 9 in flight, 27 free; Jilin (14) fits now.
    expect(await q.take()).toBe(1);
    expect(q.households).toBe(23);
    // Then the 7s in plan order (a stable sort), then the 4s.
    expect(await q.take()).toBe(4);
    q.done(6);
    q.done(1);
    q.done(4);
    expect(await q.take()).toBe(7);
    expect(await q.take()).toBe(8);
    expect(await q.take()).toBe(3);
    expect(await q.take()).toBe(5);
    expect(q.households).toBe(7 + 7 + 4 + 4);
    expect(await q.take()).toBeUndefined();
  });

  it('a slice larger than the budget runs alone, when nothing else is in flight', async () => {
    const q = new SliceQueue([5, 30, 5], 10);
    expect(await q.take()).toBe(1); // 30 > 10, but nothing is in flight
    const next = q.take();
    expect(await settled(next)).toBe('waiting'); // 30 + 5 > 10
    q.done(1);
    expect(await next).toBe(0);
    expect(await q.take()).toBe(2);
    expect(q.households).toBe(10);
  });

  it('close() stops handing out slices: a waiting worker gets none', async () => {
    const q = new SliceQueue([8, 8, 8], 10);
    expect(await q.take()).toBe(0);
    const waiting = q.take();
    q.close();
    expect(await waiting).toBeUndefined();
    q.done(0);
    expect(q.households).toBe(0);
    expect(await q.take()).toBeUndefined();
  });
});
