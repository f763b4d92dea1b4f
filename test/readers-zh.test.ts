/**
 * Complete Chinese (issue 24): solve's table, progress and reasons, and the checks, read in
 * Chinese with --lang zh; no English word is left but codes (parameter paths, scenario names).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationLine, solveReport } from '../src/cli/solve.js';
import { generateDataset } from '../src/data/generated.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { solveScenario } from '../src/scenarios/studies/solve.js';
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
