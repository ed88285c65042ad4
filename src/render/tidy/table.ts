/**
 * A report as one tidy table, for a spreadsheet a clerk filters and pivots: a row per section ×
 * item × period (and a row per score), the numbers in columns of their own as plain numbers, and a
 * first column naming the part of the report a row comes from. The CSV is this table; the xlsx
 * workbook has it as its first sheet. Columns no row fills are left out.
 */
import type { ReportLabels } from '../../i18n/report-labels.js';

export type TidyKind = 'text' | 'number' | 'percent' | 'date';

export interface TidyColumn {
  key: string;
  label: string;
  kind: TidyKind;
}

export interface TidyTable {
  name: string;
  columns: TidyColumn[];
  rows: (string | number | undefined)[][];
}

export type TidyRow = Record<string, string | number | undefined>;

/** Every column a tidy table may have, in the order they are shown. */
export function tidyColumns(L: ReportLabels): TidyColumn[] {
  const C = L.col;
  const T = L.tidy;
  return [
    { key: 'table', label: T.table, kind: 'text' },
    { key: 'subject', label: C.subject, kind: 'text' },
    { key: 'subjectId', label: T.subjectId, kind: 'text' },
    { key: 'area', label: C.area, kind: 'text' },
    { key: 'item', label: C.item, kind: 'text' },
    { key: 'title', label: C.title, kind: 'text' },
    { key: 'year', label: T.year, kind: 'number' },
    { key: 'period', label: C.period, kind: 'text' },
    { key: 'date', label: C.date, kind: 'date' },
    { key: 'due', label: C.due, kind: 'date' },
    { key: 'status', label: C.status, kind: 'text' },
    { key: 'done', label: C.done, kind: 'number' },
    { key: 'goal', label: C.goal, kind: 'number' },
    { key: 'expected', label: C.expected, kind: 'number' },
    { key: 'measure', label: T.measure, kind: 'text' },
    { key: 'score', label: C.score, kind: 'number' },
    { key: 'ytdMax', label: C.ytdMax, kind: 'number' },
    { key: 'max', label: C.max, kind: 'number' },
    { key: 'percent', label: C.percent, kind: 'percent' },
    { key: 'projected', label: C.projected, kind: 'number' },
    { key: 'rank', label: C.rank, kind: 'number' },
    { key: 'grade', label: C.grade, kind: 'text' },
    { key: 'responsible', label: C.person, kind: 'text' },
    { key: 'note', label: C.note, kind: 'text' },
  ];
}

export function tidyTable(name: string, L: ReportLabels, rows: TidyRow[]): TidyTable {
  const columns = tidyColumns(L).filter((c) => rows.some((r) => r[c.key] !== undefined && r[c.key] !== ''));
  return { name, columns, rows: rows.map((r) => columns.map((c) => r[c.key])) };
}

/**
 * A period as a person names it, never as something a spreadsheet reads as a date or a number:
 * `2026-10` is 10月 (Oct), `2026-Q3` 第3季度 (Q3), `2026-H1` 上半年 (H1), `2026` 全年 (year); the
 * year has a column of its own.
 */
export function periodLabel(key: string, L: ReportLabels): { year: number; period: string } {
  const year = +key.slice(0, 4);
  const rest = key.slice(5);
  if (/^\d\d$/.test(rest)) return { year, period: L.monthLabel({ month: +rest }) };
  if (/^Q\d$/.test(rest)) return { year, period: L.tidy.quarter({ quarter: rest.slice(1) }) };
  if (/^H\d$/.test(rest)) return { year, period: L.tidy.half({ half: rest.slice(1) }) };
  return { year, period: L.tidy.wholeYear };
}

/**
 * The title, the period and the provenance as the table's last rows (table 说明, text in 备注): a
 * CSV passed around on its own still says what it is and where its numbers come from.
 */
export function withAbout(t: TidyTable, L: ReportLabels, lines: readonly string[]): TidyTable {
  let columns = t.columns;
  let rows = t.rows;
  if (!columns.some((c) => c.key === 'note')) {
    columns = [...columns, tidyColumns(L).find((c) => c.key === 'note')!];
    rows = rows.map((r) => [...r, undefined]);
  }
  const note = columns.findIndex((c) => c.key === 'note');
  const about = lines.map((line) => columns.map((_, i) => (i === 0 ? L.tidy.about : i === note ? line : undefined)));
  return { ...t, columns, rows: [...rows, ...about] };
}
