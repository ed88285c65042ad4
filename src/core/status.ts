/**
 * The state of one obligation as of a date: how much is done (on time and in all), its status,
 * its credit for scoring and, for cumulative targets, its pacing. Only entries dated on or before
 * "as of" count, so a report as of any past date is what it would have said on that day.
 */
import { dayOf, daysBetween } from './dates.js';
import type { Entry } from './entry.js';
import type { Obligation } from './expand.js';
import type { PersonResult } from './per-person.js';

export const STATUSES = ['met', 'met-late', 'partial', 'overdue', 'due-soon', 'open', 'exempt'] as const;
export type Status = (typeof STATUSES)[number];

export interface Pace {
  /** What should be done by now at an even pace, to the nearest whole number. */
  expected: number;
  done: number;
  behind: boolean;
}

export interface Progress {
  status: Status;
  /** The main quantity done by "as of": the sum for sum targets, else the count. */
  done: number;
  /** The main quantity the target asks for. */
  goal: number;
  /** Average attendance (present ÷ expected) of the entries, for rate targets. */
  rate?: number;
  /** 0–1: share of the target reached, late work weighted by the item's late credit. */
  credit: number;
  /** Whether the obligation counts in year-to-date scores: exempt ones never do; others once due or done. */
  counted: boolean;
  /** The date of the entry that completed the target. */
  completedOn?: string;
  exemptReason?: string;
  pace?: Pace;
  entries: Entry[];
  /** For an item scored by raters: each group's raters and average (core/ratings.ts). */
  ratings?: { id: string; raters: number; min: number; average?: number }[];
  /** For a unit's item with per-person targets: each person's part (core/per-person.ts). */
  persons?: PersonResult[];
}

export interface StatusOptions {
  asOf: string;
  dueSoonDays: number;
  /** Expected attendance when an entry gives only the number present. */
  expectedDefault: number;
  lateCredit: number;
}

const EPS = 1e-9;

/** What a list of entries adds up to, for every kind of target at once. */
interface Totals {
  sum: number;
  count: number;
  /** Σ present ÷ expected, and the number of entries it is over. */
  attendance: number;
  n: number;
}

const zero = (): Totals => ({ sum: 0, count: 0, attendance: 0, n: 0 });

function add(t: Totals, e: Entry, rateTarget: boolean, expectedDefault: number): void {
  const q = e.quantity;
  const expected = q?.expected ?? expectedDefault;
  t.sum += q?.value ?? 0;
  // for attendance items each entry is one occurrence; elsewhere `2次` counts twice
  t.count += rateTarget ? 1 : (q?.value ?? 1);
  t.attendance += expected > 0 ? Math.min(1, (q?.value ?? expected) / expected) : 1;
  t.n++;
}

/** Share of the target reached, 0–1; with several criteria the weakest decides. */
function ratio(t: Totals, o: Obligation): number {
  const target = o.target;
  let r = Infinity;
  if (target.sum !== undefined) r = Math.min(r, t.sum / target.sum);
  if (target.count !== undefined) r = Math.min(r, t.count / target.count);
  if (target.rate !== undefined) r = Math.min(r, t.n === 0 ? 0 : t.attendance / t.n / target.rate);
  return r === Infinity ? 0 : Math.min(1, r);
}

export function progressOf(o: Obligation, matched: readonly Entry[], opts: StatusOptions): Progress {
  const { asOf } = opts;
  const asOfDay = dayOf(asOf);
  const dueDay = dayOf(o.due);
  const t = o.target;
  const rateTarget = t.rate !== undefined;
  // one pass: what counts by "as of", what was on time, and any waiver
  const entries: Entry[] = [];
  const all = zero();
  const onTime = zero();
  let exempt: Entry | undefined;
  // the day the target was reached, read off the same pass while the entries come in date order
  let reachedOn: string | undefined;
  let ordered = true;
  let lastDay = 0;
  for (const e of matched) {
    if (e.day > asOfDay) continue;
    entries.push(e);
    if (e.exempt) {
      exempt ??= e;
      continue;
    }
    if (e.day < lastDay) ordered = false;
    lastDay = e.day;
    add(all, e, rateTarget, opts.expectedDefault);
    if (e.day <= dueDay) add(onTime, e, rateTarget, opts.expectedDefault);
    if (reachedOn === undefined && ratio(all, o) >= 1 - EPS) reachedOn = e.date;
  }
  // an attendance-only target is followed as a percentage: 95.7 of 95
  const rateOnly = rateTarget && t.sum === undefined && t.count === undefined;
  const rate = all.n > 0 ? all.attendance / all.n : 0;
  const main = rateOnly ? rate * 100 : t.sum !== undefined ? all.sum : all.count;
  const goal = rateOnly ? round(t.rate! * 100, 1) : (t.sum ?? t.count ?? 1);
  const base = {
    done: round(main, rateOnly ? 1 : 2),
    goal,
    entries,
    ...(rateTarget && all.n > 0 ? { rate: round(rate, 4) } : {}),
  };
  if (exempt) {
    return { ...base, status: 'exempt', credit: 0, counted: false, ...(exempt.note ? { exemptReason: exempt.note } : {}) };
  }
  const rOnTime = ratio(onTime, o);
  const rAll = ratio(all, o);
  // later work never lowers what was reached on time (a late, thinly attended lesson)
  const credit = rOnTime + opts.lateCredit * Math.max(0, rAll - rOnTime);
  const overdue = asOfDay > dueDay;
  let status: Status;
  if (rOnTime >= 1 - EPS) status = 'met';
  else if (rAll >= 1 - EPS) status = 'met-late';
  else if (overdue) status = rAll > 0 ? 'partial' : 'overdue';
  else status = daysBetween(asOf, o.due) <= opts.dueSoonDays ? 'due-soon' : 'open';
  const done = status === 'met' || status === 'met-late';
  const out: Progress = { ...base, status, credit: round(credit, 6), counted: overdue || done };
  if (done) out.completedOn = ordered ? reachedOn : completionDate(entries.filter((e) => !e.exempt), o, opts.expectedDefault);
  const cumulative = t.sum !== undefined || (t.count ?? 1) > 1;
  if (cumulative && !done && o.start <= asOf && asOf <= o.end) {
    const elapsed = (daysBetween(o.start, asOf) + 1) / (daysBetween(o.start, o.end) + 1);
    // what a person would write and check against: 应达 137学时, not 136.85学时
    const expected = Math.round(goal * elapsed);
    out.pace = { expected, done: base.done, behind: base.done < expected - EPS };
  }
  return out;
}

/** The first date by which the entries reached the target. */
function completionDate(work: readonly Entry[], o: Obligation, expectedDefault: number): string | undefined {
  const sorted = [...work].sort((a, b) => a.day - b.day);
  const t = zero();
  for (const e of sorted) {
    add(t, e, o.target.rate !== undefined, expectedDefault);
    if (ratio(t, o) >= 1 - EPS) return e.date;
  }
  return undefined;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
