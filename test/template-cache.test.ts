/**
 * The template cache (.git/qingdan/templates.json) with the built CLI: it is written after a
 * clean check, used by the next command, and never hides a change: any edit of a template or
 * of the settings is parsed and checked again.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'qingdan.js');
let dir: string;
const cache = () => join(dir, '.git', 'qingdan', 'templates.json');

function qingdan(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, '--as-of', '2026-11-27', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
    });
  });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first: this test runs dist/qingdan.js');
  dir = mkdtempSync(join(tmpdir(), 'qingdan-cache-'));
  for (const f of ['qingdan.yaml', 'templates', 'ledgers']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the template cache', () => {
  it('is written by a clean run and used by the next, with the same result', async () => {
    expect(existsSync(cache())).toBe(false);
    const first = await qingdan(['check']);
    expect(first.code).toBe(0);
    expect(existsSync(cache())).toBe(true);
    const second = await qingdan(['check']);
    expect(second).toEqual(first);
    const report = await qingdan(['report', 'annual', '--format', 'json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).units).toHaveLength(11);
  });

  it('never hides an edit: a broken weight after a cached run is reported', async () => {
    await qingdan(['check']);
    const file = join(dir, 'templates', 'checklist-2026.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^total: 100$/m, 'total: 99'));
    const r = await qingdan(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('weights-total');
    writeFileSync(file, text);
    expect((await qingdan(['check'])).code).toBe(0);
  });

  it('never hides an edit of the settings either', async () => {
    await qingdan(['check']);
    const file = join(dir, 'qingdan.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\nno_such_key: 1\n`);
    const r = await qingdan(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no_such_key');
    writeFileSync(file, text);
  });

  it('a damaged cache file is ignored', async () => {
    writeFileSync(cache(), '{ not json');
    expect((await qingdan(['check'])).code).toBe(0);
    // written anew: keyed by the files it stands for, their paths and bytes
    const rewritten = JSON.parse(readFileSync(cache(), 'utf8')) as { templatesKey: string };
    expect(rewritten.templatesKey).toContain('templates/org.yaml\0');
    expect(rewritten.templatesKey).toContain(readFileSync(join(dir, 'templates', 'org.yaml')).toString('latin1'));
  });
});
