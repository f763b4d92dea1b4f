/** Education assistance (§四.1–§四.3). Placeholder until the program's rules land. */
import { defineProgram, type ProgramDefinition } from '../../engine/program.js';

export const educationProgram: ProgramDefinition = defineProgram({
  id: 'education',
  label: { zh: '教育救助', en: 'Education assistance' },
  clauses: ['四.1', '四.2', '四.3'],
  rules: [],
  components: {},
  recipient: null,
});
