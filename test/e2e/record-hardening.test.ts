/**
 * `record` and `void` never leave a mess (docs/recording.md, "What never happens"): never through
 * a symbolic link out of the repository; a failed git add or commit takes the line back and
 * restores the index; a full disk or a read-only file system is a clear message with the ledger as
 * it was; never during an unfinished merge, rebase, cherry-pick, revert or bisect, nor on a
 * detached HEAD; two clones voiding one entry still pass `check`; `report --out` never writes to a
 * device, a FIFO, a socket or among the data; a lock of another host or of a reused pid does not
 * block for a minute. The built CLI on real temporary git repositories, real git states and real
 * tmpfs mounts (mount and mknod as root, else through `sudo -n`; one that fails fails the test).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, entryLines, freshRepo, g, gitEnv, qd, read, rec, tempDir, write } from '../support/cli.js';

const OFFICE = 'ledgers/2026/office.ledger';

/** mount, umount, mknod: as root (the tests' sandbox), else through sudo without a password (CI runners). */
function privileged(cmd: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync(cmd, args);
  else execFileSync('sudo', ['-n', cmd, ...args]);
}

/** git, for commands expected to fail (a conflict): never throws. */
function gTry(cwd: string, args: string[]): number {
  return spawnSync('git', args, { cwd, env: gitEnv(), stdio: 'ignore' }).status ?? -1;
}

function bytes(dir: string, file: string): Buffer {
  return readFileSync(join(dir, file));
}

function head(dir: string): string {
  return g(dir, ['rev-parse', 'HEAD']).trim();
}

/** A repository with one committed entry in office.ledger. */
async function repoWithEntry(): Promise<string> {
  const dir = await freshRepo();
  const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10', '--note', '第一条']);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

function commitFile(dir: string, file: string, text: string, message: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  write(dir, file, text);
  g(dir, ['add', '--', file]);
  g(dir, ['commit', '-qm', message, '--', file]);
}

describe('never through a symbolic link', () => {
  it('a ledger file that is a link out of the repository is refused; the file it points at is untouched', async () => {
    const dir = await freshRepo();
    const outside = join(dirname(dir), 'outside.ledger');
    writeFileSync(outside, '; not of this repository\n');
    symlinkSync(outside, join(dir, OFFICE));
    const before = readFileSync(outside);
    const headBefore = head(dir);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${OFFICE} 是符号链接`);
    expect(readFileSync(outside).equals(before)).toBe(true);
    expect(head(dir)).toBe(headBefore);
    expect(lstatSync(join(dir, OFFICE)).isSymbolicLink()).toBe(true);
  });

  it('a ledger folder (ledgers/2026) that is a link is refused, nothing is made where it leads', async () => {
    const dir = await freshRepo();
    const outside = join(dirname(dir), 'elsewhere');
    mkdirSync(outside);
    rmSync(join(dir, 'ledgers/2026'), { recursive: true });
    symlinkSync(outside, join(dir, 'ledgers/2026'));
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ledgers/2026 是符号链接');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('the ledgers folder itself as a link — even to a folder inside the repository — is refused (in English with --lang en), for void too', async () => {
    const dir = await repoWithEntry();
    execFileSync('mv', [join(dir, 'ledgers'), join(dir, 'archive')]);
    symlinkSync('archive', join(dir, 'ledgers'));
    const before = bytes(dir, 'archive/2026/office.ledger');
    const r = await qd(['--as-of', AS_OF, '--lang', 'en', 'record', 'office', 'T1.5', '--date', '2026-10-11'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ledgers is a symbolic link');
    expect(bytes(dir, 'archive/2026/office.ledger').equals(before)).toBe(true);
    const id = /id:([a-z0-9]{6})$/.exec(entryLines(before.toString())[0]!)![1]!;
    const v = await qd(['--as-of', AS_OF, 'void', id, '--reason', '错了'], { cwd: dir });
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('ledgers 是符号链接');
    expect(bytes(dir, 'archive/2026/office.ledger').equals(before)).toBe(true);
  });

  it('a ledger link to a file inside the repository is refused as well: a ledger is a plain file', async () => {
    const dir = await repoWithEntry();
    execFileSync('mv', [join(dir, OFFICE), join(dir, 'office.txt')]);
    symlinkSync('../../office.txt', join(dir, OFFICE));
    const before = bytes(dir, 'office.txt');
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${OFFICE} 是符号链接`);
    expect(bytes(dir, 'office.txt').equals(before)).toBe(true);
  });
});

describe('a failed git step leaves nothing behind', () => {
  function refusingHook(dir: string): void {
    const hook = join(dir, '.git/hooks/pre-commit');
    mkdirSync(dirname(hook), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\necho "钩子拒绝：检查未通过" >&2\nexit 1\n', { mode: 0o755 });
  }

  it('a pre-commit hook that refuses: the ledger is byte for byte as before, the index and the work tree clean', async () => {
    const dir = await repoWithEntry();
    refusingHook(dir);
    const before = bytes(dir, OFFICE);
    const headBefore = head(dir);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('git commit 失败，本次登记已撤回');
    expect(r.stderr).toContain('钩子拒绝：检查未通过'); // what git (the hook) said
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    expect(g(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect(g(dir, ['diff', '--cached', '--name-only'])).toBe('');
    expect(head(dir)).toBe(headBefore);
    // the hook gone, the same record works
    rmSync(join(dir, '.git/hooks/pre-commit'));
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-10-11'])).code).toBe(0);
    expect(entryLines(read(dir, OFFICE))).toHaveLength(2);
  });

  it('a new ledger file: removed again, nothing staged', async () => {
    const dir = await freshRepo();
    refusingHook(dir);
    const r = await qd(['--as-of', AS_OF, '--lang', 'en', 'record', 'hr', 'T1.5', '--date', '2026-10-11'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('git commit failed, so the record was taken back');
    expect(existsSync(join(dir, 'ledgers/2026/hr.ledger'))).toBe(false);
    expect(existsSync(join(dir, 'ledgers/2026'))).toBe(true); // it was there before
    expect(g(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  it('void too: a refused commit takes the void line back', async () => {
    const dir = await repoWithEntry();
    refusingHook(dir);
    const id = /id:([a-z0-9]{6})$/.exec(entryLines(read(dir, OFFICE))[0]!)![1]!;
    const before = bytes(dir, OFFICE);
    const r = await qd(['--as-of', AS_OF, 'void', id, '--reason', '登记错误'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    expect(g(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  it('an index.lock held (5 s) by another git: refused after a short wait, with advice; the ledger as before', async () => {
    const dir = await repoWithEntry();
    const lock = join(dir, '.git/index.lock');
    writeFileSync(lock, '');
    const gone = new Promise<void>((res) => setTimeout(() => (rmSync(lock, { force: true }), res()), 5_000));
    const before = bytes(dir, OFFICE);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('另一个 git 进程正在使用暂存区');
    expect(r.stderr).toContain(`rm ${lock}`);
    expect(r.ms).toBeLessThan(5_000);
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    await gone;
    expect(g(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-10-11'])).code).toBe(0);
  }, 30_000);

  it('an index.lock that goes away 300 ms after the append: the record waits for it and succeeds', async () => {
    const dir = await repoWithEntry();
    const lock = join(dir, '.git/index.lock');
    writeFileSync(lock, '');
    // held until the line is appended (git add is then about to run), and 300 ms more
    const size = bytes(dir, OFFICE).length;
    const poll = setInterval(() => {
      if (statSync(join(dir, OFFICE)).size === size) return;
      clearInterval(poll);
      setTimeout(() => rmSync(lock, { force: true }), 300);
    }, 5);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11']);
    clearInterval(poll);
    rmSync(lock, { force: true });
    expect(r.code, r.stderr).toBe(0);
    expect(entryLines(read(dir, OFFICE))).toHaveLength(2);
    expect(g(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect(g(dir, ['log', '-1', '--format=%s'])).toMatch(/^record: office T1\.5 2026-10-11/);
  });

  it('--no-commit: a git add that cannot run takes the line back as well', async () => {
    const dir = await repoWithEntry();
    const lock = join(dir, '.git/index.lock');
    writeFileSync(lock, '');
    try {
      const before = bytes(dir, OFFICE);
      const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11', '--no-commit']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('git add');
      expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});

describe('a full disk, a read-only file system', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) {
      try {
        privileged('umount', [m]);
      } catch {
        /* already gone */
      }
    }
  });

  /** ledgers/2026 of `dir` on a tmpfs of `size`, holding what it held. */
  function onTmpfs(dir: string, size: string): string {
    const folder = join(dir, 'ledgers/2026');
    const saved = readdirSync(folder).map((f) => [f, readFileSync(join(folder, f))] as const);
    privileged('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=1777`, 'tmpfs', folder]);
    mounts.push(folder);
    for (const [f, b] of saved) writeFileSync(join(folder, f), b);
    return folder;
  }

  /** Writes a filler file until the file system is full. */
  function fill(folder: string): string {
    const filler = join(folder, 'filler.bin');
    const fd = openSync(filler, 'w');
    const block = Buffer.alloc(4096);
    try {
      for (;;) writeSync(fd, block);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    return filler;
  }

  it('read-only: a clear message in the user language, exit 2, the ledger as before', async () => {
    const dir = await repoWithEntry();
    const folder = onTmpfs(dir, '1m');
    privileged('mount', ['-o', 'remount,ro', folder]);
    const before = bytes(dir, OFFICE);
    const zh = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`无法写入 ${OFFICE}：所在的文件系统是只读的，未写入任何内容`);
    expect(zh.stderr).not.toContain('内部错误');
    const en = await qd(['--as-of', AS_OF, '--lang', 'en', 'record', 'hr', 'T1.5', '--date', '2026-10-11'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('cannot write ledgers/2026/hr.ledger: its file system is read-only; nothing was written');
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    expect(existsSync(join(folder, 'hr.ledger'))).toBe(false);
    expect(g(dir, ['status', '--porcelain', '--', OFFICE])).toBe('');
  });

  it('disk full in the middle of the line: the part written is cut off again; a new file is removed', async () => {
    const dir = await repoWithEntry();
    const folder = onTmpfs(dir, '64k');
    // the ledger ends 10 bytes before a page boundary: the write puts 10 bytes, then finds no space
    const now = bytes(dir, OFFICE).length;
    const pad = ((4086 - now - 3) % 4096 + 4096) % 4096;
    commitFile(dir, OFFICE, `${read(dir, OFFICE)}; ${'x'.repeat(pad)}\n`, 'pad');
    expect(bytes(dir, OFFICE).length % 4096).toBe(4086);
    const filler = fill(folder);
    const before = bytes(dir, OFFICE);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11', '--note', '这一行写不完整']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法写入 ${OFFICE}：磁盘空间已满，未写入任何内容`);
    expect(r.stderr).not.toContain('内部错误');
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    expect(g(dir, ['status', '--porcelain', '--', OFFICE])).toBe('');

    const n = await qd(['--as-of', AS_OF, '--lang', 'en', 'record', 'hr', 'T1.5', '--date', '2026-10-11'], { cwd: dir });
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('cannot write ledgers/2026/hr.ledger: the disk is full; nothing was written');
    expect(existsSync(join(folder, 'hr.ledger'))).toBe(false);

    // space again: recording works, and check is clean
    rmSync(filler);
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-10-11'])).code).toBe(0);
    expect((await qd(['--as-of', AS_OF, 'check'], { cwd: dir })).code).toBe(0);
  });
});

describe('never during an unfinished git operation, nor on a detached HEAD', () => {
  /** A repository with an entry, and a branch `side` whose notes.txt conflicts with main's. */
  async function conflicting(): Promise<string> {
    const dir = await repoWithEntry();
    commitFile(dir, 'notes.txt', 'base\n', 'base');
    g(dir, ['checkout', '-q', '-b', 'side']);
    commitFile(dir, 'notes.txt', 'side\n', 'side');
    g(dir, ['checkout', '-q', 'main']);
    commitFile(dir, 'notes.txt', 'main\n', 'main');
    return dir;
  }

  async function refused(dir: string, words: string): Promise<void> {
    const before = bytes(dir, OFFICE);
    const headBefore = head(dir);
    for (const extra of [[], ['--no-commit']]) {
      const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('仓库中有一个未完成的 git 操作');
      expect(r.stderr).toContain(words);
    }
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    expect(head(dir)).toBe(headBefore);
  }

  it('a stopped rebase: refused (a record would be dropped by rebase --abort); after the abort, recorded on the branch', async () => {
    const dir = await conflicting();
    g(dir, ['checkout', '-q', 'side']);
    expect(gTry(dir, ['rebase', 'main'])).not.toBe(0);
    expect(existsSync(join(dir, '.git/rebase-merge')) || existsSync(join(dir, '.git/rebase-apply'))).toBe(true);
    await refused(dir, 'git rebase --abort');
    g(dir, ['rebase', '--abort']);
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-10-11'])).code).toBe(0);
    expect(g(dir, ['log', '-1', '--format=%s', 'side'])).toMatch(/^record: office T1\.5 2026-10-11/);
  });

  it('an unfinished merge', async () => {
    const dir = await conflicting();
    expect(gTry(dir, ['merge', 'side'])).not.toBe(0);
    expect(existsSync(join(dir, '.git/MERGE_HEAD'))).toBe(true);
    await refused(dir, 'git merge --abort');
  });

  it('an unfinished cherry-pick', async () => {
    const dir = await conflicting();
    expect(gTry(dir, ['cherry-pick', 'side'])).not.toBe(0);
    expect(existsSync(join(dir, '.git/CHERRY_PICK_HEAD'))).toBe(true);
    await refused(dir, 'git cherry-pick --abort');
  });

  it('an unfinished revert', async () => {
    const dir = await conflicting();
    // reverting "main" (notes.txt base → main) after a later change conflicts
    const mainCommit = head(dir);
    commitFile(dir, 'notes.txt', 'later\n', 'later');
    expect(gTry(dir, ['revert', '--no-edit', mainCommit])).not.toBe(0);
    expect(existsSync(join(dir, '.git/REVERT_HEAD'))).toBe(true);
    await refused(dir, 'git revert --abort');
  });

  it('a bisect under way', async () => {
    const dir = await conflicting();
    g(dir, ['bisect', 'start']);
    expect(existsSync(join(dir, '.git/BISECT_LOG'))).toBe(true);
    await refused(dir, 'git bisect reset');
    g(dir, ['bisect', 'reset']);
    expect((await rec(dir, ['office', 'T1.5', '--date', '2026-10-11'])).code).toBe(0);
  });

  it('a detached HEAD: refused when committing, allowed with --no-commit', async () => {
    const dir = await repoWithEntry();
    g(dir, ['checkout', '-q', '--detach']);
    const before = bytes(dir, OFFICE);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HEAD 处于分离状态');
    expect(r.stderr).toContain('git switch');
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    const staged = await rec(dir, ['office', 'T1.5', '--date', '2026-10-11', '--no-commit']);
    expect(staged.code, staged.stderr).toBe(0);
    expect(entryLines(read(dir, OFFICE))).toHaveLength(2);
  });
});

describe('voids on two clones', () => {
  it('both clones void the same entry; after a union merge, check passes (a warning) and recording goes on', async () => {
    const origin = await repoWithEntry();
    const id = /id:([a-z0-9]{6})$/.exec(entryLines(read(origin, OFFICE))[0]!)![1]!;
    const a = tempDir('a');
    const b = tempDir('b');
    g(dirname(a), ['clone', '-q', origin, a]);
    g(dirname(b), ['clone', '-q', origin, b]);
    expect((await qd(['--as-of', AS_OF, 'void', id, '--reason', '甲：重复登记'], { cwd: a })).code).toBe(0);
    expect((await qd(['--as-of', AS_OF, 'void', id, '--reason', '乙：日期有误'], { cwd: b })).code).toBe(0);
    g(a, ['fetch', '-q', b, 'main']);
    g(a, ['merge', '-q', '--no-edit', 'FETCH_HEAD']); // merge=union (.gitattributes from init)
    const voids = entryLines(read(a, OFFICE)).filter((l) => l.includes(` void ${id} `));
    expect(voids).toHaveLength(2);
    const check = await qd(['--as-of', AS_OF, 'check', '--json'], { cwd: a });
    expect(check.code, check.stdout).toBe(0);
    const found = JSON.parse(check.stdout).diagnostics as { code: string; severity: string }[];
    expect(found).toEqual([expect.objectContaining({ code: 'void-twice', severity: 'warning' })]);
    const text = await qd(['--as-of', AS_OF, 'check'], { cwd: a });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('void-twice');
    // recording goes on; a third void is still refused
    expect((await rec(a, ['office', 'T1.5', '--date', '2026-10-12'])).code).toBe(0);
    const third = await qd(['--as-of', AS_OF, 'void', id, '--reason', '丙'], { cwd: a });
    expect(third.code).toBe(2);
    expect(third.stderr).toContain('作废过');
  });

  it('void of an id that two entries carry is refused instead of picking one', async () => {
    const dir = await freshRepo();
    const header = '; 2026年 办公室 登记簿\n';
    commitFile(dir, OFFICE, `${header}2026-10-10 office T1.5 "甲" id:dup001\n2026-10-11 office T1.5 "乙" id:dup001\n`, 'two entries, one id');
    const before = bytes(dir, OFFICE);
    const r = await qd(['--as-of', AS_OF, 'void', 'dup001', '--reason', '重复'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('编号 dup001 出现在不止一行');
    expect(r.stderr).toContain(`${OFFICE}:2`);
    expect(r.stderr).toContain(`${OFFICE}:3`);
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
  });
});

describe('report --out', () => {
  const report = (dir: string, out: string, lang: string[] = []) => qd(['--as-of', AS_OF, ...lang, 'report', 'monthly', '--out', out], { cwd: dir });

  it('refuses a FIFO, a device and a socket, which stay what they were', async () => {
    const dir = await repoWithEntry();
    const side = dirname(dir);
    const fifo = join(side, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const dev = join(side, 'null-device');
    privileged('mknod', [dev, 'c', '1', '3']);
    const sock = join(side, 'sock');
    const server = createServer();
    await new Promise<void>((res) => server.listen(sock, res));
    try {
      const f = await report(dir, fifo);
      expect(f.code).toBe(2);
      expect(f.stderr).toContain('命名管道');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      const d = await report(dir, dev, ['--lang', 'en']);
      expect(d.code).toBe(2);
      expect(d.stderr).toContain('is a device');
      expect(lstatSync(dev).isCharacterDevice()).toBe(true);
      const s = await report(dir, sock);
      expect(s.code).toBe(2);
      expect(s.stderr).toContain('套接字');
      expect(lstatSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('refuses the ledger and template folders, through links too', async () => {
    const dir = await repoWithEntry();
    const before = bytes(dir, OFFICE);
    for (const out of ['ledgers/2026/report.txt', 'ledgers/', 'ledgers', 'templates/report.md', `${OFFICE}`]) {
      const r = await report(dir, out);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toContain('报表不能写到登记簿或模板所在的文件夹');
    }
    symlinkSync(join(dir, OFFICE), join(dir, 'reports/link.txt'));
    const l = await report(dir, 'reports/link.txt');
    expect(l.code).toBe(2);
    symlinkSync(join(dir, 'ledgers/2026'), join(dir, 'reports/into-ledgers'));
    const m = await report(dir, 'reports/into-ledgers/x.md');
    expect(m.code).toBe(2);
    expect(bytes(dir, OFFICE).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'ledgers/2026')).sort()).toEqual(['.gitkeep', 'office.ledger']);
    expect(readdirSync(join(dir, 'templates')).some((f) => f.startsWith('report') || f.endsWith('.tmp'))).toBe(false);
  });

  it('an existing folder, without a trailing slash, means "write the report inside it"', async () => {
    const dir = await repoWithEntry();
    const r = await report(dir, 'reports');
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'reports')).isDirectory()).toBe(true);
    expect(existsSync(join(dir, 'reports/monthly-2026-11.txt'))).toBe(true);
    const md = await qd(['--as-of', AS_OF, '-C', dir, 'report', 'monthly', '--format', 'md', '--out', join(dir, 'reports')], { cwd: dirname(dir) });
    expect(md.code, md.stderr).toBe(0);
    expect(read(dir, 'reports/monthly-2026-11.md')).toContain('#');
  });
});

describe('a lock that is not what it seems', () => {
  it('a lock of another host: refused within a second or two, saying whose it is and how to clear it', async () => {
    const dir = await freshRepo();
    const lock = join(dir, '.git/qingdan.lock');
    writeFileSync(lock, '4242\nclerk-laptop\n2026-11-27T01:02:03.000Z\n');
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10']);
    expect(r.code).toBe(2);
    // far less than the whole 60-second wait for a live lock (the run itself is slow on a loaded machine)
    expect(r.ms).toBeLessThan(30_000);
    expect(r.stderr).toContain('另一台主机 clerk-laptop 上的进程 4242 自 2026-11-27T01:02:03.000Z 起持有');
    expect(r.stderr).toContain(`rm ${lock}`);
    expect(existsSync(join(dir, OFFICE))).toBe(false);
    expect(readFileSync(lock, 'utf8')).toContain('clerk-laptop'); // not ours to remove
  });

  it('a lock whose pid lives but is not qingdan (the pid was reused) is stale: the record goes ahead', async () => {
    const dir = await freshRepo();
    const lock = join(dir, '.git/qingdan.lock');
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, `${sleeper.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
      const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.ms).toBeLessThan(30_000); // not the 60-second wait for a live lock
      expect(existsSync(lock)).toBe(false);
    } finally {
      sleeper.kill();
    }
  });

  it('a live qingdan holding the lock: the message names pid, host, since and the file to remove', async () => {
    const dir = await freshRepo();
    const lock = join(dir, '.git/qingdan.lock');
    writeFileSync(lock, `${process.pid}\n${hostname()}\n2026-11-27T02:00:00.000Z\n`);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-10-10'], gitEnv(), { lockTimeoutMs: 300 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`由主机 ${hostname()} 上的进程 ${process.pid} 自 2026-11-27T02:00:00.000Z 起持有`);
    expect(r.stderr).toContain(`rm ${lock}`);
  });
});
