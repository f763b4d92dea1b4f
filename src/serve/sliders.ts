/**
 * The explorer's sliders: which parameter path each one drives, how (scale or set), and its
 * range. The ranges are choices of the user interface — how far a user may move a lever — not
 * policy numbers: the policy values stay in the parameter YAML, and a slider at its default
 * leaves the scenario as written. This table is the only place a slider is declared; the page,
 * the request validation and the saved YAML all read it, so no other path can reach the engine.
 */
import { JiuzhuError } from '../engine/errors.js';
import type { Override, ParameterTree } from '../engine/parameters/tree.js';

export type SliderId = 'standardUrban' | 'standardRural' | 'takeUpUrban' | 'takeUpRural' | 'classifiedRate';

export interface Slider {
  id: SliderId;
  label: { zh: string; en: string };
  /** Parameter path (a leaf or a branch) the slider overrides. */
  path: string;
  /** scale: × the scenario's values (default 1); set: replaces them (default: the scenario's value). */
  mode: 'scale' | 'set';
  where?: { area: 'urban' | 'rural' };
  min: number;
  max: number;
  step: number;
  /** How the page shows the value: ×1.10, or 75%. */
  display: 'factor' | 'percent';
  /** One line on what moving it does, for the page's title text. */
  help: { zh: string; en: string };
}

/**
 * UI ranges, not policy numbers: a standard from half to twice the scenario's, a take-up rate
 * anywhere in [0, 1], the classified top-up rates from none to three times the scenario's.
 */
export const SLIDERS: readonly Slider[] = [
  {
    id: 'standardUrban', label: { zh: '城镇低保标准', en: 'Urban dibao standard' }, path: 'dibao.standard', mode: 'scale', where: { area: 'urban' },
    min: 0.5, max: 2, step: 0.01, display: 'factor',
    help: { zh: '各市（州）城镇低保标准乘以该系数（§二.1）', en: 'Every prefecture’s urban standard × this factor (§二.1)' },
  },
  {
    id: 'standardRural', label: { zh: '农村低保标准', en: 'Rural dibao standard' }, path: 'dibao.standard', mode: 'scale', where: { area: 'rural' },
    min: 0.5, max: 2, step: 0.01, display: 'factor',
    help: { zh: '各市（州）农村低保标准乘以该系数（§二.1）', en: 'Every prefecture’s rural standard × this factor (§二.1)' },
  },
  {
    id: 'takeUpUrban', label: { zh: '城镇申领率', en: 'Urban take-up' }, path: 'dibao.implementation.take_up', mode: 'set', where: { area: 'urban' },
    min: 0, max: 1, step: 0.01, display: 'percent',
    help: { zh: '符合条件的城镇家庭中申领并获得低保的比例', en: 'Share of eligible urban households that apply and are paid' },
  },
  {
    id: 'takeUpRural', label: { zh: '农村申领率', en: 'Rural take-up' }, path: 'dibao.implementation.take_up', mode: 'set', where: { area: 'rural' },
    min: 0, max: 1, step: 0.01, display: 'percent',
    help: { zh: '符合条件的农村家庭中申领并获得低保的比例', en: 'Share of eligible rural households that apply and are paid' },
  },
  {
    id: 'classifiedRate', label: { zh: '分类施保比例', en: 'Classified top-up rates' }, path: 'dibao.classified.rate', mode: 'scale',
    min: 0, max: 3, step: 0.05, display: 'factor',
    help: { zh: '各类特困对象的分类施保比例乘以该系数（§二.2）', en: 'Every category’s classified top-up rate × this factor (§二.2)' },
  },
];

export type Settings = Partial<Record<SliderId, number>>;

export const sliderById = (id: string): Slider | undefined => SLIDERS.find((s) => s.id === id);

/** Fails at start-up, not on a user's click, if a slider names a path the parameters no longer have. */
export function checkSliders(tree: ParameterTree): void {
  for (const s of SLIDERS) {
    if (!tree.exists(s.path)) throw new JiuzhuError('SLIDER_PATH', `slider '${s.id}' drives '${s.path}', which is not a parameter path`, { kind: 'internal', location: { key: s.path } });
  }
}

/**
 * Each slider's value when the scenario is left as written: 1 for a scale, the scenario's own
 * value in force on `date` for a set (e.g. its behaviour.takeUp).
 */
export function sliderDefaults(tree: ParameterTree, date: string): Record<SliderId, number> {
  return Object.fromEntries(SLIDERS.map((s) => [s.id, s.mode === 'scale' ? 1 : tree.valueAt(s.path, date, s.where ?? {})])) as Record<SliderId, number>;
}

/** The settings that differ from the defaults, in slider order: what the explorer adds to a scenario. */
export function effectiveSettings(settings: Settings, defaults: Record<SliderId, number>): Settings {
  const out: Settings = {};
  for (const s of SLIDERS) {
    const v = settings[s.id];
    if (v !== undefined && v !== defaults[s.id]) out[s.id] = v;
  }
  return out;
}

/** Overrides appended after the scenario's own, one per moved slider, in slider order. */
export function settingsOverrides(settings: Settings): Override[] {
  return SLIDERS.flatMap((s) => {
    const v = settings[s.id];
    if (v === undefined) return [];
    return [{ path: s.path, [s.mode]: v, ...(s.where ? { where: { ...s.where } } : {}) } as Override];
  });
}
