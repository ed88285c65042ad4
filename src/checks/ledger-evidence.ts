/**
 * Evidence named by a ledger line is a file of the repository, and its hash proves something:
 * an `evidence:` path that leaves the repository (absolute, or `..` past its root) is refused,
 * and a `sha256:` is 12 to 64 hex digits. Only what the text says is looked at here (checks
 * read no files): a symbolic link leading out is found by `record` and `audit`, which resolve
 * the path (read/files.ts `fileInside`).
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

const HASH = /^[0-9a-f]{12,64}$/;

/**
 * Whether `path`, relative to the repository's root, leaves it by what it says: absolute
 * (`/x`, `\x`, `C:x`), or a `..` that climbs above the root (`../x`, `a/../../x`). A name that
 * merely starts with two dots (`..notes/x.pdf`) stays inside.
 */
export function leavesRepository(path: string): boolean {
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path)) return true;
  let depth = 0;
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '..') {
      if (--depth < 0) return true;
    } else if (segment !== '' && segment !== '.') depth++;
  }
  return false;
}

export const ledgerEvidence: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.evidence !== undefined && leavesRepository(l.evidence)) out.push(diagnostic(tokenAt(l, 'evidence'), 'evidence-outside', { path: l.evidence }));
      if (l.sha256 !== undefined && !HASH.test(l.sha256)) out.push(diagnostic(tokenAt(l, 'sha256'), 'bad-evidence-hash', { text: l.sha256 }));
    }
  }
  return out;
};
