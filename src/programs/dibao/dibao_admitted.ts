import { PREFECTURE_CODES } from '../../engine/locality.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_admitted = defineRule({
  id: 'dibao_admitted',
  entity: 'household',
  period: 'month',
  // Ranks households against each other within a prefecture × area cell, by weight.
  scope: 'population',
  label: { zh: '获批（名额内）', en: 'Admitted within the quota' },
  description: 'Under a local quota, applicants found eligible are admitted poorest first (by assessed per-capita income) until the locality’s recipients reach quota × its population. Everyone is admitted when the quota share is 1.',
  unit: 'bool',
  inputs: ['dibao_applies', 'dibao_assessed_eligible', 'dibao_assessed_income', 'household_size', 'prefecture', 'urban', 'weight'],
  parameters: { quota: 'dibao.implementation.quota_share' },
  reference: { clause: ['二.1', '二.4'] },
  formula: ({ dibao_applies: applies, dibao_assessed_eligible: ok, dibao_assessed_income: inc, household_size: size, prefecture, urban, weight: w }, p, ctx) => {
    const quota = asNumber(p.quota);
    const out = ctx.alloc(Uint8Array);
    const n = ctx.size;
    if (quota >= 1) {
      for (let h = 0; h < n; h++) out[h] = 1;
      return out;
    }
    // Locality key and its population; then applicants in order of assessed income.
    const loc = ctx.alloc(Int32Array, n);
    const nLoc = PREFECTURE_CODES.length * 2;
    const popByLoc = ctx.alloc(Float64Array, nLoc);
    for (let h = 0; h < n; h++) {
      loc[h] = PREFECTURE_CODES.indexOf(prefecture[h]!) * 2 + (urban[h] ? 0 : 1);
      popByLoc[loc[h]!]! += w[h]! * size[h]!;
    }
    const applicants = Int32Array.from({ length: n }, (_, h) => h).filter((h) => applies[h] && ok[h]);
    applicants.sort((a, b) => inc[a]! - inc[b]! || a - b);
    const used = ctx.alloc(Float64Array, nLoc);
    for (const h of applicants) {
      const l = loc[h]!;
      const add = w[h]! * size[h]!;
      if (used[l]! + add <= quota * popByLoc[l]!) {
        used[l]! += add;
        out[h] = 1;
      }
    }
    return out;
  },
});
