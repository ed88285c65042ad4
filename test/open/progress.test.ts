/**
 * A long read shows how far it has got on stderr — only when stderr is a terminal and more than a
 * second has passed — on one line rewritten with \r and cleared at the end, so that what the
 * command prints after it is as without it. Here main() runs in-process with a fake Io whose
 * clock jumps 400 ms at every look.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io.js';
import { grouped } from '../../src/open/progress.js';
import { AS_OF, copyExample } from '../support/example.js';
import { g, gitEnv } from '../support/cli.js';
import { SELF } from '../support/self.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyExample('qingdan-progress-')));
afterEach(() => cleanup());

async function run(argv: string[], io: Partial<Io>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: dir, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, self: SELF, ...io });
  return { code, stdout, stderr };
}

const jumping = () => {
  let t = 0;
  return () => (t += 400);
};

describe('progress of reading the ledgers', () => {
  it('on a terminal, after a second: one line rewritten in place, cleared at the end; stdout untouched', async () => {
    const plain = await run(['--as-of', AS_OF, 'check'], {});
    const r = await run(['--as-of', AS_OF, 'check'], { stderrIsTTY: true, now: jumping() });
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    const updates = r.stderr.split('\r').filter((s) => s !== '');
    // 12 ledgers: the clock reads 400 ms at the start, then 800, 1 200… after each file; shown from 1 s on
    expect(updates.slice(0, -1)).toEqual(Array.from({ length: 10 }, (_, k) => `读取登记簿 ${k + 3} / 12 个文件…\x1b[K`));
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('in English with --lang en', async () => {
    const r = await run(['--as-of', AS_OF, '--lang', 'en', 'due'], { stderrIsTTY: true, now: jumping() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\rreading ledgers: 12 / 12 files…\x1b[K');
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('never when stderr is not a terminal (cron, a pipe), nor before a second has passed', async () => {
    expect((await run(['--as-of', AS_OF, 'check'], { stderrIsTTY: false, now: jumping() })).stderr).toBe('');
    expect((await run(['--as-of', AS_OF, 'check'], { stderrIsTTY: true, now: () => 5 })).stderr).toBe('');
    expect((await run(['--as-of', AS_OF, 'check'], { stderrIsTTY: true })).stderr).toBe('');
  });

  it('audit: how many commits of the history it has walked, cleared before the report', async () => {
    // the example as a history: the templates, then each ledger in a commit of its own (13 commits)
    const ledgers = readdirSync(join(dir, 'ledgers/2026')).filter((f) => f.endsWith('.ledger'));
    g(dir, ['init', '-q']);
    g(dir, ['add', '-A', '--', '.', ...ledgers.map((f) => `:!ledgers/2026/${f}`)]);
    g(dir, ['commit', '-qm', 'templates'], gitEnv({ GIT_COMMITTER_DATE: '2026-11-27T18:00:00+08:00' }));
    for (const f of ledgers) {
      g(dir, ['add', `ledgers/2026/${f}`]);
      g(dir, ['commit', '-qm', f], gitEnv({ GIT_COMMITTER_DATE: '2026-11-27T18:00:00+08:00' }));
    }
    const plain = await run(['--as-of', AS_OF, 'audit'], {});
    const r = await run(['--as-of', AS_OF, 'audit'], { stderrIsTTY: true, now: jumping() });
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toContain(`\r审计提交 ${ledgers.length + 1} / ${ledgers.length + 1} 个…\x1b[K`);
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect((await run(['--as-of', AS_OF, 'audit'], { stderrIsTTY: false, now: jumping() })).stderr).toBe('');
  });

  it('counts in groups of three digits', () => {
    expect([0, 999, 1000, 120_000, 1_234_567].map(grouped)).toEqual(['0', '999', '1 000', '120 000', '1 234 567']);
  });
});
