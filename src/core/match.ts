/**
 * Matching: each entry (less voided ones) goes to the one obligation of its item, subject and
 * period. The period is the entry's `period:` tag when it names one; otherwise the period of its
 * date, except that the days between a period's end and its deadline belong to that period when
 * the item's deadline runs past the period's end: the March report filed on 2 April is the
 * March report. (docs/scoring.md explains the rule.)
 */
import { resolveSubject, type Catalog, type Subject } from './catalog.js';
import { addDays } from './dates.js';
import type { Dataset } from './dataset.js';
import type { Entry } from './entry.js';
import { subjectKeyOf, type Obligation } from './expand.js';
import type { Item } from './model.js';
import { formatPeriod, parsePeriod, periodEnd, periodKindOf, periodOfDate, type Period } from './periods.js';

export function periodForEntry(item: Item, e: Entry): Period | undefined {
  const kind = periodKindOf(item.cadence);
  if (e.period !== undefined) {
    const p = parsePeriod(e.period);
    return p && p.kind === kind ? p : undefined;
  }
  const p = periodOfDate(kind, e.date);
  const grace = typeof item.deadline === 'object' ? item.deadline.days_after_period_end : 0;
  if (grace > 0 && p.index > 1) {
    const previous = { ...p, index: p.index - 1 };
    if (e.date <= addDays(periodEnd(previous), grace)) return previous;
  }
  return p;
}

export function voidedIds(ds: Dataset): Set<string> {
  const out = new Set<string>();
  for (const l of ds.ledgers) for (const line of l.lines) if (line.kind === 'void') out.add(line.target);
  return out;
}

const keyOf = (item: string, subjectKey: string, periodKey: string) => `${item}\u0000${subjectKey}\u0000${periodKey}`;

/** Entries per obligation, in the obligations' order; entries are in ledger order. */
export function match(obligations: readonly Obligation[], ds: Dataset, cat: Catalog, year: number): Entry[][] {
  const index = new Map<string, number>();
  obligations.forEach((o, i) => index.set(keyOf(o.item.id, o.subjectKey, o.periodKey), i));
  const out: Entry[][] = obligations.map(() => []);
  const checklist = cat.checklists.get(year);
  if (!checklist) return out;
  const voided = voidedIds(ds);
  const subjects = new Map<string, Subject | undefined>();
  for (const ledger of ds.ledgers) {
    for (const e of ledger.lines) {
      if (e.kind !== 'entry' || (e.id !== undefined && voided.has(e.id))) continue;
      const ref = checklist.items.get(e.item);
      if (!ref) continue;
      let subject = subjects.get(e.subject);
      if (!subjects.has(e.subject)) subjects.set(e.subject, (subject = resolveSubject(cat, e.subject)));
      if (!subject) continue;
      const period = periodForEntry(ref.item, e);
      if (!period || period.year !== year) continue;
      const i = index.get(keyOf(ref.item.id, subjectKeyOf(subject), formatPeriod(period)));
      if (i !== undefined) out[i]!.push(e);
    }
  }
  return out;
}
