/**
 * Masked draws month to month (engine/temporal.ts, drawLimit): a rule's draws are collected for
 * following only up to a quarter of the households; a rule that drew for more last month (or
 * read the month) is not collected for again, since it runs in full anyway (issue #25, W4).
 * Seen from the formula: the limit it is given (`drawLimit`, the context's field).
 */
import { describe, expect, it } from 'vitest';
import { createPopulation } from '../src/engine/population.js';
import { defineRule } from '../src/engine/rule.js';
import { Simulation } from '../src/engine/simulation.js';
import { placeholderTree } from './helpers.js';

// The rules under test read no parameter: a tree of one unused leaf.
const tree = placeholderTree();

// Eight one-person households: a quarter of them is 2.
const pop = () =>
  createPopulation({
    households: { id: [1, 2, 3, 4, 5, 6, 7, 8], weight: [1, 1, 1, 1, 1, 1, 1, 1], columns: { prefecture: new Int32Array(8).fill(220100), urban: new Uint8Array(8).fill(1) } },
    persons: { id: [11, 12, 13, 14, 15, 16, 17, 18], household: [1, 2, 3, 4, 5, 6, 7, 8] },
  });

describe('the draw limit month to month', () => {
  it('gives a rule that drew for more than a quarter of the households no limit the month after', () => {
    // mask_given: who may draw. January: households 0 and 1 (2, at the limit); February: 0–4
    // (5, over it); March and April: 0 and 1 again.
    const MASKS = [[1, 1, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0, 0]];
    const limits: number[] = [];
    const rules = [
      defineRule({ id: 'mask_given', entity: 'household', period: 'month', inputs: [], parameters: {}, reference: { source: 'test' }, formula: (_i, _p, ctx) => new Uint8Array(ctx.size) }),
      defineRule({
        id: 'drawn', entity: 'household', period: 'month', inputs: ['mask_given'], parameters: {}, reference: { source: 'test' },
        formula: (i, _p, ctx) => {
          // Only the full runs of all eight households are recorded (a sub-population's limit is its size).
          if (ctx.size === 8) limits.push((ctx as unknown as { drawLimit: number }).drawLimit);
          const u = ctx.random('s', i.mask_given!);
          return Float64Array.from(u, (x) => (x > 0 ? 1 : 0));
        },
      }),
    ];
    const sim = new Simulation({ population: pop(), parameters: tree, rules, seed: 1, lend: true, temporal: true });
    ['2006-01', '2006-02', '2006-03', '2006-04'].forEach((m, k) => {
      sim.setInput('mask_given', m, Uint8Array.from(MASKS[k]!));
      sim.calculate('drawn', m);
    });
    // January: the first run, limit 2. February: its inputs changed for 3 households (over a
    // quarter), so it runs in full with the limit 2 again (January's draws were followed), and
    // draws for 5: over it. March: in full (February read the month), with no limit: 0. April:
    // March drew for 2 but was not collected for, so it counts as reading the month: in full, 0.
    expect(limits).toEqual([2, 2, 0, 0]);
  });
});
