/**
 * What the explorer accepts from the page: a scenario name, slider settings, values set directly
 * (the standards table, the parameter search; src/serve/overrides.ts) and a language, as a JSON body
 * (POST) or a query string (GET, for download links). Every request is checked here with zod; a
 * bad one becomes a JiuzhuError naming the key, which the server answers with 400. Whether a set
 * value fits its parameter is checked against the parameter tree (checkUserOverrides).
 */
import { z } from 'zod';
import { JiuzhuError } from '../engine/errors.js';
import { MAX_USER_OVERRIDES, type UserOverride } from './overrides.js';
import { SLIDERS, type Settings } from './sliders.js';

export interface ExplorerRequest {
  scenario: string;
  settings: Settings;
  /** Values set directly, in the order set (absent: none). */
  overrides?: UserOverride[];
  lang: 'zh' | 'en';
}

const OverrideSchema = z.strictObject({
  path: z.string().min(1).max(200),
  set: z.number().finite(),
  where: z.strictObject({ prefecture: z.number().int().optional(), area: z.enum(['urban', 'rural']).optional() }).optional(),
});

const SettingsSchema = z.strictObject(
  Object.fromEntries(SLIDERS.map((s) => [s.id, z.number().min(s.min).max(s.max).optional()])) as Record<string, z.ZodOptional<z.ZodNumber>>,
);

const RequestSchema = z.strictObject({
  scenario: z.string().min(1),
  settings: SettingsSchema.optional(),
  overrides: z.array(OverrideSchema).max(MAX_USER_OVERRIDES).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const sliderIds = SLIDERS.map((s) => s.id).join(', ');

/** One located message per zod issue; the first is the error's summary, all are its details. */
function requestError(issues: readonly z.core.$ZodIssue[], body: object): JiuzhuError {
  const problems = issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => {
        const key = [...path, k].join('.');
        const message = path[0] === 'settings' ? `unknown setting '${k}' (a setting is one of ${sliderIds})` : `unknown key '${key}' (a request has scenario, settings, overrides and lang)`;
        return { key, message };
      });
    }
    const key = path.join('.') || 'body';
    const slider = path[0] === 'settings' ? SLIDERS.find((s) => s.id === path[1]) : undefined;
    if (slider && (issue.code === 'too_big' || issue.code === 'too_small')) {
      const value = (body as { settings?: Record<string, unknown> }).settings?.[slider.id];
      return [{ key, message: `${String(value)} is outside the slider's range ${slider.min}–${slider.max}` }];
    }
    return [{ key, message: issue.message }];
  });
  const first = problems[0] ?? { key: 'body', message: 'bad request' };
  return new JiuzhuError('BAD_REQUEST', first.message, {
    location: { key: first.key },
    details: problems.map((p) => `key '${p.key}': ${p.message}`),
    hint: `settings are ${sliderIds}`,
  });
}

/** Validates a parsed JSON body. */
export function parseRequest(body: unknown): ExplorerRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new JiuzhuError('BAD_REQUEST', 'the request body is a JSON object {scenario, settings, lang}', { location: { key: 'body' } });
  }
  const parsed = RequestSchema.safeParse(body);
  if (!parsed.success) throw requestError(parsed.error.issues, body);
  const settings: Settings = {};
  for (const [k, v] of Object.entries(parsed.data.settings ?? {})) if (v !== undefined) settings[k as keyof Settings] = v;
  const overrides = (parsed.data.overrides ?? []).map((o): UserOverride => {
    const where = o.where && (o.where.prefecture !== undefined || o.where.area !== undefined)
      ? { ...(o.where.prefecture !== undefined ? { prefecture: o.where.prefecture } : {}), ...(o.where.area ? { area: o.where.area } : {}) }
      : undefined;
    return { path: o.path, set: o.set, ...(where ? { where } : {}) };
  });
  return { scenario: parsed.data.scenario, settings, ...(overrides.length ? { overrides } : {}), lang: parsed.data.lang ?? 'en' };
}

/**
 * A set value in a query string: `set:PATH[@PREFECTURE][@AREA]=VALUE`, e.g.
 * `set:dibao.standard@220100@urban=300` or `set:dibao.classified.rate=0.3`.
 */
const SET_PREFIX = 'set:';
function overrideFromQuery(key: string, value: string): unknown {
  const [path, ...cell] = key.slice(SET_PREFIX.length).split('@');
  const where: Record<string, unknown> = {};
  for (const c of cell) {
    if (c === 'urban' || c === 'rural') where.area = c;
    else where.prefecture = DECIMAL.test(c) ? Number(c) : c;
  }
  return { path, set: DECIMAL.test(value) ? Number(value) : value, ...(cell.length ? { where } : {}) };
}
const overrideKey = (o: UserOverride): string => `${SET_PREFIX}${[o.path, ...(o.where?.prefecture !== undefined ? [String(o.where.prefecture)] : []), ...(o.where?.area ? [o.where.area] : [])].join('@')}`;

/** A setting in a query string: a plain decimal (`1.25`, `-0.5`), not `0x1`, `1e0`, ` 1` or `Infinity`. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A query string (`?scenario=x&standardUrban=1.2&lang=zh`): every key besides scenario and lang
 * is a setting, so download links are plain URLs. A value that is not a plain decimal is rejected.
 */
export function parseQuery(params: URLSearchParams): ExplorerRequest {
  const body: { scenario?: string; lang?: string; settings: Record<string, unknown>; overrides?: unknown[] } = { settings: {} };
  for (const [k, v] of params) {
    if (k === 'scenario') body.scenario = v;
    else if (k === 'lang') body.lang = v;
    else if (k.startsWith(SET_PREFIX)) (body.overrides ??= []).push(overrideFromQuery(k, v));
    else body.settings[k] = DECIMAL.test(v) ? Number(v) : v;
  }
  return parseRequest(body);
}

/** The query string of a request, sliders in slider order then set values (what the page puts on its download links). */
export function requestQuery(r: ExplorerRequest): string {
  const q = new URLSearchParams({ scenario: r.scenario, lang: r.lang });
  for (const s of SLIDERS) if (r.settings[s.id] !== undefined) q.set(s.id, String(r.settings[s.id]));
  for (const o of r.overrides ?? []) q.append(overrideKey(o), String(o.set));
  return q.toString();
}
