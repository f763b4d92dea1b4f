import { defineRule } from '../../engine/rule.js';
import { category } from '../../engine/values.js';

/** Roles of the family's main members (dataset codes): the head and the spouse. */
const HEAD = 0;
const SPOUSE = 1;

export const employment_target_family = defineRule({
  id: 'employment_target_family',
  entity: 'household',
  period: 'month',
  label: { zh: '就业援助对象家庭', en: 'Employment-support target family' },
  description: 'A family §六.1 names: a zero-employment family; a dibao family — paid dibao last month (dibao_received_previous), or with a per-capita counted income without any post below the dibao standard (employment_income_below_standard; this month’s dibao receipt is NOT read: the post wage feeds it, so reading it would make a cycle, and a household would drop out of the target group by taking the post); a family with a disabled member (disability ≥ 1); or a family whose main earner lost work capacity, approximated as the head or spouse of working age with no work capacity (work_capacity 0).',
  unit: 'bool',
  inputs: ['employment_zero_employment_family', 'dibao_received_previous', 'employment_income_below_standard', 'disability', 'role', 'age', 'work_capacity'],
  parameters: { ages: 'events.working_age' },
  reference: { clause: '六.1' },
  formula: (inp, p, ctx) => {
    const lo = category(p.ages, 'min') as number;
    const hi = category(p.ages, 'max') as number;
    const { disability, role, age, work_capacity: cap } = inp;
    const zero = inp.employment_zero_employment_family;
    const prev = inp.dibao_received_previous;
    const poor = inp.employment_income_below_standard;
    // One walk over households (members are contiguous): a disabled member, or a main member of
    // working age without work capacity, found in place rather than through two person masks.
    const size = ctx.agg.householdSize();
    const out = ctx.allocFull(Uint8Array); // every household written below
    for (let h = 0, i = 0; h < out.length; h++) {
      const end = i + size[h]!;
      let member = 0;
      for (; i < end; i++) {
        const main = +(role[i] === HEAD) | +(role[i] === SPOUSE);
        member |= +(disability[i]! > 0) | (main & +(age[i]! >= lo) & +(age[i]! <= hi) & +(cap[i] === 0));
      }
      const dibaoFamily = +!!prev[h] | +!!poor[h];
      out[h] = +!!zero[h] | dibaoFamily | member;
    }
    return out;
  },
});
