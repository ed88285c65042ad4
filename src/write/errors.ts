/**
 * Why `init`, `list`, `record`, `void` or `audit` stopped. Like UsageError and ConfigError
 * (src/errors.ts) these are thrown up to the one catch in cli.ts, which prints the message
 * from the recording catalogue (src/i18n/record-*.ts) and exits with `exitCode` (2 unless said
 * otherwise). `details` is printed after the message as is (diagnostics, git's own words).
 */
import type { Params } from '../core/diagnostic.js';
import type { Lang } from '../i18n/index.js';

export type RecordErrorKey =
  | 'missing-args'
  | 'unknown-unit'
  | 'unknown-item'
  | 'unknown-person'
  | 'bad-quantity'
  | 'quantity-needed'
  | 'bad-note'
  | 'bad-period'
  | 'bad-date'
  | 'bad-year'
  | 'bad-list'
  | 'evidence'
  | 'invalid-entry'
  | 'cut-off'
  | 'uncommitted'
  | 'templates-changed'
  | 'no-identity'
  | 'no-git'
  | 'not-git'
  | 'git-failed'
  | 'git-unusable'
  | 'commit-failed'
  | 'locked'
  | 'init-exists'
  | 'init-not-dir'
  | 'no-embedded'
  | 'void-unknown'
  | 'void-twice'
  | 'void-void'
  | 'reason-needed'
  | 'bad-rev'
  | 'cancelled';

export class RecordError extends Error {
  /** Set by the command once it knows the repository's language. */
  lang?: Lang;
  constructor(
    readonly key: RecordErrorKey,
    readonly params: Params = {},
    readonly details?: string,
    readonly exitCode = 2,
  ) {
    super(key);
  }
}
