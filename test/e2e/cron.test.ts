/**
 * The cron recipe of docs/cron.md, taken from the document itself and run twice over the same
 * data: one commit, then nothing; silent on success; non-zero when the commit cannot be made.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, CLI, g, gitEnv, tempDir } from '../support/cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The sh block of docs/cron.md that follows the line naming bin/qingdan-report. */
function recipe(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'cron.md'), 'utf8');
  const at = doc.indexOf('`bin/qingdan-report`, a wrapper');
  const m = /```sh\n([\s\S]*?)```/.exec(doc.slice(at));
  if (at === -1 || !m) throw new Error('docs/cron.md has no bin/qingdan-report block');
  return m[1]!;
}

let shim: string;
beforeAll(() => {
  // `qingdan` on PATH, as npm link makes it, with a fixed day: 5 November 2026
  shim = tempDir('bin');
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, 'qingdan'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" --as-of 2026-11-05 "$@"\n`);
  chmodSync(join(shim, 'qingdan'), 0o755);
});

function example(): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  for (const f of ['qingdan.yaml', 'templates', 'ledgers']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  g(dir, ['init', '-q']);
  g(dir, ['add', '-A']);
  g(dir, ['commit', '-qm', 'the example']);
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'qingdan-report'), recipe());
  chmodSync(join(dir, 'bin', 'qingdan-report'), 0o755);
  g(dir, ['add', 'bin']);
  g(dir, ['commit', '-qm', 'the cron wrapper']);
  return dir;
}

const job = (dir: string, kind: string, env: Record<string, string>) =>
  spawnSync('./bin/qingdan-report', [kind], { cwd: dir, env: { ...env, PATH: `${shim}:/usr/local/bin:/usr/bin:/bin` }, encoding: 'utf8' });

const commits = (dir: string) => Number(g(dir, ['rev-list', '--count', 'HEAD']).trim());

describe('the cron recipe of docs/cron.md', () => {
  it('run twice for the same month: one commit named after the period, silent both times', () => {
    const dir = example();
    const before = commits(dir);
    const first = job(dir, 'monthly', gitEnv());
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('');
    expect(first.status).toBe(0);
    expect(commits(dir)).toBe(before + 1);
    expect(g(dir, ['log', '-1', '--format=%s']).trim()).toBe('report: monthly-2026-10');
    expect(g(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort()).toEqual(['reports/monthly-2026-10.html', 'reports/monthly-2026-10.md']);

    const again = job(dir, 'monthly', gitEnv());
    expect([again.status, again.stdout, again.stderr]).toEqual([0, '', '']);
    expect(commits(dir)).toBe(before + 1);
    expect(g(dir, ['status', '--porcelain'])).toBe('');
  });

  it('without a git identity the commit fails: non-zero, with git’s words, and nothing committed', () => {
    const dir = example();
    const before = commits(dir);
    const r = job(dir, 'quarterly', bareEnv());
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/identity|user\.email|user\.name/i);
    expect(commits(dir)).toBe(before);
  });

  it('the recipe is a shell script sh accepts', () => {
    execFileSync('sh', ['-n', '-c', recipe()]);
  });
});
