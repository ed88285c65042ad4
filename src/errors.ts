/**
 * The few errors that stop a command. They are thrown only up to the one catch in cli.ts, which
 * prints them and maps them to exit code 2. Findings (problems in the data) are never thrown:
 * they are collected as diagnostics.
 */
import type { Params } from './core/diagnostic.js';

export type ErrorKey =
  | 'not-a-repository'
  | 'missing-org'
  | 'missing-checklist'
  | 'bad-settings'
  | 'bad-date-option'
  | 'bad-lang'
  | 'unreadable'
  | 'bad-templates'
  | 'no-checklist-for-year'
  | 'bad-option';

/** Wrong use of the command line. */
export class UsageError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly params: Params = {},
  ) {
    super(key);
  }
}

/** The data repository cannot be used at all (no templates, unreadable settings…). */
export class ConfigError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly params: Params = {},
  ) {
    super(key);
  }
}
