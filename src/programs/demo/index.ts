/** The demo program: the peer benchmark's dibao chain (W1), for engine tests and benchmarks. */
import type { Rule } from '../../engine/rule.js';
import { demo_benefit } from './demo_benefit.js';
import { demo_counted_income } from './demo_counted_income.js';
import { demo_per_capita_income } from './demo_per_capita_income.js';

export const demoRules: readonly Rule[] = [demo_counted_income, demo_per_capita_income, demo_benefit];
