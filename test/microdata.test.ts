/** Users' microdata: every kind of bad input fails with file:row:column; good files in any format load the same. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook, parseCodebook } from '../src/data/codebook.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { flatColumns, writePopulation } from '../src/data/write.js';
import type { JiuzhuError } from '../src/engine/errors.js';
import { cli, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-microdata-'));
let n = 0;
function file(text: string | Uint8Array, ext = '.csv'): string {
  const f = join(dir, `f${n++}${ext}`);
  writeFileSync(f, text);
  return f;
}
async function failure(path: string, options = {}): Promise<JiuzhuError> {
  try {
    await loadDataset(path, options);
  } catch (e) {
    return e as JiuzhuError;
  }
  throw new Error('expected the load to fail');
}

const HEADER = 'household_id,person_id,prefecture,urban,weight,age,earnings';
const GOOD = `${HEADER}\n1,1,220100,1,2,40,500\n1,2,220100,1,2,12,0\n2,1,220800,0,3,70,0\n`;

describe('bad input is rejected with its location', () => {
  it('a missing required column', async () => {
    const e = await failure(file('household_id,person_id,prefecture,weight,age\n1,1,220100,1,40\n'));
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.message).toMatch(/missing required column 'urban'/);
    expect(e.location).toMatchObject({ line: 1, column: 'urban' });
  });
  it('a non-numeric income', async () => {
    const e = await failure(file(`${HEADER}\n1,1,220100,1,2,40,500\n1,2,220100,1,2,12,abc\n`));
    expect(e.summary()).toMatch(/f\d+\.csv:3:column 'earnings': 'abc' is not a finite number/);
    expect(e.location.row).toBe(2);
  });
  it('a negative age', async () => {
    const e = await failure(file(`${HEADER}\n1,1,220100,1,2,-3,500\n`));
    expect(e.summary()).toMatch(/:2:column 'age': '-3' is below the minimum 0 \(negative age\)/);
  });
  it('NaN, Infinity and a huge number', async () => {
    expect((await failure(file(`${HEADER}\n1,1,220100,1,2,40,NaN\n`))).message).toMatch(/'NaN' is not a finite number/);
    expect((await failure(file(`${HEADER}\n1,1,220100,1,2,40,Infinity\n`))).message).toMatch(/'Infinity' is not a finite number/);
    expect((await failure(file(`${HEADER}\n1,1,220100,1,2,40000,0\n`))).message).toMatch(/'40000' is above the maximum 120/);
    expect((await failure(file(`${HEADER}\n1,1,220100,1,2,40,1e400\n`))).message).toMatch(/'1e400' is not a finite number/);
  });
  it('an unknown prefecture code', async () => {
    const e = await failure(file(`${HEADER}\n1,1,110100,1,2,40,500\n`));
    expect(e.summary()).toMatch(/:2:column 'prefecture': unknown prefecture code '110100'/);
  });
  it('a person whose household does not exist (households.csv + persons.csv)', async () => {
    const d = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(d, 'households.csv'), 'id,weight,prefecture,urban\n1,1,220100,1\n');
    writeFileSync(join(d, 'persons.csv'), 'id,household,age\n1,1,30\n2,7,31\n');
    const e = await failure(d);
    expect(e.code).toBe('ORPHAN_PERSON');
    expect(e.message).toMatch(/person 2 belongs to household 7, which does not exist/);
    expect(e.location).toMatchObject({ row: 2, column: 'household' });
  });
  it('a household without persons (households.csv + persons.csv)', async () => {
    const d = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(d, 'households.csv'), 'id,weight,prefecture,urban\n1,1,220100,1\n2,1,220100,1\n');
    writeFileSync(join(d, 'persons.csv'), 'id,household,age\n1,1,30\n');
    expect((await failure(d)).message).toMatch(/household 2 has no persons/);
  });
  it('duplicate ids', async () => {
    const e = await failure(file(`${HEADER}\n1,1,220100,1,2,40,500\n1,1,220100,1,2,41,0\n`));
    expect(e.code).toBe('DUPLICATE_ID');
    expect(e.summary()).toMatch(/:3:column 'person_id': duplicate person 1 in household 1 \(also on line 2\)/);
  });
  it('an empty file, and a header with no rows', async () => {
    expect((await failure(file(''))).code).toBe('EMPTY_FILE');
    expect((await failure(file(`${HEADER}\n`))).message).toMatch(/header but no rows/);
  });
  it('a truncated last line', async () => {
    const e = await failure(file(`${HEADER}\n1,1,220100,1,2,40,500\n2,1,2208`));
    expect(e.code).toBe('CSV_TRUNCATED');
    expect(e.location.line).toBe(3);
    const q = await failure(file(`${HEADER}\n1,1,220100,1,2,40,"50`));
    expect(q.message).toMatch(/ends inside a quoted field/);
  });
  it('a household column that differs between members', async () => {
    const e = await failure(file(`${HEADER}\n1,1,220100,1,2,40,500\n1,2,220100,0,2,12,0\n`));
    expect(e.summary()).toMatch(/:3:column 'urban': household 1 has '0' here but '1' on its first row \(line 2\)/);
  });
  it('a GBK file is detected, and loads with encoding gbk', async () => {
    const gbk = Buffer.from([...Buffer.from('household_id,person_id,prefecture,urban,weight,age,'), 0xb9, 0xa4, 0xd7, 0xca, ...Buffer.from('\n1,1,220100,1,1,30,0\n')]); // 工资 in GBK
    const f = file(gbk);
    const e = await failure(f);
    expect(e.code).toBe('BAD_ENCODING');
    expect(e.hint).toMatch(/--encoding gbk/);
    const ds = await loadDataset(f, { encoding: 'gbk' });
    expect(ds.warnings.join('\n')).toMatch(/column '工资' is not mapped/);
  });
  it('lists every problem, not just the first', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},1,220100,1,1,-1,0`).join('\n');
    const e = await failure(file(`${HEADER}\n${rows}\n`));
    expect(e.details).toHaveLength(30);
    expect(e.message).toMatch(/and 29 more/);
  });
});

describe('good input loads', () => {
  it('a UTF-8 BOM and CRLF line endings', async () => {
    const ds = await loadDataset(file(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}`));
    expect(ds.population.nHouseholds).toBe(2);
    expect(Array.from(ds.population.person.age!)).toEqual([40, 12, 70]);
  });
  it('a quoted field with a comma and a newline', async () => {
    const ds = await loadDataset(file(`${HEADER},note\n1,1,220100,1,2,40,500,"a, b\nc"\n`));
    expect(ds.population.nPersons).toBe(1);
  });
  it('missing optional columns get their documented defaults, with a warning', async () => {
    const ds = await loadDataset(file(GOOD));
    expect(Array.from(ds.population.person.pension!)).toEqual([0, 0, 0]);
    expect(ds.warnings.join('\n')).toMatch(/optional column\(s\) missing, documented defaults used: .*pension=0/);
  });
  it('CSV, Arrow and Parquet round-trips give the same population', async () => {
    const csv = await loadDataset(file(GOOD));
    const cols = flatColumns(csv.population);
    for (const ext of ['.arrow', '.parquet', '.csv']) {
      const f = join(dir, `round${ext}`);
      await writePopulation(f, csv.population);
      const back = await loadDataset(f);
      expect(flatColumns(back.population), ext).toEqual(cols);
      expect(Array.from(back.population.weight)).toEqual([2, 3]);
    }
  });
  it('a bad value in a Parquet file names its row and column', async () => {
    const csv = await loadDataset(file(GOOD));
    const cols = flatColumns(csv.population);
    (cols.age as Int16Array)[2] = -5;
    const { writeColumns } = await import('../src/data/write.js');
    const f = join(dir, 'bad.parquet');
    await writeColumns(f, cols);
    const e = await failure(f);
    expect(e.location).toMatchObject({ file: f, row: 3, column: 'age' });
  });
});

describe('codebooks', () => {
  const survey = join(ROOT, 'datasets/example-microdata/survey.csv');
  const codebook = join(ROOT, 'datasets/example-microdata/codebook.yaml');
  it('the worked example loads through its codebook: names, codes and annual → monthly', async () => {
    const ds = await loadDataset(survey, { codebook: loadCodebook(codebook) });
    const pop = ds.population;
    expect(pop.nHouseholds).toBe(5);
    expect(pop.nPersons).toBe(10);
    expect(Array.from(pop.household.prefecture!)).toEqual([220100, 220200, 220800, 222400, 220700]);
    expect(Array.from(pop.household.urban!)).toEqual([1, 1, 0, 0, 0]);
    // A001's spouse earns 3600 a year → 300 a month.
    expect(pop.person.earnings![1]).toBeCloseTo(300, 10);
    expect(pop.person.disability![5]).toBe(2); // B001 head: 重度
  });
  it('without the codebook the same file is rejected, with a hint', async () => {
    const e = await failure(survey);
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.hint).toMatch(/codebook/);
  });
  it('a code the codebook does not know is named with its row', async () => {
    const cb = parseCodebook('columns:\n  household_id: hh\n  person_id: p\n  prefecture: {from: city, codes: {长春: 220100}}\n  urban: u\n  age: a\n', 'cb.yaml');
    const e = await failure(file('hh,p,city,u,a\n1,1,长春,1,30\n2,1,北京,1,30\n'), { codebook: cb });
    expect(e.summary()).toMatch(/:3:column 'city': '北京' is not in the codebook's codes for 'prefecture'/);
  });
  it('a codebook naming an unknown jiuzhu column is rejected with its line', () => {
    expect(() => parseCodebook('columns:\n  agee: AGE\n', 'cb.yaml')).toThrow(/'agee' is not a jiuzhu column/);
  });
});

describe('jiuzhu validate', () => {
  it('exits 0 on the worked example', () => {
    const r = cli(['validate', 'datasets/example-microdata/survey.csv', '--codebook', 'datasets/example-microdata/codebook.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/households 5, persons 10/);
  });
  it('exits 3 on a bad file with one located line first', () => {
    const f = file(`${HEADER}\n1,1,220100,1,2,-3,500\n`);
    const r = cli(['validate', f]);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${f}:2:column 'age': '-3' is below the minimum 0 (negative age)`);
  });
  it('the default fixture is a valid dataset folder', () => {
    expect(cli(['validate', resolveDatasetPath('fixture-dibao')]).status).toBe(0);
  });
});
