/**
 * Dates and periods of ledger lines: a checklist exists for the year, nothing is dated after
 * "today", and a `period:` tag is well formed, fits the item's cadence and is not later than
 * the work itself.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { formatPeriod, parsePeriod, periodKindOf, periodStart } from '../core/periods.js';
import { checklistYearOf } from '../core/entry.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

export const ledgerDates: Check = ({ ds, cat, asOf }) => {
  const out: Diagnostic[] = [];
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      // positions are looked up only for lines with something to report
      const dateAt = () => tokenAt(l, 'date');
      const periodAt = () => tokenAt(l, 'period');
      if (l.date > asOf) out.push(diagnostic(dateAt(), 'future-date', { date: l.date, asOf }));
      const period = l.period === undefined ? undefined : parsePeriod(l.period);
      if (l.period !== undefined && !period) {
        out.push(diagnostic(periodAt(), 'bad-period', { period: l.period, reason: 'format' }));
        continue;
      }
      // a void belongs to the year of the entry it cancels: last year's mistake is voided in January
      if (l.kind === 'void') continue;
      const year = checklistYearOf(l);
      const checklist = cat.checklists.get(year);
      if (!checklist) {
        out.push(diagnostic(period ? periodAt() : dateAt(), 'date-out-of-year', { year, years: [...cat.checklists.keys()].join(', ') }));
        continue;
      }
      if (!period) continue;
      const ref = checklist.items.get(l.item);
      if (!ref) continue;
      const kind = periodKindOf(ref.item.cadence);
      if (period.kind !== kind) {
        out.push(diagnostic(periodAt(), 'bad-period', { period: l.period!, reason: 'cadence', cadence: ref.item.cadence }));
      } else if (periodStart(period) > l.date) {
        out.push(diagnostic(periodAt(), 'bad-period', { period: formatPeriod(period), reason: 'later', date: l.date }));
      }
    }
  }
  return out;
};
