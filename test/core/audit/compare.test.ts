/**
 * src/core/audit/compare.ts: comparing two versions of a ledger (an ordinary commit and a merge).
 * Pure functions, no git.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareAppend, compareUnion, newInMerge } from '../../../src/core/audit/compare.js';

const b = (s: string) => new TextEncoder().encode(s);
const kinds = (before: string, after: string) => compareAppend(b(before), b(after)).changes.map((c) => [c.kind, c.line, c.count]);

const L = ['; header\n', '2026-01-05 office T1.5 id:aaaaaa\n', '2026-02-05 office T1.5 id:bbbbbb\n', '2026-03-05 office T1.5 id:cccccc\n'];
const base = L.join('');

describe('compareAppend: an ordinary commit', () => {
  it('passes a pure append and lists the appended lines', () => {
    const r = compareAppend(b(base), b(base + '2026-04-05 office T1.5 id:dddddd\n'));
    expect(r.changes).toEqual([]);
    expect(r.added).toEqual([{ line: 5, text: '2026-04-05 office T1.5 id:dddddd' }]);
  });

  it('passes a new file and an unchanged one', () => {
    expect(compareAppend(b(''), b(base)).added).toHaveLength(4);
    expect(compareAppend(b(base), b(base))).toEqual({ changes: [], added: [], lines: 4 });
  });

  it('passes an append after a cut-off last line; the completed line counts as added', () => {
    const cut = base + '2026-04-05 office T1';
    const r = compareAppend(b(cut), b(base + '2026-04-05 office T1.5 id:dddddd\n2026-05-05 office T1.5 id:eeeeee\n'));
    expect(r.changes).toEqual([]);
    expect(r.added.map((a) => a.line)).toEqual([5, 6]);
    // completing it with just the newline
    expect(compareAppend(b(cut), b(cut + '\n')).changes).toEqual([]);
    // a cut-off line is no entry until it is completed
    expect(compareAppend(b(base), b(cut)).added).toEqual([]);
  });

  it('an edited line', () => {
    const after = base.replace('2026-02-05 office T1.5 id:bbbbbb', '2026-02-06 office T1.5 id:bbbbbb');
    const r = compareAppend(b(base), b(after));
    expect(r.changes).toEqual([
      { kind: 'edited', line: 3, afterLine: 3, before: '2026-02-05 office T1.5 id:bbbbbb', after: '2026-02-06 office T1.5 id:bbbbbb', count: 1 },
    ]);
  });

  it('a removed line, and the last line removed', () => {
    expect(kinds(base, L[0]! + L[1]! + L[3]!)).toEqual([['removed', 3, 1]]);
    expect(kinds(base, L[0]! + L[1]! + L[2]!)).toEqual([['removed', 4, 1]]);
  });

  it('two lines swapped', () => {
    expect(kinds(base, L[0]! + L[2]! + L[1]! + L[3]!)).toEqual([['reordered', 3, 1]]);
  });

  it('a line inserted in the middle, even with an append', () => {
    const x = '2026-01-20 office T1.5 id:xxxxxx\n';
    const r = compareAppend(b(base), b(L[0]! + L[1]! + x + L[2]! + L[3]! + '2026-04-05 office T1.5 id:dddddd\n'));
    expect(r.changes).toEqual([{ kind: 'inserted', line: 3, afterLine: 3, after: x.trimEnd(), count: 1 }]);
    expect(r.added).toEqual([{ line: 6, text: '2026-04-05 office T1.5 id:dddddd' }]);
  });

  it('only whitespace changed', () => {
    expect(kinds(base, base.replace('office T1.5 id:bbbbbb', 'office  T1.5 id:bbbbbb'))).toEqual([['whitespace', 3, 1]]);
    expect(kinds(base, base.replace('id:cccccc\n', 'id:cccccc \n'))).toEqual([['whitespace', 4, 1]]);
  });

  it('LF to CRLF: one change over every line', () => {
    const r = compareAppend(b(base), b(base.replace(/\n/g, '\r\n')));
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ kind: 'line-ending', line: 1, count: 4 });
    expect(r.changes[0]!.after).toBe('; header\r');
  });

  it('a removed final newline', () => {
    expect(kinds(base, base.slice(0, -1))).toEqual([['line-ending', 4, 1]]);
  });

  it('a deletion and an edit further down are both found', () => {
    const after = L[0]! + L[2]! + L[3]!.replace('03-05', '03-06');
    expect(kinds(base, after)).toEqual([
      ['removed', 2, 1],
      ['edited', 4, 1],
    ]);
  });

  it('never calls a non-append clean (property)', () => {
    const line = fc.constantFrom(...L, 'x\n', ' \n', '\r\n', 'a b\n');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 8 }), (xs, ys) => {
        const before = xs.join('');
        const after = ys.join('');
        const r = compareAppend(b(before), b(after));
        expect(r.changes.length === 0).toBe(after.startsWith(before));
      }),
    );
  });
});

describe('compareUnion: a merge against one parent', () => {
  const ours = base + '2026-04-01 office T1.5 id:oooooo\n';
  const theirs = base + '2026-04-02 office T1.5 id:tttttt\n';
  const union = base + '2026-04-01 office T1.5 id:oooooo\n2026-04-02 office T1.5 id:tttttt\n';

  it('a union merge keeps each parent’s lines in order', () => {
    expect(compareUnion(b(ours), b(union))).toEqual([]);
    expect(compareUnion(b(theirs), b(union))).toEqual([]);
    expect(newInMerge([b(ours), b(theirs)], b(union))).toEqual([]);
  });

  it('a merge that edits an old line is caught against each parent', () => {
    const evil = union.replace('id:aaaaaa', 'id:aaaaab');
    for (const p of [ours, theirs]) {
      expect(compareUnion(b(p), b(evil))).toEqual([
        { kind: 'edited', line: 2, afterLine: 2, before: '2026-01-05 office T1.5 id:aaaaaa', after: '2026-01-05 office T1.5 id:aaaaab', count: 1 },
      ]);
    }
  });

  it('a merge that drops the other side’s line', () => {
    expect(compareUnion(b(theirs), b(ours)).map((c) => c.kind)).toEqual(['removed']);
  });

  it('lines only the merge has are its own additions', () => {
    const more = union + '2026-04-03 office T1.5 id:mmmmmm\n';
    expect(newInMerge([b(ours), b(theirs)], b(more))).toEqual([{ line: 7, text: '2026-04-03 office T1.5 id:mmmmmm' }]);
  });
});
