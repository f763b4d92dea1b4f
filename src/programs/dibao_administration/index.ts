/**
 * Dibao running costs (吉政发〔2006〕48号 §二.4: "在年度预算中安排相应补助资金和必要的低保机构工作经费"):
 * what the dibao offices cost to run, per recipient, paid by prefecture and county budgets beside
 * the benefit. A program of its own, so `programs.dibao` stays the money paid to households.
 */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';
import { dibao_running_cost } from './dibao_running_cost.js';

export const dibaoAdministrationProgram: ProgramDefinition = defineProgram({
  id: 'dibaoAdministration',
  label: { zh: '低保工作经费', en: 'Dibao running costs' },
  clauses: ['二.4'],
  rules: [dibao_running_cost],
  components: {
    running: { rule: 'dibao_running_cost', payer: 'budget', label: { zh: '低保机构工作经费', en: 'Dibao offices’ running costs' } },
  },
  recipient: null,
});
