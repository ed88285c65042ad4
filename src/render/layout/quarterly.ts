/** The quarterly inspection laid out: scores to date, the register per area, the findings. */
import type { QuarterlyReport } from '../../core/reports/quarterly.js';
import { cell, fmtNumber, type Cell, type Doc, type Section } from '../doc.js';
import { footer, inspectionsSection, percentCell, progressText, statusCell, SYMBOL, toneOf, withCount, type LayoutContext } from './common.js';

export function layoutQuarterly(r: QuarterlyReport, ctx: LayoutContext): Doc {
  const { L } = ctx;
  const C = L.col;
  const sections: Section[] = [
    {
      heading: L.sections.scores,
      level: 2,
      table: {
        columns: [{ label: C.rank, align: 'right' }, { label: C.unit }, { label: C.score, align: 'right' }, { label: C.ytdMax, align: 'right' }, { label: C.percent, align: 'right' }, { label: C.grade, align: 'center' }],
        rows: [...r.units]
          .sort((a, b) => a.rank - b.rank)
          .map((u) => [cell(u.rank), cell(u.name), cell(u.score), cell(u.ytdMax), percentCell(u.percent), cell(u.grade)]),
      },
    },
    { heading: L.sections.register, level: 2, text: [L.registerLegend] },
  ];
  for (const area of r.areas) {
    const rows: Cell[][] = area.items.map((item) => [
      cell(item.id),
      cell(item.title),
      ...r.units.map((u): Cell => {
        const c = item.cells[u.id];
        if (!c) return cell(L.none, 'muted');
        const amount = c.done !== undefined ? fmtNumber(c.done) + '/' + fmtNumber(c.goal!) : `${c.met}/${c.of}`;
        const tone = toneOf(c.status);
        return { text: `${SYMBOL[c.status]} ${amount}`, ...(tone ? { tone } : {}) };
      }),
    ]);
    rows.push([cell(''), cell(L.col.subtotal), ...r.units.map((u) => cell(`${fmtNumber(area.subtotals[u.id]?.score ?? 0)}/${fmtNumber(area.subtotals[u.id]?.ytdMax ?? 0)}`))]);
    sections.push({
      heading: `${area.id} ${area.name}`,
      level: 3,
      table: {
        columns: [{ label: C.item }, { label: C.title }, ...r.units.map((u) => ({ label: u.name, align: 'center' as const }))],
        rows,
        keyColumns: 2,
        strong: [rows.length - 1],
      },
    });
  }
  sections.push({
    heading: withCount(ctx, L.sections.findings, r.findings.length),
    level: 2,
    empty: L.noFindings,
    table: {
      columns: [{ label: C.unit }, { label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.status }, { label: C.done, align: 'right' }],
      rows: r.findings.map((f) => [
        cell(f.unitName),
        cell(f.item),
        cell(f.title),
        cell(f.period),
        cell(f.due),
        statusCell(ctx, f.status),
        cell(f.expected !== undefined ? `${progressText(f.done, f.goal)} (${L.col.expected} ${fmtNumber(f.expected)})` : progressText(f.done, f.goal)),
      ]),
    },
  });
  const inspections = inspectionsSection(ctx, r.inspections);
  if (inspections) sections.push(inspections);
  return {
    title: L.quarterlyTitle({ year: r.year, quarter: r.quarter.slice(-1) }),
    subtitle: L.subtitle({ org: r.org, asOf: r.asOf, trackedFrom: ctx.provenance.trackedFrom ?? '' }),
    sections,
    footer: footer(ctx, ctx.provenance.generator),
    lang: ctx.lang,
  };
}
