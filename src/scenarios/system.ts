/** The rules of the modelled system, registered once: every program's rules. */
import type { Rule } from '../engine/rule.js';
import { dibaoRules } from '../programs/dibao/index.js';

/** Every rule jiuzhu runs for a scenario. */
export const systemRules: readonly Rule[] = [...dibaoRules];
