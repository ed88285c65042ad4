/**
 * Many clerks at once, and clerks interrupted: the lock serialises records from reading the
 * ledgers to the end of the commit; a cut-off ledger is never appended to; a process killed
 * after its append leaves a stale lock that the next one breaks, and a line it refuses to sweep
 * into its own commit. The built CLI in temporary git repositories; the lock on its own is
 * tested in test/write/lock.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, entryLines, freshRepo, g, gitEnv, qd, read, rec } from '../support/cli.js';

const UNITS = ['office', 'hr', 'discipline', 'credit'];

describe('concurrent records', () => {
  it('eight records started at once: eight lines, each in exactly one commit, no index.lock error', async () => {
    const dir = await freshRepo();
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, k) => rec(dir, [UNITS[k % 4]!, 'T1.5', '--date', `2026-0${1 + Math.floor(k / 4)}-1${k}`, '--note', `第${k}条`])),
    );
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/index\.lock/);
    }
    const lines = UNITS.flatMap((u) => entryLines(read(dir, `ledgers/2026/${u}.ledger`)));
    expect(lines).toHaveLength(8);
    const ids = lines.map((l) => /id:([a-z0-9]{6})$/.exec(l)![1]!);
    expect(new Set(ids).size).toBe(8);
    // one commit per line: each record commit adds exactly that line
    const commits = g(dir, ['rev-list', 'HEAD']).trim().split('\n');
    expect(commits).toHaveLength(9);
    const seen = new Map<string, number>();
    for (const sha of commits.slice(0, 8)) {
      const added = g(dir, ['show', '--format=', '--unified=0', sha])
        .split('\n')
        .filter((l) => l.startsWith('+') && !l.startsWith('+++') && !l.startsWith('+;'));
      expect(added).toHaveLength(1);
      const id = /id:([a-z0-9]{6})$/.exec(added[0]!)![1]!;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      expect(g(dir, ['log', '-1', '--format=%s', sha])).toContain(`(id:${id})`);
    }
    expect([...seen.values()]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    expect(existsSync(join(dir, '.git/qingdan.lock'))).toBe(false);
    expect((await qd(['--as-of', AS_OF, 'audit'], { cwd: dir })).code).toBe(0);
  }, 180_000);
});

describe('interrupted records', () => {
  it('a cut-off last line: check reports no-final-newline, record refuses to append and says how to repair', async () => {
    const dir = await freshRepo();
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-10-10'])).code).toBe(0);
    const path = join(dir, 'ledgers/2026/office.ledger');
    writeFileSync(path, readFileSync(path, 'utf8') + '2026-11-02 office T1.5 "半');
    const before = readFileSync(path);
    const check = await qd(['--as-of', AS_OF, 'check', '--json'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toContainEqual(['no-final-newline', 3]);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-09-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ledgers/2026/office.ledger 第 3 行没有换行符');
    expect(r.stderr).toContain('git checkout -- ledgers/2026/office.ledger');
    expect(r.stderr).toContain('2026-11-02 office T1.5 "半');
    expect(readFileSync(path).equals(before)).toBe(true);
    // repaired by restoring the committed version: recording works again
    g(dir, ['checkout', '--', 'ledgers/2026/office.ledger']);
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-09-10'])).code).toBe(0);
  });

  it('killed right after the append: the line is whole; the next record breaks the stale lock and refuses to commit the orphan', async () => {
    const dir = await freshRepo();
    const killed = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10'], gitEnv(), { crashAfterAppend: true });
    expect(killed.signal).toBe('SIGKILL');
    const lock = join(dir, '.git/qingdan.lock');
    expect(existsSync(lock)).toBe(true); // left behind by the dead process
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))).toHaveLength(1);
    expect((await qd(['--as-of', AS_OF, 'check'], { cwd: dir })).code).toBe(0);

    const next = await rec(dir, ['office', 'T1.5', '--date', '2026-09-10']);
    expect(next.code).toBe(2);
    expect(next.stderr).toContain('尚未提交的改动');
    expect(existsSync(lock)).toBe(false); // stale lock broken, own lock released
    g(dir, ['add', '--', 'ledgers/2026/office.ledger']);
    g(dir, ['commit', '-qm', 'record: the interrupted line', '--', 'ledgers/2026/office.ledger']);
    const after = await rec(dir, ['office', 'T1.5', '--date', '2026-09-10']);
    expect(after.code, after.stderr).toBe(0);
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))).toHaveLength(2);
  });

  it('waits for a live lock and gives up with a clear message (exit 2)', async () => {
    const dir = await freshRepo();
    const lock = join(dir, '.git/qingdan.lock');
    writeFileSync(lock, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10'], gitEnv(), { lockTimeoutMs: 300 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('另一个 qingdan 正在登记');
    expect(existsSync(join(dir, 'ledgers/2026/office.ledger'))).toBe(false);
  });
});
