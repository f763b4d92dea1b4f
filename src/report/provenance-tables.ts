/**
 * Where the numbers come from: the parameter table of each scenario's tree (baseline plus its
 * overrides) on the period's first day with every value's reference, the list of assumptions
 * (labelled assumptions of parameters in force and of the scenarios' behaviour and inputs),
 * the clause coverage of the opinion, and the meta block that identifies the run — all read
 * from the Result's `provenance` (scenarios/studies/provenance.ts built it with the run).
 */
import { REFERENCE_KIND, unitName } from '../text/glossary.js';
import type { Result } from '../scenarios/results/result.js';
import { scenarioKeys } from './result-tables.js';
import type { Column, ReportTable, Row } from './table.js';

const text = (key: string, zh: string, en: string): Column => ({ key, label: { zh, en }, unit: 'text' });

/** The day the parameter table shows: the first day of the result's period. */
export const parameterDate = (result: Pick<Result, 'period'>): string => `${result.period.from}-01`;

/**
 * Every parameter leaf with its value in each scenario on the period's first day, the kind and
 * text of its reference (clause, source or assumption), and the scenario overrides that changed it.
 */
export function parametersTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const date = parameterDate(result);
  const keys = scenarioKeys(result);
  const rows = result.provenance.parameters.map((p): Row => ({
    path: p.path, label: p.label[lang], unit: unitName(p.unit, lang), clause: `§${p.clause}`,
    ...Object.fromEntries(keys.map((k, i) => [`value:${k}`, p.values[i]?.value ?? null])),
    since: p.since ?? `(${lang === 'zh' ? '自' : 'from'} ${p.firstDate})`, kind: REFERENCE_KIND[p.kind][lang], reference: lang === 'zh' ? p.referenceZh ?? p.reference : p.reference,
    overrides: p.overrides.join('; ') || null,
  }));
  return {
    id: 'parameters',
    title: { zh: `参数及其依据（${date}）`, en: `Parameters and their references (${date})` },
    note: {
      zh: '各情景的参数树（基线加情景覆盖）在期初的取值；依据为文件条款、公开统计来源或标明的假设。分项参数按 市（州）代码.城乡 列出。',
      en: 'Each scenario’s parameter tree (the baseline with its overrides) on the first day of the period; the reference is a clause of the opinion, a published source or a labelled assumption. Broken-down values are listed as prefecture.area cells.',
    },
    columns: [
      text('path', '参数', 'parameter'), text('label', '名称', 'label'), text('unit', '单位', 'unit'), text('clause', '服务条款', 'serves'),
      ...keys.map((k) => text(`value:${k}`, `取值：${k}`, `value: ${k}`)),
      text('since', '生效日期', 'since'), text('kind', '依据类别', 'kind'), text('reference', '依据', 'reference'), text('overrides', '情景覆盖', 'scenario overrides'),
    ],
    rows,
  };
}

/** Every assumption behind the run: the scenarios' own (behaviour, inputs, shocks) and those of parameters in force, in the table's language. */
export function assumptionsTable(result: Result, lang: 'zh' | 'en' = 'en'): ReportTable {
  const { provenance } = result;
  const keys = scenarioKeys(result);
  const found = new Map<string, Row>();
  const add = (source: string, subject: string, assumption: string, scenario: string): void => {
    const id = `${source}|${subject}|${assumption}`;
    const row = found.get(id);
    if (row) row.scenarios = `${row.scenarios as string}, ${scenario}`;
    else found.set(id, { source, subject, scenarios: scenario, assumption: assumption.replace(/\s+/g, ' ').trim() });
  };
  provenance.scenarios.forEach((s, i) => {
    for (const a of s.assumptions) add('scenario', a.subject, a.text, keys[i]!);
  });
  provenance.scenarios.forEach((_, i) => {
    for (const p of provenance.parameters) {
      const own = p.values[i];
      if (own?.value === null || own === undefined || (own.kind ?? p.kind) !== 'assumption') continue;
      const [en, zh] = own.reference !== undefined ? [own.reference, own.referenceZh] : [p.reference, p.referenceZh];
      add('parameter', p.path, lang === 'zh' ? zh ?? en : en, keys[i]!);
    }
  });
  return {
    id: 'assumptions',
    title: { zh: '假设', en: 'Assumptions' },
    note: {
      zh: '情景的行为与输入假设，以及期初生效、依据为假设的参数（非文件条款、非公开统计）。',
      en: 'The scenarios’ assumptions on behaviour and inputs, and every parameter in force at the start of the period whose value is a labelled assumption (neither a clause nor a published source).',
    },
    columns: [text('source', '出处（scenario 情景 / parameter 参数）', 'where (scenario / parameter)'), text('subject', '对象', 'subject'), text('scenarios', '情景', 'scenarios'), text('assumption', '假设', 'assumption')],
    rows: [...found.values()],
  };
}

/** Every clause of the opinion with its status and the rules and parameters behind it. */
export function clausesTable(result: Result, lang: 'zh' | 'en'): ReportTable {
  const doc = result.provenance.clauses;
  const status = { modelled: { zh: '已建模', en: 'modelled' }, partly: { zh: '部分', en: 'partly' }, 'out-of-scope': { zh: '范围外', en: 'out of scope' } } as const;
  return {
    id: 'clauses',
    title: { zh: `${doc.document} 条款覆盖`, en: `Clause coverage of ${doc.document}` },
    note: {
      zh: `共 ${doc.counts.total} 款：已建模 ${doc.counts.modelled}，部分 ${doc.counts.partly}，范围外 ${doc.counts.outOfScope}。规则与参数由其引用推出。`,
      en: `${doc.counts.total} paragraphs: ${doc.counts.modelled} modelled, ${doc.counts.partly} partly, ${doc.counts.outOfScope} out of scope. Rules and parameters are derived from their references.`,
    },
    columns: [
      text('clause', '条款', 'clause'), text('lead', '要点', 'lead'), text('status', '状态', 'status'), text('programs', '项目', 'programs'),
      { key: 'rules', label: { zh: '规则数', en: 'rules' }, unit: 'count' }, { key: 'parameters', label: { zh: '参数数', en: 'parameters' }, unit: 'count' }, text('notes', '缺少或理由', 'missing or reason'),
    ],
    rows: doc.rows.map((c): Row => ({
      clause: `§${c.clause}`, lead: lang === 'zh' ? c.lead : c.gloss, status: status[c.status][lang], programs: c.programs.join(', ') || null,
      rules: c.rules, parameters: c.parameters, notes: c.notes,
    })),
  };
}

/** The run's identity: version, commit, dataset and its hash, seed, period, scenarios and their hashes. */
export function metaTable(result: Result): ReportTable {
  const m = result.meta;
  const { dataset, scenarios } = result.provenance;
  const rows: Row[] = [
    { key: 'jiuzhu', value: m.jiuzhu },
    { key: 'commit', value: m.commit },
    { key: 'dataset', value: m.dataset.name },
    { key: 'dataset.sha256', value: m.dataset.sha256 },
    ...(dataset.description ? [{ key: 'dataset.description', value: dataset.description }] : []),
    ...(dataset.files.length ? [{ key: 'dataset.files', value: dataset.files.join('; ') }] : []),
    { key: 'seed', value: m.seed },
    { key: 'period', value: `${result.period.from}:${result.period.to}` },
    ...m.scenarios.flatMap((s, i) => [
      { key: `scenario.${i + 1}`, value: s.name },
      { key: `scenario.${i + 1}.sha256`, value: s.sha256 },
      ...(scenarios[i] ? [{ key: `scenario.${i + 1}.files`, value: scenarios[i]!.files.join('; ') }] : []),
    ]),
    { key: 'parametersSha256', value: m.parametersSha256 },
    ...(m.replicates ? [{ key: 'replicates', value: `${m.replicates.count} (${m.replicates.method}, level ${m.replicates.level}, seed ${m.replicates.seed})` }] : []),
    ...(m.createdAt ? [{ key: 'createdAt', value: m.createdAt }] : []),
  ];
  return {
    id: 'meta',
    title: { zh: '运行标识', en: 'Run identity (meta)' },
    note: { zh: '版本、提交、数据集及其哈希、随机种子、情景及其哈希：同样的输入重跑得到同样的结果。', en: 'Version, commit, dataset and its hash, seed, scenarios and their hashes: the same inputs rerun give the same results.' },
    columns: [text('key', '项', 'key'), text('value', '值', 'value')],
    rows,
  };
}
