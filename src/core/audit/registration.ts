/**
 * The statistics of registration: the lag between the work and its commit, per subject, and
 * back-dating (an entry committed after its period was closed). Dates are `YYYY-MM-DD` strings.
 */
import { addDays, daysBetween } from '../dates.js';

export interface LagRow {
  subject: string;
  entries: number;
  median: number;
  max: number;
}

/** How many entries had each lag (days): a history of millions of entries has only a few hundred distinct lags. */
export type LagCounts = Map<number, number>;

export function countLag(counts: LagCounts, lag: number): void {
  counts.set(lag, (counts.get(lag) ?? 0) + 1);
}

/** Registration lag per subject, in the order subjects first appear in `order` (then the rest), from how many entries of each subject had each lag. */
export function lagRows(by: ReadonlyMap<string, LagCounts>, order: readonly string[] = []): LagRow[] {
  const keys = [...order.filter((k) => by.has(k)), ...[...by.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.map((subject) => {
    const counts = [...by.get(subject)!].sort((a, b) => a[0] - b[0]);
    const entries = counts.reduce((n, [, c]) => n + c, 0);
    return { subject, entries, median: medianOfCounts(counts, entries), max: Math.max(0, counts[counts.length - 1]?.[0] ?? 0) };
  });
}

/** The median of `entries` values given as (value, count) pairs in ascending order. */
function medianOfCounts(sorted: ReadonlyArray<readonly [number, number]>, entries: number): number {
  if (entries === 0) return 0;
  /** The value at 0-based rank `k`. */
  const at = (k: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (k < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  const m = entries >> 1;
  return entries % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
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
