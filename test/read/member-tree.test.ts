/**
 * src/read/member-tree.ts and the limits of git.ts's blob reader, on small temporary
 * repositories: a commit's listing read from tree objects is what `git ls-tree -r` lists, and
 * what is over the limits is refused at git's header, before its contents are read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobReader, GitError, TooLarge } from '../../src/read/git.js';
import { listTree, OverLimit, readMemberFiles, readTreeFiles } from '../../src/read/member-tree.js';
import { g, gitEnv, tempDir } from '../support/cli.js';

const at = (dir: string) => ({ cwd: dir, env: gitEnv() });
const git = (dir: string, args: string[], input?: string) => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8', input }).trim();

/** A repository with a bit of everything a tree holds; returns it and its commit. */
function repo(): { dir: string; commit: string } {
  const dir = tempDir();
  g(join(dir, '..'), ['init', '-q', dir]);
  for (const d of ['ledgers/sub/deeper', 'templates', '.hidden', 'docs/.drafts', '证据']) mkdirSync(join(dir, d), { recursive: true });
  const files: Record<string, string> = {
    'qingdan.yaml': 'year: 2026\n',
    'templates/org.yaml': 'name: x\n',
    'templates/checklist-2026.yaml': 'year: 2026\n',
    'ledgers/a.ledger': '2026-01-05 office T1.1 id:aaaaaa\n',
    'ledgers/sub/deeper/b.ledger': 'same\n',
    'ledgers/z.ledger': 'same\n',
    '.hidden/x.ledger': 'hidden\n',
    'docs/.drafts/d.txt': 'draft\n',
    '证据/会议纪要.txt': '纪要\n',
    'run.sh': '#!/bin/sh\n',
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  execFileSync('chmod', ['+x', join(dir, 'run.sh')]);
  symlinkSync('ledgers/a.ledger', join(dir, 'link.ledger'));
  g(dir, ['add', '-A']);
  // a submodule: a commit in the tree, which is neither listed nor read
  g(dir, ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/sub`]);
  g(dir, ['commit', '-qm', 'first']);
  return { dir, commit: git(dir, ['rev-parse', 'HEAD']) };
}

/** What `git ls-tree -r` lists: every blob, and the regular files without a dot-name part. */
function lsTree(dir: string, commit: string) {
  const blobs = new Map<string, string>();
  const files = new Map<string, string>();
  for (const rec of git(dir, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', commit]).split('\0')) {
    if (rec === '') continue;
    const [meta, path] = rec.split('\t') as [string, string];
    const [mode, type, id] = meta.split(' ') as [string, string, string];
    if (type !== 'blob') continue;
    blobs.set(path, id);
    if (mode !== '120000' && !path.split('/').some((p) => p.startsWith('.'))) files.set(path, id);
  }
  return { blobs, files };
}

describe('listTree', () => {
  it('lists what git ls-tree -r lists, in its order: links among the blobs, dot-names and submodules out of the files', async () => {
    const { dir, commit } = repo();
    const reader = blobReader(at(dir));
    try {
      const tree = await listTree(reader, commit);
      const want = lsTree(dir, commit);
      expect([...tree.blobs]).toEqual([...want.blobs]);
      expect([...tree.files]).toEqual([...want.files]);
      expect(tree.files.has('证据/会议纪要.txt')).toBe(true);
      expect(tree.files.has('run.sh')).toBe(true);
      expect(tree.blobs.has('link.ledger') && !tree.files.has('link.ledger')).toBe(true);
      expect(tree.blobs.has('.hidden/x.ledger') && !tree.files.has('.hidden/x.ledger')).toBe(true);
      expect([...tree.blobs.keys()].some((p) => p.startsWith('vendor'))).toBe(false);
    } finally {
      reader.close();
    }
  });

  it('a commit the repository does not have is a GitError', async () => {
    const { dir } = repo();
    const reader = blobReader(at(dir));
    await expect(listTree(reader, 'f'.repeat(40))).rejects.toBeInstanceOf(GitError);
    reader.close();
  });

  it('a tree that holds the same subtree over and over is refused once its listing passes the limit', async () => {
    const { dir } = repo();
    const blob = git(dir, ['hash-object', '-w', '--stdin'], 'x\n');
    let tree = git(dir, ['mktree'], Array.from({ length: 50 }, (_, i) => `100644 blob ${blob}\tf${i}\n`).join(''));
    for (let level = 0; level < 4; level++) tree = git(dir, ['mktree'], Array.from({ length: 50 }, (_, i) => `040000 tree ${tree}\td${i}\n`).join(''));
    const commit = git(dir, ['commit-tree', tree, '-m', 'bomb']);
    const reader = blobReader(at(dir));
    try {
      // 50⁵ paths from five tree objects of 50 entries
      const e = await listTree(reader, commit, { bytes: 1 << 20 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OverLimit);
      expect((e as OverLimit).problem).toMatchObject({ kind: 'too-large', file: '.' });
      expect((e as OverLimit).problem.size).toBeGreaterThan(1 << 20);
    } finally {
      reader.close();
    }
  });
});

describe('listTree on trees made to be costly', () => {
  /** A commit of `levels` folders nested one in another, each named `name` and holding a file. */
  function nested(dir: string, levels: number, name: string): string {
    const blob = git(dir, ['hash-object', '-w', '--stdin'], 'x\n');
    let tree = git(dir, ['mktree'], `100644 blob ${blob}\tf\n`);
    for (let i = 0; i < levels; i++) tree = git(dir, ['mktree'], `100644 blob ${blob}\tf\n040000 tree ${tree}\t${name}\n`);
    return git(dir, ['commit-tree', tree, '-m', 'nested']);
  }

  it('long paths from small objects: the listing counts whole paths, as ls-tree prints them', async () => {
    const { dir } = repo();
    // 40 folders of 200-character names: 17 KB of tree objects, some 330 KB of paths
    const commit = nested(dir, 40, 'n'.repeat(200));
    const reader = blobReader(at(dir));
    try {
      expect((await listTree(reader, commit, { bytes: 1 << 20 })).files.size).toBe(41);
      const e = await listTree(reader, commit, { bytes: 64 << 10 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OverLimit);
    } finally {
      reader.close();
    }
  });

  it('trees nested deeper than allowed are refused, as git refuses them', async () => {
    const { dir } = repo();
    const commit = nested(dir, 12, 'd');
    const reader = blobReader(at(dir));
    try {
      expect((await listTree(reader, commit, { depth: 13 })).files.size).toBe(13);
      const e = await listTree(reader, commit, { depth: 12 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(GitError);
      expect((e as GitError).result.stderr).toContain('deeper than 12 levels');
    } finally {
      reader.close();
    }
  });
});

describe('readMemberFiles', () => {
  it('reads the settings, templates and ledgers of the commit', async () => {
    const { dir, commit } = repo();
    const reader = blobReader(at(dir));
    try {
      const files = await readMemberFiles(reader, commit, () => undefined);
      if ('kind' in files) throw new Error(files.kind);
      expect(files.ledgers.map((f) => f.file)).toEqual(['ledgers/a.ledger', 'ledgers/sub/deeper/b.ledger', 'ledgers/z.ledger']);
      expect(files.checklists.map((f) => f.file)).toEqual(['templates/checklist-2026.yaml']);
      expect(Buffer.from(files.ledgers[2]!.bytes).toString()).toBe('same\n');
      expect(files.org?.file).toBe('templates/org.yaml');
    } finally {
      reader.close();
    }
  });

  it('a commit it has but whose file is gone is unreadable, not a missing commit', async () => {
    const { dir, commit } = repo();
    const blob = git(dir, ['rev-parse', `${commit}:ledgers/a.ledger`]);
    rmSync(join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const reader = blobReader(at(dir));
    expect(await readMemberFiles(reader, commit, () => undefined)).toMatchObject({ kind: 'unreadable', detail: expect.stringContaining(blob) });
    reader.close();
  });

  it('a commit it cannot read is missing-commit, with git\'s words', async () => {
    const { dir } = repo();
    const reader = blobReader(at(dir));
    expect(await readMemberFiles(reader, 'e'.repeat(40), () => undefined)).toMatchObject({ kind: 'missing-commit', detail: expect.stringContaining('missing') });
    reader.close();
  });
});

describe('the blob reader\'s limits', () => {
  it('an object over the limit for one is refused at its header, and the reader is done', async () => {
    const { dir, commit } = repo();
    const reader = blobReader(at(dir));
    const tree = await listTree(reader, commit);
    const small = tree.files.get('qingdan.yaml')!;
    const big = tree.files.get('ledgers/a.ledger')!;
    const e = await reader.read([small, big], { each: 20 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TooLarge);
    expect(e).toMatchObject({ id: big, size: 33, whole: false });
    await expect(reader.read([small])).rejects.toBe(e);
    reader.close();
  });

  it('objects over the limit together are refused at the header that passes it, with the total so far', async () => {
    const { dir, commit } = repo();
    const reader = blobReader(at(dir));
    const tree = await listTree(reader, commit);
    const ids = ['qingdan.yaml', 'templates/org.yaml', 'ledgers/a.ledger'].map((p) => tree.files.get(p)!);
    await expect(reader.read(ids, { total: 30 })).rejects.toMatchObject({ id: ids[2], size: 11 + 8 + 33, whole: true });
    reader.close();
  });

  it('an object of another type than asked is a GitError', async () => {
    const { dir, commit } = repo();
    const reader = blobReader(at(dir));
    await expect(reader.read([`${commit}^{tree}`], { type: 'blob' })).rejects.toBeInstanceOf(GitError);
    reader.close();
  });

  it('readTreeFiles reads the regular files asked for and leaves out what is no regular file', async () => {
    const { dir, commit } = repo();
    const reader = blobReader(at(dir));
    try {
      const tree = await listTree(reader, commit);
      const got = await readTreeFiles(reader, tree, ['证据/会议纪要.txt', 'link.ledger', 'nowhere']);
      expect([...got.keys()]).toEqual(['证据/会议纪要.txt']);
      expect(Buffer.from(got.get('证据/会议纪要.txt')!).toString()).toBe('纪要\n');
    } finally {
      reader.close();
    }
  });
});
