/**
 * Charts: pure builders of vega-lite specs from a result (src/charts/*.ts), and headless
 * rendering to SVG and PNG (render.ts). Builders read only the result document — never
 * parameters or rule internals.
 */
export { cjkFont, compileSpec, renderPng, renderSvg, warnNoCjkFont, CJK_FAMILIES, type Chart } from './render.js';
