/**
 * Calendar dates as `YYYY-MM-DD` strings, never instants, so that no result depends on the
 * machine's time zone. String order is date order.
 */
import { addDays as fnsAddDays, differenceInCalendarDays } from 'date-fns';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS[m - 1] ?? 0);
}

/** True for a real date written exactly as YYYY-MM-DD. Char codes only: it runs once per ledger line. */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const d = (i: number) => s.charCodeAt(i) - 48;
  const y0 = d(0), y1 = d(1), y2 = d(2), y3 = d(3), m0 = d(5), m1 = d(6), d0 = d(8), d1 = d(9);
  // `>>> 0` turns a negative difference (a char below '0') into a large number
  for (const x of [y0, y1, y2, y3, m0, m1, d0, d1]) if (x >>> 0 > 9) return false;
  const m = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  return m >= 1 && m <= 12 && day >= 1 && day <= daysInMonth(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m);
}

/** `2026-03-15` → 20260315, for fast comparison. */
export function dayOf(date: string): number {
  return +date.slice(0, 4) * 10000 + +date.slice(5, 7) * 100 + +date.slice(8, 10);
}

export function yearOf(date: string): number {
  return +date.slice(0, 4);
}

/*
 * Arithmetic goes through date-fns on local-midnight Date objects, built and read back with local
 * getters: whatever the machine's zone, a calendar date maps to the same calendar date, and
 * addDays works by calendar day (setDate), so a DST change cannot shift a result.
 */

function toLocal(date: string): Date {
  return new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

function fromLocal(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addDays(date: string, days: number): string {
  return fromLocal(fnsAddDays(toLocal(date), days));
}

/** b − a in calendar days. */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(toLocal(b), toLocal(a));
}
