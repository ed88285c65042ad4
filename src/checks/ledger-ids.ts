/**
 * Entry ids are unique across all ledgers; a void names an existing entry. A second void of the
 * same entry is only a warning: two clerks on two clones who void one entry leave two void lines
 * after their union merge, which cancel the entry just as one does — nothing to repair.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { LedgerLine } from '../core/entry.js';
import { FirstById } from '../core/first-by-id.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

export const ledgerIds: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  const seen = new FirstById(ds.ledgers.reduce((n, l) => n + l.lines.length, 0));
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.id === undefined) continue;
      const first = seen.add(l as LedgerLine & { id: string });
      if (first) {
        out.push(
          diagnostic(tokenAt(l, 'id'), 'duplicate-id', {
            id: l.id,
            first: `${first.file}:${first.line}`,
          }),
        );
      }
    }
  }
  const voided = new Map<string, string>();
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.kind !== 'void') continue;
      const at = tokenAt(l, 'target');
      const target = seen.get(l.target);
      if (target?.kind !== 'entry') {
        out.push(diagnostic(at, 'void-unknown', { id: l.target }));
        continue;
      }
      const earlier = voided.get(l.target);
      if (earlier) out.push(diagnostic(at, 'void-twice', { id: l.target, first: earlier }, 'warning'));
      else voided.set(l.target, `${l.file}:${l.line}`);
    }
  }
  return out;
};
