import { defineRule } from '../../engine/rule.js';

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
    const cols = Object.values(inp);
    const out = ctx.alloc(Uint8Array);
    for (const c of cols) for (let i = 0; i < out.length; i++) if (c[i]! > 0) out[i] = 1;
    return out;
  },
});
