/**
 * src/read/history.ts `openHistory` for a member's commit: every version its audit reads is held
 * to a size, anywhere in the history (a version since cut short or deleted too). One over it is
 * OverLimit naming the file, which a roll-up shows as `too-large`; under it, the audit reads as
 * before.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobReader } from '../../src/read/git.js';
import { openHistory } from '../../src/read/history.js';
import { listTree, OverLimit } from '../../src/read/member-tree.js';
import { gitEnv, tempDir } from '../support/cli.js';

const git = (dir: string, args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();

/** A repository whose ledger once held `big` bytes, then only a line: HEAD is small, its history is not. */
function cutShort(big: number): { dir: string; bigBlob: string } {
  const dir = tempDir('history-limits');
  mkdirSync(join(dir, 'ledgers/2026'), { recursive: true });
  git(dir, ['init', '-q']);
  const file = join(dir, 'ledgers/2026/office.ledger');
  writeFileSync(file, '2026-03-02 office T1.1 1h\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-qm', 'one line']);
  writeFileSync(file, `2026-03-02 office T1.1 1h\n${'2026-03-03 office T1.2 1h\n'.repeat(Math.ceil(big / 26))}`);
  git(dir, ['commit', '-qam', 'a great many lines']);
  const bigBlob = git(dir, ['rev-parse', 'HEAD:ledgers/2026/office.ledger']);
  writeFileSync(file, '2026-03-02 office T1.1 1h\n');
  git(dir, ['commit', '-qam', 'cut short again']);
  return { dir, bigBlob };
}

async function versions(dir: string, each: number): Promise<number> {
  const at = { cwd: dir, env: gitEnv() };
  const reader = blobReader(at);
  try {
    const rev = git(dir, ['rev-parse', 'HEAD']);
    const h = await openHistory(at, { top: dir, prefix: '', gitDir: join(dir, '.git') }, undefined, { rev, blobs: (await listTree(reader, rev)).blobs, reader, each });
    let bytes = 0;
    for (const c of h.commits) for (const b of (await h.blobs(c.changes.flat().map((ch) => ch.newBlob))).values()) bytes += b.length;
    return bytes;
  } finally {
    reader.close();
  }
}

describe('openHistory of a member: versions held to a size', () => {
  it('a version over the size, though HEAD is small, is OverLimit naming its file', async () => {
    const { dir, bigBlob } = cutShort(64 << 10);
    const e = await versions(dir, 32 << 10).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OverLimit);
    expect((e as OverLimit).problem).toEqual({ kind: 'too-large', file: 'ledgers/2026/office.ledger', size: Number(git(dir, ['cat-file', '-s', bigBlob])) });
  });

  it('under the size, every version is read', async () => {
    const { dir, bigBlob } = cutShort(64 << 10);
    expect(await versions(dir, 1 << 20)).toBe(26 + Number(git(dir, ['cat-file', '-s', bigBlob])) + 26);
  });
});
