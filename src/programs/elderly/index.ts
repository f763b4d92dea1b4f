/**
 * Poor urban and rural elderly (城乡贫困老年人, 吉政发〔2006〕48号 §八.2): service workers on publicly
 * funded posts giving the poor elderly basic daily services. Their living, medical, housing and
 * legal assistance are those of §二, §三, §五 and §七.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import type { Rule } from '../../engine/rule.js';
import { elderly_income_below_line } from './elderly_income_below_line.js';
import { elderly_poor } from './elderly_poor.js';
import { elderly_served } from './elderly_served.js';
import { elderly_service_cost } from './elderly_service_cost.js';

export const elderlyRules: readonly Rule[] = [elderly_income_below_line, elderly_poor, elderly_served, elderly_service_cost];

export const elderlyProgram: ProgramDefinition = defineProgram({
  id: 'elderly',
  label: { zh: '城乡贫困老年人救助', en: 'Poor elderly' },
  clauses: ['八.2'],
  rules: elderlyRules,
  components: {
    servicePosts: { rule: 'elderly_service_cost', payer: 'budget', label: { zh: '政府购买公益性岗位（服务员）', en: 'Service posts bought by the government' } },
  },
  recipient: 'elderly_served',
});
