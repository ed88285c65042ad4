/**
 * The CSV renderer, for Excel: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting and
 * CRLF line ends, numbers as numbers, and text cells that Excel would run as a formula (starting
 * with =, +, -, @, tab or CR) neutralised with a leading apostrophe.
 */
import type { Cell, Doc } from './doc.js';
import { fmtNumber } from './doc.js';

export function csvField(c: Cell | string): string {
  if (typeof c !== 'string' && c.value !== undefined && Number.isFinite(c.value)) return String(c.value);
  let s = typeof c === 'string' ? c : c.text;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(doc: Doc): string {
  const rows: string[][] = [[csvField(doc.title)], [csvField(doc.subtitle)]];
  for (const s of doc.sections) {
    rows.push([], [csvField(s.heading)]);
    for (const t of s.text ?? []) rows.push([csvField(t)]);
    if (s.table) {
      rows.push(s.table.columns.map((c) => csvField(c.label)));
      for (const r of s.table.rows) rows.push(r.map(csvField));
    }
    if (s.chart?.kind === 'bars') for (const i of s.chart.items) rows.push([csvField(i.label), csvField({ text: fmtNumber(i.value), value: i.value })]);
    if (s.chart?.kind === 'trend') for (const p of s.chart.points) rows.push([csvField(p.label), csvField({ text: fmtNumber(p.value), value: p.value })]);
  }
  rows.push([], ...doc.footer.map((f) => [csvField(f)]));
  return '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
