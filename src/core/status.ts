/**
 * The state of one obligation as of a date: how much is done (on time and in all), its status,
 * its credit for scoring and, for cumulative targets, its pacing. Only entries dated on or before
 * "as of" count, so a report as of any past date is what it would have said on that day.
 */
import { daysBetween } from './dates.js';
import type { Entry } from './entry.js';
import type { Obligation } from './expand.js';

export const STATUSES = ['met', 'met-late', 'partial', 'overdue', 'due-soon', 'open', 'exempt'] as const;
export type Status = (typeof STATUSES)[number];

export interface Pace {
  /** What should be done by now at an even pace. */
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
}

export interface StatusOptions {
  asOf: string;
  dueSoonDays: number;
  /** Expected attendance when an entry gives only the number present. */
  expectedDefault: number;
  lateCredit: number;
}

const EPS = 1e-9;

function ratio(entries: readonly Entry[], o: Obligation, expectedDefault: number): number {
  const t = o.target;
  let r = Infinity;
  if (t.sum !== undefined) r = Math.min(r, sumOf(entries) / t.sum);
  if (t.count !== undefined) r = Math.min(r, countOf(entries, t.rate !== undefined) / t.count);
  if (t.rate !== undefined) r = Math.min(r, entries.length === 0 ? 0 : rateOf(entries, expectedDefault) / t.rate);
  return r === Infinity ? 0 : Math.min(1, r);
}

const sumOf = (entries: readonly Entry[]) => entries.reduce((s, e) => s + (e.quantity?.value ?? 0), 0);
/** For attendance items each entry is one occurrence; elsewhere `2次` counts twice. */
const countOf = (entries: readonly Entry[], attendance: boolean) =>
  entries.reduce((s, e) => s + (attendance ? 1 : (e.quantity?.value ?? 1)), 0);

function rateOf(entries: readonly Entry[], expectedDefault: number): number {
  let total = 0;
  for (const e of entries) {
    const expected = e.quantity?.expected ?? expectedDefault;
    total += expected > 0 ? Math.min(1, (e.quantity?.value ?? expected) / expected) : 1;
  }
  return total / entries.length;
}

export function progressOf(o: Obligation, matched: readonly Entry[], opts: StatusOptions): Progress {
  const { asOf } = opts;
  const entries = matched.filter((e) => e.date <= asOf);
  const exempt = entries.find((e) => e.exempt);
  const work = entries.filter((e) => !e.exempt);
  const t = o.target;
  // an attendance-only target is followed as a percentage: 95.7 of 95
  const rateOnly = t.rate !== undefined && t.sum === undefined && t.count === undefined;
  const main = rateOnly
    ? work.length > 0 ? rateOf(work, opts.expectedDefault) * 100 : 0
    : t.sum !== undefined ? sumOf(work) : countOf(work, t.rate !== undefined);
  const goal = rateOnly ? round(t.rate! * 100, 1) : (t.sum ?? t.count ?? 1);
  const base = {
    done: round(main, rateOnly ? 1 : 2),
    goal,
    entries,
    ...(t.rate !== undefined && work.length > 0 ? { rate: round(rateOf(work, opts.expectedDefault), 4) } : {}),
  };
  if (exempt) {
    return { ...base, status: 'exempt', credit: 0, counted: false, ...(exempt.note ? { exemptReason: exempt.note } : {}) };
  }
  const onTime = work.filter((e) => e.date <= o.due);
  const rOnTime = ratio(onTime, o, opts.expectedDefault);
  const rAll = ratio(work, o, opts.expectedDefault);
  // later work never lowers what was reached on time (a late, thinly attended lesson)
  const credit = rOnTime + opts.lateCredit * Math.max(0, rAll - rOnTime);
  const overdue = asOf > o.due;
  let status: Status;
  if (rOnTime >= 1 - EPS) status = 'met';
  else if (rAll >= 1 - EPS) status = 'met-late';
  else if (overdue) status = rAll > 0 ? 'partial' : 'overdue';
  else status = daysBetween(asOf, o.due) <= opts.dueSoonDays ? 'due-soon' : 'open';
  const done = status === 'met' || status === 'met-late';
  const out: Progress = { ...base, status, credit: round(credit, 6), counted: overdue || done };
  if (done) out.completedOn = completionDate(work, o, opts.expectedDefault);
  const cumulative = t.sum !== undefined || (t.count ?? 1) > 1;
  if (cumulative && !done && o.start <= asOf && asOf <= o.end) {
    const elapsed = (daysBetween(o.start, asOf) + 1) / (daysBetween(o.start, o.end) + 1);
    const expected = round(goal * elapsed);
    out.pace = { expected, done: base.done, behind: base.done < expected - EPS };
  }
  return out;
}

/** The first date by which the entries reached the target. */
function completionDate(work: readonly Entry[], o: Obligation, expectedDefault: number): string | undefined {
  const sorted = [...work].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i <= sorted.length; i++) {
    if (ratio(sorted.slice(0, i), o, expectedDefault) >= 1 - EPS) return sorted[i - 1]!.date;
  }
  return undefined;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
