/** The SHA-256 of each evidence file the ledgers name, for audit to compare with what was recorded; who changed one last. */
import type { LastChange } from '../core/audit/history.js';
import type { Dataset } from '../core/dataset.js';
import { hashOf } from './files.js';
import * as git from './git.js';

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

/**
 * Who last changed the evidence file `path` (relative to the data repository at `at.cwd`): the
 * last commit that changed it, or `commit: null` when it has changes not committed, is not
 * committed at all, or git cannot say.
 */
export function lastChangeOf(at: git.At, path: string): LastChange {
  const r = git.git(['status', '--porcelain', '--untracked-files=all', '--ignored', '--', path], at);
  if (!r.ok || r.stdout.trim() !== '') return { commit: null };
  const c = git.lastCommitOf(at, path);
  return c ? { commit: c.sha, author: c.author, email: c.email, date: c.authored, committed: c.committed } : { commit: null };
}
