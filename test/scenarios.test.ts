/** Scenario files: validation with file/line/key, override paths checked, extends chains. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JiuzhuError } from '../src/engine/errors.js';
import { loadScenario, parseScenarioText } from '../src/scenarios/input/load.js';
import { scenarioParameters } from '../src/scenarios/execution/run.js';
import { ROOT } from './helpers.js';

const at = (f: string) => join(ROOT, 'test/scenarios', f);
const fail = (f: () => unknown): JiuzhuError => {
  try { f(); } catch (e) { return e as JiuzhuError; }
  throw new Error('expected an error');
};

describe('scenario validation', () => {
  it('an unknown parameter path names the file, the line and the path', () => {
    const e = fail(() => loadScenario(at('unknown-path.yaml')));
    expect(e.code).toBe('UNKNOWN_PARAMETER');
    expect(e.message).toBe("unknown parameter path 'dibao.standrd.urban'");
    expect(e.location).toMatchObject({ file: at('unknown-path.yaml'), line: 7, key: 'dibao.standrd.urban' });
  });
  it('unknown keys name the file, the line and the key — every one of them', () => {
    const e = fail(() => loadScenario(at('unknown-key.yaml')));
    expect(e.code).toBe('BAD_SCENARIO');
    expect(e.location).toMatchObject({ file: at('unknown-key.yaml'), line: 3, key: 'perod' });
    // perod, scael, and the override that is then left with none of set/scale/add.
    expect(e.details).toHaveLength(3);
    expect(e.details.join('\n')).toMatch(/unknown-key\.yaml:6: key 'overrides\.0\.scael': unknown key 'scael'/);
    expect(e.details.join('\n')).toMatch(/exactly one of set, scale, add/);
  });
  it('a missing name and a bad period', () => {
    const e = fail(() => parseScenarioText('description: {zh: a, en: b}\nperiod: {from: 2006-1, to: "2006-12"}\n', 's.yaml'));
    expect(e.details.join('\n')).toMatch(/missing required key 'name'/);
    expect(e.details.join('\n')).toMatch(/s\.yaml:2: key 'period\.from'/);
  });
  it('an override needs exactly one of set, scale, add', () => {
    const e = fail(() => parseScenarioText('name: x\ndescription: {zh: a, en: b}\noverrides:\n  - {path: dibao.standard, set: 1, scale: 2}\n', 's.yaml'));
    expect(e.message).toMatch(/exactly one of set, scale, add/);
    expect(e.location.line).toBe(4);
  });
  it('a YAML syntax error names its line', () => {
    const e = fail(() => parseScenarioText('name: x\ndescription: {zh: a, en: b\n', 's.yaml'));
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.location.file).toBe('s.yaml');
  });
});

describe('extends chains', () => {
  it('applies the base first, then each child; the last period wins', () => {
    const c = loadScenario(at('chain-c.yaml'));
    expect(c.name).toBe('chain-c');
    expect(c.files.map((f) => f.split('/').pop())).toEqual(['chain-a.yaml', 'chain-b.yaml', 'chain-c.yaml']);
    expect(c.period).toEqual({ from: '2007-01', to: '2007-03' });
    const p = scenarioParameters(c);
    // Changchun 2007 standards (dibao.standard): urban 168, rural 76.
    // chain-a adds 10 → 178 / 86; chain-b doubles rural → 178 / 172; chain-c sets urban 300 from 2007-02-01.
    expect(p.valueAt('dibao.standard', '2007-01-15', { prefecture: 220100, area: 'urban' })).toBe(178);
    expect(p.valueAt('dibao.standard', '2007-01-15', { prefecture: 220100, area: 'rural' })).toBe(172);
    expect(p.valueAt('dibao.standard', '2007-02-01', { prefecture: 220100, area: 'urban' })).toBe(300);
    expect(p.valueAt('dibao.standard', '2007-02-01', { prefecture: 220200, area: 'urban' })).toBe(168); // Jilin city 158 + 10
  });
  it('a loop in extends is an error', () => {
    expect(fail(() => loadScenario(at('loop-a.yaml'))).code).toBe('EXTENDS_CYCLE');
  });
  it('the same resolved scenario hashes the same; a different override does not', () => {
    const a = loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml'));
    expect(loadScenario(join(ROOT, 'scenarios/baseline-2006.yaml')).sha256).toBe(a.sha256);
    expect(loadScenario(join(ROOT, 'scenarios/raise-standard-10pct.yaml')).sha256).not.toBe(a.sha256);
  });
});
