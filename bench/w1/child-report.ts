/** What the engine-only child reports (kept apart so importing it never runs the child). */
import { readFileSync } from 'node:fs';
import type { YearMode } from './year.js';

export interface ChildReport {
  yearMode: YearMode;
  ms: { build: number; baseline: number; reform: number; year: number };
  baseline: { recipients: number; cost: number };
  /** process.resourceUsage().maxRSS, KiB. On Linux this is inherited across fork + exec, so it
   *  is at least the parent's RSS when it spawned us: see peakRssKiB. */
  maxRssKiB: number;
  /** VmHWM of /proc/self/status (Linux): peak RSS of this process image only; undefined elsewhere. */
  vmHwmKiB?: number;
}

/** The child's own peak RSS: VmHWM where /proc exists, else resourceUsage().maxRSS. */
export function peakRssKiB(r: ChildReport): number {
  return r.vmHwmKiB ?? r.maxRssKiB;
}

export function vmHwmKiB(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

