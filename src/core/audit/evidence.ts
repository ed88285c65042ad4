/**
 * Evidence files against the digests recorded with them: each current line that names a file and
 * its SHA-256 must still find the file with that hash. Only these lines are kept of the ledgers
 * while a history is audited, so that the audit of millions of lines never holds them all.
 */
import type { Ledger } from '../dataset.js';
import type { Commit, LastChange, Violation } from './history.js';

/** A current ledger line that names an evidence file and the digest recorded with it. */
export interface EvidenceLine {
  file: string;
  line: number;
  id?: string;
  evidence: string;
  sha256: string;
}

/** Where an entry with evidence was recorded, as the history walk found it. */
export interface RecordedEvidence {
  commit: Commit;
  evidence: string;
  sha256: string;
}

/** Fewer hex digits than this prove little: 1 in 16^n files matches by chance. */
export const MIN_SHA256_DIGITS = 12;
const DIGEST = new RegExp(`^[0-9a-f]{${MIN_SHA256_DIGITS},64}$`);

export function evidenceLinesOf(ledger: Ledger): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  for (const l of ledger.lines) {
    if (l.kind !== 'entry' || l.evidence === undefined || l.sha256 === undefined) continue;
    out.push({ file: ledger.file, line: l.line, ...(l.id !== undefined ? { id: l.id } : {}), evidence: l.evidence, sha256: l.sha256 });
  }
  return out;
}

export function evidenceViolations(
  lines: readonly EvidenceLine[],
  /** By id: where entries with evidence were recorded. */
  recorded: ReadonlyMap<string, readonly RecordedEvidence[]>,
  /** The SHA-256 (hex) of each evidence file, undefined when it is not there. */
  hashes: ReadonlyMap<string, string | undefined>,
  changeOf?: (path: string) => LastChange,
): Violation[] {
  const out: Violation[] = [];
  for (const line of lines) {
    const expected = line.sha256.toLowerCase();
    const candidates = line.id !== undefined ? (recorded.get(line.id) ?? []) : [];
    const s = candidates.find((x) => x.evidence === line.evidence && x.sha256 === line.sha256) ?? candidates[0];
    const who = s ? { commit: s.commit.sha, author: s.commit.author, email: s.commit.email, date: s.commit.authored, committed: s.commit.committed } : { commit: null };
    const where = { ...who, file: line.file, line: line.line, ...(line.id !== undefined ? { id: line.id } : {}), to: line.evidence, expected };
    // a digest too short (or not hex) matches too many files to prove anything
    if (!DIGEST.test(expected)) {
      out.push({ kind: 'evidence-unverifiable', ...where });
      continue;
    }
    const actual = hashes.get(line.evidence);
    if (actual !== undefined && actual.startsWith(expected)) continue;
    if (actual === undefined) {
      out.push({ kind: 'evidence-missing', ...where });
      continue;
    }
    const changed = changeOf?.(line.evidence);
    out.push({ kind: 'evidence-changed', ...where, actual: actual.slice(0, expected.length), ...(changed ? { changed } : {}) });
  }
  return out;
}
