/**
 * Codebooks map a user's column names and codes onto jiuzhu's schema, so survey or census
 * extracts load without editing them. A codebook is YAML, validated like a scenario.
 */
import { z } from 'zod';
import { JiuzhuError, throwMany, type ErrorLocation } from '../engine/errors.js';
import { parseYamlSource, yamlToJs } from '../engine/yaml-source.js';
import { readBoundedText } from '../engine/input-file.js';
import { MAX_CODEBOOK_BYTES } from '../engine/limits.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from './schema.js';

const Mapping = z.union([
  z.string().min(1),
  z.strictObject({
    from: z.string().min(1).describe('Your column name'),
    codes: z.record(z.string(), z.number()).optional().describe('Your code → jiuzhu code'),
    scale: z.number().optional().describe('Multiply values, e.g. 1/12 for annual → monthly'),
  }),
]);

export const CodebookSchema = z.strictObject({
  description: z.string().optional(),
  encoding: z.enum(['utf8', 'gbk']).optional(),
  columns: z.record(z.string(), Mapping).describe('jiuzhu column ← your column'),
  defaults: z.record(z.string(), z.number()).optional().describe('Values for jiuzhu columns your file lacks'),
});

export type CodebookFile = z.infer<typeof CodebookSchema>;

/** One jiuzhu column's source in the user's file. */
export interface ColumnSource { from: string; codes?: Readonly<Record<string, number>>; scale?: number }

export interface Codebook {
  file?: string;
  encoding?: 'utf8' | 'gbk';
  columns: Record<string, ColumnSource>;
  defaults: Record<string, number>;
}

/** Column names of the flat (one row per person) layout: ids, then household and person columns. */
export function flatColumnNames(): string[] {
  return ['household_id', 'person_id', ...HOUSEHOLD_COLUMNS.filter((c) => c.name !== 'id').map((c) => c.name), ...PERSON_COLUMNS.filter((c) => c.name !== 'id' && c.name !== 'household').map((c) => c.name)];
}

/** The identity codebook: every jiuzhu column read from the column of the same name. */
export function identityCodebook(): Codebook {
  return { columns: Object.fromEntries(flatColumnNames().map((n) => [n, { from: n }])), defaults: {} };
}

export function loadCodebook(file: string): Codebook {
  return parseCodebook(readBoundedText(file, { maxBytes: MAX_CODEBOOK_BYTES, what: 'codebook', limitName: 'codebook size' }), file);
}

/** Parses a codebook; unknown jiuzhu columns and keys are errors with their line. */
export function parseCodebook(text: string, file: string): Codebook {
  const src = parseYamlSource(text, file);
  const parsed = CodebookSchema.safeParse(yamlToJs(src));
  if (!parsed.success) {
    throwMany('BAD_CODEBOOK', parsed.error.issues.map((i) => {
      const path = i.path.map(String);
      const keys = i.code === 'unrecognized_keys' ? i.keys : [undefined];
      return keys.map((k) => ({
        message: k ? `unknown key '${k}'` : i.message,
        location: { file, line: src.lineAt(k ? [...path, k] : path), key: [...path, ...(k ? [k] : [])].join('.') || undefined } as ErrorLocation,
      }));
    }).flat());
  }
  const cb = parsed.data;
  const known = new Set(flatColumnNames());
  const problems: { message: string; location: ErrorLocation }[] = [];
  for (const k of [...Object.keys(cb.columns), ...Object.keys(cb.defaults ?? {})]) {
    if (!known.has(k)) problems.push({ message: `'${k}' is not a jiuzhu column (known: ${[...known].join(', ')})`, location: { file, line: src.lineAt(['columns', k]) ?? src.lineAt(['defaults', k]), key: k } });
  }
  if (problems.length) throwMany('BAD_CODEBOOK', problems);
  const base = identityCodebook();
  const columns: Record<string, ColumnSource> = { ...base.columns };
  for (const [k, m] of Object.entries(cb.columns)) columns[k] = typeof m === 'string' ? { from: m } : m;
  return { file, encoding: cb.encoding, columns, defaults: cb.defaults ?? {} };
}
