import { defineRule } from '../../engine/rule.js';

export const housing_beneficiary = defineRule({
  id: 'housing_beneficiary',
  entity: 'person',
  period: 'month',
  label: { zh: '住房救助受益人', en: 'Housing-assistance beneficiary' },
  description: 'A member of a household with any housing assistance this month: rental subsidy, an allocated low-rent flat, public-rent reduction, the rent cap on an enlarged shantytown flat, or rural housing aid (in the month the house is aided). The recipient count of programs.housing.',
  unit: 'bool',
  inputs: ['housing_rent_subsidy', 'housing_in_kind_rent', 'housing_rent_reduction', 'housing_shanty_rent_cap', 'housing_rural_aid'],
  parameters: {},
  reference: { clause: ['五.1', '五.2', '五.3'] },
  formula: ({ housing_rent_subsidy: s, housing_in_kind_rent: k, housing_rent_reduction: r, housing_shanty_rent_cap: c, housing_rural_aid: a }, _p, ctx) => {
    const any = ctx.alloc(Uint8Array, s.length);
    for (let h = 0; h < any.length; h++) any[h] = s[h]! > 0 || k[h]! > 0 || r[h]! > 0 || c[h]! > 0 || a[h]! > 0 ? 1 : 0;
    return ctx.agg.broadcastToPersons(any);
  },
});
