/** Scenario shocks: `shocks.disaster` sets the disaster.shock.* parameters for the month it strikes, by prefecture. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenarios/input/load.js';
import { scenarioParameters } from '../src/scenarios/execution/run.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-shocks-'));
function scenario(shocks: string): string {
  const f = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, `name: flood\ndescription: {zh: 洪灾, en: flood}\nshocks:\n${shocks}`);
  return f;
}

describe('shocks.disaster', () => {
  it('sets the affected share and houses destroyed of each prefecture for its month only', () => {
    const s = loadScenario(scenario(`  disaster:
    - month: 2007-07
      name: test flood
      byPrefecture:
        "220800": {affectedShare: 0.3, housesDestroyed: 1200}
        "220700": {affectedShare: 0.05, housesDestroyed: 0}
`));
    const t = scenarioParameters(s);
    const at = (path: string, date: string, prefecture: number) => t.valueAt(path, date, { prefecture });
    expect(at('disaster.shock.affected_share', '2007-07-01', 220800)).toBe(0.3);
    expect(at('disaster.shock.houses_destroyed', '2007-07-01', 220800)).toBe(1200);
    expect(at('disaster.shock.affected_share', '2007-07-01', 220700)).toBe(0.05);
    // Other prefectures, the month before and the month after: no disaster.
    expect(at('disaster.shock.affected_share', '2007-07-01', 220100)).toBe(0);
    expect(at('disaster.shock.affected_share', '2007-06-01', 220800)).toBe(0);
    expect(at('disaster.shock.affected_share', '2007-08-01', 220800)).toBe(0);
    expect(at('disaster.shock.houses_destroyed', '2007-08-01', 220800)).toBe(0);
  });
  it('refuses two disasters in one month, naming the entry', () => {
    const f = scenario(`  disaster:
    - {month: 2007-07, byPrefecture: {"220800": {affectedShare: 0.3, housesDestroyed: 1}}}
    - {month: 2007-07, byPrefecture: {"220700": {affectedShare: 0.1, housesDestroyed: 1}}}
`);
    expect(() => loadScenario(f)).toThrow(/two disasters strike in 2007-07/);
  });
  it('refuses an unknown prefecture and a share above 1', () => {
    expect(() => loadScenario(scenario(`  disaster:\n    - {month: 2007-07, byPrefecture: {"999999": {affectedShare: 0.3, housesDestroyed: 1}}}\n`))).toThrow(/prefecture code/);
    // A share above 1: the error is located at the share's key (the message is the schema's "at most 1").
    let e: unknown;
    try {
      loadScenario(scenario(`  disaster:\n    - {month: 2007-07, byPrefecture: {"220800": {affectedShare: 1.3, housesDestroyed: 1}}}\n`));
    } catch (x) {
      e = x;
    }
    expect(e).toMatchObject({ exitCode: 3, location: { key: 'shocks.disaster.0.byPrefecture.220800.affectedShare' } });
    expect((e as Error).message).toMatch(/<=1/);
  });
});
