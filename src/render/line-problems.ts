/**
 * A line `record` or `void` refused: the line and, under it, each problem with a caret under the
 * offending text, placed by display width (a Chinese character is two columns wide), as `check`
 * places its carets (src/render/diagnostics.ts).
 */
import stringWidth from 'string-width';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { messageOf } from './diagnostics.js';
import { printable } from './width.js';

/** Spaces up to the token at `column` (1-based) and a caret as wide as its `length` characters. */
export function caretUnder(text: string, column: number, length: number): string {
  const source = printable(text.replace(/\t/g, ' '));
  const before = source.slice(0, Math.max(0, column - 1));
  const target = source.slice(Math.max(0, column - 1), Math.max(0, column - 1) + length);
  return `${' '.repeat(stringWidth(before))}${'^'.repeat(Math.max(1, stringWidth(target)))}`;
}

export function renderLineProblems(text: string, list: readonly Diagnostic[], messages: Catalogue): string {
  const out = [`  ${printable(text.replace(/\t/g, ' '))}`];
  for (const d of list) out.push(`  ${caretUnder(text, d.column, d.length)} ${d.code}: ${printable(messageOf(d, messages))}`);
  return out.join('\n');
}
