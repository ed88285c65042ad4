/**
 * The statistics of registration: the lag between the work and its commit, per subject, and
 * back-dating (an entry committed after its period was closed). Dates are `YYYY-MM-DD` strings.
 */
import { addDays, daysBetween } from '../dates.js';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface LagSample {
  /** Subject id: a unit, `org`, or a person. */
  subject: string;
  /** Days from the work to its commit. */
  lag: number;
}

export interface LagRow {
  subject: string;
  entries: number;
  median: number;
  max: number;
}

/** Registration lag per subject, in the order subjects first appear in `order` (then the rest). */
export function lagStats(samples: readonly LagSample[], order: readonly string[] = []): LagRow[] {
  const by = new Map<string, number[]>();
  for (const s of samples) {
    const list = by.get(s.subject);
    if (list) list.push(s.lag);
    else by.set(s.subject, [s.lag]);
  }
  return lagRows(by, order);
}

/** Registration lag per subject from the lags of each subject (`lagStats` without a sample object per entry). */
export function lagRows(by: ReadonlyMap<string, readonly number[]>, order: readonly string[] = []): LagRow[] {
  const keys = [...order.filter((k) => by.has(k)), ...[...by.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.map((subject) => {
    const lags = by.get(subject)!;
    return { subject, entries: lags.length, median: median(lags), max: lags.reduce((m, x) => (x > m ? x : m), 0) };
  });
}

/** Days from the work (`date`) to the day it was committed (`committedOn`, the committer's calendar day). */
export function lagDays(date: string, committedOn: string): number {
  return daysBetween(date, committedOn);
}

export const DEFAULT_CLOSE_DAYS = 7;

/**
 * The day an obligation's period is closed for recording: its due date plus `closeDays`
 * (default 7, time for the clerk to catch up before the period's results are reported).
 */
export function closedOn(due: string, closeDays: number): string {
  return addDays(due, closeDays);
}

/**
 * Back-dating: an entry committed after its period was closed that still claims the period on
 * time — dated on or before the due date — or waives it (`exempt`). Late work honestly dated
 * after the due date is not back-dating: it counts as met late.
 */
export function isBackdated(e: { date: string; exempt: boolean }, due: string, committedOn: string, closeDays: number): boolean {
  return committedOn > closedOn(due, closeDays) && (e.exempt || e.date <= due);
}
