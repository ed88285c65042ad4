/**
 * An answer to one of `record`'s questions, checked when it is given with the checks of `qingdan
 * check` — on the entry as the answers so far make it, looking only at the token just answered —
 * so that a wrong measure or a date in the future is said at once, not after the last question.
 */
import type { Catalog } from '../core/catalog.js';
import { dayOf } from '../core/dates.js';
import type { Dataset } from '../core/dataset.js';
import type { Diagnostic, LedgerToken } from '../core/diagnostic.js';
import { PER_LINE_CHECKS, runChecks } from '../checks/index.js';
import { entryOf, type EntryInput } from './record-entry.js';

/** The first error the line checks find in `token` of the entry `input` makes, if any. */
export function problemWith(base: Dataset, cat: Catalog, asOf: string, input: EntryInput, token: LedgerToken): Diagnostic | undefined {
  const line = { ...entryOf(input), file: '', line: 1, day: dayOf(input.date) };
  const found = runChecks({ ds: { ...base, ledgers: [{ file: '', lines: [line] }] }, cat, asOf }, PER_LINE_CHECKS);
  return found.find((d) => d.severity === 'error' && d.token === token);
}
