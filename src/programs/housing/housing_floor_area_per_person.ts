import { defineRule } from '../../engine/rule.js';

export const housing_floor_area_per_person = defineRule({
  id: 'housing_floor_area_per_person',
  entity: 'household',
  period: 'month',
  label: { zh: '人均住房面积', en: 'Floor area per person' },
  description: 'The household’s living floor area per person read to the hundredth of a m². The dataset column is float32 (9.99 is stored as 9.98999977…), so it is rounded before it is compared with the housing-difficulty standard or priced.',
  unit: 'm2/person',
  inputs: ['floor_area_per_person'],
  parameters: {},
  reference: { clause: '五.1' },
  formula: ({ floor_area_per_person: area }, _p, ctx) => {
    const out = ctx.alloc(Float64Array, area.length);
    // Hundredths of a m², as fen are hundredths of a yuan.
    for (let h = 0; h < out.length; h++) out[h] = Math.round(area[h]! * 100) / 100;
    return out;
  },
});
