/** Writes schemas/*.schema.json from the zod schemas (npm run schemas); a test checks they are current. */
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { resultJsonSchema } from '../src/scenarios/results/result.js';
import { scenarioJsonSchema } from '../src/scenarios/input/schema.js';
import { packagePath } from '../src/engine/paths.js';

export const SCHEMAS: Record<string, () => object> = {
  'scenario.schema.json': scenarioJsonSchema,
  'result.schema.json': resultJsonSchema,
};

export function schemaText(make: () => object): string {
  return `${JSON.stringify(make(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  for (const [name, make] of Object.entries(SCHEMAS)) {
    const target = join(packagePath('schemas'), name);
    writeFileSync(`${target}.tmp`, schemaText(make));
    renameSync(`${target}.tmp`, target);
    console.log(`wrote ${target}`);
  }
}
