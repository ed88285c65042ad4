/**
 * The launcher (dist/qingdan.js, src/launch.cts): the code cache the build wrote is one this
 * Node.js accepts, and a missing or damaged cache changes nothing but the time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
let tmp: string;

const run = (cli: string, args: string[]) =>
  execFileSync(process.execPath, [cli, '-C', ROOT, '--as-of', '2026-11-27', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A copy of dist/ to spoil, so that the tests running beside this one keep the real one. */
function distCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'qingdan.js'))) throw new Error('run `npm run build` first: this test runs dist/qingdan.js');
  tmp = mkdtempSync(join(tmpdir(), 'qingdan-launch-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the launcher', () => {
  it('starts from a code cache that this Node.js accepts', () => {
    const probe = `const l = require(${JSON.stringify(join(DIST, 'qingdan.js'))});
      const { script } = l.load(require('node:fs').readFileSync(l.CODE_CACHE));
      process.stdout.write(String(script.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })).toBe('false');
  });

  it('gives the same output without the cache, and with a damaged one', () => {
    const expected = run(join(DIST, 'qingdan.js'), ['report', 'monthly']);
    expect(expected).toContain('一月一汇报');

    const bare = distCopy('bare');
    rmSync(join(bare, 'lib', 'qingdan.cjs.cache'));
    expect(run(join(bare, 'qingdan.js'), ['report', 'monthly'])).toBe(expected);

    const damaged = distCopy('damaged');
    writeFileSync(join(damaged, 'lib', 'qingdan.cjs.cache'), Buffer.alloc(4096, 7));
    expect(run(join(damaged, 'qingdan.js'), ['report', 'monthly'])).toBe(expected);
  });
});
