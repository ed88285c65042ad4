/**
 * A data repository of many small ledger files (one per entry, as a script that splits ledgers
 * might leave): every command a clerk or cron runs reads them all without running out of file
 * descriptors — here 5 000 files under a limit of 64 open files, which any unbounded parallel
 * reading would exceed at once. bench/many-files.mjs runs the same on 300 000 files (too slow for
 * the suite) and gives the times.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, CLI, g, gitEnv } from '../support/cli.js';
import { ROOT } from '../support/example.js';

const N = 5_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-many-files-'));
  cpSync(join(ROOT, 'qingdan.yaml'), join(dir, 'qingdan.yaml'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'ledgers', '2026'), { recursive: true });
  for (let i = 0; i < N; i++) writeFileSync(join(dir, 'ledgers', '2026', `u${i}.ledger`), `2026-03-02 office T1.3 1次 id:${i.toString(36).padStart(6, '0')}\n`);
  g(dir, ['init', '-q']);
  g(dir, ['add', '-A']);
  g(dir, ['-c', 'gc.auto=0', 'commit', '-qm', `${N} tiny ledgers`]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

/** The built CLI with at most 64 open files. */
function limited(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile('sh', ['-c', 'ulimit -n 64 && exec "$@"', 'sh', process.execPath, CLI, '-C', dir, '--as-of', AS_OF, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, env: gitEnv() }, (e, stdout, stderr) =>
      res({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr }),
    ),
  );
}

describe(`${N} ledger files`, () => {
  it('check, due, the reports, list, record and audit all read them with 64 open files at most', async () => {
    const check = await limited(['check']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${N} 条登记`);
    for (const args of [['due'], ['report', 'annual', '--format', 'json'], ['list', 'entries', '--unit', 'office', '--json'], ['audit', '--json']]) {
      const r = await limited(args);
      expect(r.stderr, args.join(' ')).not.toMatch(/EMFILE|internal|内部错误/i);
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
    }
    const listed = JSON.parse((await limited(['list', 'entries', '--unit', 'office', '--json'])).stdout) as { entries: unknown[] };
    expect(listed.entries).toHaveLength(N);
    const rec = await limited(['record', 'office', 'T1.3', '1次']);
    expect(rec.code, rec.stderr).toBe(0);
  }, 600_000);
});
