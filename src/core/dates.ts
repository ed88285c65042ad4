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

/** True for a real date written exactly as YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
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
