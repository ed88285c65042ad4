/**
 * src/core/audit/compare.ts and registration.ts: comparing two versions of a ledger (an ordinary commit and a merge), the
 * registration statistics and the back-dating rule; and src/core/id.ts. Pure functions, no git.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareAppend, compareUnion, newInMerge } from '../../src/core/audit/compare.js';
import { closedOn, isBackdated, lagDays, lagStats, median } from '../../src/core/audit/registration.js';
import { ID_ALPHABET, isEntryId, newId } from '../../src/core/id.js';

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
    expect(compareAppend(b(base), b(base))).toEqual({ changes: [], added: [] });
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

describe('registration statistics', () => {
  it('median and max lag per subject, in the given order', () => {
    expect(median([])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const rows = lagStats(
      [
        { subject: 'hr', lag: 3 },
        { subject: 'office', lag: 1 },
        { subject: 'office', lag: 10 },
        { subject: 'office', lag: 2 },
        { subject: 'zz', lag: 0 },
      ],
      ['office', 'hr'],
    );
    expect(rows).toEqual([
      { subject: 'office', entries: 3, median: 2, max: 10 },
      { subject: 'hr', entries: 1, median: 3, max: 3 },
      { subject: 'zz', entries: 1, median: 0, max: 0 },
    ]);
    expect(lagDays('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('back-dating: committed after the period closed, dated on time (or exempt)', () => {
    expect(closedOn('2026-02-28', 7)).toBe('2026-03-07');
    const onTime = { date: '2026-02-20', exempt: false };
    expect(isBackdated(onTime, '2026-02-28', '2026-03-07', 7)).toBe(false); // the last day it is open
    expect(isBackdated(onTime, '2026-02-28', '2026-03-08', 7)).toBe(true);
    expect(isBackdated({ date: '2026-03-05', exempt: false }, '2026-02-28', '2026-05-01', 7)).toBe(false); // honestly late
    expect(isBackdated({ date: '2026-03-05', exempt: true }, '2026-02-28', '2026-05-01', 7)).toBe(true);
  });
});

describe('entry ids', () => {
  it('six characters of [a-z0-9], unbiased: bytes ≥ 252 are dropped', () => {
    const bytes = [255, 252, 0, 1, 25, 26, 35, 36 + 5];
    let k = 0;
    const id = newId((n) => Uint8Array.from({ length: n }, () => bytes[k++ % bytes.length]!), new Set());
    expect(id).toBe('abz09f');
    expect(isEntryId(id)).toBe(true);
  });

  it('never one already taken', () => {
    const seq = [Array(12).fill(0), Array(12).fill(1)];
    let k = 0;
    const id = newId(() => Uint8Array.from(seq[Math.min(k++, 1)]!), new Set(['aaaaaa']));
    expect(id).toBe('bbbbbb');
    expect(() => newId(() => new Uint8Array(12), new Set(['aaaaaa']), 3)).toThrow();
  });

  it('uses the whole alphabet', () => {
    const all = new Set<string>();
    let x = 0;
    for (let i = 0; i < 200; i++) for (const c of newId((n) => Uint8Array.from({ length: n }, () => (x = (x + 7) % 256)), new Set())) all.add(c);
    expect([...all].sort().join('')).toBe([...ID_ALPHABET].sort().join(''));
  });
});
