/**
 * Everything read from a data repository, parsed: the input of checks and of the engine.
 * Template values keep a `locate` function so that checks after the schema can still point at
 * the key or value they complain about.
 */
import type { Position } from './diagnostic.js';
import type { LedgerLine } from './entry.js';
import type { Checklist, Organisation, Settings } from './model.js';

export type Locate = (path: readonly PropertyKey[], at?: 'key' | 'value') => Position;

export interface Source<T> {
  file: string;
  value: T;
  locate: Locate;
}

export interface Ledger {
  file: string;
  lines: LedgerLine[];
}

export interface Dataset {
  settings: Settings;
  org: Source<Organisation>;
  checklists: Source<Checklist>[];
  ledgers: Ledger[];
}
