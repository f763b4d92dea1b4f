import { PREFECTURE_CODES } from '../../engine/locality.js';
import { defineRule } from '../../engine/rule.js';
import { asColumn, asNumber } from '../../engine/values.js';
import { stockInMonth } from '../../engine/stock-flow.js';

/** A prefecture code's position in PREFECTURE_CODES (-1 for none, as indexOf), looked up once per household. */
const PREFECTURE_INDEX = new Map(PREFECTURE_CODES.map((code, i) => [code, i]));

export const employment_post_holder = defineRule({
  id: 'employment_post_holder',
  entity: 'person',
  period: 'month',
  // Ranks households against each other within a prefecture × area cell, by weight.
  scope: 'population',
  label: { zh: '从事公益性岗位', en: 'Holds a public-welfare post' },
  description: 'Allocation of the public-welfare posts of each prefecture × area cell this month. Eligible: certificate holders. Order: members of zero-employment families first (employment.posts.priority_zero_employment), then by the household’s per-capita counted income without any post (employment_income_before_post), poorest first, ties by a persistent keyed draw per person. In that order a person takes a post while the weighted posts taken (household weight per holder) stay within the cell’s posts — the province’s posts in force this month (a stock moved by yearly inflows and outflows: employment.posts.stock, inflow, outflow_rate; engine/stock-flow.ts) ÷ employment.posts.residents × the cell’s area_weight × its weighted population — and the household holds fewer than employment.posts.max_per_household posts; one who does not fit is passed over and later ones are still tried. Nothing here reads this month’s dibao receipt, which the post wage feeds.',
  unit: 'bool',
  inputs: ['employment_certificate_holder', 'employment_zero_employment_family', 'employment_income_before_post', 'household_size', 'prefecture', 'urban', 'weight'],
  parameters: { stock: 'employment.posts.stock', inflow: 'employment.posts.inflow', outflowRate: 'employment.posts.outflow_rate', residents: 'employment.posts.residents', areaWeight: 'employment.posts.area_weight', perHousehold: 'employment.posts.max_per_household', zeroFirst: 'employment.posts.priority_zero_employment' },
  reference: { clause: '六.1' },
  formula: (inp, p, ctx) => {
    const eligible = inp.employment_certificate_holder;
    const out = ctx.alloc(Uint8Array);
    const nH = inp.prefecture.length;
    // Members are contiguous: households are walked with their sizes, and the household values
    // (cell, weight, priority, income) read in place rather than broadcast to every person.
    const size = ctx.agg.householdSize();
    const cellOfHousehold = ctx.alloc(Int32Array, nH);
    const { prefecture, urban, household_size: members } = inp;
    // Households come by prefecture (a slice is one): the last code's position is looked up again only when the code changes.
    for (let h = 0, code = NaN, at = -1; h < nH; h++) {
      if (prefecture[h] !== code) at = PREFECTURE_INDEX.get((code = prefecture[h]!)) ?? -1;
      cellOfHousehold[h] = at * 2 + (urban[h] ? 0 : 1);
    }
    const weight = inp.weight;
    const zeroFirst = asNumber(p.zeroFirst) > 0;
    const zero = inp.employment_zero_employment_family;
    const income = inp.employment_income_before_post;
    // The province's posts this month spread over its residents; a cell's share is its area weight × its residents.
    const posts = stockInMonth(ctx.series('stock'), ctx.series('inflow'), ctx.series('outflowRate'), ctx.period);
    const perResident = posts / asNumber(p.residents);
    const areaWeight = asColumn(p.areaWeight, ctx.size, ctx);
    const perHousehold = asNumber(p.perHousehold);
    // Posts of each cell: its weighted population × the province rate × the cell's weight (any person of the cell carries it).
    const nCells = PREFECTURE_CODES.length * 2;
    const population = ctx.alloc(Float64Array, nCells);
    for (let h = 0; h < nH; h++) population[cellOfHousehold[h]!]! += weight[h]! * members[h]!;
    // The value of the cell's last person, as a pass over every person would leave it: the last
    // member of each household, in household order.
    const available = ctx.alloc(Float64Array, nCells);
    for (let h = 0, end = 0; h < nH; h++) {
      end += size[h]!;
      const c = cellOfHousehold[h]!;
      if (size[h]! > 0) available[c] = perResident * areaWeight[end - 1]! * population[c]!;
    }
    const draw = ctx.randomOnce('employment-post-order', eligible);
    // The candidates in person order, with their household and sort keys side by side (a few
    // thousand: compact, so the sort reads few cache lines); ties end on the person's position,
    // so the order is total.
    let nCandidates = 0;
    for (let i = 0; i < ctx.size; i++) if (eligible[i]) nCandidates++;
    const person = ctx.alloc(Int32Array, nCandidates);
    const home = ctx.alloc(Int32Array, nCandidates);
    const keyPriority = ctx.alloc(Uint8Array, nCandidates);
    const keyIncome = ctx.alloc(Float64Array, nCandidates);
    const keyDraw = ctx.alloc(Float64Array, nCandidates);
    const order = ctx.alloc(Int32Array, nCandidates);
    for (let h = 0, i = 0, j = 0; h < nH; h++) {
      for (const end = i + size[h]!; i < end; i++) {
        if (!eligible[i]) continue;
        person[j] = i;
        home[j] = h;
        keyPriority[j] = zeroFirst && zero[h] ? 0 : 1;
        keyIncome[j] = income[h]!;
        keyDraw[j] = draw[i]!;
        order[j] = j;
        j++;
      }
    }
    order.sort((a, b) => keyPriority[a]! - keyPriority[b]! || keyIncome[a]! - keyIncome[b]! || keyDraw[a]! - keyDraw[b]! || a - b);
    const used = ctx.alloc(Float64Array, nCells);
    const held = ctx.alloc(Int32Array, nH);
    for (let k = 0; k < nCandidates; k++) {
      const j = order[k]!;
      const h = home[j]!;
      const c = cellOfHousehold[h]!;
      const w = weight[h]!;
      if (held[h]! < perHousehold && used[c]! + w <= available[c]!) {
        used[c]! += w;
        held[h]! += 1;
        out[person[j]!] = 1;
      }
    }
    return out;
  },
});
