/**
 * Matching: each entry (less voided ones, and exact copies of an earlier line: the same id and
 * the same text) goes to the one obligation of its item, subject and period. The period is the
 * entry's `period:` tag when it names one; otherwise the period of its date, except that the days
 * between a period's end and its deadline belong to that period when the item's deadline runs past
 * the period's end: the March report filed on 2 April is the March report. (docs/scoring.md
 * explains the rule.)
 *
 * It runs once per entry, so it works by index: item and subject tokens are resolved once per
 * distinct token, and the period is computed from the date's characters.
 */
import { inScope, resolveSubject, type Catalog } from './catalog.js';
import { addDays } from './dates.js';
import type { Dataset } from './dataset.js';
import type { Entry } from './entry.js';
import { subjectKeyOf, type Obligation } from './expand.js';
import { FirstById } from './first-by-id.js';
import type { Item } from './model.js';
import { MONTHS_IN, parsePeriod, periodEnd, periodKindOf, periodsInYear, type Period } from './periods.js';

/** The last day that still counts for each period but the last, when the item has grace days. */
function graceEnds(item: Item, year: number): string[] {
  const grace = typeof item.deadline === 'object' ? item.deadline.days_after_period_end : 0;
  if (grace <= 0) return [];
  const kind = periodKindOf(item.cadence);
  return Array.from({ length: periodsInYear(kind) - 1 }, (_, i) => addDays(periodEnd({ kind, year, index: i + 1 }), grace));
}

/** 1-based index of the period of `item` in `year` that `e` counts for, or 0 for none. */
export function periodIndexForEntry(item: Item, e: Entry, year: number, ends: readonly string[] = graceEnds(item, year)): number {
  const kind = periodKindOf(item.cadence);
  if (e.period !== undefined) {
    const p = parsePeriod(e.period);
    return p && p.kind === kind && p.year === year ? p.index : 0;
  }
  const d = e.date;
  const y = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
  if (y !== year) return 0;
  const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const index = Math.floor((month - 1) / MONTHS_IN[kind]) + 1;
  return index > 1 && ends.length > 0 && d <= ends[index - 2]! ? index - 1 : index;
}

export function voidedIds(ds: Dataset): Set<string> {
  const out = new Set<string>();
  for (const l of ds.ledgers) for (const line of l.lines) if (line.kind === 'void') out.add(line.target);
  return out;
}

interface Slots {
  item: Item;
  ends: string[];
  /** Obligation index per period index − 1. */
  slots: number[];
}

/** Entries per obligation, in the obligations' order; entries are in ledger order. */
export function match(obligations: readonly Obligation[], ds: Dataset, cat: Catalog, year: number): Entry[][] {
  const out: Entry[][] = obligations.map(() => []);
  const checklist = cat.checklists.get(year);
  if (!checklist) return out;
  const pairs = new Map<string, Slots>();
  obligations.forEach((o, i) => {
    const key = `${o.item.id}\u0000${o.subjectKey}`;
    let s = pairs.get(key);
    if (!s) pairs.set(key, (s = { item: o.item, ends: graceEnds(o.item, year), slots: [] }));
    s.slots[o.period.index - 1] = i;
  });
  // token → slots, resolved once per distinct (item token, subject token)
  const byTokens = new Map<string, Map<string, Slots | null>>();
  const lookup = (itemToken: string, subjectToken: string): Slots | null => {
    let inner = byTokens.get(itemToken);
    if (!inner) byTokens.set(itemToken, (inner = new Map()));
    let s = inner.get(subjectToken);
    if (s !== undefined) return s;
    const ref = checklist.items.get(itemToken);
    const subject = resolveSubject(cat, subjectToken);
    // a person's line on a unit's per-person item counts for the person's unit
    const key = ref?.item.per_person !== undefined && subject?.kind === 'person' && inScope(ref.item, subject) ? `unit:${subject.person.unit}` : subject && subjectKeyOf(subject);
    s = (ref && key && pairs.get(`${ref.item.id}\u0000${key}`)) || null;
    inner.set(subjectToken, s);
    return s;
  };
  const voided = voidedIds(ds);
  const firstWithId = new FirstById(ds.ledgers.reduce((n, l) => n + l.lines.length, 0));
  for (const ledger of ds.ledgers) {
    for (const e of ledger.lines) {
      // inspection findings and rectifications are not completions (core/findings.ts)
      if (e.kind !== 'entry' || e.extra !== undefined || (e.id !== undefined && voided.has(e.id))) continue;
      // an exact copy of an earlier line (appended again, or by a merge) is the same work: counted once
      if (e.id !== undefined) {
        const first = firstWithId.add(e as Entry & { id: string });
        if (first?.kind === 'entry' && sameEntry(first, e)) continue;
      }
      const s = lookup(e.item, e.subject);
      if (!s) continue;
      const index = periodIndexForEntry(s.item, e, year, s.ends);
      const i = index > 0 ? s.slots[index - 1] : undefined;
      if (i !== undefined) out[i]!.push(e);
    }
  }
  return out;
}

/** Whether `b` says exactly what `a` says (where each was written aside): a copy of the same line. */
export function sameEntry(a: Entry, b: Entry): boolean {
  const p = a.quantity;
  const q = b.quantity;
  return (
    a.id === b.id &&
    a.date === b.date &&
    a.subject === b.subject &&
    a.item === b.item &&
    a.exempt === b.exempt &&
    a.note === b.note &&
    a.by === b.by &&
    a.evidence === b.evidence &&
    a.sha256 === b.sha256 &&
    a.period === b.period &&
    (p === q || (p !== undefined && q !== undefined && p.value === q.value && p.unit === q.unit && p.expected === q.expected))
  );
}

/** The period of `item` an entry counts for (the tag's, or the date's with the grace rule). */
export function periodForEntry(item: Item, e: Entry): Period | undefined {
  const year = e.period !== undefined ? parsePeriod(e.period)?.year : +e.date.slice(0, 4);
  if (year === undefined) return undefined;
  const index = periodIndexForEntry(item, e, year);
  return index > 0 ? { kind: periodKindOf(item.cadence), year, index } : undefined;
}
