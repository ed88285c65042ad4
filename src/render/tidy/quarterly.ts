/** The quarterly inspection as one tidy table: scores, the register's cells, subtotals, own items, findings. */
import type { Cell, QuarterlyReport } from '../../core/reports/quarterly.js';
import type { LayoutContext } from '../layout/common.js';
import { periodLabel, tidyTable, type TidyRow, type TidyTable } from './table.js';

export function tidyQuarterly(r: QuarterlyReport, ctx: LayoutContext): TidyTable {
  const { L, messages } = ctx;
  const quarter = periodLabel(r.quarter, L);
  const amount = (c: Cell) => ({ status: messages.status[c.status], done: c.done ?? c.met, goal: c.goal ?? c.of });
  const rows: TidyRow[] = r.units.map((u) => ({
    table: L.sections.scores,
    subject: u.name,
    subjectId: u.id,
    score: u.score,
    ytdMax: u.ytdMax,
    percent: u.percent,
    rank: u.rank,
    grade: u.grade,
  }));
  for (const area of r.areas) {
    for (const u of r.units) {
      for (const item of area.items) {
        const c = item.cells[u.id];
        if (!c) continue;
        rows.push({ table: L.sections.register, subject: u.name, subjectId: u.id, area: area.id, item: item.id, title: item.title, ...quarter, ...amount(c), measure: item.measure });
      }
      const t = area.subtotals[u.id];
      if (t) rows.push({ table: L.col.subtotal, subject: u.name, subjectId: u.id, area: area.id, ...quarter, score: t.score, ytdMax: t.ytdMax });
    }
  }
  for (const s of r.own) {
    for (const i of s.items) {
      rows.push({ table: L.sections.orgItems, subject: s.name, subjectId: s.id, item: i.id, title: i.title, ...quarter, ...amount(i.cell), measure: i.measure });
    }
  }
  for (const f of r.findings) {
    rows.push({
      table: L.sections.findings,
      subject: f.unitName,
      subjectId: f.unit,
      item: f.item,
      title: f.title,
      ...periodLabel(f.period, L),
      due: f.due,
      status: f.status === 'behind' ? L.behindMark : messages.status[f.status],
      done: f.done,
      goal: f.goal,
      expected: f.expected,
    });
  }
  return tidyTable(L.quarterlyTitle({ year: r.year, quarter: r.quarter.slice(-1) }), L, rows);
}
