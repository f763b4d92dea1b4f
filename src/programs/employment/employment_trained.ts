import { MONTHS_PER_YEAR } from '../../engine/money.js';
import { defineRule } from '../../engine/rule.js';
import { asNumber, category } from '../../engine/values.js';

export const employment_trained = defineRule({
  id: 'employment_trained',
  entity: 'person',
  period: 'month',
  label: { zh: '本月参加补贴培训', en: 'Trained this month' },
  description: 'A re-employment certificate holder or a rural 两后生 not yet trained this calendar year (employment_trained_ytd_previous, reset in January) is trained this month when a keyed draw falls below the monthly hazard 1 − (1 − rate)^(1/12) of the group (employment.training.rate; the certificate holders’ rate for a person in both groups), so that share of the group is trained over a year, once at most.',
  unit: 'bool',
  inputs: ['employment_certificate_holder', 'employment_liang_hou_sheng', 'employment_trained_ytd_previous'],
  parameters: { rate: 'employment.training.rate' },
  reference: { clause: '六.1' },
  formula: ({ employment_certificate_holder: holder, employment_liang_hou_sheng: lhs, employment_trained_ytd_previous: before }, p, ctx) => {
    const hazard = (r: number): number => 1 - Math.pow(1 - r, 1 / MONTHS_PER_YEAR);
    const hHolder = hazard(asNumber(category(p.rate, 'certificate_holder')));
    const hLhs = hazard(asNumber(category(p.rate, 'liang_hou_sheng')));
    const january = ctx.firstMonthOfYear;
    const candidate = ctx.allocFull(Uint8Array);
    for (let i = 0; i < candidate.length; i++) candidate[i] = (+!!holder[i] | +!!lhs[i]) & +(january || !before[i]);
    const u = ctx.random('employment-training', candidate);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = candidate[i]! & +(u[i]! < (holder[i] ? hHolder : hLhs));
    return out;
  },
});
