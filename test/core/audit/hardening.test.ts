/**
 * The pure parts of an audit that cannot be fooled (issue 11): what counts as a ledger
 * (scope.ts), the fast prefix test and line counts of big versions, copies made by a merge
 * (compare.ts), and the walk itself on a history given in memory, commit by commit
 * (history.ts): the versions of one commit are asked for at a time, never the whole history's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAppend, isPrefix, newInMerge } from '../../../src/core/audit/compare.js';
import { auditHistory, type CommitChanges, type HistorySource } from '../../../src/core/audit/history.js';
import { appendsInPatch } from '../../../src/core/audit/patch.js';
import { folderPrefix, followMovesBack, LedgerScope } from '../../../src/core/audit/scope.js';
import { parseLedger } from '../../../src/parse/ledger.js';

const b = (s: string) => new TextEncoder().encode(s);

describe('scope: a *.ledger under a ledger folder, the same for every commit', () => {
  it('folders as the settings write them', () => {
    expect(['ledgers', './ledgers/', 'data\\2026', '.', ''].map(folderPrefix)).toEqual(['ledgers', 'ledgers', 'data/2026', '', '']);
  });

  it('under the folder, whatever else lies there; nothing outside unless followed', () => {
    const s = new LedgerScope(['ledgers']);
    expect(s.has('ledgers/2026/office.ledger')).toBe(true);
    expect(s.has('ledgers/2026/fixture/x/ledgers/office.ledger')).toBe(true);
    expect(s.has('ledgers/2026/qingdan.yaml')).toBe(false);
    expect(s.has('ledgersx/office.ledger')).toBe(false);
    expect(s.has('test/fixtures/x/ledgers/2026/office.ledger')).toBe(false);
    s.follow('archive/office.ledger');
    expect(s.has('archive/office.ledger')).toBe(true);
  });

  it('several folders (today’s and earlier settings’), and the whole repository', () => {
    const s = new LedgerScope(['data', 'ledgers']);
    expect(s.has('data/a.ledger') && s.has('ledgers/a.ledger')).toBe(true);
    expect(new LedgerScope(['.']).has('anywhere/a.ledger')).toBe(true);
  });

  it('a ledger moved into the folder is followed back, through a chain of moves', async () => {
    const text = '2026-01-05 office T1.5 id:aaaaaa\n';
    const blobs = new Map([['b1', b(text)]]);
    const diffs = [
      [
        { status: 'D', path: 'old/a.ledger', oldBlob: 'b1', newBlob: '0' },
        { status: 'A', path: 'mid/a.ledger', oldBlob: '0', newBlob: 'b1' },
      ],
      [
        { status: 'D', path: 'mid/a.ledger', oldBlob: 'b1', newBlob: '0' },
        { status: 'A', path: 'ledgers/a.ledger', oldBlob: '0', newBlob: 'b1' },
      ],
    ];
    const s = new LedgerScope(['ledgers']);
    await followMovesBack(diffs, s, async () => blobs);
    expect(s.has('mid/a.ledger')).toBe(true);
    expect(s.has('old/a.ledger')).toBe(true);
  });
});

describe('isPrefix and line counts of big versions', () => {
  it('agrees with a byte-by-byte test, aligned or not (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.uint8Array({ maxLength: 20 }), fc.nat(7), fc.nat(7), fc.nat(299), (a, tail, offA, offB, flip) => {
        const after = new Uint8Array(offB + a.length + tail.length);
        after.set(a, offB);
        after.set(tail, offB + a.length);
        const before = new Uint8Array(offA + a.length);
        before.set(a, offA);
        if (a.length > 0 && flip % 2 === 1) {
          const j = offA + (flip % a.length);
          before[j] = before[j]! ^ 1;
        }
        const x = before.subarray(offA);
        const y = after.subarray(offB);
        let naive = y.length >= x.length;
        for (let i = 0; naive && i < x.length; i++) if (x[i] !== y[i]) naive = false;
        expect(isPrefix(x, y)).toBe(naive);
      }),
    );
  });

  it('a known count of lines gives the same answer as counting them', () => {
    const before = '; h\n2026-01-05 office T1.5 id:aaaaaa\n';
    const after = `${before}2026-02-05 office T1.5 id:bbbbbb\n`;
    const counted = compareAppend(b(before), b(after));
    expect(counted).toEqual({ changes: [], added: [{ line: 3, text: '2026-02-05 office T1.5 id:bbbbbb' }], lines: 3 });
    expect(compareAppend(b(before), b(after), 2)).toEqual(counted);
  });
});

describe('newInMerge: a line some parent has, fewer times, is a copy', () => {
  it('marks copies as known', () => {
    const p1 = 'a\nb\n';
    const p2 = 'a\nc\n';
    expect(newInMerge([b(p1), b(p2)], b('a\nb\nc\nb\nz\n'))).toEqual([
      { line: 4, text: 'b', known: true },
      { line: 5, text: 'z' },
    ]);
  });
});

describe('the walk, commit by commit', () => {
  const who = { author: 'A', email: 'a@x', authored: '2026-11-27T10:00:00+08:00', committed: '2026-11-27T10:00:00+08:00' };
  /** A linear history appending one line a commit to one ledger. */
  function linear(n: number): { commits: CommitChanges[]; versions: Map<string, Uint8Array> } {
    const versions = new Map<string, Uint8Array>();
    const commits: CommitChanges[] = [];
    let text = '';
    for (let i = 0; i < n; i++) {
      const old = i === 0 ? '0'.repeat(40) : `v${i - 1}`;
      text += `2026-01-${String((i % 28) + 1).padStart(2, '0')} office T1.5 id:${String(i).padStart(6, 'a')}\n`;
      versions.set(`v${i}`, b(text));
      commits.push({
        commit: { sha: `c${i}`, parents: i === 0 ? [] : [`c${i - 1}`], ...who },
        changes: [[{ status: i === 0 ? 'A' : 'M', path: 'ledgers/2026/office.ledger', oldBlob: old, newBlob: `v${i}` }]],
      });
    }
    return { commits, versions };
  }

  it('asks for no more than one commit’s versions at a time', async () => {
    const { commits, versions } = linear(50);
    const asked: number[] = [];
    const src: HistorySource = {
      commits,
      head: new Map([['ledgers/2026/office.ledger', 'v49']]),
      blobs: async (ids) => {
        asked.push(ids.length);
        return new Map(ids.map((id) => [id, versions.get(id)!]));
      },
      workTree: () => versions.get('v49'),
      facts: { replaceRefs: [] },
    };
    const r = await auditHistory(src, undefined, { closeDays: 7, folders: ['ledgers'], evidence: new Map(), parseLines: (f, ts) => ts.map((t) => parseLedger(f, `${t}\n`).lines[0]) });
    expect(r.violations).toEqual([]);
    expect(r.entries).toBe(50);
    expect(r.commits).toBe(50);
    expect(Math.max(...asked)).toBeLessThanOrEqual(2);
  });

  it('reports a shallow history, replace refs and grafts first, whatever the ledgers say', async () => {
    const src: HistorySource = {
      commits: [],
      head: new Map(),
      blobs: async () => new Map(),
      workTree: () => undefined,
      facts: { shallow: { file: '.git/shallow', commits: ['s1', 's2'] }, replaceRefs: [{ ref: 'refs/replace/o1', object: 'o1', by: 'r1' }], grafts: '.git/info/grafts' },
    };
    const r = await auditHistory(src, undefined, { closeDays: 7, folders: ['ledgers'], evidence: new Map(), parseLines: (_, ts) => ts.map(() => undefined) });
    expect(r.violations).toEqual([
      { kind: 'shallow', commit: 's1', file: '.git/shallow', count: 2 },
      { kind: 'replace-refs', commit: 'o1', file: 'refs/replace/o1', to: 'r1' },
      { kind: 'grafts', commit: null, file: '.git/info/grafts' },
    ]);
  });
});

describe('appendsInPatch: what git’s patch shows was appended', () => {
  const patch = (s: string) => s.split('\n').map((l) => b(l));
  const O = 'a'.repeat(40);
  const N = 'b'.repeat(40);
  const head = (extra = '') => `diff --git a/x.ledger b/x.ledger\n${extra}index ${O}..${N} 100644\n--- a/x.ledger\n+++ b/x.ledger`;

  it('one hunk inserting lines after line N', () => {
    expect(appendsInPatch(patch(`${head()}\n@@ -3,0 +4,2 @@\n+l4\n+l5\r`))).toEqual(new Map([[`${O}..${N}`, { after: 3, lines: ['l4', 'l5\r'], complete: true }]]));
  });

  it('a new file, one line without a final newline (cut off), a mode change with it', () => {
    const n = `diff --git a/x.ledger b/x.ledger\nnew file mode 100644\nindex ${'0'.repeat(40)}..${N}\n--- /dev/null\n+++ b/x.ledger\n@@ -0,0 +1 @@\n+only\n\\ No newline at end of file`;
    expect(appendsInPatch(patch(n)).get(`${'0'.repeat(40)}..${N}`)).toEqual({ after: 0, lines: ['only'], complete: false });
    expect(appendsInPatch(patch(`${head('old mode 100644\nnew mode 100755\n').replace(' 100644\n---', '\n---')}\n@@ -1,0 +2 @@\n+l2`)).size).toBe(1);
  });

  it('anything else is no append: a removed line, two hunks, context, binary, a deleted file', () => {
    for (const body of ['@@ -2 +2 @@\n-l2\n+L2', '@@ -1,0 +2 @@\n+x\n@@ -3,0 +5 @@\n+y', '@@ -3,1 +3,2 @@\n l3\n+l4', '@@ -3,0 +5 @@\n+l4']) {
      expect(appendsInPatch(patch(`${head()}\n${body}`)).size, body).toBe(0);
    }
    expect(appendsInPatch(patch(`diff --git a/x.ledger b/x.ledger\nindex ${O}..${N} 100644\nBinary files a/x.ledger and b/x.ledger differ`)).size).toBe(0);
    expect(appendsInPatch(patch(`diff --git a/x.ledger b/x.ledger\ndeleted file mode 100644\nindex ${O}..${'0'.repeat(40)}\n--- a/x.ledger\n+++ /dev/null\n@@ -1 +0,0 @@\n-l1`)).size).toBe(0);
  });
});

describe('the walk takes git’s patch only where the lines before it are known', () => {
  const who = { author: 'A', email: 'a@x', authored: '2026-11-27T10:00:00+08:00', committed: '2026-11-27T10:00:00+08:00' };
  const Z = '0'.repeat(40);
  const V1 = '1'.repeat(40);
  const V2 = '2'.repeat(40);
  const L = ['2026-01-05 office T1.5 id:aaaaaa', '2026-01-06 office T1.5 id:bbbbbb', '2026-01-07 office T1.5 id:cccccc'];
  const patchOf = (old: string, now: string, after: number, lines: string[]) => [
    `diff --git a/l b/l`,
    `index ${old}..${now} 100644`,
    '--- a/l',
    '+++ b/l',
    `@@ -${after},0 +${after + 1},${lines.length} @@`,
    ...lines.map((l) => `+${l}`),
  ];

  function source(versions: Record<string, string>, steps: Array<[string, string, string[]]>): { src: HistorySource; reads: string[][] } {
    const reads: string[][] = [];
    const bytes = new Map(Object.entries(versions).map(([k, v]) => [k, b(v)]));
    const commits: CommitChanges[] = steps.map(([old, now], i) => ({
      commit: { sha: `c${i}`, parents: i === 0 ? [] : [`c${i - 1}`], ...who },
      changes: [[{ status: old === Z ? 'A' : 'M', path: 'ledgers/l.ledger', oldBlob: old, newBlob: now }]],
    }));
    let k = 0;
    const src: HistorySource = {
      commits,
      head: new Map(),
      blobs: async (ids) => {
        reads.push([...ids]);
        return new Map(ids.map((id) => [id, bytes.get(id)!]));
      },
      workTree: () => undefined,
      patches: () => ({ next: async () => (steps[k++]?.[2] ?? []).map((l) => b(l)), close: () => undefined }),
      facts: { replaceRefs: [] },
    };
    return { src, reads };
  }
  const opts = { closeDays: 7, folders: ['ledgers'], evidence: new Map(), parseLines: (f: string, ts: readonly string[]) => ts.map((t) => parseLedger(f, `${t}\n`).lines[0]) };

  it('plain appends: no version is read at all', async () => {
    const v1 = `${L[0]}\n`;
    const v2 = `${L[0]}\n${L[1]}\n`;
    const { src, reads } = source({ [V1]: v1, [V2]: v2 }, [
      [Z, V1, patchOf(Z, V1, 0, [L[0]!])],
      [V1, V2, patchOf(V1, V2, 1, [L[1]!])],
    ]);
    const r = await auditHistory(src, undefined, opts);
    expect(r.violations).toEqual([]);
    expect(r.entries).toBe(2);
    expect(reads).toEqual([]);
  });

  it('a patch that inserts before the last line is not taken for an append: the versions are compared', async () => {
    const v1 = `${L[0]}\n${L[2]}\n`;
    const v2 = `${L[0]}\n${L[1]}\n${L[2]}\n`;
    const { src, reads } = source({ [V1]: v1, [V2]: v2 }, [
      [Z, V1, patchOf(Z, V1, 0, [L[0]!, L[2]!])],
      [V1, V2, patchOf(V1, V2, 1, [L[1]!])],
    ]);
    const r = await auditHistory(src, undefined, opts);
    expect(r.violations).toEqual([expect.objectContaining({ kind: 'inserted', commit: 'c1', line: 2, after: L[1] })]);
    expect(reads).toEqual([[V1, V2]]);
  });

  it('a reused id is told from the same line by the line itself, read again, not by its hash', async () => {
    const v1 = `${L[0]}\n`;
    const forged = '2026-01-05 office T1.6 id:aaaaaa';
    const v2 = `${L[0]}\n${forged}\n`;
    const { src } = source({ [V1]: v1, [V2]: v2 }, [
      [Z, V1, patchOf(Z, V1, 0, [L[0]!])],
      [V1, V2, patchOf(V1, V2, 1, [forged])],
    ]);
    const r = await auditHistory(src, undefined, opts);
    expect(r.violations).toEqual([expect.objectContaining({ kind: 'reused-id', commit: 'c1', id: 'aaaaaa', before: L[0], after: forged })]);
  });
});
