/**
 * The report's cost-of-compliance table: for each scenario and failing check, the lever its
 * clause names, the value that complies and the added annual cost by payer, as `jiuzhu comply`
 * finds them (src/scenarios/studies/comply.ts). Finding them takes many runs, so the report has
 * the table only when asked (`jiuzhu report --comply`); the type here is the shape it reads.
 */
import { PAYERS, type Payer } from '../engine/program.js';
import { payerLabel } from '../text/labels.js';
import type { Column, ReportTable, Row } from './table.js';

/** What the table reads of a compliance result (structurally ComplianceResult). */
export interface ComplianceCostInput {
  scenario: string;
  items: readonly {
    check: string;
    clause: string;
    reading: { id: string; name: { zh: string; en: string } };
    lever?: { path: string; mode: 'scale' | 'set'; label: { zh: string; en: string }; from: number; value: number | null };
    noLever?: { zh: string; en: string };
    addedAnnual?: { byPayer: Record<Payer, number>; total: number };
  }[];
  combined: { overrides: readonly { path: string; scale?: number; set?: number | boolean }[]; addedAnnual: { byPayer: Record<Payer, number>; total: number }; complies: boolean } | null;
}

const col = (key: string, zh: string, en: string, unit: Column['unit']): Column => ({ key, label: { zh, en }, unit });

/** One row per failing check and reading, and one for every change together; none without compliance results. */
export function complianceCostTable(results: readonly ComplianceCostInput[], lang: 'zh' | 'en'): ReportTable {
  const payers = PAYERS.filter((p) => results.some((r) => r.items.some((i) => (i.addedAnnual?.byPayer[p] ?? 0) !== 0)));
  const rows: Row[] = results.flatMap((r) => [
    ...r.items.map((i): Row => ({
      scenario: r.scenario,
      clause: `§${i.clause}`,
      reading: i.reading.name[lang],
      lever: i.lever ? `${i.lever.label[lang]} (${i.lever.path})` : (i.noLever?.[lang] ?? ''),
      from: i.lever ? i.lever.from : null,
      to: i.lever?.value ?? null,
      added: i.addedAnnual?.total ?? null,
      ...Object.fromEntries(payers.map((p) => [`payer.${p}`, i.addedAnnual?.byPayer[p] ?? null])),
    })),
    ...(r.combined ? [{
      scenario: r.scenario,
      clause: lang === 'zh' ? '合计' : 'together',
      reading: '',
      lever: r.combined.overrides.map((o) => o.path).join(', '),
      from: null,
      to: null,
      added: r.combined.addedAnnual.total,
      ...Object.fromEntries(payers.map((p) => [`payer.${p}`, r.combined!.addedAnnual.byPayer[p]])),
    } as Row] : []),
  ]);
  return {
    id: 'compliance-cost',
    title: { zh: '条款符合的成本', en: 'Cost of compliance' },
    note: {
      zh: '每项为单独调整该条款所指杠杆、使该理解下全省和城乡各行符合的最小值（jiuzhu comply 的求解器），年增支出按出资方；“合计”为各项同时实施。',
      en: "Each row is the least value of the lever its clause names at which that check and reading complies for the province and each area (jiuzhu comply's solver), alone, with the cost it adds a year by payer; 'together' is every change at once.",
    },
    columns: [
      col('scenario', '情景', 'scenario', 'text'), col('clause', '条款', 'clause', 'text'), col('reading', '理解', 'reading', 'text'), col('lever', '杠杆', 'lever', 'text'),
      col('from', '现值', 'now', 'ratio'), col('to', '符合值', 'complies at', 'ratio'), col('added', '年增支出（元）', 'added a year (yuan)', 'yuan'),
      ...payers.map((p) => col(`payer.${p}`, `其中：${payerLabel(p, 'zh')}`, `of which ${payerLabel(p, 'en')}`, 'yuan')),
    ],
    rows,
  };
}
