/**
 * The HTML renderer: one self-contained page (no script, no font, no image from the network),
 * printable on A4, with inline SVG charts — section scores as bars and the monthly completion
 * trend as a line.
 */
import type { BarChart, Doc, Section, Table, Tone, TrendChart } from './doc.js';
import { fmtNumber } from './doc.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const COLOR: Record<Tone, string> = { good: '#1a7f37', warn: '#9a6700', bad: '#cf222e', muted: '#6e7781' };

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10pt; line-height: 1.45; color: #1f2328; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1.5pt solid #b4232a; padding-bottom: 2pt; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }
p { margin: 2pt 0; }
.sub { color: #57606a; margin-bottom: 8pt; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt; font-size: 9pt; }
table.wide { font-size: 7.5pt; }
th, td { border: 0.6pt solid #d0d7de; padding: 1.5pt 4pt; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
tr { page-break-inside: avoid; }
section.keep { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.r { text-align: right; font-variant-numeric: tabular-nums; }
.c { text-align: center; }
.nw { white-space: nowrap; }
th { white-space: nowrap; }
.strong td { font-weight: 600; background: #fafbfc; }
.good { color: ${COLOR.good}; } .warn { color: ${COLOR.warn}; } .bad { color: ${COLOR.bad}; font-weight: 600; } .muted { color: ${COLOR.muted}; }
.empty { color: #57606a; font-style: italic; }
svg.chart { display: block; width: 100%; height: auto; margin: 4pt 0 8pt; }
footer { margin-top: 14pt; border-top: 0.6pt solid #d0d7de; padding-top: 4pt; color: #57606a; font-size: 8pt; }
@media print { body { padding: 0; } h2 { page-break-after: avoid; } }
`;

export function renderHtml(doc: Doc): string {
  const body = doc.sections.map(section).join('\n');
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(doc.title)}</h1><p class="sub">${esc(doc.subtitle)}</p></header>
${body}
<footer>${doc.footer.map((f) => `<p>${esc(f)}</p>`).join('')}</footer>
</body>
</html>
`;
}

// a short table is kept on one sheet of paper with its heading and notes
const KEEP_ROWS = 20;

function section(s: Section): string {
  const keep = s.table !== undefined && s.table.rows.length <= KEEP_ROWS;
  const parts = [`<section${keep ? ' class="keep"' : ''}><h${s.level}>${esc(s.heading)}</h${s.level}>`];
  for (const t of s.text ?? []) parts.push(`<p>${esc(t)}</p>`);
  if (s.table) parts.push(s.table.rows.length === 0 ? `<p class="empty">${esc(s.empty ?? '')}</p>` : table(s.table));
  if (s.chart?.kind === 'bars') parts.push(bars(s.chart, s.heading));
  if (s.chart?.kind === 'trend') parts.push(trend(s.chart, s.heading));
  parts.push('</section>');
  return parts.join('\n');
}

function table(t: Table): string {
  const cls = (align?: string) => (align === 'right' ? ' class="r"' : align === 'center' ? ' class="c"' : '');
  const head = `<thead><tr>${t.columns.map((c) => `<th${cls(c.align)}>${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows
    .map((r, i) => {
      const cells = r
        .map((c, j) => {
          // dates, ids and numbers never break; only longer text wraps
          const short = c.text.length <= 12 ? 'nw' : '';
          const classes = [t.columns[j]?.align === 'right' ? 'r' : t.columns[j]?.align === 'center' ? 'c' : '', short, c.tone ?? ''].filter(Boolean).join(' ');
          return `<td${classes ? ` class="${classes}"` : ''}>${esc(c.text)}</td>`;
        })
        .join('');
      return `<tr${t.strong?.includes(i) ? ' class="strong"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<table${t.columns.length > 9 ? ' class="wide"' : ''}>${head}<tbody>\n${rows}\n</tbody></table>`;
}

function bars(c: BarChart, title: string): string {
  const rowH = 20;
  const labelW = 130;
  const barW = 470;
  const h = c.items.length * rowH + 24;
  const rows = c.items
    .map((item, i) => {
      const y = 8 + i * rowH;
      const w = item.max > 0 ? Math.max(0, Math.min(1, item.value / item.max)) * barW : 0;
      const fill = COLOR[item.tone ?? 'muted'];
      return [
        `<text x="${labelW - 8}" y="${y + 13}" text-anchor="end" font-size="11">${esc(item.label)}</text>`,
        `<rect x="${labelW}" y="${y + 2}" width="${barW}" height="${rowH - 6}" fill="#eaeef2"/>`,
        `<rect class="bar" x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${fill}"/>`,
        `<text x="${labelW + barW + 6}" y="${y + 13}" font-size="11">${esc(fmtNumber(item.value))}${esc(c.unit)}</text>`,
      ].join('');
    })
    .join('\n');
  const ticks = [0, 25, 50, 75, 100]
    .map((t) => {
      const x = labelW + (t / 100) * barW;
      return `<line x1="${x}" y1="6" x2="${x}" y2="${h - 14}" stroke="#d0d7de" stroke-dasharray="2 2"/><text x="${x}" y="${h - 2}" text-anchor="middle" font-size="9" fill="#57606a">${t}</text>`;
    })
    .join('');
  return `<svg class="chart chart-bars" role="img" aria-label="${esc(title)}" viewBox="0 0 660 ${h}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${ticks}\n${rows}</svg>`;
}

function trend(c: TrendChart, title: string): string {
  const w = 660;
  const h = 200;
  const left = 40;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const n = Math.max(1, c.points.length);
  const step = (w - left - right) / Math.max(1, n - 1);
  const x = (i: number) => left + (n === 1 ? (w - left - right) / 2 : i * step);
  const y = (v: number) => top + (1 - Math.max(0, Math.min(100, v)) / 100) * (h - top - bottom);
  const grid = [0, 25, 50, 75, 100]
    .map((t) => `<line x1="${left}" y1="${y(t)}" x2="${w - right}" y2="${y(t)}" stroke="#d0d7de" stroke-dasharray="2 2"/><text x="${left - 6}" y="${y(t) + 3}" text-anchor="end" font-size="9" fill="#57606a">${t}%</text>`)
    .join('');
  const line = c.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = c.points
    .map(
      (p, i) =>
        `<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="#b4232a"><title>${esc(p.label)}: ${esc(fmtNumber(p.value))}%</title></circle>` +
        `<text x="${x(i).toFixed(1)}" y="${h - 10}" text-anchor="middle" font-size="10">${esc(p.label)}</text>`,
    )
    .join('');
  return `<svg class="chart chart-trend" role="img" aria-label="${esc(title)}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${grid}<polyline fill="none" stroke="#b4232a" stroke-width="2" points="${line}"/>${dots}</svg>`;
}
