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

/**
 * The dataset as it stood at the end of `asOf`: lines dated after it (entries and voids alike)
 * have not happened yet, so they are neither counted nor checked. Reports and checks at a past
 * date (`--as-of`) see this view.
 */
export function asOfView(ds: Dataset, asOf: string): Dataset {
  let later = false;
  for (const l of ds.ledgers) for (const line of l.lines) if (line.date > asOf) later = true;
  if (!later) return ds;
  return { ...ds, ledgers: ds.ledgers.map((l) => ({ file: l.file, lines: l.lines.filter((line) => line.date <= asOf) })) };
}

/** One ledger as it stood at the end of `asOf` (see `asOfView`). */
export function ledgerAsOf(ledger: Ledger, asOf: string): Ledger {
  return ledger.lines.some((line) => line.date > asOf) ? { file: ledger.file, lines: ledger.lines.filter((line) => line.date <= asOf) } : ledger;
}
