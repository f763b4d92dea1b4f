import { defineRule } from '../../engine/rule.js';
import { specialise } from '../../engine/specialise.js';
import { asNumber, at, category } from '../../engine/values.js';

/** Income sources as the inclusion rates name them, and the column holding each this month. */
export const SOURCES = [
  ['earnings', 'current_earnings'],
  ['pension', 'pension'],
  ['unemployment_benefit', 'unemployment_benefit'],
  ['farm_business', 'current_farm_income'],
  ['other_transfers', 'other_transfers'],
] as const;

export const counted_income = defineRule({
  id: 'counted_income',
  entity: 'person',
  period: 'month',
  label: { zh: '个人计算收入', en: 'Counted income' },
  description: 'A person’s monthly income as the dibao means test counts it: each source this month times its inclusion rate, plus the wage of a public-welfare post (§六.1) at the earnings rate, in the same month; for members of dibao families (paid last month) the earnings of a newly found job are partly disregarded in its first months (new_job_in_disregard_period; §二.3: 低保家庭成员就业再就业…扶持).',
  unit: 'CNY/person/month',
  inputs: ['current_earnings', 'pension', 'unemployment_benefit', 'current_farm_income', 'other_transfers', 'new_job_in_disregard_period', 'dibao_received_previous', 'employment_post_wage'],
  parameters: { rate: 'dibao.income.inclusion_rate', disregard: 'dibao.reemployment.disregard' },
  reference: { clause: ['二.1', '二.3'] },
  formula: (inp, p, ctx) => {
    const out = ctx.alloc(Float64Array);
    const cols = SOURCES.map(([, column]) => inp[column]);
    const rates = SOURCES.map(([source]) => category(p.rate, source));
    // Re-employment incentive: part of a new job's counted earnings is left out in its first months.
    const keep = 1 - asNumber(p.disregard);
    const earn = inp.current_earnings;
    // A public-welfare post's wage is earnings (§六.1), counted at the earnings rate; the post is
    // allocated without reading this month's dibao (employment_post_holder), so there is no cycle.
    const post = inp.employment_post_wage;
    // Only members of dibao families (paid last month) get the incentive: §二.3 speaks of 低保家庭成员.
    // Members are contiguous: the household's flag is read in place, not broadcast to persons.
    const prev = inp.dibao_received_previous;
    const newJob = inp.new_job_in_disregard_period;
    const size = ctx.agg.householdSize();
    const rEarn = category(p.rate, 'earnings');
    const k = cols.length;
    const oneRate = rates.every((r) => typeof r === 'number') && typeof rEarn === 'number';
    const [c0, c1, c2, c3, c4, ...more] = cols;
    const [r0, r1, r2, r3, r4] = rates as number[];
    const float64 = [c0, c1, c2, c3, c4].every((c) => c instanceof Float64Array) && !more.length;
    if (oneRate && float64 && newJob instanceof Uint8Array) {
      // The usual case (one rate per source, the five sources in float64): one pass over
      // persons, each person's sources summed in order, then the post's wage and the disregard.
      // One loop per source column would read and write the result five times over.
      for (let h = 0, i = 0; h < size.length; h++) {
        const end = i + size[h]!;
        const onDibao = prev[h];
        for (; i < end; i++) {
          let v = 0;
          v += c0![i]! * r0!;
          v += c1![i]! * r1!;
          v += c2![i]! * r2!;
          v += c3![i]! * r3!;
          v += c4![i]! * r4!;
          v += post[i]! * rEarn;
          if (onDibao && newJob[i]) v -= earn[i]! * rEarn * (1 - keep);
          out[i] = v;
        }
      }
      return out;
    }
    const fresh = ctx.alloc(Uint8Array);
    for (let h = 0, i = 0; h < size.length; h++) {
      const end = i + size[h]!;
      if (prev[h]) for (; i < end; i++) fresh[i] = newJob[i]!;
      else i = end;
    }
    if (oneRate) {
      // One rate per source, sources of several classes: one pass per source (one loop over all
      // of them would go megamorphic, so each pass is compiled for its column's class), then the
      // post's wage and the disregard: the same additions in the same order as a sum per person.
      for (let s = 0; s < k; s++) addScaledKernel(cols[s]!)(out, cols[s]!, rates[s] as number);
      for (let i = 0; i < out.length; i++) {
        let v = out[i]!;
        v += post[i]! * rEarn;
        if (fresh[i]) v -= earn[i]! * rEarn * (1 - keep);
        out[i] = v;
      }
      return out;
    }
    for (let s = 0; s < k; s++) {
      const col = cols[s]!;
      const r = rates[s]!;
      for (let i = 0; i < out.length; i++) out[i]! += col[i]! * at(r, i);
    }
    for (let i = 0; i < out.length; i++) {
      out[i]! += post[i]! * at(rEarn, i);
      if (fresh[i]) out[i]! -= earn[i]! * at(rEarn, i) * (1 - keep);
    }
    return out;
  },
});

/** out[i] += col[i] × r, compiled once per column class (src/engine/specialise.ts). Self-contained by contract. */
function addScaledInto(out: Float64Array, col: ArrayLike<number>, r: number): void {
  for (let i = 0; i < out.length; i++) out[i]! += col[i]! * r;
}
const addScaledKernel = specialise(addScaledInto);
