/** The obligation a ledger line counts for, and its status as of a day: what `record` and `void` show after writing. */
import { isRateItem, measureOfItem, resolveSubject, type Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import type { Entry } from '../core/entry.js';
import { evaluate } from '../core/evaluate.js';
import { subjectId, subjectKeyOf, subjectName } from '../core/expand.js';
import { periodForEntry } from '../core/match.js';
import { formatPeriod, type Period } from '../core/periods.js';
import type { Status } from '../core/status.js';
import { checklistYearOf } from '../core/entry.js';
import type { Written } from './write-line.js';

export interface ObligationStatus {
  item: string;
  title: string;
  subject: string;
  subjectName: string;
  period: Period;
  due: string;
  status: Status;
  done: number;
  goal: number;
  /** Progress as shown: `80%` for a rate, `2/4 次` for a count or sum, '' for a single occurrence. */
  amount: string;
}

/**
 * The status after a write, from the lines of the ledger written to that can count for `line`'s
 * item: those naming it (by the token written, its id or its title) and the voids.
 */
export function statusAfterWrite(w: Written, line: Entry, asOf: string): ObligationStatus | undefined {
  const ref = w.cat.checklists.get(checklistYearOf(line))?.items.get(line.item);
  return statusAfter(w.linesOf(ref ? [line.item, ref.item.id, ref.item.title] : [line.item]), w.cat, line, asOf);
}

export function statusAfter(ds: Dataset, cat: Catalog, line: Entry, asOf: string): ObligationStatus | undefined {
  const year = checklistYearOf(line);
  const ref = cat.checklists.get(year)?.items.get(line.item);
  const subject = resolveSubject(cat, line.subject);
  if (!ref || !subject) return undefined;
  const period = periodForEntry(ref.item, line);
  if (!period) return undefined;
  const ev = evaluate(ds, cat, year, asOf);
  const key = subjectKeyOf(subject);
  const periodKey = formatPeriod(period);
  const i = ev.obligations.findIndex((o) => o.item.id === ref.item.id && o.subjectKey === key && o.periodKey === periodKey);
  if (i === -1) return undefined;
  const o = ev.obligations[i]!;
  const pr = ev.progress[i]!;
  const measure = measureOfItem(ref.item) ?? '';
  const amount =
    pr.status === 'exempt'
      ? ''
      : isRateItem(ref.item) && pr.rate !== undefined
        ? `${Math.round(pr.rate * 100)}%`
        : pr.goal > 1 || measure
          ? `${pr.done}/${pr.goal}${measure ? ` ${measure}` : ''}`
          : '';
  return {
    item: ref.item.id,
    title: ref.item.title,
    subject: subjectId(subject),
    subjectName: subjectName(subject, ds.org.value.name),
    period,
    due: o.due,
    status: pr.status,
    done: pr.done,
    goal: pr.goal,
    amount,
  };
}
