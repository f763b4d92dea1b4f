/** The rules of the modelled system, registered once: every program's rules and the events they read. */
import type { PriceTriggerDeclaration } from '../engine/program.js';
import type { Rule } from '../engine/rule.js';
import { EVENT_STATE, eventRules } from '../events/index.js';
import { PROGRAMS } from './index.js';

/** Every rule jiuzhu runs for a scenario. */
export const systemRules: readonly Rule[] = [...eventRules, ...PROGRAMS.flatMap((p) => p.rules)];

/** Every state pair the month loop carries from one month to the next. */
export const systemState: readonly (readonly [previous: string, current: string])[] = [...EVENT_STATE, ...PROGRAMS.flatMap((p) => p.state ?? [])];

/** The price trigger, as the program that has one declares it (dibao, §二.2): its parameter branch and the inputs it sets. */
export const systemPriceTrigger: PriceTriggerDeclaration | undefined = PROGRAMS.find((p) => p.priceTrigger)?.priceTrigger;
