/**
 * Where a token of a ledger line stands, for a diagnostic: the line is found again in the
 * ledger's content (an index of line starts is built once per ledger, only when a check has
 * something to report) and its tokens located by the parser.
 */
import type { Position } from '../core/diagnostic.js';
import type { Ledger } from '../core/dataset.js';
import type { LedgerLine } from '../core/entry.js';
import { spansOf, type Token } from '../parse/ledger.js';

const starts = new WeakMap<Ledger, number[]>();
const decoder = new TextDecoder('utf-8');

export function sourceLine(ledger: Ledger, line: number): string {
  const c = ledger.content;
  let index = starts.get(ledger);
  if (!index) {
    index = [0];
    if (typeof c === 'string') for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) index.push(i + 1);
    else for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) index.push(i + 1);
    starts.set(ledger, index);
  }
  const from = index[line - 1] ?? c.length;
  const to = (index[line] ?? c.length + 1) - 1;
  const text = typeof c === 'string' ? c.slice(from, to) : decoder.decode(c.subarray(from, to));
  return text.replace(/\r$/, '');
}

/** The position of `token` in line `l` of `ledger`. */
export function tokenAt(ledger: Ledger, l: LedgerLine, token: Token): Position {
  return tokenWithText(ledger, l, token).at;
}

/** The position of `token` in line `l` of `ledger`, and the token as written. */
export function tokenWithText(ledger: Ledger, l: LedgerLine, token: Token): { at: Position; text: string } {
  const source = sourceLine(ledger, l.line);
  const span = spansOf(source)[token] ?? { column: 1, length: 1 };
  return {
    at: { file: l.file, line: l.line, column: span.column, length: span.length },
    text: source.slice(span.column - 1, span.column - 1 + span.length),
  };
}
