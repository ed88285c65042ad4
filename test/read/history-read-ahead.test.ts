/**
 * src/read/history.ts `readAhead`: the versions audit asks for commit by commit are read from git
 * a few commits at a time (one round trip per commit costs more than the reading), within a byte
 * budget, so that memory still holds only a commit's versions and a bounded read-ahead.
 */
import { describe, expect, it } from 'vitest';
import type { CommitChanges } from '../../src/core/audit/history.js';
import type { BlobReader } from '../../src/read/git.js';
import { readAhead } from '../../src/read/history.js';

const Z = '0'.repeat(40);
const id = (n: number) => `f${n.toString(16).padStart(39, '0')}`;

/** A history of `n` commits, each appending to one ledger: version k replaces version k−1. */
function history(n: number): CommitChanges[] {
  return Array.from({ length: n }, (_, k) => ({
    commit: { sha: `c${k}`, parents: k === 0 ? [] : [`c${k - 1}`], author: 'a', email: 'e', authored: '', committed: '' },
    changes: [[{ status: k === 0 ? 'A' : 'M', path: 'ledgers/l.ledger', oldBlob: k === 0 ? Z : id(k - 1), newBlob: id(k) }]],
  }));
}

/** A reader that answers every id with its own bytes, and remembers what it was asked. */
function fakeReader(): BlobReader & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    read: async (ids) => {
      calls.push([...ids]);
      return new Map(ids.map((x) => [x, Buffer.from(x)]));
    },
    close: () => undefined,
  };
}

/** Asks for each commit's versions in order, as audit does, and checks what comes back. */
async function walk(blobs: ReturnType<typeof readAhead>, commits: readonly CommitChanges[]) {
  for (const c of commits) {
    const ch = c.changes[0]![0]!;
    const ids = [ch.oldBlob, ch.newBlob].filter((x) => x !== Z);
    const got = await blobs(ids);
    for (const x of ids) expect(Buffer.from(got.get(x)!).toString()).toBe(x);
  }
}

describe('reading a history ahead', () => {
  it('small versions: a handful of reads for a thousand commits, each version read once', async () => {
    const commits = history(1000);
    const reader = fakeReader();
    await walk(readAhead(reader, commits, (ids) => new Map(ids.map((x) => [x, 1000]))), commits);
    expect(reader.calls.length).toBeLessThanOrEqual(2);
    expect(reader.calls.flat()).toHaveLength(1000);
  });

  it('versions bigger than the budget: one commit at a time, never a version it does not need yet', async () => {
    const commits = history(20);
    const reader = fakeReader();
    await walk(readAhead(reader, commits, (ids) => new Map(ids.map((x) => [x, 250 << 20]))), commits);
    expect(reader.calls).toEqual(commits.map((_, k) => [id(k)]));
  });

  it('a history of one commit (an audit since the last one) never asks for sizes: nothing lies ahead', async () => {
    const commits = history(1);
    const reader = fakeReader();
    await walk(
      readAhead(reader, commits, () => {
        throw new Error('sizes asked');
      }),
      commits,
    );
    expect(reader.calls).toEqual([[id(0)]]);
  });

  it('a version outside the plan (an old line read again) is read on its own terms, and the walk goes on', async () => {
    const commits = history(50);
    const reader = fakeReader();
    const blobs = readAhead(reader, commits, (ids) => new Map(ids.map((x) => [x, 10])));
    await walk(blobs, commits.slice(0, 10));
    const old = await blobs([id(2)]);
    expect(Buffer.from(old.get(id(2))!).toString()).toBe(id(2));
    await walk(blobs, commits.slice(10));
    // every version of the plan read once, the old one twice
    expect(reader.calls.flat().filter((x) => x === id(2))).toHaveLength(2);
    expect(new Set(reader.calls.flat()).size).toBe(50);
  });
});
