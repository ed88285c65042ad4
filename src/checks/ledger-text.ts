/**
 * Text that reaches a reader stays text (the rule of core/characters.ts): no control or
 * bidirectional character in a ledger's name, a note or any token (an escape sequence in a
 * hand-edited note would reach every terminal that prints the report), and no invisible
 * character in the tokens a clerk types by hand — subject, item, `id:`, `by:`, `evidence:` —
 * where `office\u200b` would pass for a unit that looks like `office` and is not.
 */
import { firstUnsafe, UNSAFE } from '../core/characters.js';
import type { Diagnostic, LedgerToken } from '../core/diagnostic.js';
import { characterFinding } from './character-finding.js';
import type { LedgerLine } from '../core/entry.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

export const ledgerText: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  // subjects, items and recorders repeat on every line: each distinct one is looked at once
  const clean = new Set<string>();
  const look = (l: LedgerLine, t: LedgerToken, where: string, text: string) => {
    const found = firstUnsafe(text);
    if (found) out.push(characterFinding(tokenAt(l, t), where, text, found));
    return found === undefined;
  };
  // the last clean subject, item and recorder: consecutive lines mostly repeat them
  let subject = '', item = '', by = '';
  const repeated = (l: LedgerLine, t: LedgerToken, where: string, text: string) => {
    if (clean.has(text)) return true;
    if (!look(l, t, where, text)) return false;
    clean.add(text);
    return true;
  };
  for (const ledger of ds.ledgers) {
    const name = firstUnsafe(ledger.file);
    if (name) out.push(characterFinding({ file: ledger.file, line: 1, column: 1, length: 1 }, 'file', ledger.file, name));
    for (const l of ledger.lines) {
      const note = l.kind === 'entry' ? l.note : l.reason;
      // the common case first: one test of each unique text, nothing more when it is clean
      if (note !== undefined && UNSAFE.test(note)) {
        const found = firstUnsafe(note, { invisible: true });
        if (found) out.push(characterFinding(tokenAt(l, 'note'), 'note', note, found));
      }
      if (l.kind === 'entry') {
        if (l.subject !== subject && repeated(l, 'target', 'subject', l.subject)) subject = l.subject;
        if (l.item !== item && repeated(l, 'item', 'item', l.item)) item = l.item;
      } else if (UNSAFE.test(l.target)) look(l, 'target', 'void', l.target);
      if (l.id !== undefined && UNSAFE.test(l.id)) look(l, 'id', 'id', l.id);
      if (l.by !== undefined && l.by !== by && repeated(l, 'by', 'by', l.by)) by = l.by;
      if (l.evidence !== undefined && UNSAFE.test(l.evidence)) look(l, 'evidence', 'evidence', l.evidence);
    }
  }
  return out;
};
