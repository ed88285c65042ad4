/**
 * Evaluation by raters (述职评议, 民主测评): an item with `rating` in the template is scored from
 * rating lines, not completions:
 *   2026-12-20 office T5.7 90 group:leaders rater:liminghua id:…      (a named rater's score)
 *   2026-12-20 office T5.7 较好 group:members ballot:12 id:…           (an anonymous ballot's grade)
 * A rater (or ballot) counts once per unit, item and period: its first line. Each group's average
 * score (grades by the template's table, default 好 100, 较好 80, 一般 60, 差 40) is weighted by the
 * group's weight; once every group has its minimum of raters the obligation is met and its credit
 * is the weighted average ÷ 100 — the item's rule (proportional by default) turns it into points.
 * Pure.
 */
import { resolveSubject, type Catalog } from './catalog.js';
import type { Dataset } from './dataset.js';
import { checklistYearOf, type Entry } from './entry.js';
import { subjectKeyOf, type Obligation } from './expand.js';
import { periodForEntry, voidedIds } from './match.js';
import type { Rating } from './model.js';
import { formatPeriod } from './periods.js';
import { round, type Progress } from './status.js';

export const DEFAULT_GRADES: Record<string, number> = { 好: 100, 较好: 80, 一般: 60, 差: 40 };

export interface GroupResult {
  id: string;
  raters: number;
  min: number;
  /** Average score 0–100 of its raters, when it has any. */
  average?: number;
}

const keyOf = (item: string, subjectKey: string, period: string) => `${item}\u0000${subjectKey}\u0000${period}`;

/** Rating lines of the year recorded by "as of", by item, subject and period, in ledger order. */
export function ratingsOf(ds: Dataset, cat: Catalog, year: number, asOf: string): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  const checklist = cat.checklists.get(year);
  if (!checklist) return out;
  const voided = voidedIds(ds);
  for (const l of ds.ledgers) {
    for (const e of l.lines) {
      if (e.kind !== 'entry' || e.extra?.group === undefined || e.date > asOf || (e.id !== undefined && voided.has(e.id))) continue;
      if (checklistYearOf(e) !== year) continue;
      const ref = checklist.items.get(e.item);
      const subject = resolveSubject(cat, e.subject);
      if (!ref?.item.rating || !subject) continue;
      const period = periodForEntry(ref.item, e);
      if (!period) continue;
      const key = keyOf(ref.item.id, subjectKeyOf(subject), formatPeriod(period));
      const list = out.get(key);
      if (list) list.push(e);
      else out.set(key, [e]);
    }
  }
  return out;
}

/** The groups' results from one obligation's rating lines: each rater or ballot once, its first line. */
export function groupResults(rating: Rating, lines: readonly Entry[]): GroupResult[] {
  const grades: Record<string, number> = rating.grades ?? DEFAULT_GRADES;
  return rating.groups.map((g) => {
    const seen = new Set<string>();
    const scores: number[] = [];
    for (const e of lines) {
      const x = e.extra!;
      if (x.group !== g.id) continue;
      const who = g.anonymous ? x.ballot : x.rater;
      if (who === undefined || seen.has(who)) continue;
      const score = x.grade !== undefined ? grades[x.grade] : x.score;
      if (score === undefined || score < 0 || score > 100) continue;
      seen.add(who);
      scores.push(score);
    }
    const min = g.min ?? 1;
    return { id: g.id, raters: scores.length, min, ...(scores.length > 0 ? { average: round(scores.reduce((a, b) => a + b, 0) / scores.length, 2) } : {}) };
  });
}

/** The progress of an obligation scored by raters, from the progress its entries gave (dates, status before due). */
export function ratedProgress(o: Obligation, base: Progress, ratings: Map<string, Entry[]>, asOf: string): Progress {
  const rating = o.item.rating!;
  if (base.status === 'exempt') return base;
  const lines = ratings.get(keyOf(o.item.id, o.subjectKey, o.periodKey)) ?? [];
  const groups = groupResults(rating, lines);
  const enough = groups.every((g) => g.raters >= g.min);
  const weights = rating.groups.reduce((s, g) => s + g.weight, 0);
  const credit = enough ? groups.reduce((s, g, i) => s + rating.groups[i]!.weight * (g.average ?? 0), 0) / weights / 100 : 0;
  const done = groups.reduce((s, g) => s + g.raters, 0);
  const goal = groups.reduce((s, g) => s + g.min, 0);
  const pastDue = asOf > o.due;
  const late = lines.some((e) => e.date > o.due);
  const status: Progress['status'] = enough ? (late ? 'met-late' : 'met') : pastDue ? (done > 0 ? 'partial' : 'overdue') : base.status === 'met' || base.status === 'met-late' ? 'open' : base.status;
  const { pace: _pace, completedOn: _c, ...rest } = base;
  return { ...rest, status, done, goal, credit: round(credit, 6), counted: enough || pastDue, ratings: groups };
}
