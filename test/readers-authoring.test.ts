/**
 * Writing a scenario (issue 24): a prefecture by code, Chinese or English name; errors list the
 * valid values and say "did you mean" for parameter paths and prefecture names; a missing
 * `extends` says where a relative path is read from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWhere } from '../src/cli/solve.js';
import type { JiuzhuError } from '../src/engine/errors.js';
import { findPrefecture } from '../src/text/prefectures.js';
import { editDistance, nearest } from '../src/text/suggest.js';
import { loadScenario } from '../src/scenarios/input/load.js';
import { ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'jiuzhu-authoring-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BASE = join(ROOT, 'scenarios/baseline-2006.yaml');

const write = (name: string, body: string): string => {
  const f = join(tmp, `${name}.yaml`);
  writeFileSync(f, `name: ${name}\ndescription: {zh: 试验, en: trial}\n${body}`);
  return f;
};
const failure = (f: () => unknown): JiuzhuError => {
  try { f(); } catch (e) { return e as JiuzhuError; }
  throw new Error('expected an error');
};

describe('prefectures by code or name', () => {
  it('reads a code, a short or full Chinese name and an English name as the same code', () => {
    for (const v of [222400, '222400', '延边', '延边朝鲜族自治州', 'Yanbian', ' yanbian ']) expect(findPrefecture(v)?.code, String(v)).toBe(222400);
    expect(findPrefecture('长春市')?.code).toBe(220100);
    expect(findPrefecture('Jilin city')?.code).toBe(220200);
    expect(findPrefecture('Harbin')).toBeUndefined();
  });
  it('a scenario may name prefectures in where: the override lands on their codes', () => {
    const f = write('names', `extends: ${BASE}\noverrides:\n  - path: dibao.standard\n    scale: 1.1\n    where: {prefecture: [延边, Changchun, 220200]}\n`);
    const s = loadScenario(f);
    expect(s.overrides.at(-1)!.where).toEqual({ prefecture: [222400, 220100, 220200] });
  });
  it('an unknown prefecture is one located error listing the valid values, with a did-you-mean', () => {
    const f = write('bad-pref', `extends: ${BASE}\noverrides:\n  - path: dibao.standard\n    scale: 1.1\n    where: {prefecture: Yanbain}\n`);
    const e = failure(() => loadScenario(f));
    expect(e.location).toMatchObject({ file: f, line: 7, key: 'overrides.0.where.prefecture' });
    expect(e.message).toMatch(/^'Yanbain' is not a prefecture of Jilin \(did you mean 'Yanbian'\?\); give a code or a name: 220100 长春 Changchun, .*222400 延边 Yanbian$/);
    expect(e.message).not.toMatch(/Invalid input/);
  });
  it('solve --where takes names too', () => {
    expect(parseWhere('prefecture=延边+Changchun,area=urban')).toEqual({ prefecture: [222400, 220100], area: 'urban' });
  });
});

describe('did you mean', () => {
  it('edit distance by hand: standards → standard is one deletion; kitten → sitting is three', () => {
    expect(editDistance('dibao.standards', 'dibao.standard')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('zzzz', ['dibao', 'wubao'])).toEqual([]);
  });
  it('an unknown parameter path suggests the nearest path or branch', () => {
    const f = write('bad-path', `extends: ${BASE}\noverrides:\n  - path: dibao.standards\n    scale: 1.1\n`);
    const e = failure(() => loadScenario(f));
    expect(e.code).toBe('UNKNOWN_PARAMETER');
    expect(e.hint).toMatch(/^did you mean 'dibao\.standard'/);
  });
  it('a missing extends says where a relative path is read from', () => {
    const f = write('bad-extends', 'extends: baseline-2006.yaml\n');
    const e = failure(() => loadScenario(f));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.hint).toContain(`read from the folder of the scenario that names it (${tmp})`);
  });
});
