/**
 * A line `record` or `void` refused: the line and, under it, each problem with a caret under the
 * offending text, placed by display width (a Chinese character is two columns wide), as `check`
 * places its carets (src/render/diagnostics.ts).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { excerpt, messageOf } from './diagnostics.js';
import { printable } from './width.js';

export function renderLineProblems(text: string, list: readonly Diagnostic[], messages: Catalogue): string {
  const out = [`  ${excerpt(text, 1, 1).line}`];
  for (const d of list) out.push(`  ${excerpt(text, d.column, d.length).caret} ${d.code}: ${printable(messageOf(d, messages))}`);
  return out.join('\n');
}
