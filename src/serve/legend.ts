/**
 * How the explorer's charts name its two scenarios: as readers know them, by the head of their
 * description (scenarioTitle, as the report does), never by file names such as
 * "baseline-2006-explorer". The explored scenario says when the explorer changed it, and never
 * shares the baseline's name (exploring the baseline itself, both would read "2006 baseline").
 */
import { scenarioTitle } from '../report/executive.js';
import type { Scenario } from '../scenarios/input/load.js';

export interface LegendNames { baseline: string; explored: string }

/** The legend names of [baseline, explored] in `lang`; `changed` says whether any slider or value was moved. */
export function legendNames(baseline: Scenario, explored: Scenario, original: Scenario, changed: boolean, lang: 'zh' | 'en'): LegendNames {
  const b = scenarioTitle(baseline, baseline.name, lang);
  // The explored scenario's description is the original's with the explorer's note appended: title the original.
  let e = scenarioTitle(original, explored.name, lang);
  if (changed) e += lang === 'zh' ? '（探索器调整）' : ' (explorer settings)';
  if (e === b) e += lang === 'zh' ? '（探索）' : ' (explored)';
  return { baseline: b, explored: e };
}
