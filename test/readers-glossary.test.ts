/**
 * One glossary fixes the Chinese terms (issue 24): "urban" is 城镇 as in the opinion (9 uses of
 * 城镇 against 2 of 城市, both in set phrases it quotes), and the CLI labels use the glossary's words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { label } from '../src/text/labels.js';
import { GLOSSARY, term } from '../src/text/glossary.js';
import { prefectureNames } from '../src/text/prefectures.js';
import { ROOT } from './helpers.js';

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? files(p) : /\.(ts|yaml)$/.test(n) ? [p] : [];
});

// The opinion's own set phrases, quoted where a rule or parameter cites it (§四.2, §五.1), and the
// title and words of the national regulation a reference quotes (城市居民最低生活保障条例, 1999).
const QUOTED = /城市(低保户|最低收入家庭)|城市居民最低生活保障条例|持有非农业户口的城市居民/g;

describe('glossary', () => {
  it('no source writes a variant the glossary avoids, outside quotations of the opinion', () => {
    const found: string[] = [];
    for (const f of files(join(ROOT, 'src'))) {
      if (f.endsWith('glossary.ts') || f.endsWith('clauses.yaml')) continue; // the glossary names them; clauses.yaml is the opinion's text
      // Place names are not the term: 白城市 (Baicheng) holds the characters 城市.
      const text = prefectureNames().reduce((t, n) => t.replaceAll(n, ''), readFileSync(f, 'utf8').replace(QUOTED, ''));
      for (const t of Object.values(GLOSSARY) as { avoidZh?: readonly string[] }[]) {
        for (const v of t.avoidZh ?? []) if (/^[\u4e00-\u9fff]+$/.test(v) && text.includes(v)) found.push(`${f.replace(ROOT, '')}: ${v}`);
      }
    }
    expect(found).toEqual([]);
  });
  it('the CLI labels use the glossary’s terms', () => {
    expect(label('urban', 'zh')).toBe(term('urban', 'zh'));
    expect(label('rural', 'zh')).toBe(term('rural', 'zh'));
    expect(term('percentagePoints', 'zh')).toBe('个百分点');
  });
});
