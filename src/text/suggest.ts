/** "Did you mean …?" for names people type: parameter paths, options, codes. */

/** Levenshtein edit distance (insertions, deletions, substitutions), two rows of memory. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates nearest a word, best first: within a third of its length in edits (at least 2),
 * so a typo or a plural finds its name and an unrelated word finds nothing.
 */
export function nearest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    const d = editDistance(word, c);
    if (d <= limit) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, max).map(([c]) => c);
}

/** Every path and branch prefix of dotted paths: dibao.standard.x → dibao, dibao.standard, dibao.standard.x. */
export function withBranches(paths: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return [...out];
}

/** A hint for an unknown parameter path: the nearest paths, or where to list them all. */
export function parameterPathHint(path: string, paths: Iterable<string>): string {
  const near = nearest(path, withBranches(paths));
  return near.length ? `did you mean ${near.map((p) => `'${p}'`).join(' or ')}? (\`jiuzhu params\` lists every path)` : 'run `jiuzhu params` to list every parameter path';
}
