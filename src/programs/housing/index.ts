/** Housing assistance (§五.1–§五.3). Placeholder until the program's rules land. */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';

export const housingProgram: ProgramDefinition = defineProgram({
  id: 'housing',
  label: { zh: '住房救助', en: 'Housing assistance' },
  clauses: ['五.1', '五.2', '五.3'],
  rules: [],
  components: {},
  recipient: null,
});
