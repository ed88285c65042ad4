/**
 * The quarterly inspection laid out: scores to date with their chart, the register per area, the
 * organisation's and people's own items, the findings. The register has a row per section and a
 * column per item, so that every section is on the page when it is printed on A4 (eleven sections
 * across would run off its right edge); the items are named above each table.
 */
import type { Cell as RegisterCell, QuarterlyReport } from '../../core/reports/quarterly.js';
import { cell, fmtNumber, type Cell, type Doc, type Section } from '../doc.js';
import { footer, inspectionsSection, percentCell, progressText, shortText, statusCell, SYMBOL, toneOf, withCount, type LayoutContext } from './common.js';

export function layoutQuarterly(r: QuarterlyReport, ctx: LayoutContext): Doc {
  const { L } = ctx;
  const C = L.col;
  const ranked = [...r.units].sort((a, b) => a.rank - b.rank);
  const sections: Section[] = [
    {
      heading: L.sections.scores,
      level: 2,
      table: {
        columns: [{ label: C.rank, align: 'right' }, { label: C.unit }, { label: C.score, align: 'right' }, { label: C.ytdMax, align: 'right' }, { label: C.percent, align: 'right' }, { label: C.grade, align: 'center' }],
        rows: ranked.map((u) => [cell(u.rank), cell(u.name), cell(u.score), cell(u.ytdMax), percentCell(u.percent), cell(u.grade)]),
      },
    },
    {
      heading: L.sections.chartScores,
      level: 2,
      chart: { kind: 'bars', unit: '%', items: ranked.map((u) => ({ label: u.name, value: u.percent, max: 100, tone: u.percent >= 90 ? 'good' : u.percent >= 70 ? 'warn' : 'bad' })) },
    },
    { heading: L.sections.register, level: 2, text: [L.registerLegend] },
  ];
  const itemName = (i: { id: string; title: string; measure?: string | undefined }) => `${i.id} ${i.title}${i.measure && i.measure !== '%' ? `（${i.measure}）` : ''}`;
  for (const area of r.areas) {
    const rows: Cell[][] = r.units.map((u) => [
      cell(u.name),
      ...area.items.map((item): Cell => {
        const c = item.cells[u.id];
        return c ? registerCell(c) : cell(L.none, 'muted');
      }),
      cell(`${fmtNumber(area.subtotals[u.id]?.score ?? 0)}/${fmtNumber(area.subtotals[u.id]?.ytdMax ?? 0)}`),
    ]);
    sections.push({
      heading: `${area.id} ${area.name}`,
      level: 3,
      text: area.items.map(itemName),
      table: {
        columns: [{ label: C.unit }, ...area.items.map((item) => ({ label: item.id, align: 'center' as const })), { label: C.subtotal, align: 'right' }],
        rows,
        keyColumns: 1,
      },
    });
  }
  if (r.own.length > 0) {
    sections.push({
      heading: L.sections.orgItems,
      level: 2,
      table: {
        columns: [{ label: C.subject }, { label: C.item }, { label: C.title }, { label: C.status, align: 'center' }],
        rows: r.own.flatMap((s) => s.items.map((i) => [cell(s.name), cell(i.id), cell(itemName({ ...i, id: '' }).trim()), registerCell(i.cell)])),
      },
    });
  }
  sections.push({
    heading: withCount(ctx, L.sections.findings, r.findings.length),
    level: 2,
    empty: L.noFindings,
    table: {
      columns: [{ label: C.subject }, { label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.status }, { label: C.done, align: 'right' }],
      rows: r.findings.map((f) => [
        cell(f.unitName),
        cell(f.item),
        cell(f.title),
        cell(f.period),
        cell(f.due),
        statusCell(ctx, f.status),
        cell((f.expected !== undefined ? `${progressText(f.done, f.goal)} (${L.col.expected} ${fmtNumber(f.expected)})` : progressText(f.done, f.goal)) + shortText(ctx, f.short)),
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

/** A register cell: the most pressing state's symbol, then done/target (or met/due). */
function registerCell(c: RegisterCell): Cell {
  const amount = c.done !== undefined ? fmtNumber(c.done) + '/' + fmtNumber(c.goal!) : `${c.met}/${c.of}`;
  const tone = toneOf(c.status);
  return { text: `${SYMBOL[c.status]} ${amount}`, ...(tone ? { tone } : {}) };
}
