/** Reads an outcomes.yaml: every problem is one located line (file, line, key), exit 3. */
import { readFileSync } from 'node:fs';
import { JiuzhuError } from '../engine/errors.js';
import { parseYamlSource, yamlToJs } from '../engine/yaml-source.js';
import { packagePath } from '../engine/paths.js';
import { OutcomesSchema, type Outcomes } from './schema.js';

/** The embedded default dataset's published outcomes. */
export const DEFAULT_OUTCOMES = 'datasets/jilin-2006/outcomes.yaml';

export function loadOutcomes(file: string = packagePath(DEFAULT_OUTCOMES)): Outcomes {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new JiuzhuError('FILE_NOT_FOUND', `cannot read outcomes file: ${(e as Error).message}`, { location: { file } });
  }
  const src = parseYamlSource(text, file);
  const parsed = OutcomesSchema.safeParse(yamlToJs(src));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    throw new JiuzhuError('BAD_OUTCOMES', issue.message, { location: { file, line: src.lineAt(path), key: path.join('.') || undefined } });
  }
  return parsed.data;
}
