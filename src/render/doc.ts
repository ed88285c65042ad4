/**
 * A report laid out for reading: headings, tables, charts and a provenance footer. Each report
 * value is laid out once (render/layout/*), then every format renders the same document, so the
 * terminal table, Markdown, CSV and HTML always show the same numbers. JSON renders the value.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'muted';

export interface Cell {
  text: string;
  /** The number behind the text, for CSV (numbers stay numbers) and charts. */
  value?: number;
  /** The value is a percentage (93.8 is 93.8 %): a workbook formats it as one. */
  percent?: boolean;
  tone?: Tone;
}

export interface Column {
  label: string;
  align?: 'left' | 'right' | 'center';
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
  /** Leading columns repeated when a wide table is split to fit the terminal. */
  keyColumns?: number;
  /** Rows drawn in bold (subtotals). */
  strong?: number[];
}

export interface BarChart {
  kind: 'bars';
  unit: string;
  items: { label: string; value: number; max: number; tone?: Tone }[];
}

export interface TrendChart {
  kind: 'trend';
  /** Values are percentages. */
  points: { label: string; value: number }[];
}

export interface Section {
  heading: string;
  level: 2 | 3;
  text?: string[];
  table?: Table;
  chart?: BarChart | TrendChart;
  /** Shown instead of an empty table. */
  empty?: string;
}

export interface Doc {
  title: string;
  subtitle: string;
  sections: Section[];
  footer: string[];
  lang: 'zh' | 'en';
}

export const cell = (text: string | number, tone?: Tone): Cell =>
  typeof text === 'number' ? { text: fmtNumber(text), value: text, ...(tone ? { tone } : {}) } : { text, ...(tone ? { tone } : {}) };

export function fmtNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}
