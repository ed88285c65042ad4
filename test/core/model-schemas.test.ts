/** The JSON Schema files editors use (schemas/) are the ones the zod model of src/core/model.ts gives, through scripts/schemas.ts (`npm run schemas` writes them). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../scripts/schemas.js';

describe('schemas/', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}.schema.json is up to date with src/core/model.ts`, () => {
      const file = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', `${name}.schema.json`), 'utf8'));
      expect(file).toEqual(JSON.parse(JSON.stringify(schema)));
    });
  }

  it('the example YAML files point their editors at these schemas', () => {
    const root = join(__dirname, '..', '..');
    expect(readFileSync(join(root, 'qingdan.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schemas\/settings\.schema\.json$/m);
    expect(readFileSync(join(root, 'templates/org.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/org\.schema\.json$/m);
    expect(readFileSync(join(root, 'templates/checklist-2026.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/checklist\.schema\.json$/m);
  });
});
