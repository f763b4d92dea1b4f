/**
 * Winners and losers of a reform: the shares of persons whose income after assistance rises or
 * falls by more or less than the threshold of the result's `winnersLosers` (5%), stacked to 100%.
 */
import type { Result } from '../scenarios/results/result.js';
import { makeChart, round } from './chart.js';
import { resolveLang, tx, txt, type ChartOptions } from './labels.js';
import type { Chart } from './render.js';

/** The five groups, from the largest loss to the largest gain. */
export const WINNER_GROUPS = ['loseMore', 'loseLess', 'noChange', 'gainLess', 'gainMore'] as const;
const LABELS: Record<(typeof WINNER_GROUPS)[number], { zh: string; en: string }> = {
  loseMore: { zh: '减少超过5%', en: 'Lose more than 5%' },
  loseLess: { zh: '减少不超过5%', en: 'Lose up to 5%' },
  noChange: { zh: '不变', en: 'No change' },
  gainLess: { zh: '增加不超过5%', en: 'Gain up to 5%' },
  gainMore: { zh: '增加超过5%', en: 'Gain more than 5%' },
};
/** Red for losses, grey for none, blue for gains. */
const COLOURS = ['#ca0020', '#f4a582', '#d9d9d9', '#92c5de', '#0571b0'];

/** One group of one reform: the share of persons in it. */
export interface WinnersRow { scenario: string; group: (typeof WINNER_GROUPS)[number]; order: number; share: number }

export function winnersRows(result: Result): WinnersRow[] {
  return result.deltas.flatMap((d) => WINNER_GROUPS.map((group, order) => ({ scenario: d.scenario, group, order, share: d.winnersLosers[group] })));
}

/** Shares of persons gaining and losing, per reform (needs a compare result). */
export function winnersLosersChart(result: Result, options: ChartOptions = {}): Chart {
  if (!result.deltas.length) throw new Error('charts: winners and losers need a comparison (two scenarios or more)');
  const r = resolveLang(options);
  const labels = WINNER_GROUPS.map((g) => txt(r.lang, LABELS[g]));
  const values = winnersRows(result).map((x) => ({ scenario: x.scenario, group: labels[x.order]!, order: x.order, share: round(x.share) }));
  const shareTitle = tx(r.lang, '人口占比（%）', 'Share of persons (%)');
  return makeChart('winners-losers', tx(r.lang, '收入增加与减少的人口', 'Winners and losers'), {
    data: { values },
    width: 420,
    mark: 'bar',
    encoding: {
      y: { field: 'scenario', type: 'nominal', title: tx(r.lang, '情景', 'Scenario') },
      x: { field: 'share', type: 'quantitative', stack: 'zero', axis: { format: '.0%' }, scale: { domain: [0, 1] }, title: shareTitle },
      color: { field: 'group', type: 'nominal', scale: { domain: labels, range: COLOURS }, title: tx(r.lang, '救助后收入', 'Income after assistance') },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'group', type: 'nominal' }, { field: 'share', type: 'quantitative', format: '.2%', title: shareTitle }],
    },
  }, r, tx(r.lang, `相对于 ${result.deltas[0]!.against}`, `Against ${result.deltas[0]!.against}`));
}
