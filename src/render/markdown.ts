/** The Markdown renderer: the file cron commits. Headings, pipe tables, a provenance footer. */
import type { Doc, Section, Table } from './doc.js';
import { fmtNumber } from './doc.js';
import { printable } from './width.js';

// notes are the clerk's free text: nothing in them may turn into markup
const esc = (s: string) =>
  printable(s.replace(/\r?\n/g, ' '))
    .replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export function renderMarkdown(doc: Doc): string {
  const out: string[] = [`# ${esc(doc.title)}`, '', `*${esc(doc.subtitle)}*`];
  for (const s of doc.sections) out.push('', ...section(s));
  out.push('', '---', '', ...doc.footer.map((f) => `<sub>${esc(f)}</sub>`));
  return out.join('\n') + '\n';
}

function section(s: Section): string[] {
  const out = [`${'#'.repeat(s.level)} ${esc(s.heading)}`];
  if (s.text?.length) out.push('', ...s.text.map((t) => `${esc(t)}  `));
  if (s.table) {
    out.push('');
    if (s.table.rows.length === 0) out.push(esc(s.empty ?? ''));
    else out.push(...table(s.table));
  }
  const chart = s.chart;
  if (chart?.kind === 'bars') {
    out.push('', '| | |', '|---|---:|', ...chart.items.map((i) => `| ${esc(i.label)} | ${fmtNumber(i.value)}${chart.unit} |`));
  }
  if (s.chart?.kind === 'trend') {
    out.push('', `| ${s.chart.points.map((p) => esc(p.label)).join(' | ')} |`, `|${s.chart.points.map(() => '---:').join('|')}|`, `| ${s.chart.points.map((p) => `${fmtNumber(p.value)}%`).join(' | ')} |`);
  }
  return out;
}

function table(t: Table): string[] {
  const align = t.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---'));
  return [
    `| ${t.columns.map((c) => esc(c.label)).join(' | ')} |`,
    `|${align.join('|')}|`,
    ...t.rows.map((r, i) => {
      const cells = r.map((c) => esc(c.text) || ' ');
      return `| ${(t.strong?.includes(i) ? cells.map((c) => (c.trim() ? `**${c}**` : c)) : cells).join(' | ')} |`;
    }),
  ];
}
