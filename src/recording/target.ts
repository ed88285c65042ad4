/** Where a recording goes: the data repository, the git repository it is in, and who commits. */
import type { Person } from '../core/model.js';
import { QingdanError } from '../errors.js';
import type { Io } from '../io.js';
import * as git from '../read/git.js';
import { identities, type WriteOptions } from './write-line.js';

/**
 * The options of `writeLine` for a repository at `root`: the git repository (required when
 * committing) and the commit's author and committer (`--by`'s person, else git's identity).
 */
export function writeTarget(root: string, asOf: string, io: Io, commit: boolean, person: Person | undefined): WriteOptions {
  const at = { cwd: root, env: io.env };
  const repo = git.gitRepoOf(at, commit);
  const base = { root, asOf, commit, env: io.env, self: io.self, ...(io.hooks ? { hooks: io.hooks } : {}) };
  if (!repo) return base;
  if (!commit) return { ...base, repo };
  const ids = identities(at, person);
  if (!ids) throw new QingdanError('no-identity');
  return { ...base, repo, ...ids };
}
