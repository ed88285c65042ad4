/**
 * The one error that stops a command: a message key, its parameters, and the exit code (2 unless
 * said otherwise). It is thrown only up to the one catch in cli.ts, which prints the message from
 * the catalogue of the user's language (src/i18n/errors-*.ts) and `details` after it as they are
 * (diagnostics, git's own words). Findings (problems in the data) are never thrown: they are
 * collected as diagnostics.
 */
import type { Diagnostic, Params } from './core/diagnostic.js';
import type { Lang } from './i18n/lang.js';

export type ErrorKey =
  | 'not-a-repository'
  | 'missing-org'
  | 'missing-checklist'
  | 'bad-settings'
  | 'path-outside'
  | 'bad-date-option'
  | 'bad-lang'
  | 'unreadable'
  | 'bad-templates'
  | 'no-checklist-for-year'
  | 'bad-option'
  | 'supervises-nothing'
  | 'out-extension'
  | 'xlsx-needs-out'
  | 'missing-args'
  | 'unknown-unit'
  | 'unknown-item'
  | 'unknown-person'
  | 'bad-quantity'
  | 'quantity-needed'
  | 'record-mark'
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
  | 'new-year-exists'
  | 'init-not-dir'
  | 'no-embedded'
  | 'void-unknown'
  | 'void-twice'
  | 'void-void'
  | 'reason-needed'
  | 'bad-rev'
  | 'cancelled'
  // writing never leaves a mess (docs/recording.md, "What never happens")
  | 'unsafe-path'
  | 'disk-full'
  | 'read-only'
  | 'no-permission'
  | 'add-failed'
  | 'index-locked'
  | 'undo-failed'
  | 'git-in-progress'
  | 'detached-head'
  | 'void-ambiguous'
  | 'void-line-no-ledger'
  | 'void-line-none'
  | 'void-line-blank'
  | 'void-line-has-id'
  | 'void-line-ambiguous'
  | 'void-what'
  | 'evidence-taken'
  | 'out-special'
  | 'out-inside-data'
  | 'locked-elsewhere'
  // roll-up (docs/rollup.md)
  | 'no-members'
  | 'bad-lock'
  | 'umbrella-no-checklist';

export class QingdanError extends Error {
  /** The language of the repository the command opened, when the error happened after that. */
  lang?: Lang;
  /** A ledger line that was refused, and its problems: shown under the message with carets. */
  refused?: { text: string; diagnostics: readonly Diagnostic[] };
  constructor(
    readonly key: ErrorKey,
    readonly params: Params = {},
    readonly details?: string,
    readonly exitCode = 2,
  ) {
    super(key);
  }
}

/** Runs `f`; an error it throws is told the language to be shown in (the repository's). */
export async function speaking<T>(lang: Lang, f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof QingdanError) e.lang ??= lang;
    throw e;
  }
}
