// Diagnostic behind docs/notes/household-size.md (not part of the package; not type-checked).
// Size distribution of the population, of the households eligible on true income and of the dibao
// recipients, by area, in one month of a scenario (default: the 2006 baseline, 2006-06).
// Run from the repository root:  npx tsx docs/notes/household-size.diag.mts [scenario.yaml] [YYYY-MM]
import { runMonthLoop } from '../../src/dynamics/month-loop.js';
import { loadScenario } from '../../src/scenarios/input/load.js';
import { scenarioDataset, scenarioPeriod, scenarioPrices, scenarioSimulation } from '../../src/scenarios/execution/run.js';
import { systemState } from '../../src/programs/system.js';
import { monthsBetween } from '../../src/engine/period.js';
const file = process.argv[2] ?? 'scenarios/baseline-2006.yaml';
const month = process.argv[3] ?? '2006-06';
const sc = loadScenario(file);
const ds: any = await scenarioDataset(sc);
const sim = scenarioSimulation(sc, ds, 1);
runMonthLoop(sim, { months: monthsBetween(scenarioPeriod(sc).from, month), state: systemState, prices: scenarioPrices(sc), onMonth: () => {} });
const pop = ds.population;
const rec = sim.calculate('dibao_receives', month);
const elig = sim.calculate('dibao_eligible', month);
const pci = sim.calculate('per_capita_counted_income', month);
const std = sim.calculate('dibao_standard', month);
const htype = sim.calculate('household_type', month);
const urban = pop.household.urban;
const W = pop.weight;
type Acc = { hh: number[]; n: number; p: number };
const mk = (): Acc => ({ hh: Array(11).fill(0), n: 0, p: 0 });
const groups: Record<string, Acc> = {};
const add = (k: string, s: number, wt: number) => { const g = (groups[k] ??= mk()); g.hh[Math.min(s, 10)] += wt; g.n += wt; g.p += wt * s; };
// below-standard by ratio bands
for (let h = 0; h < pop.nHouseholds; h++) {
  const s = pop.householdStart[h + 1] - pop.householdStart[h];
  const a = urban[h] ? 'urban' : 'rural';
  const wt = W[h];
  add(`${a} population`, s, wt);
  if (elig[h]) add(`${a} eligible (true income)`, s, wt);
  if (rec[h]) add(`${a} recipients`, s, wt);
  if (rec[h] && !elig[h]) add(`${a} recipients not eligible`, s, wt);
  const r = pci[h] / std[h];
  add(`${a} ratio ${r < 1 ? '<1' : r < 2 ? '1-2' : r < 3 ? '2-3' : '3+'}`, s, wt);
}
for (const [k, g] of Object.entries(groups).sort()) {
  console.log(k.padEnd(36), 'mean', (g.p / g.n).toFixed(2), 'hh', Math.round(g.n).toString().padStart(9), ' sizes%', g.hh.slice(1).map((x) => (100 * x / g.n).toFixed(1)).join(' '));
}
// household type composition of recipients vs pop
const tnames = ['elderly', 'disabled', 'single-parent', 'other'];
for (const a of [1, 0]) for (const sel of ['pop', 'elig', 'rec']) {
  const c = [0, 0, 0, 0]; const cs = [0, 0, 0, 0]; let t = 0;
  for (let h = 0; h < pop.nHouseholds; h++) { if (urban[h] !== a) continue; if (sel === 'elig' && !elig[h]) continue; if (sel === 'rec' && !rec[h]) continue; const s = pop.householdStart[h + 1] - pop.householdStart[h]; c[htype[h]] += W[h]; cs[htype[h]] += W[h] * s; t += W[h]; }
  console.log(a ? 'urban' : 'rural', sel.padEnd(5), tnames.map((n, i) => `${n} ${(100 * c[i] / t).toFixed(1)}% (${(cs[i] / c[i]).toFixed(2)})`).join('  '));
}
// Household-weighted deciles of generated per-capita income (before dibao), as NBS ranks survey households.
{
  const P = pop.person; const hs = pop.householdStart;
  for (const a of [1, 0]) {
    const rows: [number, number, number][] = [];
    for (let h = 0; h < pop.nHouseholds; h++) {
      if (urban[h] !== a) continue;
      let inc = 0; for (let i = hs[h]; i < hs[h + 1]; i++) inc += P.earnings[i] + P.pension[i] + P.unemployment_benefit[i] + P.farm_business[i] + P.other_transfers[i];
      const s = hs[h + 1] - hs[h]; rows.push([inc / s, s, W[h]]);
    }
    rows.sort((x, y) => x[0] - y[0]);
    const tot = rows.reduce((t, r) => t + r[2], 0);
    const cuts = a ? [0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0] : [0.2, 0.4, 0.6, 0.8, 1.0];
    let c = 0, j = 0, lo = 0; const out: string[] = []; let n = 0, p = 0;
    for (const r of rows) { c += r[2]; n += r[2]; p += r[2] * r[1]; if (c / tot >= cuts[j] - 1e-12) { out.push(`${(lo * 100).toFixed(0)}-${(cuts[j] * 100).toFixed(0)}%: ${(p / n).toFixed(2)}`); lo = cuts[j]; j++; n = 0; p = 0; if (a && j === 1) { /* keep 0-5 separate then 5-10 */ } } }
    console.log(a ? 'urban' : 'rural', 'mean size by household-weighted per-capita income group:', out.join('  '));
  }
}
{
  const P = pop.person; const hs = pop.householdStart;
  for (const a of [1, 0]) { let nh = 0, np = 0, th = 0, tp = 0;
    for (let h = 0; h < pop.nHouseholds; h++) { if (urban[h] !== a) continue; const s = hs[h + 1] - hs[h]; th += W[h]; tp += W[h] * s; let able = false; for (let i = hs[h]; i < hs[h + 1]; i++) if (P.age[i] >= 16 && P.age[i] < 60 && P.work_capacity[i] === 2) able = true; if (!able) { nh += W[h]; np += W[h] * s; } }
    console.log(a ? 'urban' : 'rural', `no able-bodied member 16-59: ${Math.round(nh)} hh (${(100 * nh / th).toFixed(1)}%), ${Math.round(np)} persons (${(100 * np / tp).toFixed(1)}%), mean ${(np / nh).toFixed(2)}`); }
}
// If only members without full work capacity (or under 16 / 60+) were enrolled (at least one per household).
{
  const P = pop.person; const hs = pop.householdStart;
  for (const a of [1, 0]) { let n = 0, p = 0, pf = 0;
    for (let h = 0; h < pop.nHouseholds; h++) { if (urban[h] !== a || !rec[h]) continue; let k = 0; for (let i = hs[h]; i < hs[h + 1]; i++) if (P.work_capacity[i] < 2 || P.age[i] < 16 || P.age[i] >= 60) k++; n += W[h]; p += W[h] * Math.max(1, k); pf += W[h] * (hs[h + 1] - hs[h]); }
    console.log(a ? 'urban' : 'rural', 'recipient hh', Math.round(n), 'persons/hh all members', (pf / n).toFixed(2), 'only members unable to work (min 1)', (p / n).toFixed(2)); }
}
