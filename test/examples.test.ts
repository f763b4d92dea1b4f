/** Every @example in src/index.ts runs, importing 'jiuzhu' from the source. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const text = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
const blocks = [...text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export \{([^}]*)\}/g)].map((m) => ({
  exports: m[2]!.trim(),
  doc: m[1]!,
  example: (/@example\s*\n([\s\S]*)$/.exec(m[1]!)?.[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim(),
}));

describe('public API examples', () => {
  it('every export statement has a doc comment with an example', () => {
    const exportLines = text.split('\n').filter((l) => /^export \{/.test(l)).length;
    expect(blocks.length).toBe(exportLines);
    for (const b of blocks) expect(b.example.length, b.exports).toBeGreaterThan(0);
  });
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-examples-'));
  blocks.forEach((b, i) => {
    it(`example for ${b.exports.split(',')[0]} runs`, async () => {
      const file = join(dir, `example-${i}.ts`);
      // console.assert only logs; make a failed assertion throw so the example can fail the test.
      const code = `const __assert = (c: unknown, ...m: unknown[]) => { if (!c) throw new Error('example assertion failed ' + m.join(' ')); };\n` +
        b.example.replace(/from 'jiuzhu'/g, `from '${join(ROOT, 'src/index.ts')}'`).replace(/console\.assert\(/g, '__assert(');
      const prev = process.cwd();
      writeFileSync(file, code);
      process.chdir(ROOT);
      try {
        await import(file);
      } finally {
        process.chdir(prev);
      }
    });
  });
});
