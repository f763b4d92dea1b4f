/**
 * Issue #21, "Done when": every budget and transfer parameter is a `source` reference, or an
 * assumption that names the published figure it scales; none is derived from jiuzhu's own results.
 * "Names a published figure" is read mechanically: the assumption has a number and a citation (a
 * web address, a yearbook table, a document number 〔YYYY〕, a bulletin or jilin-figures.md).
 * The splits below have no published figure yet: they are listed, so a new unsourced budget
 * parameter fails this test, and so does one sourced without being taken off the list.
 * Taken off: medical, disaster, housing (their central share scales a national MCA/MOF figure)
 * and the lottery split (the 50 : 50 rule and a published provincial share), and the default split
 * (the provincial share of local spending in the MOF's 2003 table by level). In those the split
 * below the centre or province between prefecture and county is still a stated convention
 * (half each, or the earlier proportions): no published figure for it was found.
 * Still open (searched 2026-12-06, pages corpus, zh and en): no published prefecture : county split
 * (local_shares, dibao_administration), no provincial share of the cost of raising dibao standards,
 * and no central wubao share — MOF says the centre helped wubao only through the rural tax-for-fee
 * reform transfers, with no separate figure (mof.gov.cn/gkml/tianbanli/2007tabl/rdjydf/200805/t20080519_28864.htm).
 */
import { describe, expect, it } from 'vitest';
import { baselineParameters } from '../src/policy/parameters.js';

const KNOWN_GAPS = [
  'funding.budget_levels.dibao_administration',
  'funding.budget_levels.wubao',
  'funding.dibao.local_shares',
  'funding.dibao.provincial.increase_share',
];
const CITATION = /(\b[\w-]+\.(cn|com|org|net|htm|html)\b|table \d|〔\d{4}〕|bulletin|jilin-figures\.md|parameters\/\w+\.yaml)/i;
const BUDGET = (path: string): boolean => path.startsWith('funding.') || /^projection\.(budget_share|dibao_budget_share|fiscal_revenue|fiscal_revenue_growth)$/.test(path);

describe('budget and transfer parameters name their published figures', () => {
  const tree = baselineParameters();
  const leaves = tree.leaves().filter((l) => BUDGET(l.path));
  it('every value is a source, or an assumption with a number and a citation — but the known gaps', () => {
    const failing = new Set<string>();
    for (const l of leaves) for (const v of l.values) {
      const r = v.reference as Record<string, string>;
      if ('source' in r) continue;
      const text = r.assumption ?? r.clause ?? '';
      if (!('assumption' in r) || !/\d/.test(text) || !CITATION.test(text)) failing.add(l.path);
    }
    expect([...failing].sort()).toEqual([...KNOWN_GAPS].sort());
    // The ones this issue sourced are not among them.
    for (const p of ['funding.dibao.central_share', 'funding.budget_levels.medical', 'funding.budget_levels.disaster', 'funding.source_levels.lottery', 'funding.budget_levels.housing', 'funding.budget_levels.default', 'projection.budget_share', 'projection.dibao_budget_share', 'projection.fiscal_revenue']) expect(failing.has(p), p).toBe(false);
  });
  it('none is set from jiuzhu’s own results', () => {
    for (const l of leaves) for (const v of l.values) {
      // A reference may say it is not set from jiuzhu's results; that sentence is not the claim tested.
      const text = Object.values(v.reference as Record<string, string>)[0]!.replace(/not (set|derived) from jiuzhu[^.]*\./gi, '');
      // The old budget share and central transfer read 'jiuzhu's baseline ≈ …' and 'the model's 2007 need'.
      expect(text, l.path).not.toMatch(/jiuzhu'?s? (own )?(baseline|result|output|simulat)|the model's (own )?(need|cost)|simulated cost/i);
    }
  });
});
