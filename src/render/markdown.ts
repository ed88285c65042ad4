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
  // loops, not push(...lines): spreading a long array into a call overflows the stack
  for (const s of doc.sections) {
    out.push('');
    for (const line of section(s)) out.push(line);
  }
  out.push('', '---', '');
  for (const f of doc.footer) out.push(`<sub>${esc(f)}</sub>`);
  return out.join('\n') + '\n';
}

function section(s: Section): string[] {
  const out = [`${'#'.repeat(s.level)} ${esc(s.heading)}`];
  if (s.text?.length) {
    out.push('');
    for (const t of s.text) out.push(`${esc(t)}  `);
  }
  if (s.table) {
    out.push('');
    if (s.table.rows.length === 0) out.push(esc(s.empty ?? ''));
    else for (const line of table(s.table)) out.push(line);
  }
  const chart = s.chart;
  if (chart?.kind === 'bars') {
    out.push('', '| | |', '|---|---:|');
    for (const i of chart.items) out.push(`| ${esc(i.label)} | ${fmtNumber(i.value)}${chart.unit} |`);
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
