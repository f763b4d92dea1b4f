/**
 * The notebooks read like tutorials (issue 24): no working-directory guard cells (the
 * jiuzhu-tslab kernel launcher, scripts/jupyter/tslab-kernel.sh, starts in the repository root,
 * which is what the guards checked), no test cells (their checks against the CLI live in
 * test/notebook-checks/, appended by the runner: test/notebooks.test.ts), and no printed chart source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const tutorials = readdirSync(join(ROOT, 'notebooks')).filter((f) => /^0[1-9].*\.ipynb$/.test(f));
const code = (f: string): string => (JSON.parse(readFileSync(join(ROOT, 'notebooks', f), 'utf8')) as { cells: { cell_type: string; source: string[] }[] }).cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n');

describe('tutorial notebooks', () => {
  it('carry no working-directory guard: the kernel launcher starts in the repository root', () => {
    expect(tutorials.length).toBeGreaterThanOrEqual(7);
    for (const f of tutorials) expect(code(f), f).not.toMatch(/is not the jiuzhu repository root|process\.cwd\(\)/);
    expect(readFileSync(join(ROOT, 'scripts/jupyter/tslab-kernel.sh'), 'utf8')).toMatch(/\bcd\b/);
  });
  it('carry no test cell: nothing compares figures or throws on a mismatch', () => {
    for (const f of tutorials) expect(code(f), f).not.toMatch(/checkHeadlines|if \([^\n]*\) throw new Error|expected [\w ]*!==|!== expected/);
  });
  it('never keep or print the SVG a chart returns (display.chart returns nothing)', () => {
    for (const f of tutorials) expect(code(f), f).not.toMatch(/=\s*await display\.chart\(|console\.log\([^)]*svg/);
  });
});
