/**
 * `record --evidence FILE`: the file is committed with the ledger line, in the same commit; a file
 * outside the data repository is copied into evidence/<year>/<unit>/ first (and the clerk told),
 * never referenced from outside; a record that fails takes the copy back with the line.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryLines, freshRepo, g, read, rec, tempDir, write } from '../support/cli.js';

const sha12 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
const changed = (dir: string) => g(dir, ['-c', 'core.quotePath=false', 'show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort();

describe('record --evidence', () => {
  it('a file inside the repository, not yet in git: committed with the line, in one commit', async () => {
    const dir = await freshRepo();
    mkdirSync(join(dir, '佐证材料'));
    write(dir, '佐证材料/签到表.jpg', '签到表\n');
    const before = Number(g(dir, ['rev-list', '--count', 'HEAD']));
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--evidence', '佐证材料/签到表.jpg']);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(g(dir, ['rev-list', '--count', 'HEAD']))).toBe(before + 1);
    expect(changed(dir)).toEqual(['ledgers/2026/office.ledger', '佐证材料/签到表.jpg'].sort());
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a file outside: copied into evidence/<year>/<unit>/, said so, committed with the line; the same file again is not copied twice', async () => {
    const dir = await freshRepo();
    const outside = join(tempDir('scans'), '会议纪要 2026-11.pdf'.replace(' ', '-'));
    mkdirSync(dirname(outside), { recursive: true });
    writeFileSync(outside, '会议纪要\n');
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--evidence', outside]);
    expect(r.code, r.stderr).toBe(0);
    const rel = 'evidence/2026/office/会议纪要-2026-11.pdf';
    expect(r.stderr).toContain(`已复制到 ${rel}`);
    expect(readFileSync(join(dir, rel), 'utf8')).toBe('会议纪要\n');
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))[0]).toContain(`evidence:${rel} sha256:${sha12('会议纪要\n')} id:`);
    expect(changed(dir)).toEqual(['ledgers/2026/office.ledger', rel].sort());

    const again = await rec(dir, ['office', 'T1.3', '1次', '--date', '2026-11-03', '--evidence', outside]);
    expect(again.code, again.stderr).toBe(0);
    expect(changed(dir)).toEqual(['ledgers/2026/office.ledger']);
    expect(g(dir, ['status', '--porcelain'])).toBe('');
  });

  it('a different file of the same name already there: refused, nothing written or copied', async () => {
    const dir = await freshRepo();
    const a = join(tempDir('a'), 'sheet.pdf');
    const b = join(tempDir('b'), 'sheet.pdf');
    for (const [f, t] of [[a, 'A\n'], [b, 'B\n']] as const) {
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, t);
    }
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--evidence', a])).code).toBe(0);
    const head = g(dir, ['rev-parse', 'HEAD']);
    const r = await rec(dir, ['office', 'T1.3', '1次', '--date', '2026-11-03', '--evidence', b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('内容不同的同名文件');
    expect(g(dir, ['rev-parse', 'HEAD'])).toBe(head);
    expect(readFileSync(join(dir, 'evidence/2026/office/sheet.pdf'), 'utf8')).toBe('A\n');
    expect(g(dir, ['status', '--porcelain'])).toBe('');
  });

  it('a record that fails (a hook refuses the commit): the copy and its folders are taken back, the index as before', async () => {
    const dir = await freshRepo();
    const hooks = join(dir, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\necho "refused by policy" >&2\nexit 1\n');
    chmodSync(join(hooks, 'pre-commit'), 0o755);
    const outside = join(tempDir('scans'), 'minutes.pdf');
    mkdirSync(dirname(outside), { recursive: true });
    writeFileSync(outside, 'minutes\n');
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--evidence', outside]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refused by policy');
    expect(existsSync(join(dir, 'evidence'))).toBe(false);
    expect(existsSync(join(dir, 'ledgers/2026/office.ledger'))).toBe(false);
    expect(g(dir, ['status', '--porcelain'])).toBe('');
  });
});
