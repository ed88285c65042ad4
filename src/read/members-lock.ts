/**
 * `members.lock`, committed at the top of an umbrella repository: where it is, and its text
 * (parse/members-lock.ts holds its format).
 */
import { join } from 'node:path';
import { readIfExists } from './files.js';

export const LOCK_FILE = 'members.lock';

/** The lock's text in the repository at `root`, undefined when there is none. */
export function readLockText(root: string): string | undefined {
  return readIfExists(join(root, LOCK_FILE))?.toString('utf8');
}
