/**
 * Diagnostics as text (`FILE:LINE:COL: error CODE: message`, the line, a caret under the
 * offending text) and as JSON. The caret is placed by display width, so it stays under the
 * right characters when the line holds Chinese text.
 */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { printable, width } from './width.js';

export interface CheckSummary {
  files: number;
  entries: number;
  items: number;
  units: number;
  /** An umbrella with no templates of its own: the members its settings list. */
  members?: number;
}

/**
 * A source line as it may be shown (a tab as one space, so the caret counts it as one column;
 * control characters never reach the terminal) and the caret line under columns [column,
 * column + length), placed by display width so that it stays under Chinese text.
 */
export function excerpt(source: string, column: number, length: number): { line: string; caret: string } {
  const text = source.replace(/\t/g, ' ');
  const from = Math.max(0, column - 1);
  // measured after escaping: an escaped character (`\u{1b}`) takes the columns it is shown in
  const before = printable(text.slice(0, from));
  const target = printable(text.slice(from, from + length));
  return { line: printable(text), caret: `${' '.repeat(width(before))}${'^'.repeat(Math.max(1, width(target)))}` };
}

export function messageOf(d: Diagnostic, cat: Catalogue): string {
  return cat.diagnostics[d.code](d.params);
}

export function renderDiagnosticsText(list: Diagnostic[], summary: CheckSummary, cat: Catalogue, color: ChalkInstance): string {
  const out: string[] = [];
  for (const d of list) {
    const sev = d.severity === 'error' ? color.red.bold(cat.ui.error) : color.yellow.bold(cat.ui.warning);
    out.push(`${color.bold(`${printable(d.file)}:${d.line}:${d.column}:`)} ${sev} ${color.dim(d.code)}: ${printable(messageOf(d, cat))}`);
    if (d.source !== undefined && d.source.trim() !== '') {
      const gutter = String(d.line);
      const pad = ' '.repeat(gutter.length);
      const { line, caret } = excerpt(d.source, d.column, d.length);
      out.push(`${color.dim(` ${gutter} |`)} ${line}`);
      out.push(`${color.dim(` ${pad} |`)} ${caret.replace(/\^+/, (c) => color.red(c))}`);
    }
  }
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length === 0) out.push(color.green(summary.members !== undefined ? cat.ui.cleanUmbrella({ ...summary }) : cat.ui.clean({ ...summary })));
  else {
    out.push('');
    out.push(color.bold(cat.ui.summary({ errors, warnings, files: summary.files })));
  }
  return out.join('\n') + '\n';
}

export function renderDiagnosticsJson(list: Diagnostic[], cat: Catalogue): string {
  const diagnostics = list.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: messageOf(d, cat),
  }));
  return JSON.stringify({ diagnostics }, null, 2) + '\n';
}
