/**
 * The terminal renderer: cli-table3 tables with colour for status (none when not a TTY, with
 * NO_COLOR or --no-color), columns aligned by display width, wide tables split to fit the
 * terminal, charts as block-character bars.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Cell, Doc, Section, Table as DocTable, Tone } from './doc.js';
import { fmtNumber } from './doc.js';
import { padEnd, printable, width, wrap } from './width.js';

export function renderTable(report: Doc, color: ChalkInstance, columns = 120): string {
  const doc = shown(report);
  const fit = (s: string) => (Number.isFinite(columns) ? wrap(s, columns) : s);
  const out: string[] = [color.bold(fit(doc.title)), color.dim(fit(doc.subtitle))];
  // loops, not push(...lines): spreading a long array into a call overflows the stack
  for (const s of doc.sections) {
    out.push('');
    for (const line of section(s, color, columns)) out.push(line);
  }
  out.push('');
  for (const f of doc.footer) out.push(color.dim(fit(f)));
  return out.join('\n') + '\n';
}

/**
 * The document with every text as a terminal may be shown it (`printable`), before anything is
 * measured: an escaped character takes the columns it is drawn in.
 */
function shown(doc: Doc): Doc {
  const p = printable;
  return {
    ...doc,
    title: p(doc.title),
    subtitle: p(doc.subtitle),
    footer: doc.footer.map(p),
    sections: doc.sections.map((s) => ({
      ...s,
      heading: p(s.heading),
      ...(s.text ? { text: s.text.map(p) } : {}),
      ...(s.empty !== undefined ? { empty: p(s.empty) } : {}),
      ...(s.table
        ? {
            table: {
              ...s.table,
              columns: s.table.columns.map((c) => ({ ...c, label: p(c.label) })),
              rows: s.table.rows.map((r) => r.map((c) => ({ ...c, text: p(c.text) }))),
            },
          }
        : {}),
      ...(s.chart?.kind === 'bars' ? { chart: { ...s.chart, unit: p(s.chart.unit), items: s.chart.items.map((i) => ({ ...i, label: p(i.label) })) } } : {}),
      ...(s.chart?.kind === 'trend' ? { chart: { ...s.chart, points: s.chart.points.map((x) => ({ ...x, label: p(x.label) })) } } : {}),
    })),
  };
}

function section(s: Section, color: ChalkInstance, columns: number): string[] {
  const fit = (t: string) => (Number.isFinite(columns) ? wrap(t, columns) : t);
  const out = [s.level === 2 ? color.bold.underline(fit(s.heading)) : color.bold(fit(s.heading))];
  for (const t of s.text ?? []) out.push(fit(t));
  if (s.table) {
    if (s.table.rows.length === 0) out.push(color.dim(s.empty ?? ''));
    else for (const part of split(s.table, columns)) out.push(draw(part, color, columns));
  }
  if (s.chart?.kind === 'bars') {
    const labelWidth = s.chart.items.reduce((m, i) => Math.max(m, width(i.label)), -Infinity);
    for (const i of s.chart.items) {
      out.push(`${padEnd(i.label, labelWidth)} ${paint(color, i.tone)(bar(i.value, i.max, 30))} ${fmtNumber(i.value)}${s.chart.unit}`);
    }
  }
  if (s.chart?.kind === 'trend') {
    const labelWidth = s.chart.points.reduce((m, p) => Math.max(m, width(p.label)), -Infinity);
    for (const p of s.chart.points) out.push(`${padEnd(p.label, labelWidth)} ${paint(color, p.value >= 90 ? 'good' : p.value >= 70 ? 'warn' : 'bad')(bar(p.value, 100, 30))} ${fmtNumber(p.value)}%`);
  }
  return out;
}

function bar(value: number, max: number, cells: number): string {
  const n = max > 0 ? Math.round((Math.max(0, Math.min(value, max)) / max) * cells) : 0;
  return '█'.repeat(n) + '░'.repeat(cells - n);
}

function paint(color: ChalkInstance, tone: Tone | undefined): (s: string) => string {
  switch (tone) {
    case 'good':
      return color.green;
    case 'warn':
      return color.yellow;
    case 'bad':
      return color.red;
    case 'muted':
      return color.dim;
    default:
      return (s) => s;
  }
}

/** Splits the non-key columns of a table into parts that each fit in `columns`. */
export function split(t: DocTable, columns: number): DocTable[] {
  const widths = t.columns.map((c, i) => t.rows.reduce((m, r) => Math.max(m, width(r[i]?.text ?? '')), width(c.label)) + 3);
  const total = widths.reduce((a, b) => a + b, 1);
  const keys = t.keyColumns ?? 0;
  if (total <= columns || keys === 0 || keys >= t.columns.length) return [t];
  const keyWidth = widths.slice(0, keys).reduce((a, b) => a + b, 1);
  const parts: number[][] = [];
  let current: number[] = [];
  let used = keyWidth;
  for (let i = keys; i < t.columns.length; i++) {
    if (current.length > 0 && used + widths[i]! > columns) {
      parts.push(current);
      current = [];
      used = keyWidth;
    }
    current.push(i);
    used += widths[i]!;
  }
  if (current.length) parts.push(current);
  const pick = (idx: number[]) => [...Array.from({ length: keys }, (_, k) => k), ...idx];
  return parts.map((idx) => {
    const cols = pick(idx);
    return { ...t, columns: cols.map((i) => t.columns[i]!), rows: t.rows.map((r) => cols.map((i) => r[i]!)) };
  });
}

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * Column widths that fit `columns`: when the natural widths are too wide, the widest columns give
 * way (their text wraps) until the table fits or every column is down to 10.
 */
export function fitWidths(t: DocTable, columns: number): number[] | undefined {
  const natural = t.columns.map((c, i) => t.rows.reduce((m, r) => Math.max(m, width(r[i]?.text ?? '')), width(c.label)) + 2);
  const border = t.columns.length + 1;
  let excess = natural.reduce((a, b) => a + b, border) - columns;
  if (excess <= 0) return undefined;
  const widths = [...natural];
  while (excess > 0) {
    const widest = widths.indexOf(widths.reduce((a, b) => Math.max(a, b), -Infinity));
    if (widths[widest]! <= 10) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

function draw(t: DocTable, color: ChalkInstance, columns: number): string {
  const widths = fitWidths(t, columns);
  const table = new Table({
    head: t.columns.map((c, i) => color.bold(widths ? wrap(c.label, widths[i]! - 2) : c.label)),
    colAligns: t.columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: COMPACT,
    ...(widths ? { colWidths: widths } : {}),
  });
  // cli-table3 cuts Chinese text instead of wrapping it, so cells are wrapped here
  const fit = (text: string, i: number) => (widths ? wrap(text, widths[i]! - 2) : text);
  t.rows.forEach((row, r) => {
    const strong = t.strong?.includes(r);
    table.push(
      row.map((c: Cell, i) =>
        fit(c.text, i)
          .split('\n')
          .map((line) => (strong ? color.bold(paint(color, c.tone)(line)) : paint(color, c.tone)(line)))
          .join('\n'),
      ),
    );
  });
  return table.toString();
}
