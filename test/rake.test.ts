/** Raking (src/data/rake.ts) on hand-worked examples with known answers. */
import { describe, expect, it } from 'vitest';
import { rake } from '../src/data/rake.js';

const f64 = (...x: number[]): Float64Array => Float64Array.from(x);
const u8 = (...x: number[]): Uint8Array => Uint8Array.from(x);

describe('rake: classical IPF (0/1 contributions)', () => {
  // A 2×2 table as four households (cells) with seed weights
  //     [4 1]
  //     [1 1]
  // raked to row totals [10, 10] and column totals [10, 10].
  const weights = f64(4, 1, 1, 1);
  const rows = { name: 'row', index: u8(0, 0, 1, 1), targets: f64(10, 10) };
  const cols = { name: 'col', index: u8(0, 1, 0, 1), targets: f64(10, 10) };

  it('the first sweep matches the hand computation', () => {
    // Rows: row 1 sums to 5, so ×2 → [8, 2]; row 2 sums to 2, so ×5 → [5, 5].
    // Columns: column 1 sums to 13, so ×10/13 → 80/13, 50/13; column 2 sums to 7, so ×10/7 → 20/7, 50/7.
    const r = rake({ weights, margins: [rows, cols], maxIterations: 1 });
    expect(r.iterations).toBe(1);
    expect(r.converged).toBe(false);
    const want = [80 / 13, 20 / 7, 50 / 13, 50 / 7];
    want.forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v, 12));
    expect(weights).toEqual(f64(4, 1, 1, 1)); // the input is not modified
  });

  it('converges to the closed-form limit that keeps the cross-product ratio', () => {
    // IPF preserves the odds ratio of the seed, (4·1)/(1·1) = 4 (Mosteller 1968; Bishop,
    // Fienberg & Holland 1975, ch. 3). With all margins 10 the limit is [[a, 10−a], [10−a, a]]
    // with a²/(10−a)² = 4, so a/(10−a) = 2 and a = 20/3.
    const r = rake({ weights, margins: [rows, cols], tolerance: 1e-12 });
    expect(r.converged).toBe(true);
    expect(r.maxRelativeDeviation).toBeLessThanOrEqual(1e-12);
    const want = [20 / 3, 10 / 3, 10 / 3, 20 / 3];
    want.forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v, 9));
    expect((r.weights[0]! * r.weights[3]!) / (r.weights[1]! * r.weights[2]!)).toBeCloseTo(4, 9);
    // The convergence path goes down, and the fits report every group.
    for (let i = 1; i < r.history.length; i++) expect(r.history[i]!).toBeLessThanOrEqual(r.history[i - 1]! * (1 + 1e-9));
    expect(r.fits.map((f) => [f.margin, f.group])).toEqual([['row', 0], ['row', 1], ['col', 0], ['col', 1]]);
  });

  it('an explicit value of 1 is the same as no value', () => {
    const a = rake({ weights, margins: [rows, cols] });
    const b = rake({ weights, margins: [{ ...rows, value: f64(1, 1, 1, 1) }, { ...cols, value: f64(1, 1, 1, 1) }] });
    for (let i = 0; i < 4; i++) expect(b.weights[i]).toBeCloseTo(a.weights[i]!, 12);
  });
});

describe('rake: person-level margins (count contributions)', () => {
  it('one margin with counts: the exact multiplicative update w·x^v', () => {
    // Two households with 1 and 2 members, weights 1 and 1, raked to 10 persons:
    // 1·x + 2·x² = 10 → x = 2, so the weights become 1·2¹ = 2 and 1·2² = 4 (2·1 + 4·2 = 10).
    const r = rake({ weights: f64(1, 1), margins: [{ name: 'persons', index: u8(0, 0), value: f64(1, 2), targets: f64(10) }] });
    expect(r.converged).toBe(true);
    expect(r.weights[0]).toBeCloseTo(2, 10);
    expect(r.weights[1]).toBeCloseTo(4, 10);
  });

  it('non-integer contributions take the general Newton path', () => {
    // 0.5·x^0.5 + 1.5·x^1.5 = 13 → x = 4 (0.5·2 + 1.5·8 = 13): weights 4^0.5 = 2 and 4^1.5 = 8.
    const r = rake({ weights: f64(1, 1), margins: [{ name: 'income', index: u8(0, 0), value: f64(0.5, 1.5), targets: f64(13) }] });
    expect(r.weights[0]).toBeCloseTo(2, 10);
    expect(r.weights[1]).toBeCloseTo(8, 10);
  });

  it('integrated household–person raking meets household and person margins together', () => {
    // Four households: (adults, children) = (1,0), (2,1), (2,0), (2,2); two areas.
    // Four margins, four unknowns: w0 + w1 = 120, w2 + w3 = 80, w0 + 2(w1 + w2 + w3) = 380,
    // w1 + 2·w3 = 140. So w0 + 2·w1 = 220 → w1 = 100, w0 = 20; then w3 = 20, w2 = 60.
    const adults = f64(1, 2, 2, 2);
    const children = f64(0, 1, 0, 2);
    const zeros = new Int32Array(4);
    const margins = [
      { name: 'households by area', index: u8(0, 0, 1, 1), targets: f64(120, 80) },
      { name: 'adults', index: zeros, value: adults, targets: f64(380) },
      { name: 'children', index: zeros, value: children, targets: f64(140) },
    ];
    // The margins pin the weights down exactly, a hard case for IPF: it converges linearly and
    // slowly (about 1,000 sweeps to 1e-10), so allow more sweeps than the default 200.
    const r = rake({ weights: f64(50, 50, 50, 50), margins, tolerance: 1e-10, maxIterations: 5000 });
    expect(r.converged).toBe(true);
    const w = r.weights;
    expect(w[0]! + w[1]!).toBeCloseTo(120, 6);
    expect(w[2]! + w[3]!).toBeCloseTo(80, 6);
    expect(adults.reduce((s, a, i) => s + a * w[i]!, 0)).toBeCloseTo(380, 6);
    expect(children.reduce((s, c, i) => s + c * w[i]!, 0)).toBeCloseTo(140, 6);
    [20, 100, 60, 20].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 6));
    expect(r.fits.every((f) => f.relativeDeviation <= 1e-10)).toBe(true);
  });

  it('a zero target empties its group', () => {
    const r = rake({ weights: f64(3, 4, 5), margins: [{ name: 'g', index: u8(0, 1, 1), value: f64(1, 2, 1), targets: f64(6, 0) }] });
    expect(Array.from(r.weights)).toEqual([6, 0, 0]);
    expect(r.converged).toBe(true);
  });
});

describe('rake: failures are reported', () => {
  it('inconsistent margins do not converge, and say so', () => {
    const r = rake({
      weights: f64(1, 1, 1),
      margins: [
        { name: 'households', index: u8(0, 0, 0), targets: f64(10) },
        { name: 'households again', index: u8(0, 0, 0), targets: f64(12) },
      ],
      maxIterations: 25,
    });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(25);
    expect(r.maxRelativeDeviation).toBeGreaterThan(0.1);
  });
  it('bad input throws with the margin name', () => {
    expect(() => rake({ weights: f64(1, 1), margins: [{ name: 'age', index: u8(0), targets: f64(1) }] })).toThrow(/margin 'age'/);
    expect(() => rake({ weights: f64(1, 1), margins: [{ name: 'area', index: u8(0, 2), targets: f64(1, 1) }] })).toThrow(/group 2/);
    expect(() => rake({ weights: f64(1, 1), margins: [{ name: 'v', index: u8(0, 0), value: f64(1, -1), targets: f64(1) }] })).toThrow(/contributes -1/);
  });
});
