/**
 * The fiscal path of a projection (§二.4: what local budgets can pay): published yearly figures
 * as anchors, the constant-growth path between two anchors, and a growth assumption outside them.
 * Pure: a function of the anchors and the growth index of each year.
 */
import { JiuzhuError } from '../engine/errors.js';

/** Where a year's figure comes from: a published anchor, between two anchors, or grown by the assumption. */
export type FiscalBasis = 'published' | 'interpolated' | 'assumed growth';

export interface FiscalYear { value: number; basis: FiscalBasis }

/**
 * The figure of every year from anchors (year → value) and growth(year) (previous year = 1):
 * an anchor's year is its value; a year between anchors a < y < b is value(a) × (value(b) /
 * value(a))^((y − a) / (b − a)); after the last anchor the value grows by growth(t) for each
 * year t after it; before the first it shrinks by growth(t) for each year t up to the first.
 */
export function fiscalPath(anchors: ReadonlyMap<number, number>, growth: (year: number) => number): (year: number) => FiscalYear {
  const years = [...anchors.keys()].sort((a, b) => a - b);
  if (!years.length) throw new JiuzhuError('NO_REVENUE', 'projection.fiscal_revenue has no value dated 1 January and inputs.fiscalRevenue gives no year', { location: { key: 'projection.fiscal_revenue' } });
  return (y) => {
    const known = anchors.get(y);
    if (known !== undefined) return { value: known, basis: 'published' };
    const before = years.filter((a) => a < y).pop();
    const after = years.find((a) => a > y);
    if (before !== undefined && after !== undefined) {
      const a = anchors.get(before)!;
      const b = anchors.get(after)!;
      return { value: a * (b / a) ** ((y - before) / (after - before)), basis: 'interpolated' };
    }
    if (before !== undefined) {
      let r = anchors.get(before)!;
      for (let t = before + 1; t <= y; t++) r *= growth(t);
      return { value: r, basis: 'assumed growth' };
    }
    let r = anchors.get(after!)!;
    for (let t = after!; t > y; t--) r /= growth(t);
    return { value: r, basis: 'assumed growth' };
  };
}
