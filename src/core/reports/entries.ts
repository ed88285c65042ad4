/**
 * The entries of the ledgers as a list a clerk can search: with their ids (what `void` takes) and
 * their place (`file:line`, what `void --line` takes for a line without an id), whether they were
 * voided, filtered by unit, item and month. Oldest first, as recorded.
 */
import { resolveSubject, type Catalog } from '../catalog.js';
import type { Dataset } from '../dataset.js';
import type { Quantity } from '../entry.js';
import { subjectId, subjectName } from '../expand.js';
import { voidedIds } from '../match.js';

export interface EntryRow {
  id?: string;
  date: string;
  subject: string;
  subjectName: string;
  item: string;
  quantity?: Quantity;
  exempt: boolean;
  note?: string;
  by?: string;
  period?: string;
  file: string;
  line: number;
  voided: boolean;
}

export interface EntrySelection {
  /** A unit, `org` or a person, by id or name. */
  subject?: string;
  /** An item id, whatever its case. */
  item?: string;
  /** `YYYY-MM`: entries dated in that month. */
  month?: string;
}

export function entryRows(ds: Dataset, cat: Catalog, sel: EntrySelection = {}): EntryRow[] {
  const voided = voidedIds(ds);
  const wanted = sel.subject === undefined ? undefined : resolveSubject(cat, sel.subject);
  const wantedId = wanted ? subjectId(wanted) : undefined;
  const item = sel.item?.toLowerCase();
  const rows: EntryRow[] = [];
  for (const l of ds.ledgers) {
    for (const e of l.lines) {
      if (e.kind !== 'entry') continue;
      if (sel.month !== undefined && !e.date.startsWith(`${sel.month}-`)) continue;
      if (item !== undefined && e.item.toLowerCase() !== item) continue;
      const s = resolveSubject(cat, e.subject);
      const id = s ? subjectId(s) : e.subject;
      if (wantedId !== undefined && id !== wantedId) continue;
      rows.push({
        ...(e.id !== undefined ? { id: e.id } : {}),
        date: e.date,
        subject: id,
        subjectName: s ? subjectName(s, ds.org.value.name) : e.subject,
        item: e.item,
        ...(e.quantity ? { quantity: e.quantity } : {}),
        exempt: e.exempt,
        ...(e.note !== undefined ? { note: e.note } : {}),
        ...(e.by !== undefined ? { by: e.by } : {}),
        ...(e.period !== undefined ? { period: e.period } : {}),
        file: l.file,
        line: e.line,
        voided: e.id !== undefined && voided.has(e.id),
      });
    }
  }
  return rows;
}
