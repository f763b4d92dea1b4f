import { defineRule } from '../../engine/rule.js';
import { asNumber } from '../../engine/values.js';

export const elderly_served = defineRule({
  id: 'elderly_served',
  entity: 'person',
  period: 'month',
  label: { zh: '享受服务员日常服务', en: 'Served by a service worker' },
  description: 'A poor elderly person served by a service worker on a publicly funded post: a persistent draw per person (the same every month) below the coverage share. The recipient count of programs.elderly.',
  unit: 'bool',
  inputs: ['elderly_poor'],
  parameters: { coverage: 'elderly.service.coverage' },
  reference: { clause: '八.2' },
  formula: ({ elderly_poor: poor }, p, ctx) => {
    const coverage = asNumber(p.coverage);
    const u = ctx.randomOnce('elderly-service', poor);
    const out = ctx.allocFull(Uint8Array);
    for (let i = 0; i < out.length; i++) out[i] = poor[i] && u[i]! < coverage ? 1 : 0;
    return out;
  },
});
