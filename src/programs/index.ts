/**
 * The programs of 吉政发〔2006〕48号 that jiuzhu models, in the order of the opinion. Each is a
 * folder of its own (one rule per file, dated parameters); `programs.<id>` of a result reports it.
 */
import type { ProgramDefinition } from '../engine/program.js';
import { dibaoProgram } from './dibao/index.js';
import { educationProgram } from './education/index.js';
import { housingProgram } from './housing/index.js';
import { medicalProgram } from './medical/index.js';

/** Every modelled program, §二 first. */
export const PROGRAMS: readonly ProgramDefinition[] = [dibaoProgram, medicalProgram, educationProgram, housingProgram];
