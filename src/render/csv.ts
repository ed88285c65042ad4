/**
 * The CSV renderer, for Excel, WPS and LibreOffice: the report's tidy table (render/tidy/) — one
 * header row, then a row per section × item × period — in UTF-8 with a BOM (so Excel reads Chinese),
 * RFC 4180 quoting and CRLF line ends. Numbers are plain numbers. Text is never read as something it
 * is not: text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) or read as
 * a number, a date or a truth value (`4/5`, `10/10`, `2026-11`, `1e5`, `TRUE`) gets a leading
 * apostrophe.
 */
import type { Cell } from './doc.js';
import type { TidyTable } from './tidy/table.js';

// digits with the separators of numbers, dates, times, fractions, currencies and percentages
const NUMBER_OR_DATE = /^[\s\d.,/:\-+%()$€¥£eE]*\d[\s\d.,/:\-+%()$€¥£eE]*$/;
const TRUTH = /^\s*(true|false)\s*$/i;

export function csvField(c: Cell | string | number | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c !== 'string' && c.value !== undefined && Number.isFinite(c.value)) return String(c.value);
  let s = typeof c === 'string' ? c : c.text;
  if (/^[=+\-@\t\r]/.test(s) || NUMBER_OR_DATE.test(s) || TRUTH.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(t: TidyTable): string {
  const rows = [t.columns.map((c) => csvField(c.label)), ...t.rows.map((r) => r.map((v, i) => (t.columns[i]!.kind === 'text' || t.columns[i]!.kind === 'date' ? textField(v, t.columns[i]!.kind) : csvField(v))))];
  return '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** A text column's cell; a date column's ISO date is left for the spreadsheet to read as the date it is. */
function textField(v: string | number | undefined, kind: 'text' | 'date'): string {
  if (v === undefined) return '';
  const s = String(v);
  return kind === 'date' && /^\d{4}-\d\d-\d\d$/.test(s) ? s : csvField(s);
}
