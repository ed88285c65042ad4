/**
 * A git command that failed, as the recording commands report it. Apart from errors.ts so that
 * cli.ts, which needs RecordError at start-up, does not load the git code with it.
 */
import type { Lang } from '../i18n/index.js';
import { GitError } from '../read/git.js';
import { RecordError } from './errors.js';

/**
 * What a recording command lets through to cli.ts's catch: a git command that failed (GitError)
 * becomes RecordError('git-failed') with git's own words as details — not an "internal error" —
 * and a RecordError learns the repository's language.
 */
export function asRecordError(e: unknown, lang: Lang): unknown {
  if (e instanceof GitError) {
    const r = new RecordError('git-failed', { command: `git ${e.args.find((a) => !a.startsWith('-')) ?? ''}`.trim() }, e.result.stderr.trim() || `exit ${e.result.code}`);
    r.lang = lang;
    return r;
  }
  if (e instanceof RecordError) e.lang ??= lang;
  return e;
}
