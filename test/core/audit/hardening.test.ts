/**
 * The pure parts of an audit that cannot be fooled (issue 11): what counts as a ledger
 * (scope.ts), the fast prefix test and line counts of big versions, copies made by a merge
 * (compare.ts), and the walk itself on a history given in memory, commit by commit
 * (history.ts): the versions of one commit are asked for at a time, never the whole history's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAppend, isPrefix, newInMerge } from '../../../src/core/audit/compare.js';
import { textHash } from '../../../src/core/audit/first-lines.js';
import { auditHistory, type CommitChanges, type HistorySource } from '../../../src/core/audit/history.js';
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
    const r = await auditHistory(src, undefined, { closeDays: 7, folders: ['ledgers'], evidenceLines: [], evidence: new Map(), parseLines: (f, ts) => ts.map((t) => parseLedger(f, `${t}\n`).lines[0]) });
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
    const r = await auditHistory(src, undefined, { closeDays: 7, folders: ['ledgers'], evidenceLines: [], evidence: new Map(), parseLines: (_, ts) => ts.map(() => undefined) });
    expect(r.violations).toEqual([
      { kind: 'shallow', commit: 's1', file: '.git/shallow', count: 2 },
      { kind: 'replace-refs', commit: 'o1', file: 'refs/replace/o1', to: 'r1' },
      { kind: 'grafts', commit: null, file: '.git/info/grafts' },
    ]);
  });
});

describe('a first line is known again by its text, not by its hash', () => {
  const who = { author: 'A', email: 'a@x', authored: '2026-11-27T10:00:00+08:00', committed: '2026-11-27T10:00:00+08:00' };
  const Z = '0'.repeat(40);
  const opts = { closeDays: 7, folders: ['ledgers'], evidenceLines: [], evidence: new Map(), parseLines: (f: string, ts: readonly string[]) => ts.map((t) => parseLedger(f, `${t}\n`).lines[0]) };

  /** Two versions: `first` alone, then `first` and `then` under the same id. */
  async function twoLines(first: string, then: string) {
    const v1 = b(`${first}\n`);
    const v2 = b(`${first}\n${then}\n`);
    const bytes = new Map([
      ['v1', v1],
      ['v2', v2],
    ]);
    const src: HistorySource = {
      commits: [
        { commit: { sha: 'c0', parents: [], ...who }, changes: [[{ status: 'A', path: 'ledgers/l.ledger', oldBlob: Z, newBlob: 'v1' }]] },
        { commit: { sha: 'c1', parents: ['c0'], ...who }, changes: [[{ status: 'M', path: 'ledgers/l.ledger', oldBlob: 'v1', newBlob: 'v2' }]] },
      ],
      head: new Map(),
      blobs: async (ids) => new Map(ids.map((id) => [id, bytes.get(id)!])),
      workTree: () => undefined,
      facts: { replaceRefs: [] },
    };
    return auditHistory(src, undefined, opts);
  }

  it('another line under a recorded id is a reused id, with the recorded line read again', async () => {
    const first = '2026-01-05 office T1.5 id:aaaaaa';
    const forged = '2026-01-05 office T1.6 id:aaaaaa';
    const r = await twoLines(first, forged);
    expect(r.violations).toEqual([expect.objectContaining({ kind: 'reused-id', commit: 'c1', id: 'aaaaaa', before: first, after: forged })]);
  });

  it('even when its hash is the same as the recorded line’s (a collision, found here by search)', async () => {
    const line = (n: number) => `2026-01-05 office T1.5 "${n.toString(36)}" id:aaaaaa`;
    const seen = new Map<number, number>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair; n++) {
      const h = textHash(line(n));
      const m = seen.get(h);
      if (m !== undefined) pair = [line(m), line(n)];
      else seen.set(h, n);
    }
    expect(textHash(pair[0])).toBe(textHash(pair[1]));
    const r = await twoLines(pair[0], pair[1]);
    expect(r.violations).toEqual([expect.objectContaining({ kind: 'reused-id', id: 'aaaaaa', before: pair[0], after: pair[1] })]);
    expect(r.entries).toBe(2);
  });
});
