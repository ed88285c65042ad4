/**
 * Calendar dates as `YYYY-MM-DD` strings, never instants, so that no result depends on the
 * machine's time zone. String order is date order.
 */
import { addDays as fnsAddDays, differenceInCalendarDays } from 'date-fns';
import { remember } from './remember.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS[m - 1] ?? 0);
}

/**
 * text[s, e) read as a real date written YYYY-MM-DD: its number YYYYMMDD (20260315, which compares
 * as dates do), or 0. Char codes only, no slices: the ledger parser calls it on every line.
 */
export function calendarDay(text: string, s = 0, e = text.length): number {
  if (e - s !== 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return 0;
  let y = 0;
  for (let i = s; i < s + 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >>> 0 > 9) return 0;
    y = y * 10 + d;
  }
  const m0 = text.charCodeAt(s + 5) - 48, m1 = text.charCodeAt(s + 6) - 48;
  const d0 = text.charCodeAt(s + 8) - 48, d1 = text.charCodeAt(s + 9) - 48;
  // `>>> 0` turns a character below '0' into a large number
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return 0;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? y * 10000 + m * 100 + d : 0;
}

/** True for a real date written exactly as YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  return calendarDay(s) !== 0;
}

/** `2026-03-15` → 20260315, for fast comparison. */
export function dayOf(date: string): number {
  return calendarDay(date);
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

/*
 * Both remember their answers: a year's obligations ask for the same few dates thousands of
 * times, and each answer from date-fns builds Dates. A date is 10 characters, so the key splits.
 */
const added = remember(65_536, (key) => fromLocal(fnsAddDays(toLocal(key.slice(0, 10)), +key.slice(10))));
const between = remember(65_536, (key) => differenceInCalendarDays(toLocal(key.slice(10)), toLocal(key.slice(0, 10))));

export function addDays(date: string, days: number): string {
  return added(`${date}${days}`);
}

/** b − a in calendar days. */
export function daysBetween(a: string, b: string): number {
  return between(a + b);
}
