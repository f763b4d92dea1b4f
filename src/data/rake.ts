/**
 * Raking (iterative proportional fitting) of household weights to margins, including
 * person-level margins through per-household contributions (integrated household–person
 * calibration).
 *
 * Method. A margin partitions households into groups (`index`) and gives each household a
 * contribution `value` (default 1: a household count; the number of members for a
 * population margin; the number of members aged 0–14 for an age margin). The constraint of
 * group g is
 *     Σ_{h in g} w_h · v_h = T_g.
 * One raking step solves, for every group of one margin, the exact multiplicative update
 *     w_h ← w_h · x_g^{v_h},   x_g > 0 chosen so that Σ_{h in g} w_h v_h x_g^{v_h} = T_g,
 * i.e. the Kullback–Leibler (I-)projection of the weights onto that constraint. With 0/1
 * contributions this is x_g = T_g / Σ w_h, the classical IPF ratio (Deming & Stephan 1940).
 * With counts, x_g is found by Newton's method on λ = ln x_g; ln Σ w v e^{λv} is convex and
 * increasing in λ, so Newton converges monotonically after at most one overshoot. Households
 * contributing nothing to a group are unchanged by its step.
 *
 * One iteration is one sweep over all margins. Cycling I-projections onto linear constraints
 * converges to the weights closest to the input weights in KL divergence that satisfy every
 * margin, whenever such weights exist (Csiszár 1975, "I-divergence geometry of probability
 * distributions and minimization problems", Ann. Probab. 3(1), Thm 3.2). The limit is the
 * raking estimator of Deville & Särndal (1992), w_h = d_h · exp(x_h'λ). Redundant but
 * consistent margins are fine (e.g. population by prefecture and by age group). Inconsistent
 * margins never converge: the sweep stops at maxIterations with converged = false and the
 * achieved deviations reported.
 */

export interface Margin {
  name: string;
  /** Group of each household, 0 … targets.length-1. */
  index: Int32Array | Uint8Array;
  /** Target total of each group. */
  targets: Float64Array;
  /** Contribution of each household (≥ 0); default 1. */
  value?: Float64Array;
}

export interface RakeInput {
  /** Starting (design) weights; not modified. */
  weights: Float64Array;
  margins: Margin[];
  /** Sweeps over all margins; default 200. */
  maxIterations?: number;
  /** Stop when every group's |achieved − target| / target is below this; default 1e-8. */
  tolerance?: number;
}

export interface GroupFit {
  margin: string;
  group: number;
  target: number;
  achieved: number;
  relativeDeviation: number;
}

export interface RakeResult {
  weights: Float64Array;
  /** Sweeps done. */
  iterations: number;
  /** Largest |achieved − target| / target over all groups after the last sweep. */
  maxRelativeDeviation: number;
  converged: boolean;
  /** Per sweep, the largest deviation of a margin just before its own update (the convergence path). */
  history: number[];
  fits: GroupFit[];
}

/** Integer contributions up to this are raked via per-group histograms (fast path). */
const MAX_HISTOGRAM_VALUE = 64;
const NEWTON_ITERATIONS = 60;
const NEWTON_TOLERANCE = 1e-13;
const LAMBDA_BOUND = 50;

interface Prepared {
  m: Margin;
  nGroups: number;
  /** Histogram mode: contribution of household h as an integer 0..K. */
  ints?: Uint8Array;
  K: number;
}

/** Rakes household weights to margins (see the file comment for the method). */
export function rake(input: RakeInput): RakeResult {
  const n = input.weights.length;
  const maxIterations = input.maxIterations ?? 200;
  const tolerance = input.tolerance ?? 1e-8;
  const w = Float64Array.from(input.weights);
  const prepared = input.margins.map((m) => prepare(m, n));
  const history: number[] = [];
  let dev = maxDeviation(prepared, w);
  let it = 0;
  while (dev > tolerance && it < maxIterations) {
    // Each step returns its margin's deviation just before its update, so a sweep in which
    // every margin was already within tolerance barely moved the weights: check them all then.
    let before = 0;
    for (const p of prepared) before = Math.max(before, step(p, w));
    it++;
    history.push(before);
    if (before <= tolerance || it === maxIterations) dev = maxDeviation(prepared, w);
  }
  return { weights: w, iterations: it, maxRelativeDeviation: dev, converged: dev <= tolerance, history, fits: fits(prepared, w) };
}

function prepare(m: Margin, n: number): Prepared {
  if (m.index.length !== n) throw new Error(`margin '${m.name}': index has ${m.index.length} entries for ${n} households`);
  if (m.value && m.value.length !== n) throw new Error(`margin '${m.name}': value has ${m.value.length} entries for ${n} households`);
  const G = m.targets.length;
  for (let h = 0; h < n; h++) {
    const g = m.index[h]!;
    if (g < 0 || g >= G) throw new Error(`margin '${m.name}': household ${h} is in group ${g}, outside 0..${G - 1}`);
  }
  for (let g = 0; g < G; g++) if (!(m.targets[g]! >= 0)) throw new Error(`margin '${m.name}': target ${g} is ${m.targets[g]}, expected ≥ 0`);
  if (!m.value) return { m, nGroups: G, K: 1 };
  let intOk = true;
  let K = 0;
  for (let h = 0; h < n; h++) {
    const v = m.value[h]!;
    if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`margin '${m.name}': household ${h} contributes ${v}, expected a finite value ≥ 0`);
    if (intOk && (!Number.isInteger(v) || v > MAX_HISTOGRAM_VALUE)) intOk = false;
    if (v > K) K = v;
  }
  if (!intOk) return { m, nGroups: G, K: 0 };
  return { m, nGroups: G, ints: Uint8Array.from(m.value), K };
}

/** One raking step on one margin: every group's exact multiplicative update. Returns the margin's largest relative deviation before the update. */
function step(p: Prepared, w: Float64Array): number {
  const { m, nGroups: G } = p;
  const n = w.length;
  const idx = m.index;
  if (!m.value) {
    const cur = new Float64Array(G);
    for (let h = 0; h < n; h++) cur[idx[h]!]! += w[h]!;
    const ratio = new Float64Array(G);
    let dev = 0;
    for (let g = 0; g < G; g++) {
      ratio[g] = cur[g]! > 0 ? m.targets[g]! / cur[g]! : 1;
      dev = Math.max(dev, relDev(cur[g]!, m.targets[g]!));
    }
    for (let h = 0; h < n; h++) w[h]! *= ratio[idx[h]!]!;
    return dev;
  }
  if (p.ints) {
    const K = p.K;
    const ints = p.ints;
    const S = new Float64Array(G * (K + 1));
    for (let h = 0; h < n; h++) S[idx[h]! * (K + 1) + ints[h]!]! += w[h]!;
    const pow = new Float64Array(G * (K + 1));
    let dev = 0;
    for (let g = 0; g < G; g++) {
      let cur = 0;
      for (let k = 1; k <= K; k++) cur += k * S[g * (K + 1) + k]!;
      dev = Math.max(dev, relDev(cur, m.targets[g]!));
      const x = solveHistogram(S, g * (K + 1), K, m.targets[g]!);
      let xp = 1;
      for (let k = 0; k <= K; k++) { pow[g * (K + 1) + k] = xp; xp *= x; }
    }
    for (let h = 0; h < n; h++) w[h]! *= pow[idx[h]! * (K + 1) + ints[h]!]!;
    return dev;
  }
  // General contributions: Newton per group with a pass over the households per iterate.
  const v = m.value;
  const lambda = new Float64Array(G);
  const active = new Uint8Array(G).fill(1);
  let dev = 0;
  for (let iter = 0; iter < NEWTON_ITERATIONS; iter++) {
    const F = new Float64Array(G);
    const F1 = new Float64Array(G);
    for (let h = 0; h < n; h++) {
      const g = idx[h]!;
      const vh = v[h]!;
      if (!active[g] || vh === 0) continue;
      const e = w[h]! * vh * Math.exp(lambda[g]! * vh);
      F[g]! += e;
      F1[g]! += e * vh;
    }
    let any = false;
    if (iter === 0) for (let g = 0; g < G; g++) dev = Math.max(dev, relDev(F[g]!, m.targets[g]!));
    for (let g = 0; g < G; g++) {
      if (!active[g]) continue;
      const T = m.targets[g]!;
      if (F[g] === 0 || T === 0) { active[g] = 0; if (T === 0) lambda[g] = -Infinity; continue; }
      const d = (Math.log(F[g]!) - Math.log(T)) / (F1[g]! / F[g]!);
      lambda[g] = clamp(lambda[g]! - d);
      if (Math.abs(d) < NEWTON_TOLERANCE) active[g] = 0;
      else any = true;
    }
    if (!any) break;
  }
  for (let h = 0; h < n; h++) {
    const vh = v[h]!;
    if (vh === 0) continue;
    const l = lambda[idx[h]!]!;
    w[h] = l === -Infinity ? 0 : w[h]! * Math.exp(l * vh);
  }
  return dev;
}

/** x > 0 with Σ_k k S_k x^k = T (S = weight totals by integer contribution k); 1 if nothing contributes. */
function solveHistogram(S: Float64Array, off: number, K: number, T: number): number {
  let any = false;
  for (let k = 1; k <= K; k++) if (S[off + k]! > 0) any = true;
  if (!any) return 1;
  if (T === 0) return 0;
  let lambda = 0;
  for (let iter = 0; iter < NEWTON_ITERATIONS; iter++) {
    let F = 0;
    let F1 = 0;
    let e = Math.exp(lambda);
    let xk = e;
    for (let k = 1; k <= K; k++, xk *= e) {
      const s = S[off + k]!;
      if (s === 0) continue;
      F += k * s * xk;
      F1 += k * k * s * xk;
    }
    const d = (Math.log(F) - Math.log(T)) / (F1 / F);
    lambda = clamp(lambda - d);
    if (Math.abs(d) < NEWTON_TOLERANCE) break;
  }
  return Math.exp(lambda);
}

function clamp(l: number): number {
  return Math.max(-LAMBDA_BOUND, Math.min(LAMBDA_BOUND, l));
}

function achieved(p: Prepared, w: Float64Array): Float64Array {
  const cur = new Float64Array(p.nGroups);
  const idx = p.m.index;
  const v = p.m.value;
  for (let h = 0; h < w.length; h++) cur[idx[h]!]! += v ? w[h]! * v[h]! : w[h]!;
  return cur;
}

function relDev(a: number, t: number): number {
  return t > 0 ? Math.abs(a - t) / t : a === 0 ? 0 : Infinity;
}

function maxDeviation(prepared: Prepared[], w: Float64Array): number {
  let worst = 0;
  for (const p of prepared) {
    const cur = achieved(p, w);
    for (let g = 0; g < p.nGroups; g++) worst = Math.max(worst, relDev(cur[g]!, p.m.targets[g]!));
  }
  return worst;
}

function fits(prepared: Prepared[], w: Float64Array): GroupFit[] {
  const out: GroupFit[] = [];
  for (const p of prepared) {
    const cur = achieved(p, w);
    for (let g = 0; g < p.nGroups; g++) out.push({ margin: p.m.name, group: g, target: p.m.targets[g]!, achieved: cur[g]!, relativeDeviation: relDev(cur[g]!, p.m.targets[g]!) });
  }
  return out;
}
