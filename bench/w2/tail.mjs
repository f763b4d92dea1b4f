/**
 * W2's tail measured alone: the distribution figures of two scenarios and the comparison's
 * deltas over the full count's 8,806,626 households (synthetic incomes, the full count's nine
 * prefecture slices), for one or more builds side by side in one process, interleaved.
 *   node --expose-gc bench/w2/tail.mjs [rounds] DIST_DIR [DIST_DIR …]
 * Each round and build: the slices' sums are placed and merged as a run merges them (the
 * slice-time part, which overlaps the workers in W2), then the tail: incomes(), both scenarios'
 * distribution summaries (one memo, as runScenarios) and distributionDelta. CPU time
 * (user + system) of each part; the figures are hashed, and must agree across builds.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 3;
const dists = args.map((d) => resolve(d));
/** The full count's households by prefecture (bench/.cache/jilin-2006-full/manifest.json), in plan order. */
const SLICES = [2413125, 1437644, 1085573, 391507, 749530, 420568, 924985, 656682, 727012];

/** Deterministic draws: the engine's keyed generator (engine/random.ts) of the first build given. */
const { keyedUniform } = await import(pathToFileURL(`${dists[0]}/engine/random.js`).href);
function random(seed) {
  let key = 0;
  return () => keyedUniform(seed, key++, 0, 0);
}

/**
 * One slice's two parts (baseline, reform): market income in whole yuan (15% none, many ties),
 * transfers for a fifth of the households, the reform's 10% higher and reaching a few more.
 */
function sliceParts(n, seed) {
  const r = random(seed);
  const weight = new Float64Array(n).fill(1);
  const size = new Float64Array(n);
  const urban = new Uint8Array(n);
  const market = new Float64Array(n);
  const standard = new Float64Array(n);
  const tb = new Float64Array(n);
  const tr = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    size[h] = 1 + Math.floor(r() * 5);
    urban[h] = r() < 0.5 ? 1 : 0;
    standard[h] = urban[h] ? 160 + 10 * Math.floor(r() * 6) : 60 + 10 * Math.floor(r() * 4);
    market[h] = r() < 0.15 ? 0 : Math.round(Math.exp(5 + 1.2 * r() + 1.2 * r()) * size[h]);
    const gap = standard[h] * size[h] - market[h];
    if (gap > 0 && r() < 0.6) tb[h] = gap;
    const gapR = 1.1 * standard[h] * size[h] - market[h];
    if (gapR > 0 && r() < 0.6) tr[h] = Math.round(gapR * 100) / 100;
  }
  const part = (transfers) => ({ weight: Float64Array.from(weight), size: Float64Array.from(size), urban: Uint8Array.from(urban), market: Float64Array.from(market), transfers, standard: Float64Array.from(standard), months: 1 });
  return [part(tb), part(tr)];
}

const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const slices = [];
let start = 0;
for (const [k, n] of SLICES.entries()) {
  slices.push({ households: Int32Array.from({ length: n }, (_, h) => start + h), seed: 1000 + k });
  start += n;
}
const mods = [];
for (const d of dists) mods.push({ dir: d, m: await import(pathToFileURL(`${d}/scenarios/results/distribution.js`).href) });
const line = [2006 > 0 ? 683 / 12 : 0];

for (let round = 0; round < rounds; round++) {
  for (const { dir, m } of mods) {
    globalThis.gc?.();
    // The run: each slice's sums arrive, are placed and merged (slice-time).
    let sliceMs = 0;
    const run = [undefined, undefined];
    for (const s of slices) {
      const parts = sliceParts(s.households.length, s.seed);
      const t = cpu();
      parts.forEach((p, i) => {
        const acc = new m.DistributionAccumulator();
        acc.parts.push(p);
        acc.nationalLine.push(...line);
        acc.placeAt(s.households);
        run[i] = run[i] ? run[i].merge(acc) : acc;
      });
      sliceMs += cpu() - t;
    }
    globalThis.gc?.();
    const t0 = cpu();
    const wall0 = performance.now();
    const incomes = run.map((a) => a.incomes());
    const t1 = cpu();
    const memo = new m.IncomeFiguresMemo();
    const summaries = incomes.map((x, i) => m.distributionSummary(x, run[i].nationalLine, 1, memo, run[i].sortedIncomes?.()));
    const t2 = cpu();
    const delta = m.distributionDelta(incomes[0], incomes[1]);
    const t3 = cpu();
    const wall = performance.now() - wall0;
    const hash = createHash('sha256').update(JSON.stringify({ summaries, delta })).digest('hex').slice(0, 16);
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(JSON.stringify({ round, dist: dir, sliceMs: Math.round(sliceMs), incomesMs: Math.round(t1 - t0), summariesMs: Math.round(t2 - t1), deltaMs: Math.round(t3 - t2), tailMs: Math.round(t3 - t0), tailWallMs: Math.round(wall), rssMiB: Math.round(rss), hash }));
  }
}
