/**
 * Which period a report covers, from its options and "as of": an explicit --month, --quarter or
 * --year; `--period previous` (the month, quarter or year before as-of, for cron); else the
 * period as-of falls in. A closed period is evaluated on the day after its last deadline — its
 * last day plus the longest grace of the checklist's relative deadlines, plus one — capped by
 * "today" (as-of). On the deadline itself an obligation due that day is still due soon; only the
 * day after is it past due, as `due` says: so a miss due on 31 December counts in the annual
 * summary, and the December report due on 5 January is counted (or missed) as of 6 January.
 */
import { addDays } from '../dates.js';
import type { Checklist } from '../model.js';
import { periodEnd, periodOfDate, periodsInYear, type Period } from '../periods.js';

export type ReportKind = 'monthly' | 'quarterly' | 'annual';
export const REPORT_KINDS: readonly ReportKind[] = ['monthly', 'quarterly', 'annual'];

export interface PeriodOptions {
  month?: string;
  quarter?: string;
  year?: string;
  period?: string;
}

export type Selected = { period: Period; evalDate: string } | { error: { option: string; value: string; hint: string } };

export function selectPeriod(kind: ReportKind, o: PeriodOptions, asOf: string, graceDays = 0): Selected {
  const pkind = kind === 'monthly' ? 'month' : kind === 'quarterly' ? 'quarter' : 'year';
  const own = { monthly: 'month', quarterly: 'quarter', annual: 'year' } as const;
  for (const key of ['month', 'quarter', 'year'] as const) {
    if (o[key] !== undefined && own[kind] !== key) return { error: { option: `--${key}`, value: o[key]!, hint: `--${own[kind]}` } };
  }
  if (o.period !== undefined && o.period !== 'previous' && o.period !== 'current') {
    return { error: { option: '--period', value: o.period, hint: 'previous, current' } };
  }
  let period: Period;
  if (o.month !== undefined && kind === 'monthly') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(o.month);
    if (!m) return { error: { option: '--month', value: o.month, hint: 'YYYY-MM' } };
    period = { kind: 'month', year: +m[1]!, index: +m[2]! };
  } else if (o.quarter !== undefined && kind === 'quarterly') {
    const m = /^(\d{4})-?Q([1-4])$/i.exec(o.quarter);
    if (!m) return { error: { option: '--quarter', value: o.quarter, hint: 'YYYY-Qn' } };
    period = { kind: 'quarter', year: +m[1]!, index: +m[2]! };
  } else if (o.year !== undefined && kind === 'annual') {
    if (!/^\d{4}$/.test(o.year)) return { error: { option: '--year', value: o.year, hint: 'YYYY' } };
    period = { kind: 'year', year: +o.year, index: 1 };
  } else {
    period = periodOfDate(pkind, asOf);
    if (o.period === 'previous') {
      period = period.index > 1 ? { ...period, index: period.index - 1 } : { ...period, year: period.year - 1, index: periodsInYear(pkind) };
    }
  }
  // the first day on which everything due in the period is past due
  const settled = addDays(periodEnd(period), graceDays + 1);
  return { period, evalDate: settled < asOf ? settled : asOf };
}

/** The longest time after a period's end that any of the checklist's deadlines allows. */
export function longestGrace(checklist: Checklist | undefined): number {
  let days = 0;
  for (const area of checklist?.areas ?? []) {
    for (const item of area.items) {
      if (typeof item.deadline === 'object') days = Math.max(days, item.deadline.days_after_period_end);
    }
  }
  return days;
}
