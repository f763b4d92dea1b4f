/** The committed JSON Schemas are the ones the zod schemas generate, and the example scenarios validate against them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../src/engine/paths.js';
import { SCHEMAS, schemaText } from '../scripts/generate-schemas.js';
import { ROOT } from './helpers.js';

describe('schemas', () => {
  for (const [name, make] of Object.entries(SCHEMAS)) {
    it(`schemas/${name} is current (regenerate with npm run schemas)`, () => {
      expect(readFileSync(join(ROOT, 'schemas', name), 'utf8')).toBe(schemaText(make));
    });
  }
  it('every example scenario validates against the scenario JSON Schema', () => {
    const validate = new Ajv2020.default({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/scenario.schema.json'), 'utf8')));
    const files = findFiles(join(ROOT, 'scenarios'), '.yaml');
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const ok = validate(parse(readFileSync(f, 'utf8')));
      expect(validate.errors ?? [], f).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate({ name: 'x', description: { zh: 'a', en: 'b' }, perod: {} })).toBe(false);
  });
});
