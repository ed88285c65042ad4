/**
 * The build gives cli-table3 our display width in place of string-width (scripts/build.mjs), so
 * that a table's cells and the column widths of the layout agree. That works only while
 * cli-table3 imports string-width by that name: it is pinned exactly, and this test says so when
 * an upgrade changes it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('cli-table3 and the cell width given to it', () => {
  it('is pinned to an exact version, the one installed', () => {
    const pinned = pkg.dependencies['cli-table3']!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync(require.resolve('cli-table3/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pinned);
  });

  it('measures cells with string-width, by that name (what the build replaces)', () => {
    const utils = readFileSync(join(dirname(require.resolve('cli-table3/package.json')), 'src', 'utils.js'), 'utf8');
    expect(utils).toMatch(/require\(['"]string-width['"]\)/);
  });

  it('the built bundle has no string-width of its own: the replacement took', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'lib', 'qingdan.cjs'), 'utf8');
    // string-width 4 is recognisable by its emoji-regex dependency and its ansi-regex use
    expect(bundle).not.toMatch(/emoji-regex/);
    expect(bundle).toContain('cell-width');
  });
});
