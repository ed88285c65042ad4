/**
 * A checklist's text carried to another year, comments and layout kept: every date moves by the
 * same number of years (a 29 February that the new year lacks becomes the 28th), and the year
 * itself, written alone (`year: 2026`, `（2026年）`), becomes the new one. Dates of the next year
 * (a December report due in January) stay the next year's.
 */
import { isLeapYear } from './dates.js';

export function moveToYear(text: string, from: number, to: number): string {
  const delta = to - from;
  const dated = text.replace(/(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/g, (all, y: string, m: string, d: string) => {
    const year = +y;
    if (Math.abs(year - from) > 1) return all;
    const moved = year + delta;
    const day = m === '02' && d === '29' && !isLeapYear(moved) ? '28' : d;
    return `${moved}-${m}-${day}`;
  });
  return dated.replace(new RegExp(`(?<![0-9])${from}(?![0-9]|-\\d{2}-\\d{2})`, 'g'), String(to));
}
