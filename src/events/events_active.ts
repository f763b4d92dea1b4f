import { defineRule } from '../engine/rule.js';
import { asNumber } from '../engine/values.js';

export const events_active = defineRule({
  id: 'events_active',
  entity: 'person',
  period: 'month',
  label: { zh: '事件生效', en: 'Events active' },
  description: 'Events fire from the second month of the loop on, when enabled: the first month is the dataset’s snapshot.',
  unit: 'bool',
  inputs: ['dynamics_month'],
  parameters: { enabled: 'events.enabled' },
  reference: { clause: '二.3' },
  formula: ({ dynamics_month: k }, p, ctx) => {
    const on = asNumber(p.enabled) === 1;
    // Per household, then to its members (one fill per household, no per-person copy of k).
    const active = ctx.alloc(Uint8Array, k.length);
    if (on) for (let h = 0; h < active.length; h++) active[h] = k[h]! > 0 ? 1 : 0;
    return ctx.agg.broadcastToPersons(active);
  },
});
