/** The monthly report laid out: overview, trend, then one block per section. */
import type { MonthlyReport } from '../../core/reports/monthly.js';
import { cell, fmtNumber, type Doc, type Section } from '../doc.js';
import { footer, progressText, statusCell, withCount, type LayoutContext } from './common.js';

export function layoutMonthly(r: MonthlyReport, ctx: LayoutContext): Doc {
  const { L } = ctx;
  const C = L.col;
  const sections: Section[] = [
    {
      heading: L.sections.overview,
      level: 2,
      table: {
        columns: [{ label: C.unit }, { label: C.completed, align: 'right' }, { label: C.overdue, align: 'right' }, { label: C.dueNext, align: 'right' }, { label: C.behind, align: 'right' }],
        rows: r.subjects.map((s) => [
          cell(s.name),
          cell(s.completed.length),
          cell(s.overdue.length, s.overdue.length ? 'bad' : undefined),
          cell(s.dueNext.length),
          cell(s.pace.filter((p) => p.behind).length, s.pace.some((p) => p.behind) ? 'warn' : undefined),
        ]),
      },
    },
    { heading: L.sections.trend, level: 2, chart: { kind: 'trend', points: r.trend.map((t) => ({ label: L.monthLabel({ month: +t.month.slice(5) }), value: t.rate })) } },
  ];
  for (const s of r.subjects) {
    sections.push({
      heading: s.name,
      level: 2,
      ...(s.chief && s.supervisor ? { text: [L.chiefAndSupervisor({ chief: s.chief.name, supervisor: s.supervisor.name })] } : {}),
    });
    sections.push({
      heading: withCount(ctx, L.sections.completed, s.completed.length),
      level: 3,
      empty: L.nothingCompleted,
      table: {
        columns: [{ label: C.date }, { label: C.item }, { label: C.title }, { label: C.quantity, align: 'right' }, { label: C.period }, { label: C.note }],
        rows: s.completed.map((c) => [cell(c.date), cell(c.item), cell(c.title), cell(c.quantity ?? ''), cell(c.period), cell(c.note ?? '')]),
      },
    });
    sections.push({
      heading: withCount(ctx, L.sections.overdue, s.overdue.length),
      level: 3,
      empty: L.nothingOverdue,
      table: {
        columns: [{ label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.status }, { label: C.done, align: 'right' }],
        rows: s.overdue.map((o) => [cell(o.item), cell(o.title), cell(o.period), cell(o.due), statusCell(ctx, o.status), cell(progressText(o.done, o.goal, o.measure))]),
      },
    });
    if (s.dueNext.length > 0) {
      sections.push({
        heading: withCount(ctx, L.sections.dueNext, s.dueNext.length),
        level: 3,
        table: {
          columns: [{ label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.done, align: 'right' }],
          rows: s.dueNext.map((o) => [cell(o.item), cell(o.title), cell(o.period), cell(o.due), cell(progressText(o.done, o.goal, o.measure))]),
        },
      });
    }
    if (s.pace.length > 0) {
      sections.push({
        heading: L.sections.pace,
        level: 3,
        table: {
          columns: [{ label: C.item }, { label: C.title }, { label: C.done, align: 'right' }, { label: C.expected, align: 'right' }, { label: C.goal, align: 'right' }, { label: C.status }],
          rows: s.pace.map((p) => [
            cell(p.item),
            cell(p.title),
            { text: `${fmtNumber(p.done)}${p.measure ?? ''}`, value: p.done, tone: p.behind ? 'warn' : 'good' },
            cell(`${fmtNumber(p.expected)}${p.measure ?? ''}`),
            cell(`${p.goal}${p.measure ?? ''}`),
            p.behind ? statusCell(ctx, 'behind') : cell(L.none),
          ]),
        },
      });
    }
  }
  return {
    title: L.monthlyTitle({ year: r.year, month: +r.month.slice(5) }),
    subtitle: L.subtitle({ org: r.org, asOf: r.asOf, trackedFrom: ctx.provenance.trackedFrom ?? '' }),
    sections,
    footer: footer(ctx, ctx.provenance.generator),
    lang: ctx.lang,
  };
}
