/** The monthly report as one tidy table: scores to date, completions, overdue, due next month, pace. */
import type { MonthlyReport } from '../../core/reports/monthly.js';
import type { LayoutContext } from '../layout/common.js';
import { periodLabel, tidyTable, type TidyRow, type TidyTable } from './table.js';

export function tidyMonthly(r: MonthlyReport, ctx: LayoutContext): TidyTable {
  const { L, messages } = ctx;
  const rows: TidyRow[] = [];
  for (const s of r.subjects) {
    const who = { subject: s.name, subjectId: s.id };
    rows.push({ table: L.col.scoreToDate, ...who, score: s.score.score, ytdMax: s.score.ytdMax, percent: s.score.percent });
  }
  for (const s of r.subjects) {
    const who = { subject: s.name, subjectId: s.id };
    for (const c of s.completed) {
      rows.push({
        table: L.sections.completed,
        ...who,
        item: c.item,
        title: c.title,
        ...periodLabel(c.period, L),
        date: c.date,
        done: c.amount,
        goal: c.expected,
        // the unit the quantity is shown in (3.5学时): the item's own measure
        measure: c.amount !== undefined && c.expected === undefined ? c.quantity?.replace(/^[\d.]+/, '') || undefined : undefined,
        note: c.quantity === 'exempt' ? `${L.tidy.exempt}${c.note ? `：${c.note}` : ''}` : c.note,
      });
    }
    for (const [table, list] of [[L.sections.overdue, s.overdue], [L.sections.dueNext, s.dueNext]] as const) {
      for (const o of list) {
        rows.push({
          table,
          ...who,
          item: o.item,
          title: o.title,
          ...periodLabel(o.period, L),
          due: o.due,
          status: messages.status[o.status],
          done: o.done,
          goal: o.goal,
          measure: o.measure,
          responsible: o.responsible?.name,
        });
      }
    }
    for (const p of s.pace) {
      rows.push({
        table: L.sections.pace,
        ...who,
        item: p.item,
        title: p.title,
        status: p.behind ? L.behindMark : '',
        done: p.done,
        goal: p.goal,
        expected: p.expected,
        measure: p.measure,
      });
    }
  }
  return tidyTable(L.monthlyTitle({ year: r.year, month: +r.month.slice(5) }), L, rows);
}
