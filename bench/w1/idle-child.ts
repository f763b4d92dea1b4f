/**
 * The memory floor for the engine-only child: the same node (bundled, no tsx loader), the engine and its
 * parameter tree loaded, nothing computed. Prints {"vmHwmKiB":…,"maxRssKiB":…}.
 */
import { vmHwmKiB } from './child-report.js';
import { w1Parameters } from './engine.js';

w1Parameters();
process.stdout.write(`${JSON.stringify({ vmHwmKiB: vmHwmKiB(), maxRssKiB: process.resourceUsage().maxRSS })}\n`);
