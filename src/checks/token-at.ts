/**
 * Where a check's finding about a ledger line points: the line and the token. Entries do not
 * carry columns, so the column is left for `withSources` to find in the line's text.
 */
import type { LedgerToken, Position } from '../core/diagnostic.js';
import type { LedgerLine } from '../core/entry.js';

export function tokenAt(l: Pick<LedgerLine, 'file' | 'line'>, token: LedgerToken): Position & { token: LedgerToken } {
  return { file: l.file, line: l.line, column: 0, length: 0, token };
}
