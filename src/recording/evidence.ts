/**
 * The evidence file of a record (`--evidence FILE`), as the ledger line names it: a path inside
 * the data repository and the start of its SHA-256. A file inside is named where it is; a file
 * outside is first copied into `evidence/<year>/<unit or org>/` under its own name — never
 * referenced from outside, where neither git nor an auditor could follow it. A copy that a failed
 * record leaves behind is taken back by `undo`.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { QingdanError } from '../errors.js';
import { fileInside, readIfExists, sha256OfFile, unsafePart } from '../read/files.js';
import { copyNew, uncopy } from '../write/files.js';

export interface Evidence {
  /** Relative to the data repository, forward slashes. */
  rel: string;
  /** The first 12 hex digits of its SHA-256. */
  sha: string;
  /** Where it was copied from, when it was outside the repository. */
  copiedFrom?: string;
  /** Takes back the copy (nothing when nothing was copied). */
  undo: () => void;
}

export const EVIDENCE_FOLDER = 'evidence';

/** `path` as typed (relative to `base`), for an entry of `year` whose ledger is `folder`'s. */
export function placeEvidence(root: string, base: string, path: string, year: number, folder: string): Evidence {
  const inside = fileInside(root, base, path);
  if (inside.ok) return { rel: inside.rel, sha: sha256OfFile(inside.abs).slice(0, 12), undo: () => {} };
  if (inside.reason !== 'outside') throw new QingdanError('evidence', { path, reason: inside.reason });
  const from = isAbsolute(path) ? path : resolve(base, path);
  if (!statSync(from).isFile()) throw new QingdanError('evidence', { path, reason: 'not-a-file' });
  const rel = `${EVIDENCE_FOLDER}/${year}/${folder}/${basename(from)}`;
  const unsafe = unsafePart(root, rel);
  if (unsafe) throw new QingdanError('unsafe-path', { ...unsafe, file: rel });
  const sha = sha256OfFile(from);
  const to = resolve(root, rel);
  if (readIfExists(to) !== undefined) {
    // the same file recorded again (a second activity with one sign-in sheet): the copy is there
    if (sha256OfFile(to) === sha) return { rel, sha: sha.slice(0, 12), copiedFrom: from, undo: () => {} };
    throw new QingdanError('evidence-taken', { path, rel });
  }
  const made = copyNew(from, to);
  return { rel, sha: sha.slice(0, 12), copiedFrom: from, undo: () => uncopy(to, made) };
}
