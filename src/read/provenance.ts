/**
 * The git facts a report states about its data: the commit, and whether ledgers had uncommitted
 * changes. Git is spawned without a shell, with an argument array; outside git, nothing.
 */
import { execFileSync } from 'node:child_process';

export interface GitState {
  commit?: string;
  dirty?: boolean;
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function gitState(root: string, ledgersDir: string): GitState {
  const commit = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (!commit) return {};
  const status = git(root, ['status', '--porcelain', '--untracked-files=all', '--', ledgersDir]);
  return { commit, dirty: status !== undefined && status !== '' };
}
