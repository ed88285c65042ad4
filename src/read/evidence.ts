/** The SHA-256 of each evidence file the ledgers name, for audit to compare with what was recorded; who changed one last. */
import type { LastChange } from '../core/audit/history.js';
import type { EvidenceLine } from '../core/audit/evidence.js';
import { hashOf } from './files.js';
import * as git from './git.js';

export function evidenceHashes(root: string, lines: readonly EvidenceLine[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const l of lines) if (!out.has(l.evidence)) out.set(l.evidence, hashOf(root, l.evidence));
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
