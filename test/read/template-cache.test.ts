/**
 * The template cache (.git/qingdan/templates.json) with the built CLI: written only by a command
 * that writes anyway (record, void), used by every command after it, and it never hides a change:
 * any edit of a template or of the settings is parsed and checked again.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'qingdan.js');
let dir: string;
const cache = () => join(dir, '.git', 'qingdan', 'templates.json');

function qingdan(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, '--as-of', '2026-11-27', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout) => {
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
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-loaded.txt`, { force: true });
});

describe('the template cache', () => {
  it('is written only by a command that writes anyway, and used by the next, with the same result', async () => {
    expect(existsSync(cache())).toBe(false);
    // a command that only reads never writes the cache
    expect((await qingdan(['check'])).code).toBe(0);
    expect((await qingdan(['report', 'monthly'])).code).toBe(0);
    expect(existsSync(cache())).toBe(false);
    // record writes anyway: it may write the cache too
    expect((await qingdan(['record', 'office', 'T1.1', '1h', '--date', '2026-11-20', '--no-commit'])).code).toBe(0);
    expect(existsSync(cache())).toBe(true);
    const first = await qingdan(['check']);
    expect(first.code).toBe(0);
    const second = await qingdan(['check']);
    expect(second).toEqual(first);
    const report = await qingdan(['report', 'annual', '--format', 'json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).units).toHaveLength(11);
  });

  it('never hides an edit: a broken weight after a cached run is reported', async () => {
    await qingdan(['record', 'office', 'T1.1', '1h', '--date', '2026-11-22', '--no-commit']);
    expect(existsSync(cache())).toBe(true);
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
    await qingdan(['record', 'office', 'T1.1', '1h', '--date', '2026-11-23', '--no-commit']);
    expect(existsSync(cache())).toBe(true);
    const file = join(dir, 'qingdan.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\nno_such_key: 1\n`);
    const r = await qingdan(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no_such_key');
    writeFileSync(file, text);
  });

  it('spares the commands after it the YAML parser and zod, until a template changes', async () => {
    // beside the repository, not in it (a file there would be one more thing for check to see), and removed with it
    const list = `${dir}-loaded.txt`;
    const loaded = async (args: string[]) => {
      await qingdan(args, { NODE_OPTIONS: `--require ${join(ROOT, 'test/support/loaded-modules.cjs')}`, QINGDAN_TEST_LOADED: list });
      return readFileSync(list, 'utf8').split('\n').map((f) => f.split('/').pop());
    };
    await qingdan(['record', 'office', 'T1.1', '1h', '--date', '2026-11-24', '--no-commit']);
    for (const args of [['check'], ['report', 'annual'], ['due']]) {
      const files = await loaded(args);
      expect(files, args.join(' ')).toContain('qingdan.cjs');
      expect(files, args.join(' ')).not.toContain('zod.cjs');
      expect(files, args.join(' ')).not.toContain('yaml.cjs');
    }
    const file = join(dir, 'templates', 'org.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    expect(await loaded(['report', 'annual'])).toEqual(expect.arrayContaining(['yaml.cjs', 'zod.cjs']));
  });

  for (const [name, damaged] of [
    ['not JSON', '{ not json'],
    ['JSON of another shape', JSON.stringify({ settingsKey: 'x', templatesKey: 'y', settings: {}, org: { file: 'templates/org.yaml', value: { name: 1 } }, checklists: [] })],
  ] as const) {
    it(`a damaged cache file (${name}) is ignored, and written anew by the next record`, async () => {
      writeFileSync(cache(), damaged);
      const r = await qingdan(['check']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('30 个清单项');
      expect(readFileSync(cache(), 'utf8')).toBe(damaged);
      expect((await qingdan(['record', 'office', 'T1.1', '1h', '--date', '2026-11-21', '--no-commit'])).code).toBe(0);
      // keyed by the files it stands for: path, size, modification time and inode of each
      const rewritten = JSON.parse(readFileSync(cache(), 'utf8')) as { templatesKey: string };
      const size = statSync(join(dir, 'templates', 'org.yaml')).size;
      expect(rewritten.templatesKey).toContain(`templates/org.yaml\0${size}\0`);
    });
  }
});
