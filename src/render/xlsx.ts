/**
 * The Excel workbook (`--format xlsx`): the report's tidy table as the first sheet, to filter and
 * pivot; then one sheet per table of the report as it is laid out; and a last sheet with the
 * title, the period and the provenance. Chinese headers; numbers stored as numbers and percentages
 * formatted as such; frozen header rows; columns as wide as their CJK text; printed on A4 landscape,
 * one page wide, the header repeated on every page.
 *
 * exceljs (a maintained workbook library: styles, frozen panes, page setup, read and write) is
 * loaded here only, by report.ts's and rollup.ts's dynamic import when xlsx is asked for.
 */
import type { Cell as XCell, Workbook, Worksheet } from 'exceljs';
import type { Doc, Table } from './doc.js';
import { printable, width } from './width.js';
import type { TidyTable } from './tidy/table.js';

const PERCENT = '0.0%';
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F4F7' } };

/** `notes`: lines the about sheet shows between the subtitle and the footer (what the tables need said, such as a roll-up's note that checklists differ). */
export async function renderXlsx(doc: Doc, tidy: TidyTable, NewWorkbook: new () => Workbook, labels: { data: string; about: string }, notes: readonly string[] = []): Promise<Buffer> {
  const wb = new NewWorkbook();
  wb.creator = 'qingdan';
  wb.title = doc.title;
  // a fixed date: the same report gives the same workbook contents
  const asOf = new Date(0);
  wb.created = asOf;
  wb.modified = asOf;
  const names = new Set<string>();

  const data = addSheet(wb, sheetName(labels.data, names));
  data.addRow(tidy.columns.map((c) => c.label));
  for (const r of tidy.rows) {
    const row = data.addRow(r.map((v, i) => (v === undefined ? null : tidy.columns[i]!.kind === 'percent' && typeof v === 'number' ? v / 100 : typeof v === 'string' ? printable(v) : v)));
    tidy.columns.forEach((c, i) => {
      if (c.kind === 'percent') row.getCell(i + 1).numFmt = PERCENT;
    });
  }
  finish(data, tidy.columns.length);
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tidy.columns.length } };

  for (const s of doc.sections) {
    if (!s.table || s.table.rows.length === 0) continue;
    tableSheet(wb, sheetName(s.heading, names), s.table);
  }

  const about = addSheet(wb, sheetName(labels.about, names));
  const lines = [doc.title, doc.subtitle, ...notes, ...doc.footer];
  for (const line of lines) about.addRow([printable(line)]);
  about.getRow(1).font = { bold: true, size: 13 };
  about.getColumn(1).width = Math.min(120, Math.max(...lines.map((l) => width(printable(l)))) + 2);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: Workbook, name: string): Worksheet {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
}

function tableSheet(wb: Workbook, name: string, t: Table): void {
  const ws = addSheet(wb, name);
  ws.addRow(t.columns.map((c) => printable(c.label)));
  for (const r of t.rows) {
    const row = ws.addRow(r.map((c) => (c.value !== undefined && Number.isFinite(c.value) ? (c.percent ? c.value / 100 : c.value) : printable(c.text))));
    r.forEach((c, i) => {
      if (c.percent && c.value !== undefined) row.getCell(i + 1).numFmt = PERCENT;
    });
  }
  t.columns.forEach((c, i) => {
    if (c.align === 'right' || c.align === 'center') ws.getColumn(i + 1).alignment = { horizontal: c.align };
  });
  for (const i of t.strong ?? []) ws.getRow(i + 2).font = { bold: true };
  finish(ws, t.columns.length);
}

/** Bold shaded header, and every column as wide as its widest text (a CJK character counts two). */
function finish(ws: Worksheet, columns: number): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((c: XCell) => {
    c.fill = HEADER_FILL;
  });
  for (let i = 1; i <= columns; i++) {
    let w = 4;
    ws.getColumn(i).eachCell({ includeEmpty: false }, (c: XCell) => {
      const v = c.value;
      const text = typeof v === 'number' ? (c.numFmt === PERCENT ? `${(v * 100).toFixed(1)}%` : String(v)) : String(v ?? '');
      w = Math.max(w, width(text));
    });
    ws.getColumn(i).width = Math.min(60, w + 2);
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(heading: string, taken: Set<string>): string {
  const base = printable(heading).replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
