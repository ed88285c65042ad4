/**
 * The launcher (dist/qingdan.js, src/launch.cts): the code cache the build wrote is one this
 * Node.js accepts, and a missing, damaged or other build's cache changes nothing but the time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** The code cache file in a dist/ folder. */
const cacheIn = (dist: string) => {
  const name = readdirSync(join(dist, 'lib')).find((f) => /^qingdan\.cjs\.[0-9a-f]+\.cache$/.test(f));
  if (!name) throw new Error(`no code cache in ${dist}/lib`);
  return join(dist, 'lib', name);
};

describe('the launcher', () => {
  it('starts from a code cache that this Node.js accepts', () => {
    const probe = `const { script } = require(${JSON.stringify(join(DIST, 'qingdan.js'))}).load();
      process.stdout.write(String(script.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })).toBe('false');
  });

  it('gives the same output without the cache, with a damaged one, and with a bundle of another build', () => {
    const expected = run(join(DIST, 'qingdan.js'), ['report', 'monthly']);
    expect(expected).toContain('一月一汇报');

    const bare = distCopy('bare');
    rmSync(cacheIn(bare));
    expect(run(join(bare, 'qingdan.js'), ['report', 'monthly'])).toBe(expected);

    // the same length, bytes changed in the middle: V8 checks the checksum instead of crashing
    const damaged = distCopy('damaged');
    const cache = readFileSync(cacheIn(damaged));
    for (let i = cache.length >> 1; i < (cache.length >> 1) + 64; i++) cache[i]! ^= 0x5a;
    writeFileSync(cacheIn(damaged), cache);
    expect(run(join(damaged, 'qingdan.js'), ['report', 'monthly'])).toBe(expected);

    // a bundle that says it is another build does not look for this build's cache
    const other = distCopy('other');
    const bundle = join(other, 'lib', 'qingdan.cjs');
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/^\/\*qingdan-build:[0-9a-f]/, '/*qingdan-build:x'));
    const probe = `const { script, cacheFile } = require(${JSON.stringify(join(other, 'qingdan.js'))}).load();
      process.stdout.write(String(cacheFile) + ' ' + String(script.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })).toBe('undefined undefined');
    expect(run(join(other, 'qingdan.js'), ['report', 'monthly'])).toBe(expected);
  });
});
