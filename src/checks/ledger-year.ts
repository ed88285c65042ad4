import type { LedgerLine } from '../core/entry.js';
import { parsePeriod } from '../core/periods.js';

/**
 * The checklist year an entry belongs to: its period's year when it names one (the December
 * report filed on 3 January), else the year of its date.
 */
export function checklistYearOf(l: LedgerLine): number {
  const p = l.period === undefined ? undefined : parsePeriod(l.period);
  return p ? p.year : Math.floor(l.day / 10000);
}
