/**
 * The inverse of parseLedger: the one place that writes ledger lines, used by `record` and
 * `void` and by the round-trip tests (print → parse gives back the same entry).
 */
import { printQuantity, type LedgerLine } from '../core/entry.js';

export { printQuantity };

export function quoteNote(note: string): string {
  return `"${note.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function printLine(l: LedgerLine): string {
  const parts: string[] = [l.date];
  if (l.kind === 'void') {
    parts.push('void', l.target);
    if (l.reason !== undefined) parts.push(quoteNote(l.reason));
  } else {
    parts.push(l.subject, l.item);
    if (l.extra?.points !== undefined) parts.push(`-${l.extra.points}`);
    else if (l.extra?.score !== undefined) parts.push(String(l.extra.score));
    else if (l.extra?.grade !== undefined) parts.push(l.extra.grade);
    else if (l.exempt) parts.push('exempt');
    else if (l.quantity) parts.push(printQuantity(l.quantity));
    if (l.note !== undefined) parts.push(quoteNote(l.note));
  }
  if (l.by !== undefined) parts.push(`by:${l.by}`);
  if (l.period !== undefined) parts.push(`period:${l.period}`);
  if (l.evidence !== undefined) parts.push(`evidence:${l.evidence}`);
  if (l.sha256 !== undefined) parts.push(`sha256:${l.sha256}`);
  if (l.kind === 'entry' && l.extra) {
    if (l.extra.inspector !== undefined) parts.push(`inspector:${l.extra.inspector}`);
    if (l.extra.rectifyBy !== undefined) parts.push(`rectify-by:${l.extra.rectifyBy}`);
    if (l.extra.rectifies !== undefined) parts.push(`rectifies:${l.extra.rectifies}`);
    if (l.extra.group !== undefined) parts.push(`group:${l.extra.group}`);
    if (l.extra.rater !== undefined) parts.push(`rater:${l.extra.rater}`);
    if (l.extra.ballot !== undefined) parts.push(`ballot:${l.extra.ballot}`);
  }
  if (l.id !== undefined) parts.push(`id:${l.id}`);
  return parts.join(' ');
}
