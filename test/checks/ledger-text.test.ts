/**
 * ledger-text: control and bidirectional characters anywhere in a ledger line or its file name,
 * invisible ones in the tokens typed by hand (core/characters.ts is the one rule).
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import type { Dataset } from '../../src/core/dataset.js';
import { ledgerText } from '../../src/checks/ledger-text.js';
import { withSources } from '../../src/parse/dataset.js';
import { dataset, ledger } from '../core/helpers.js';

const ITEMS = [{ id: 'T1', title: '学习', level: 'direct' as const, cadence: 'monthly' as const, weight: 10 }];

function findings(lines: string[], file?: string) {
  const l = ledger(lines, file);
  const ds: Dataset = { ...dataset({ items: ITEMS }), ledgers: [{ file: l.file, lines: l.lines }] };
  const list = ledgerText({ ds, cat: buildCatalog(ds), asOf: '2026-12-31' });
  return withSources(list, new Map([[l.file, l.content]])).map((d) => [d.code, `${d.line}:${d.column}`, d.params]);
}

describe('ledger-text', () => {
  it('a clean line has no finding, and a zero-width joiner in a note is text', () => {
    expect(findings(['2026-03-15 u1 T1 "学习\u200d笔记" by:clerk id:a1b2c3 evidence:minutes/3.pdf'])).toEqual([]);
  });

  it('an escape sequence in a note: control-character at the note, naming the character and where it is', () => {
    expect(findings(['2026-03-15 u1 T1 "学习\u001b]0;pwned\u0007" id:a1b2c3'])).toEqual([
      ['control-character', '1:18', { where: 'note', text: '学习\u001b]0;pwned\u0007', at: 3, code: 'U+001B', name: 'ESCAPE', kind: 'control' }],
    ]);
  });

  it('a right-to-left override in a void reason, C1 CSI in an id: control-character, bidi named as such', () => {
    expect(findings(['2026-03-15 u1 T1 id:a1b2c3', '2026-03-16 void a1b2c3 "错\u202e误" id:z\u009b9'])).toEqual([
      ['control-character', '2:24', { where: 'note', text: '错\u202e误', at: 2, code: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', kind: 'bidi' }],
      ['control-character', '2:33', { where: 'id', text: 'z\u009b9', at: 2, code: 'U+009B', name: 'CONTROL SEQUENCE INTRODUCER', kind: 'control' }],
    ]);
  });

  it('a look-alike subject `u1` + zero-width space: invisible-character at the subject, with its position', () => {
    expect(findings(['2026-03-15 u1\u200b T1 id:a1b2c3'])).toEqual([
      ['invisible-character', '1:12', { where: 'subject', text: 'u1\u200b', at: 3, code: 'U+200B', name: 'ZERO WIDTH SPACE', kind: 'invisible' }],
    ]);
  });

  it('invisible and bidi characters in every hand-typed token: item, by:, id:, evidence:, the voided id', () => {
    const got = findings([
      '2026-03-15 u1 \ufeffT1 id:a1',
      '2026-03-15 u1 T1 by:cl\u2060erk id:a2',
      '2026-03-15 u1 T1 id:a\u200c3',
      '2026-03-15 u1 T1 evidence:min\u2066utes.pdf id:a4',
      '2026-03-16 void a\u200d1 "x" id:a5',
    ]);
    expect(got.map(([code, at, p]) => [code, at, (p as { where: string }).where, (p as { code: string }).code])).toEqual([
      ['invisible-character', '1:15', 'item', 'U+FEFF'],
      ['invisible-character', '2:21', 'by', 'U+2060'],
      ['invisible-character', '3:21', 'id', 'U+200C'],
      ['control-character', '4:27', 'evidence', 'U+2066'],
      ['invisible-character', '5:17', 'void', 'U+200D'],
    ]);
  });

  it('a repeated bad subject is reported on every line it stands on', () => {
    expect(findings(['2026-03-15 u\u200e1 T1 id:a1', '2026-03-16 u\u200e1 T1 id:a2']).map(([c, at]) => [c, at])).toEqual([
      ['control-character', '1:12'],
      ['control-character', '2:12'],
    ]);
  });

  it("a control character in the ledger's file name", () => {
    expect(findings(['2026-03-15 u1 T1 id:a1'], 'ledgers/2026/of\u001b[2Jfice.ledger')).toEqual([
      ['control-character', '1:1', { where: 'file', text: 'ledgers/2026/of\u001b[2Jfice.ledger', at: 16, code: 'U+001B', name: 'ESCAPE', kind: 'control' }],
    ]);
  });
});
