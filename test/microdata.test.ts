/** Users' microdata: every kind of bad input fails with file:row:column; good files in any format load the same. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook, parseCodebook } from '../src/data/codebook.js';
import { loadDataset, resolveDatasetPath } from '../src/data/dataset.js';
import { estimateLoadBytes, typedBytesPerRow } from '../src/data/formats/memory-estimate.js';
import { generateDataset } from '../src/data/generated.js';
import { csvText, flatColumns, writeColumns, writePopulation } from '../src/data/write.js';
import type { JiuzhuError } from '../src/engine/errors.js';
import { builtCli, builtDist, cli, ROOT } from './helpers.js';

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
    expect((await failure(file(`${HEADER}\n1,1,220100,1,2,40,-Infinity\n`))).summary()).toMatch(/:2:column 'earnings': '-Infinity' is not a finite number/);
  });
  it('a huge income is a number like any other', async () => {
    const ds = await loadDataset(file(`${HEADER}\n1,1,220100,1,2,40,1e300\n`));
    expect(ds.population.person.earnings![0]).toBe(1e300);
  });
  it('wrong types: a fractional id, an id too large to key its members exactly, a text age', async () => {
    expect((await failure(file(`${HEADER}\n1.5,1,220100,1,2,40,0\n`))).summary()).toMatch(/:2:column 'household_id': '1\.5' is not a whole number/);
    expect((await failure(file(`${HEADER}\n1,2.5,220100,1,2,40,0\n`))).summary()).toMatch(/:2:column 'person_id': '2\.5' is not a whole number/);
    // Person keys are household id × 100 + member index, exact only below 2^53 / 100 = 90071992547409.
    expect((await failure(file(`${HEADER}\n90071992547410,1,220100,1,2,40,0\n`))).summary()).toMatch(/:2:column 'household_id': '90071992547410' is above the maximum 90071992547409/);
    expect((await loadDataset(file(`${HEADER}\n90071992547409,1,220100,1,2,40,0\n90071992547409,2,220100,1,2,41,0\n`))).population.nPersons).toBe(2);
    expect((await failure(file(`${HEADER}\n1,1,220100,1,2,forty,0\n`))).summary()).toMatch(/:2:column 'age': 'forty' is not a finite number/);
  });
  it('an extra column is accepted, with a warning naming it', async () => {
    const ds = await loadDataset(file(`${HEADER},remark\n1,1,220100,1,2,40,500,hello\n`));
    expect(ds.population.nPersons).toBe(1);
    expect(ds.warnings).toContain(`${join(dir, `f${n - 1}.csv`)}: column 'remark' is not mapped to the schema; ignored`);
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
    expect(e.location.file).toBe(f);
    expect(e.message).toMatch(/not valid UTF-8; it may be GBK-encoded/);
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
  it('exits 0 on the worked example', async () => {
    const r = await cli(['validate', 'datasets/example-microdata/survey.csv', '--codebook', 'datasets/example-microdata/codebook.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/households 5, persons 10/);
  });
  it('exits 3 on a bad file with one located line first', async () => {
    const f = file(`${HEADER}\n1,1,220100,1,2,-3,500\n`);
    const r = await cli(['validate', f]);
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${f}:2:column 'age': '-3' is below the minimum 0 (negative age)`);
  });
  it('the default fixture is a valid dataset folder', async () => {
    expect((await cli(['validate', resolveDatasetPath('fixture-dibao')])).status).toBe(0);
  });
});

describe('dataset folders and names', () => {
  it('a dataset that is not found names the path looked for', async () => {
    let e: JiuzhuError | undefined;
    try {
      resolveDatasetPath('no-such-dataset', dir);
    } catch (x) {
      e = x as JiuzhuError;
    }
    expect(e).toMatchObject({ code: 'DATASET_NOT_FOUND', location: { file: join(dir, 'no-such-dataset'), key: 'dataset' } });
  });
  it('a dataset.yaml with a syntax error, an unknown key or a bad generate spec is a located error', async () => {
    const d = mkdtempSync(join(dir, 'meta-'));
    writeFileSync(join(d, 'dataset.yaml'), 'name: [\n');
    expect(await failure(d)).toMatchObject({ code: 'YAML_SYNTAX', location: { file: join(d, 'dataset.yaml'), line: 2 } });
    writeFileSync(join(d, 'dataset.yaml'), 'name: x\nhouseholds: h.csv\npersns: p.csv\n');
    expect(await failure(d)).toMatchObject({ code: 'BAD_DATASET_YAML', message: "unknown key 'persns'", location: { line: 3, key: 'persns' } });
    writeFileSync(join(d, 'dataset.yaml'), 'name: x\ngenerate: {year: 2006, households: many, seed: 1}\n');
    expect(await failure(d)).toMatchObject({ code: 'BAD_DATASET_YAML', location: { line: 2, key: 'generate.households' } });
  });
  it('a chunk manifest whose chunk has no file is a located error, not a TypeError', async () => {
    const d = mkdtempSync(join(dir, 'chunked-'));
    writeFileSync(join(d, 'manifest.json'), '{"format": "jiuzhu-chunked", "chunks": [{}]}');
    const { openDataset } = await import('../src/data/open.js');
    await expect(openDataset(d)).rejects.toMatchObject({ code: 'BAD_MANIFEST', location: { file: join(d, 'manifest.json') } });
  });
});

describe('resource bounds: a file too large for memory is refused before it is read', () => {
  const LIMIT = 'JIUZHU_MEMORY_LIMIT_MIB';
  // 2,000 generated households (about 6,100 persons, 30 columns): several MiB to load in any format.
  const sample = generateDataset({ year: 2006, households: 2000, seed: 3 }).dataset.population;
  const withLimit = async <T>(mib: string, f: () => Promise<T>): Promise<T> => {
    const before = process.env[LIMIT];
    process.env[LIMIT] = mib;
    try {
      return await f();
    } finally {
      if (before === undefined) delete process.env[LIMIT];
      else process.env[LIMIT] = before;
    }
  };
  it('the typed bytes per row come from the schema', () => {
    // By hand from src/data/schema.ts: household columns other than id: weight 8, prefecture 4,
    // urban 1, single_parent 1, hukou years 1, local_hukou 1, tenure 1, floor area 4, shanty 1,
    // land 1, assets 8 = 31; person columns other than ids: age 2, five money columns 5 × 8 = 40,
    // eleven u8 codes 11 = 53; the loader's indexes 3 × 8 + 2 × 4 = 32. 31 + 53 + 32 = 116.
    expect(typedBytesPerRow()).toBe(116);
    const one = estimateLoadBytes({ file: 'x', format: 'arrow', rows: 1000, columns: 29 });
    expect(estimateLoadBytes({ file: 'x', format: 'arrow', rows: 2000, columns: 29 }).total).toBeCloseTo(2 * one.total, 6);
    expect(one.heap).toBe(0);
  });
  for (const ext of ['.csv', '.arrow', '.parquet']) {
    it(`${ext}: rejected under a small ${LIMIT} with a located TOO_LARGE that suggests a chunked dataset; loaded under a large one`, async () => {
      const f = join(dir, `sample${ext}`);
      await writePopulation(f, sample);
      const e = await withLimit('1', () => failure(f));
      expect(e).toMatchObject({ code: 'TOO_LARGE', kind: 'input', location: { file: f } });
      expect(e.message).toMatch(/needs about \d+ MiB, more than the 1 MiB allowed by JIUZHU_MEMORY_LIMIT_MIB/);
      // Parquet and Arrow give the row count from their metadata; CSV's is estimated from the file size.
      expect(e.message).toMatch(ext === '.csv' ? /about 6,\d{3} rows × 30 columns/ : new RegExp(`\\(${sample.nPersons.toLocaleString('en-US')} rows × 30 columns\\)`));
      expect(e.hint).toMatch(/chunked dataset/);
      expect((await withLimit('4096', () => loadDataset(f))).population.nPersons).toBe(sample.nPersons);
    });
  }
  it('a bad limit is a usage error naming the variable', async () => {
    const f = join(dir, 'sample-bad-limit.arrow');
    await writeColumns(f, flatColumns(sample));
    await expect(withLimit('lots', () => loadDataset(f))).rejects.toMatchObject({ code: 'BAD_OPTION', kind: 'usage', location: { key: LIMIT } });
  });
  it('under a small V8 heap the CLI refuses the CSV (exit 3) where reading it unchecked dies of "heap out of memory"', () => {
    const big = join(dir, 'heap.csv');
    // 20,000 households, 62,035 rows: about 100 MiB of JS strings while parsed, more than a 72 MiB heap holds.
    const pop = generateDataset({ year: 2006, households: 20000, seed: 1 }).dataset.population;
    writeFileSync(big, csvText(flatColumns(pop)));
    const heap = '--max-old-space-size=72';
    const r = spawnSync(process.execPath, [heap, builtCli(), 'validate', big], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^error: ${big}: reading this CSV file \\(about 6\\d,\\d{3} rows × 30 columns\\) needs about \\d+ MiB of JavaScript heap`));
    // Both as built, under plain node (as a user runs the CLI).
    const dist = builtDist();
    const unchecked = `import { readCsvTable } from ${JSON.stringify(`${dist}/data/formats/csv-table.js`)}; import { flatPopulation } from ${JSON.stringify(`${dist}/data/dataset.js`)}; import { identityCodebook } from ${JSON.stringify(`${dist}/data/codebook.js`)}; flatPopulation(readCsvTable(${JSON.stringify(big)}), identityCodebook(), []);`;
    const crash = spawnSync(process.execPath, [heap, '--input-type=module', '-e', unchecked], { cwd: ROOT, encoding: 'utf8' });
    expect(crash.status).not.toBe(0);
    expect(crash.stderr).toMatch(/heap out of memory/);
  }, 120_000);
});

