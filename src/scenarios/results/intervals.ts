/** The names of a result's bootstrap intervals (what studies/replicates.ts computes and the result schema carries). */

/** The default level of intervals. */
export const DEFAULT_LEVEL = 0.9;

/** A percentile interval of a figure over the bootstrap replicates. */
export interface Interval { lo: number; hi: number; level: number }

type PovertyMetric = `distribution.poverty.${'localStandard' | 'nationalRuralLine'}.${'before' | 'after'}.${'headcount' | 'gap' | 'severity'}`;
export type IntervalMetric = 'cost' | 'costAnnual' | 'recipients' | 'households' | 'coverage' | 'targeting.coverageOfPoor' | PovertyMetric;
const POVERTY_METRICS = (['localStandard', 'nationalRuralLine'] as const).flatMap((line) =>
  (['before', 'after'] as const).flatMap((when) => (['headcount', 'gap', 'severity'] as const).map((m): PovertyMetric => `distribution.poverty.${line}.${when}.${m}`)),
);
/**
 * The figures that get intervals, as their paths in a scenario's summary: the §二 cost,
 * recipients and coverage, and the FGT measures before and after assistance against the
 * local standard and the national rural line.
 */
export const INTERVAL_METRICS: readonly [IntervalMetric, ...IntervalMetric[]] = ['cost', 'costAnnual', 'recipients', 'households', 'coverage', 'targeting.coverageOfPoor', ...POVERTY_METRICS];

/** How replicates are computed: re-weighting the run's one simulation (fast), or a full run per replicate (exact). */
export const REPLICATE_METHODS = ['reweight', 'resimulate'] as const;
export type ReplicateMethod = (typeof REPLICATE_METHODS)[number];

/** Intervals of each scenario's figures, and of each change against the first scenario (paired: the same replicate weights). */
export interface ReplicateIntervals {
  scenarios: Record<IntervalMetric, Interval>[];
  /** One per scenario after the first: intervals of (scenario − first). */
  deltas: Record<IntervalMetric, Interval>[];
}
