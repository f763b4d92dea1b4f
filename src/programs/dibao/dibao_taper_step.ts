import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_taper_step = defineRule({
  id: 'dibao_taper_step',
  entity: 'household',
  period: 'month',
  label: { zh: '渐退月序', en: 'Gradual-exit month' },
  description: 'k = 1 in the month a recipient stops being paid because its assessed income rose above the standard, then 2 … N; 0 otherwise (and while paid again).',
  unit: 'months',
  inputs: ['dibao_receives', 'dibao_assessed_eligible', 'dibao_received_previous', 'dibao_taper_step_previous'],
  parameters: { months: 'dibao.gradual_exit.months' },
  reference: { clause: '二.3' },
  formula: ({ dibao_receives: r, dibao_assessed_eligible: ok, dibao_received_previous: was, dibao_taper_step_previous: prev }, p, ctx) => {
    const n = asNumber(p.months);
    const out = ctx.alloc(Uint16Array, r.length);
    if (n === 0) return out;
    for (let h = 0; h < out.length; h++) {
      if (r[h]) continue;
      if (was[h] && !ok[h]) out[h] = 1;
      else if (prev[h]! > 0 && prev[h]! < n && !ok[h]) out[h] = prev[h]! + 1;
    }
    return out;
  },
});
