/**
 * The month arena's chunks (src/engine/month-arena.ts): a released simulation's chunks go to the
 * next arena of the thread instead of a new 4 MB ArrayBuffer each (a projection worker runs one
 * simulation per slice and year; session 14), and what the next arena hands out is zeroed as
 * asked, whatever the chunk held before.
 */
import { describe, expect, it } from 'vitest';
import { MonthArena } from '../src/engine/month-arena.js';

describe('the month arena', () => {
  it("gives a released arena's chunk to the next arena, zeroed where asked", () => {
    const first = new MonthArena();
    const a = first.alloc(Float64Array, 1000);
    a.fill(7);
    first.clear();
    const next = new MonthArena();
    const b = next.alloc(Float64Array, 1000);
    // The same memory (the first arena's chunk), handed out from its start again, zeroed.
    expect(b.buffer === a.buffer).toBe(true);
    expect(b.byteOffset).toBe(0);
    expect(b.every((v) => v === 0)).toBe(true);
    // Unzeroed, a column shows what the chunk held (its maker writes every row first).
    next.reset();
    const c = next.alloc(Float64Array, 3, false);
    expect([...c]).toEqual([0, 0, 0]);
    b[1] = 5;
    next.reset();
    expect([...next.alloc(Float64Array, 3, false)]).toEqual([0, 5, 0]);
  });
});
