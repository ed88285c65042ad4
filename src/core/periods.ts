/**
 * Periods as the ledger names them: `2026-03` (month), `2026-Q1`, `2026-H1`, `2026` (year).
 * Cadence `once` and `yearly` both live in year periods.
 */
import type { Item } from './model.js';
import { daysInMonth } from './dates.js';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1-based: month 1–12, quarter 1–4, half 1–2, year 1. */
  index: number;
}

/** How many months a period of each kind spans. */
export const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** How many periods of a kind a year holds: 12, 4, 2 or 1. */
export function periodsInYear(kind: PeriodKind): number {
  return 12 / MONTHS_IN[kind];
}

export function periodKindOf(cadence: Item['cadence']): PeriodKind {
  switch (cadence) {
    case 'monthly':
      return 'month';
    case 'quarterly':
      return 'quarter';
    case 'half-yearly':
      return 'half';
    default:
      return 'year';
  }
}

export function parsePeriod(s: string): Period | undefined {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(s);
  if (!m) return undefined;
  const year = +m[1]!;
  if (m[2] !== undefined) {
    const month = +m[2];
    return month >= 1 && month <= 12 ? { kind: 'month', year, index: month } : undefined;
  }
  if (m[3] !== undefined) return { kind: 'quarter', year, index: +m[3] };
  if (m[4] !== undefined) return { kind: 'half', year, index: +m[4] };
  return { kind: 'year', year, index: 1 };
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half':
      return `${p.year}-H${p.index}`;
    default:
      return String(p.year);
  }
}

export function periodOfDate(kind: PeriodKind, date: string): Period {
  const year = +date.slice(0, 4);
  const month = +date.slice(5, 7);
  return { kind, year, index: Math.floor((month - 1) / MONTHS_IN[kind]) + 1 };
}

export function periodStart(p: Period): string {
  const month = (p.index - 1) * MONTHS_IN[p.kind] + 1;
  return `${p.year}-${String(month).padStart(2, '0')}-01`;
}

export function periodEnd(p: Period): string {
  const month = p.index * MONTHS_IN[p.kind];
  return `${p.year}-${String(month).padStart(2, '0')}-${String(daysInMonth(p.year, month)).padStart(2, '0')}`;
}
