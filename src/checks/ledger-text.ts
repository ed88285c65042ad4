/**
 * Text that reaches a reader stays text: notes and reasons hold no control characters (an escape
 * sequence in a hand-edited note would reach every terminal that prints the report), and an
 * evidence hash is long enough to prove something.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

// C0 controls but tab, DEL, C1 controls
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const HASH = /^[0-9a-f]{12,64}$/;

export const ledgerText: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      const text = l.kind === 'entry' ? l.note : l.reason;
      if (text !== undefined && CONTROL.test(text)) {
        const c = text.match(CONTROL)![0].charCodeAt(0);
        out.push(diagnostic(tokenAt(l, 'note'), 'control-character', { code: `U+${c.toString(16).toUpperCase().padStart(4, '0')}` }));
      }
      if (l.sha256 !== undefined && !HASH.test(l.sha256)) out.push(diagnostic(tokenAt(l, 'sha256'), 'bad-evidence-hash', { text: l.sha256 }));
    }
  }
  return out;
};
