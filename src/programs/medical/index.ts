/** Medical assistance (§三.1–§三.3). Placeholder until the program's rules land. */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';

export const medicalProgram: ProgramDefinition = defineProgram({
  id: 'medical',
  label: { zh: '医疗救助', en: 'Medical assistance' },
  clauses: ['三.1', '三.2', '三.3'],
  rules: [],
  components: {},
  recipient: null,
});
