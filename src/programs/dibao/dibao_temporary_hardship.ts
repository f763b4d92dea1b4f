import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const dibao_temporary_hardship = defineRule({
  id: 'dibao_temporary_hardship',
  entity: 'household',
  period: 'month',
  label: { zh: '低于临时困难线', en: 'Below the temporary hardship line' },
  description: 'The household’s per-capita counted income this month (already without a lost job) less its medical cost per member (dibao_temporary_medical_need ÷ household size) is below the hardship line multiple × the local dibao standard. A rule of its own so that a change of the standard reaches temporary assistance only in the households whose answer it changes.',
  unit: 'bool',
  inputs: ['per_capita_counted_income', 'dibao_temporary_medical_need', 'household_size', 'dibao_standard'],
  parameters: { line: 'dibao.temporary.hardship_line' },
  reference: { clause: '二.2' },
  formula: ({ per_capita_counted_income: pci, dibao_temporary_medical_need: medical, household_size: n, dibao_standard: std }, p, ctx) => {
    const line = asNumber(p.line);
    const out = ctx.allocFull(Uint8Array); // every household written below
    for (let h = 0; h < out.length; h++) out[h] = +(pci[h]! - medical[h]! / n[h]! < line * std[h]!);
    return out;
  },
});
