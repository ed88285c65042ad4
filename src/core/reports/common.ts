/** Pieces shared by the report values: provenance, trend, the subjects a report covers. */
import type { Dataset } from '../dataset.js';
import type { Evaluation } from '../evaluate.js';
import type { Obligation } from '../expand.js';
import type { Unit } from '../model.js';
import { round, type Progress } from '../status.js';

/** Where the numbers come from, so that a printed report can be traced to the data. */
export interface Provenance {
  asOf: string;
  /** The commit of the data repository, when it is a git repository. */
  commit?: string;
  /** Whether ledgers had changes not yet committed. */
  dirty?: boolean;
  /** SHA-256 of the ledger content used (file names and bytes, in path order). */
  ledgerChecksum: string;
  entries: number;
  /** The settings' `start:`: obligations of periods that ended before it are not tracked. */
  trackedFrom?: string;
  generator: string;
}

export interface TrendPoint {
  month: string;
  /** Obligations due in the month (exempt ones left out). */
  due: number;
  /** Of those, met on time or late by "as of". */
  met: number;
  /** met ÷ due × 100. */
  rate: number;
}

/**
 * Share of the obligations due each month that were done, from January to the month of "as of"
 * (or to `lastMonth`, the month a monthly report is about).
 */
export function trendOf(ev: Evaluation, keys?: ReadonlySet<string>, lastMonth?: number): TrendPoint[] {
  const sameYear = ev.asOf.slice(0, 4) === String(ev.year);
  const months = Math.min(sameYear ? +ev.asOf.slice(5, 7) : 12, lastMonth ?? 12);
  const out: TrendPoint[] = [];
  for (let m = 1; m <= months; m++) {
    const month = `${ev.year}-${String(m).padStart(2, '0')}`;
    let due = 0;
    let met = 0;
    ev.obligations.forEach((o, i) => {
      if (o.due.slice(0, 7) !== month || (keys && !keys.has(o.subjectKey)) || o.item.bonus !== undefined) return;
      const p = ev.progress[i]!;
      if (p.status === 'exempt' || o.due > ev.asOf) return;
      due++;
      if (p.status === 'met' || p.status === 'met-late') met++;
    });
    out.push({ month, due, met, rate: due > 0 ? round((met / due) * 100, 1) : 0 });
  }
  return out;
}

export interface Selection {
  unit?: string;
  supervisor?: string;
}

/** The units a report covers: all, one (`--unit`, id or name), or a supervisor's. */
export function selectUnits(ds: Dataset, sel: Selection): Unit[] {
  const org = ds.org.value;
  let units = org.units;
  if (sel.unit !== undefined) units = units.filter((u) => u.id === sel.unit || u.name === sel.unit);
  if (sel.supervisor !== undefined) {
    const p = org.people.find((x) => x.id === sel.supervisor || x.name === sel.supervisor);
    units = units.filter((u) => u.supervisor === p?.id);
  }
  return units;
}

/** Indexes of the obligations of one subject, in expansion order. */
export function obligationsOf(ev: Evaluation, subjectKey: string): number[] {
  const out: number[] = [];
  ev.obligations.forEach((o, i) => {
    if (o.subjectKey === subjectKey) out.push(i);
  });
  return out;
}

/** The persons of a per-person obligation who did not reach their target (exempt ones left out). */
export function shortOf(p: Progress): { short: { id: string; name: string; done: number; goal: number }[] } | Record<string, never> {
  const short = (p.persons ?? []).filter((x) => x.status !== 'met' && x.status !== 'met-late' && x.status !== 'exempt').map(({ id, name, done, goal }) => ({ id, name, done, goal }));
  return short.length > 0 ? { short } : {};
}

export const isMissed = (p: Progress) => p.status === 'overdue' || p.status === 'partial';
export const isDone = (p: Progress) => p.status === 'met' || p.status === 'met-late';
export const isCumulative = (o: Obligation) => o.target.sum !== undefined || (o.target.count ?? 1) > 1;
