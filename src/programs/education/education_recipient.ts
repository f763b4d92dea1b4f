import { defineRule } from '../../engine/rule.js';
import { specialise } from '../../engine/specialise.js';

export const education_recipient = defineRule({
  id: 'education_recipient',
  entity: 'person',
  period: 'month',
  label: { zh: '教育救助受益学生', en: 'Education-assistance recipient' },
  description: 'A student credited any education assistance this month: 两免一补, the vocational grant or tuition waiver, the high-school allowance or 双特生 fee reduction, or tertiary aid (counted on need: a needy tertiary student beyond the set-aside funds of the cell is still counted).',
  unit: 'bool',
  inputs: [
    'education_fee_waiver_person', 'education_free_textbooks_person', 'education_boarding_subsidy_person',
    'education_vocational_grant_person', 'education_vocational_tuition_waiver_person',
    'education_high_school_allowance_person', 'education_high_school_fee_reduction_person', 'education_tertiary_aid_person',
  ],
  parameters: {},
  reference: { clause: ['四.1', '四.2', '四.3'] },
  formula: (inp, _p, ctx) => {
    const out = ctx.alloc(Uint8Array);
    // One pass per column, compiled for its class: the columns are of several classes, and one
    // loop over all of them went megamorphic (3% of an explorer move, issue #25).
    for (const c of Object.values(inp)) flagPositiveKernel(c)(out, c);
    return out;
  },
});

/** out[i] ← 1 where c[i] > 0, compiled once per column class (src/engine/specialise.ts). Self-contained by contract. */
function flagPositive(out: Uint8Array, c: ArrayLike<number>): void {
  for (let i = 0; i < out.length; i++) if (c[i]! > 0) out[i] = 1;
}
const flagPositiveKernel = specialise(flagPositive);
