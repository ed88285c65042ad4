/** The SHA-256 of each evidence file the ledgers name, for audit to compare with what was recorded. */
import type { Dataset } from '../core/dataset.js';
import { hashOf } from './files.js';

export function evidenceHashes(root: string, ds: Dataset | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (!ds) return out;
  for (const l of ds.ledgers) {
    for (const line of l.lines) {
      if (line.kind === 'entry' && line.evidence !== undefined && !out.has(line.evidence)) out.set(line.evidence, hashOf(root, line.evidence));
    }
  }
  return out;
}
