/**
 * The notebooks under notebooks/: committed clean, importing only the public package, and
 * executed by scripts/run-notebooks.sh, which must fail when a cell throws.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const notebookDir = join(root, 'notebooks');
const KERNEL_NAME = 'jiuzhu-tslab';

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string; language?: string } };
}

const text = (s: string | string[]): string => (Array.isArray(s) ? s.join('') : s);
const notebookFiles = readdirSync(notebookDir).filter((f) => f.endsWith('.ipynb')).sort();
const notebooks = notebookFiles.map((f) => ({ file: f, nb: JSON.parse(readFileSync(join(notebookDir, f), 'utf8')) as Notebook }));

/** Module specifiers a TypeScript cell imports or requires. */
function importedModules(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g, // import … from 'x', export … from 'x'
    /\bimport\s*['"]([^'"]+)['"]/g, // import 'x'
    /\b(?:require|import)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g, // require('x'), import('x')
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

const isNodeBuiltin = (spec: string): boolean => spec.startsWith('node:') || builtinModules.includes(spec);
/** 'jiuzhu' and its public subpaths (package.json `exports`, e.g. 'jiuzhu/notebook'). */
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
const publicModules = Object.keys(pkg.exports).filter((k) => !k.endsWith('.json')).map((k) => (k === '.' ? 'jiuzhu' : `jiuzhu/${k.slice(2)}`));
const STORIES = ['01-quickstart', '02-raise-dibao-standard', '03-price-subsidy-2008', '04-funding-projection', '05-targeting-and-take-up', '06-charts-for-reports', '07-your-own-microdata', '08-published-outcomes'];

describe('notebooks/*.ipynb', () => {
  it('exist', () => {
    expect(notebookFiles).toContain('00-smoke.ipynb');
    for (const name of STORIES) expect(notebookFiles).toContain(`${name}.ipynb`);
  });

  it('the notebook subpath is public', () => {
    expect(publicModules).toContain('jiuzhu/notebook');
  });

  it.each(STORIES)('%s has its check against the CLI in test/notebook-checks/, not in a cell of its own', (name) => {
    const { nb } = notebooks.find((n) => n.file === `${name}.ipynb`)!;
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => text(c.source)).join('\n');
    expect(code).not.toContain('checkHeadlines');
    // scripts/run-notebooks.sh appends this cell when it runs the notebook (tested below where Jupyter is).
    const check = readFileSync(join(root, 'test', 'notebook-checks', `${name}.cell.ts`), 'utf8');
    expect(check).toMatch(/jiuzhuCli\(\[/);
    expect(check).toContain('--json');
    expect(check).toContain('checkHeadlines(');
  });

  it.each(notebookFiles)('%s is committed without outputs or execution counts', (file) => {
    const { nb } = notebooks.find((n) => n.file === file)!;
    const dirty = nb.cells
      .map((c, i) => ({ i, c }))
      .filter(({ c }) => c.cell_type === 'code' && ((c.outputs?.length ?? 0) > 0 || (c.execution_count ?? null) !== null))
      .map(({ i }) => `cell ${i + 1}`);
    expect(dirty, `clear the outputs of ${file} before committing`).toEqual([]);
  });

  it.each(notebookFiles)(`%s uses the ${KERNEL_NAME} TypeScript kernel`, (file) => {
    const { nb } = notebooks.find((n) => n.file === file)!;
    expect(nb.metadata.kernelspec?.name).toBe(KERNEL_NAME);
    expect(nb.metadata.kernelspec?.language).toBe('typescript');
  });

  it.each(notebookFiles)("%s imports only 'jiuzhu', its public subpaths and node builtins (never src/ or dist/)", (file) => {
    const { nb } = notebooks.find((n) => n.file === file)!;
    const bad: string[] = [];
    nb.cells.forEach((c, i) => {
      if (c.cell_type !== 'code') return;
      for (const spec of importedModules(text(c.source))) {
        if (!publicModules.includes(spec) && !isNodeBuiltin(spec)) bad.push(`cell ${i + 1}: '${spec}'`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('the import scan sees every import form', () => {
    const src = "import { a } from 'jiuzhu';\nimport '../src/index.js';\nconst b = require('../dist/index.js');\nconst c = await import(\"node:fs\");\nexport { d } from 'src/x.js';";
    expect(importedModules(src).sort()).toEqual(['../dist/index.js', '../src/index.js', 'jiuzhu', 'node:fs', 'src/x.js']);
  });
});

const hasNbconvert = spawnSync('sh', ['-c', 'command -v jupyter-nbconvert'], { encoding: 'utf8' }).status === 0;

// Jupyter is optional (Debian packages, see README); the runner is checked either way, never skipped:
// with Jupyter it must fail on a throwing cell, without it it must fail saying what to install.
// Only the case for this machine is registered, so neither shows as skipped.
describe('scripts/run-notebooks.sh', () => {
  if (!hasNbconvert) it('without Jupyter (jupyter-nbconvert not on PATH here): fails naming the Debian packages to install', () => {
    const r = spawnSync('bash', [join(root, 'scripts', 'run-notebooks.sh'), join(notebookDir, '00-smoke.ipynb')], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain("run-notebooks: 'jupyter nbconvert' is not available; install: apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel");
    expect(r.stdout).not.toContain('FAILED');
  });
  if (hasNbconvert) describe('with Jupyter', () => {
    // One notebook, one kernel (each costs ~4.5 s of CPU): its check, appended as cell 2, is the cell
    // that throws. To nbconvert an appended check is a cell like any other, so the same run shows
    // the runner failing, naming the error and the cell, when a cell throws (session 15: this took
    // a second notebook whose own second cell threw, and a second kernel). stdout and stderr go to
    // one file, in the order written.
    let dir: string;
    let sums: string;
    let run: { status: number | null; error?: Error; output: string; failedList: string };
    /** The output of one notebook: from its `── ` line up to the next notebook's, or to the summary. */
    const part = (file: string): string => {
      const sections = run.output.split(/^(?=── |notebooks \()/m);
      return sections.find((x) => x.startsWith(`── ${file}\n`)) ?? `(no output for ${file} in:)\n${run.output}`;
    };
    beforeAll(() => {
      // Its real path: the runner names each notebook by its physical path (pwd -P).
      dir = realpathSync(mkdtempSync(join(tmpdir(), 'jiuzhu-nb-runner-')));
      const notebookFile = (name: string, sources: string[]): string => {
        const nb = {
          cells: sources.map((source, i) => ({ cell_type: 'code', execution_count: null, id: `cell-${i}`, metadata: {}, outputs: [], source })),
          metadata: { kernelspec: { display_name: 'TypeScript (jiuzhu)', language: 'typescript', name: KERNEL_NAME } },
          nbformat: 4,
          nbformat_minor: 5,
        };
        const file = join(dir, `${name}.ipynb`);
        writeFileSync(file, JSON.stringify(nb));
        return file;
      };
      // Runs with its check, sums.cell.ts, in the same folder (JIUZHU_NOTEBOOK_CHECKS below).
      sums = notebookFile('sums', [
        // The package as the notebooks import it: tslab resolves (and type-checks) 'jiuzhu' through the
        // node_modules/jiuzhu shim (scripts/jupyter/link-package.sh). The failing cell must be cell 2,
        // so this cell must run: the only place npm test sees a notebook import the package.
        "import { peerWorkloadPopulation } from 'jiuzhu';\nconsole.log(peerWorkloadPopulation(100).nPersons);\nconst answer = 6 * 7;",
      ]);
      // The check sees the notebook's own variable (so it ran in the same kernel, after the notebook),
      // and its message is built at run time, so it shows only if the check ran and the runner reports it.
      writeFileSync(join(dir, 'sums.cell.ts'), "if (answer !== 41) throw new Error(['check', 'saw', String(answer)].join('-'));\n");
      const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_NOTEBOOK_CHECKS: dir };
      delete env.JIUZHU_NOTEBOOK_OUT;
      const log = join(dir, 'output.txt');
      const fd = openSync(log, 'w');
      try {
        const r = spawnSync('bash', [join(root, 'scripts', 'run-notebooks.sh'), sums], { cwd: root, env, stdio: ['ignore', fd, fd], timeout: 230_000 });
        const output = readFileSync(log, 'utf8');
        run = { status: r.status, error: r.error, output, failedList: /^run-notebooks: \d+ notebook\(s\) failed: .*$/m.exec(output)?.[0] ?? '(no list of failed notebooks)' };
      } finally {
        closeSync(fd);
      }
    }, 240_000);
    afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

    it('runs a notebook with its check appended as the last cell, and fails, naming the error and the cell, when a cell (the check) throws', () => {
      const output = part(sums);
      expect(run.error).toBeUndefined();
      expect(run.status, run.output).not.toBe(0);
      expect(run.failedList, run.output).toContain(sums);
      expect(run.output).toMatch(/FAILED .*sums\.ipynb/);
      expect(output).toContain(`with its check ${join(dir, 'sums.cell.ts')}`);
      expect(output).toContain('check-saw-42');
      expect(output).toContain('notebook cell 2 failed');
      // The notebook given is left as it was: one cell.
      expect(JSON.parse(readFileSync(sums, 'utf8')).cells).toHaveLength(1);
    });
  });
});
