/**
 * Complete Chinese (issue 24): solve's table, progress and reasons, the checks, and the dibao
 * parameters' references in the report's and `jiuzhu params`' tables read in Chinese with
 * --lang zh; no English word is left but codes (parameter paths, scenario names, file names, URLs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationLine, solveReport } from '../src/cli/solve.js';
import { generateDataset } from '../src/data/generated.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { solveScenario } from '../src/scenarios/studies/solve.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { parametersTable, assumptionsTable } from '../src/report/provenance-tables.js';
import { compareScenariosOn } from '../src/scenarios/studies/compare.js';
import { ROOT } from './helpers.js';

/** Words of two or more Latin letters left after removing the allowed codes. */
const englishWords = (text: string, codes: readonly string[]): string[] => {
  let t = text;
  for (const c of codes) t = t.replaceAll(c, '');
  return [...t.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);
};

describe('solve --lang zh', () => {
  const baseline = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
  const { dataset } = generateDataset({ year: 2006, households: 500, seed: 1 });
  const period = { from: '2006-01', to: '2006-01' };

  it('prints the table, the reason and the progress in Chinese, money in 万元 or 亿元', () => {
    // An unreachable target (take-up 0.3–0.4 cannot cover 90% of the poor) exercises the reason text.
    const r = solveScenario(baseline, dataset, { lever: { path: 'dibao.implementation.take_up', mode: 'set', min: 0.3, max: 0.4 }, objective: 'coverage-of-poor', target: 0.9, period, grid: 2 });
    expect(r.status).toBe('unreachable');
    expect(r.messageZh).toMatch(/范围内贫困人口覆盖率达不到 0\.9/);
    const text = solveReport(r, 'zh');
    expect(text).toMatch(/^单位：(万元|亿元)$/m);
    expect(text).toContain(r.messageZh!);
    const codes = ['dibao.implementation.take_up', 'baseline-2006', r.dataset.name, 'xtol'];
    expect(englishWords(text, codes)).toEqual([]);
    const line = evaluationLine(r.iterations[0]!, 'zh');
    expect(line).toMatch(/^ {2}第 1 次运行（网格）/);
    expect(englishWords(line, codes)).toEqual([]);
  });
});

describe('jiuzhu --help --lang zh', () => {
  // `--help` is commander's, run in-process through main(argv, io).
  const commands = ['run', 'compare', 'report', 'serve', 'project', 'explain', 'households', 'solve', 'comply', 'validate', 'generate', 'calibrate-report', 'clauses', 'params'];
  it('describes every command and every option in Chinese', async () => {
    const { cli } = await import('./helpers.js');
    const top = await cli(['--lang', 'zh', '--help']);
    expect(top.stdout).toMatch(/^用法：/);
    expect(top.stdout).toContain('退出码：0 成功');
    for (const c of commands) {
      const r = await cli([c, '--lang', 'zh', '--help']);
      expect(r.status, c).toBe(0);
      // Option lines start with two spaces and a dash; each needs a Chinese description.
      const options = r.stdout.split('\n').filter((l) => /^ {2}-/.test(l));
      expect(options.length, c).toBeGreaterThan(0);
      for (const l of options) expect(l, `${c}: ${l}`).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stdout.split('\n').slice(0, 4).join('\n'), c).toMatch(/[\u4e00-\u9fff]/);
    }
  }, 120_000);
});

/**
 * Codes a Chinese text may keep: URLs, domains and their page ids (content_2451390), file names, `quoted code`,
 * dotted or snake_case identifiers (behaviour.rationing, local_hukou), `round(` of a formula, the tool's name, and
 * CPI, which Chinese official texts write as it is (居民消费价格指数 CPI).
 */
const CODE_PATTERNS = [/https?:\/\//g, /\bCPI/g, /\bjiuzhu\b/g, /[\w.-]+\.(?:cn|com|org|net|tw|cc|nl|mx)\/\S*?(?=[，。；）\s]|$)/g, /\b[\w-]+(?:\.[\w-]+)*\.(?:cn|com|org|net|tw|cc|nl|mx)\b/g, /\b[\w/.-]+\.html?\b/g, /\bcontent_\d+\b/g, /[\w./-]+\.(?:md|yaml|ts)\b/g, /`[^`]+`/g, /\b[A-Za-z_]+(?:\.[A-Za-z_]+)+\b/g, /\b[a-z]+(?:_[a-z]+)+\b/g, /\bround\(/g];
const withoutCodes = (text: string): string => CODE_PATTERNS.reduce((t, re) => t.replace(re, ''), text);

// Every parameter: each source and assumption carries its Chinese text (test/code-health.test.ts).
const TRANSLATED = /^[a-z_]+\./;

describe('the parameter tables in Chinese', () => {
  it('the report’s parameter and assumption tables give label, unit, kind and reference in Chinese', async () => {
    const scenarios = [loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'))];
    const data = await loadDataset(resolveDatasetPath('fixture-dibao'));
    const result = compareScenariosOn(scenarios, data, { period: { from: '2006-01', to: '2006-01' } });
    const table = parametersTable(result, 'zh');
    const dibao = table.rows.filter((r) => TRANSLATED.test(String(r.path)));
    expect(dibao.length).toBe(table.rows.length);
    expect(dibao.length).toBeGreaterThan(150);
    // dibao/parameters/standard.yaml: the 2006 standards are an assumption, now with its Chinese text.
    const standard = dibao.find((r) => r.path === 'dibao.standard')!;
    expect([standard.label, standard.unit, standard.kind]).toEqual(['城乡低保标准', '元/人/月', '假设']);
    expect(standard.reference).toMatch(/^吉林省未公布 2006 年各市低保标准。城镇全省平均 = 全国 169\.6 元/);
    const english = dibao.flatMap((r) => ['label', 'unit', 'kind', 'reference', 'since'].flatMap((k) => englishWords(withoutCodes(String(r[k] ?? '')), [])).map((w) => `${String(r.path)}: ${w}`));
    expect(english).toEqual([]);
    // The same rows in English keep the English text of record.
    expect(parametersTable(result, 'en').rows.find((r) => r.path === 'dibao.standard')!.reference).toMatch(/^No Jilin 2006 city standards were published\./);
    const assumptions = assumptionsTable(result, 'zh').rows.filter((r) => r.source === 'parameter' && TRANSLATED.test(String(r.subject)));
    expect(assumptions.length).toBeGreaterThan(100);
    expect(assumptions.flatMap((r) => englishWords(withoutCodes(String(r.assumption)), []))).toEqual([]);
  });

  it('jiuzhu params --lang zh lists these parameters with Chinese units, kinds and references', async () => {
    const { cli } = await import('./helpers.js');
    const r = await cli(['params', '--lang', 'zh', '--verbose']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => TRANSLATED.test(l));
    expect(rows.length).toBeGreaterThan(150);
    // Codes of the value column too: cell keys (220100.urban, earnings=0.8) and YAML's true and false.
    const values = (l: string): string => l.replace(/\b[\w.]+(?==)|\b(true|false)\b/g, '');
    const english = rows.flatMap((l) => englishWords(withoutCodes(values(l)), []).map((w) => `${l.slice(0, 40)}: ${w}`));
    expect(english).toEqual([]);
  });
});
