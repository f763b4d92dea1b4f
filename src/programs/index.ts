/**
 * The programs of 吉政发〔2006〕48号 that jiuzhu models, in the order of the opinion. Each is a
 * folder of its own (one rule per file, dated parameters); `programs.<id>` of a result reports it.
 */
import type { ProgramDefinition } from '../engine/program.js';
import { dibaoProgram } from './dibao/index.js';
import { dibaoAdministrationProgram } from './dibao_administration/index.js';
import { educationProgram } from './education/index.js';
import { employmentProgram } from './employment/index.js';
import { housingProgram } from './housing/index.js';
import { legalAidProgram } from './legal_aid/index.js';
import { medicalProgram } from './medical/index.js';
import { disabledProgram } from './disabled/index.js';
import { elderlyProgram } from './elderly/index.js';
import { landExpropriatedProgram } from './land_expropriated/index.js';
import { wubaoProgram } from './wubao/index.js';
import { facilitiesProgram } from './facilities/index.js';
import { disasterProgram } from './disaster/index.js';
import { charityProgram } from './charity/index.js';

/** Every modelled program, §二 first. */
export const PROGRAMS: readonly ProgramDefinition[] = [dibaoProgram, dibaoAdministrationProgram, medicalProgram, educationProgram, housingProgram, employmentProgram, legalAidProgram, wubaoProgram, elderlyProgram, disabledProgram, landExpropriatedProgram, facilitiesProgram, disasterProgram, charityProgram];
