/**
 * Diagnostics as text (`FILE:LINE:COL: error CODE: message`, the line, a caret under the
 * offending text) and as JSON. The caret is placed by display width, so it stays under the
 * right characters when the line holds Chinese text.
 */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { printable } from './width.js';

export interface CheckSummary {
  files: number;
  entries: number;
  items: number;
  units: number;
}

export function messageOf(d: Diagnostic, cat: Catalogue): string {
  return cat.diagnostics[d.code](d.params);
}

export function renderDiagnosticsText(list: Diagnostic[], summary: CheckSummary, cat: Catalogue, color: ChalkInstance): string {
  const out: string[] = [];
  for (const d of list) {
    const sev = d.severity === 'error' ? color.red.bold(cat.ui.error) : color.yellow.bold(cat.ui.warning);
    out.push(`${color.bold(`${d.file}:${d.line}:${d.column}:`)} ${sev} ${color.dim(d.code)}: ${printable(messageOf(d, cat))}`);
    if (d.source !== undefined && d.source.trim() !== '') {
      const gutter = String(d.line);
      const pad = ' '.repeat(gutter.length);
      // a tab shows as one space, so the caret counts it as one column; controls never reach the terminal
      const source = printable(d.source.replace(/\t/g, ' '));
      const before = source.slice(0, d.column - 1);
      const target = source.slice(d.column - 1, d.column - 1 + d.length);
      const width = Math.max(1, stringWidth(target));
      out.push(`${color.dim(` ${gutter} |`)} ${source}`);
      out.push(`${color.dim(` ${pad} |`)} ${' '.repeat(stringWidth(before))}${color.red('^'.repeat(width))}`);
    }
  }
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length === 0) out.push(color.green(cat.ui.clean({ ...summary })));
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
