/**
 * src/read/history.ts `prefixVersions`: a version of a ledger whose id is the hash of the first
 * bytes of the file's last version is given as those bytes, without reading it; every other
 * version is left to git. Checked against git's own reading of each version, on histories that
 * append, edit, cut short, delete and add files (a property over random histories), and in a
 * repository that names its objects by SHA-256.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommitChanges } from '../../src/core/audit/history.js';
import { blobReader, objectSizes } from '../../src/read/git.js';
import { openHistory, prefixVersions } from '../../src/read/history.js';
import { listTree } from '../../src/read/member-tree.js';
import { gitEnv, tempDir } from '../support/cli.js';

const git = (dir: string, args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 26 }).trim();
const Z = /^0+$/;

/** Every commit's changes to *.ledger files, as openHistory lists them, and the files at HEAD. */
function historyOf(dir: string): { commits: CommitChanges[]; head: Map<string, string> } {
  const shas = git(dir, ['rev-list', '--reverse', 'HEAD']).split('\n');
  const commits = shas.map((sha) => {
    const out = git(dir, ['diff-tree', '-r', '--raw', '--no-abbrev', '--no-renames', '--root', '-z', sha]).split('\0');
    const list = [];
    for (let i = 1; i + 1 < out.length; i += 2) {
      const [, , oldBlob, newBlob, status] = out[i]!.slice(1).split(' ');
      if (out[i + 1]!.endsWith('.ledger')) list.push({ status: status!.slice(0, 1), path: out[i + 1]!, oldBlob: oldBlob!, newBlob: newBlob! });
    }
    return { commit: { sha, parents: [], author: '', email: '', authored: '', committed: '' }, changes: [list] };
  });
  const head = new Map(
    git(dir, ['ls-tree', '-r', '-z', 'HEAD'])
      .split('\0')
      .filter((l) => l.endsWith('.ledger'))
      .map((l) => [l.split('\t')[1]!, l.split(/\s/)[2]!] as [string, string]),
  );
  return { commits, head };
}

/** What prefixVersions gives, each version checked against git's own bytes; and which versions git alone could give. */
async function derive(dir: string) {
  const { commits, head } = historyOf(dir);
  const at = { cwd: dir, env: gitEnv() };
  const reader = blobReader(at);
  try {
    const ids = [...new Set(commits.flatMap((c) => c.changes.flat().flatMap((ch) => [ch.oldBlob, ch.newBlob])))].filter((id) => !Z.test(id));
    const derived = await prefixVersions(commits, undefined, head, reader, () => objectSizes(at, ids));
    for (const [id, bytes] of derived) expect(Buffer.from(bytes).equals(execFileSync('git', ['cat-file', 'blob', id], { cwd: dir }))).toBe(true);
    return { derived, ids, head };
  } finally {
    reader.close();
  }
}

function repo(format = 'sha1'): string {
  const dir = tempDir('prefix');
  mkdirSync(join(dir, 'ledgers'), { recursive: true });
  git(dir, ['init', '-q', `--object-format=${format}`]);
  return dir;
}

function commit(dir: string, files: Record<string, string | undefined>, message = 'day'): void {
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) rmSync(join(dir, 'ledgers', name), { force: true });
    else writeFileSync(join(dir, 'ledgers', name), text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
}

describe('openHistory: what the audit is given, and what is read from git', () => {
  it("of an append-only ledger, git is asked only for the last version; every version the audit asks for is git's own bytes", async () => {
    const dir = repo();
    let text = '';
    for (let d = 1; d <= 5; d++) commit(dir, { 'a.ledger': (text += `2026-03-0${d} office T1.1 1h\n`), 'b.ledger': d === 3 ? 'cut\n' : `${d}\n` });
    const at = { cwd: dir, env: gitEnv() };
    const real = blobReader(at);
    const asked: string[] = [];
    const reader = { read: (ids: readonly string[], limits?: Parameters<typeof real.read>[1]) => (asked.push(...ids), real.read(ids, limits)), close: () => real.close() };
    try {
      const rev = git(dir, ['rev-parse', 'HEAD']);
      const h = await openHistory(at, { top: dir, prefix: '', gitDir: join(dir, '.git') }, undefined, { rev, blobs: (await listTree(reader, rev)).blobs, reader, each: 1 << 20 });
      const beforeWalk = asked.length;
      for (const c of h.commits) {
        const ids = c.changes.flat().flatMap((ch) => [ch.oldBlob, ch.newBlob]).filter((id) => !Z.test(id));
        for (const [id, bytes] of await h.blobs(ids)) expect(Buffer.from(bytes).equals(execFileSync('git', ['cat-file', 'blob', id], { cwd: dir }))).toBe(true);
      }
      const aVersions = new Set(h.commits.flatMap((c) => c.changes.flat().filter((ch) => ch.path === 'ledgers/a.ledger').map((ch) => ch.newBlob)));
      // a.ledger: only its last version was read (with the tree's listing, before the walk); b.ledger's edited versions were read during it
      expect(asked.filter((id) => aVersions.has(id))).toEqual([h.head.get('ledgers/a.ledger')]);
      expect(asked.length).toBeGreaterThan(beforeWalk);
    } finally {
      reader.close();
    }
  });
});

describe('prefixVersions', () => {
  it('an append-only ledger: every version from the last one; an edited, a deleted and a cut-short file: from git', async () => {
    const dir = repo();
    const line = (d: number) => `2026-03-${String(d).padStart(2, '0')} office T1.1 1h id:a${d}\n`;
    let text = '';
    for (let d = 1; d <= 6; d++) commit(dir, { 'a.ledger': (text += line(d)), 'gone.ledger': line(d) });
    commit(dir, { 'gone.ledger': undefined, 'b.ledger': 'x\n' });
    commit(dir, { 'b.ledger': 'y\n' });
    commit(dir, { 'c.ledger': 'one\ntwo\n' });
    commit(dir, { 'c.ledger': 'one\n' });
    const { derived, head } = await derive(dir);
    const versions = (path: string) => historyOf(dir).commits.flatMap((c) => c.changes.flat().filter((ch) => ch.path === path).map((ch) => ch.newBlob)).filter((id) => !Z.test(id));
    expect(versions('a.ledger').every((id) => derived.has(id))).toBe(true);
    expect(versions('gone.ledger').some((id) => derived.has(id))).toBe(false);
    // b: "x" is no prefix of "y"; c: "one\ntwo" is longer than "one"
    expect(derived.has(versions('b.ledger')[0]!)).toBe(false);
    expect(derived.has(head.get('ledgers/b.ledger')!)).toBe(true);
    expect(derived.has(versions('c.ledger')[0]!)).toBe(false);
  });

  it('in a repository that names its objects by SHA-256', async () => {
    const dir = repo('sha256');
    let text = '';
    for (let d = 1; d <= 4; d++) commit(dir, { 'a.ledger': (text += `2026-03-0${d} office T1.1 1h\n`) });
    const { derived, ids } = await derive(dir);
    expect(ids[0]).toHaveLength(64);
    expect(derived.size).toBe(ids.length);
  });

  it('random histories: whatever is derived is what git reads, and every version of an append-only file is derived', async () => {
    const step = fc.record({
      file: fc.constantFrom('a.ledger', 'b.ledger'),
      op: fc.constantFrom('append', 'append', 'append', 'edit', 'cut', 'delete'),
      text: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `${s.replace(/\n/g, ' ')}\n`),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 8 }), async (steps) => {
        const dir = repo();
        const now: Record<string, string> = {};
        const appendOnly = new Set(['a.ledger', 'b.ledger']);
        for (const s of steps) {
          const cur = now[s.file];
          if (s.op === 'delete') {
            if (cur === undefined) continue;
            delete now[s.file];
            appendOnly.delete(s.file);
            commit(dir, { [s.file]: undefined });
            continue;
          }
          const next = s.op === 'append' || cur === undefined ? `${cur ?? ''}${s.text}` : s.op === 'edit' ? `${s.text}${cur.slice(1)}` : cur.slice(0, Math.max(0, cur.length - 2));
          if (next !== `${cur ?? ''}${s.text}` && !(cur !== undefined && next.length >= cur.length && next.startsWith(cur))) appendOnly.delete(s.file);
          now[s.file] = next;
          commit(dir, { [s.file]: next });
        }
        const { derived, head } = await derive(dir);
        for (const file of appendOnly) {
          const path = `ledgers/${file}`;
          if (!head.has(path)) continue;
          const all = historyOf(dir).commits.flatMap((c) => c.changes.flat().filter((ch) => ch.path === path).map((ch) => ch.newBlob));
          expect(all.every((id) => derived.has(id))).toBe(true);
        }
      }),
      { numRuns: 12, seed: 20261130 },
    );
  }, 120_000);
});
