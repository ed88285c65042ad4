/**
 * The engine for one checklist year as of a date: expand → match → status, and the scores from
 * them. Pure; every report and `due` start from its result.
 */
import type { Catalog } from './catalog.js';
import type { Dataset } from './dataset.js';
import { expand, type Obligation } from './expand.js';
import { match } from './match.js';
import { deduct, scoreItem, ruleOf, type ItemScore } from './score.js';
import { findingsOf, type Finding } from './findings.js';
import { ratedProgress, ratingsOf } from './ratings.js';
import { progressOf, type Progress } from './status.js';
import { weightOf } from './terms.js';
import { perPersonProgress, personsOf } from './per-person.js';

export interface Evaluation {
  year: number;
  asOf: string;
  obligations: Obligation[];
  /** Parallel to `obligations`. */
  progress: Progress[];
  /** Inspection findings of the year recorded by "as of" (core/findings.ts). */
  findings: Finding[];
}

export const DEFAULT_DUE_SOON_DAYS = 14;

export function evaluate(ds: Dataset, cat: Catalog, year: number, asOf: string): Evaluation {
  const checklist = cat.checklists.get(year);
  if (!checklist) return { year, asOf, obligations: [], progress: [], findings: [] };
  const org = ds.org.value;
  // an office that starts mid-year does not owe what ended, or fell due, before it started
  const start = ds.settings.start;
  const expanded = expand(checklist.source.value, org);
  const obligations = start === undefined ? expanded : expanded.filter((o) => o.end >= start && o.due >= start);
  const matched = match(obligations, ds, cat, year);
  const allMembers = org.units.reduce((n, u) => n + u.members, 0);
  const dueSoonDays = ds.settings.due_soon_days ?? DEFAULT_DUE_SOON_DAYS;
  // rating lines are read only when the checklist has an item scored by raters
  const rated = checklist.source.value.areas.some((a) => a.items.some((i) => i.rating !== undefined));
  const ratings = rated ? ratingsOf(ds, cat, year, asOf) : undefined;
  const progress = obligations.map((o, i) => {
    const opts = {
      asOf,
      dueSoonDays,
      expectedDefault: o.subject.kind === 'unit' ? o.subject.unit.members : allMembers,
      lateCredit: ruleOf(o.item.scoring, weightOf(o.item)).lateCredit,
    };
    // a per-person target: each person of the unit, scored once for the unit
    if (o.item.per_person !== undefined && o.subject.kind === 'unit') {
      return perPersonProgress(o, matched[i]!, personsOf(org, o.subject.unit, o.item.per_person), cat, opts);
    }
    const p = progressOf(o, matched[i]!, opts);
    if (o.item.rating !== undefined) return ratedProgress(o, p, ratings!, asOf);
    // a bonus item is never owed: done when something was recorded, else open, and never in a maximum
    if (o.item.bonus === undefined || p.status === 'exempt') return p;
    const { pace: _pace, ...rest } = p;
    return { ...rest, status: p.done > 0 ? 'met' : 'open', counted: false } satisfies Progress;
  });
  return { year, asOf, obligations, progress, findings: findingsOf(ds, cat, year, asOf) };
}

/**
 * The score of each item and subject: what the quarterly and annual reports add up (`due` and
 * `record` need none). An item that counts toward units (`counts_toward`) is there once more for
 * each unit, marked with `from`: a sum over every subject leaves those out.
 */
export function scoresOf(ev: Evaluation): ItemScore[] {
  const { obligations, progress } = ev;
  // obligations of one item and subject are adjacent (expand's order)
  const scores: ItemScore[] = [];
  let from = 0;
  for (let i = 1; i <= obligations.length; i++) {
    const a = obligations[from]!;
    const b = obligations[i];
    if (b && b.item === a.item && b.subjectKey === a.subjectKey) continue;
    const score = scoreItem(obligations.slice(from, i), progress.slice(from, i));
    // inspection findings against the item take their points off, down to the item's floor
    const off = ev.findings.reduce((s, f) => s + (f.item === a.item && f.subjectKey === a.subjectKey ? f.points : 0), 0);
    const own = off > 0 ? deduct(score, off) : score;
    scores.push(own);
    // the organisation's or a person's item that counts toward units: the same score in each
    for (const key of a.toward ?? []) scores.push({ ...own, subjectKey: key, from: a.subjectKey });
    from = i;
  }
  return scores;
}
