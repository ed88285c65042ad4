/**
 * The monthly report laid out. By default a digest for the monthly meeting: the overview (one line
 * per section), the trend, then only the exceptions — overdue and due next month — with who
 * answers for each. With --detail, every section's tables follow the trend instead.
 */
import type { MonthlyReport, MonthlySubject } from '../../core/reports/monthly.js';
import { cell, fmtNumber, type Doc, type Section } from '../doc.js';
import { footer, percentCell, progressText, shortText, statusCell, withCount, type LayoutContext } from './common.js';

export function layoutMonthly(r: MonthlyReport, ctx: LayoutContext): Doc {
  const { L } = ctx;
  const C = L.col;
  const t = r.totals;
  const sections: Section[] = [
    {
      heading: L.sections.overview,
      level: 2,
      text: [L.monthlyTotals({ completed: t.completed, overdue: t.overdue, dueNext: t.dueNext, behind: t.behind })],
      table: {
        columns: [
          { label: C.subject },
          { label: C.completed, align: 'right' },
          { label: C.overdue, align: 'right' },
          { label: C.dueNext, align: 'right' },
          { label: C.behind, align: 'right' },
          { label: C.scoreToDate, align: 'right' },
          { label: C.percent, align: 'right' },
        ],
        rows: r.subjects.map((s) => [
          cell(s.name),
          cell(s.completed.length),
          cell(s.overdue.length, s.overdue.length ? 'bad' : undefined),
          cell(s.dueNext.length),
          cell(s.pace.filter((p) => p.behind).length, s.pace.some((p) => p.behind) ? 'warn' : undefined),
          { text: `${fmtNumber(s.score.score)}/${fmtNumber(s.score.ytdMax)}` },
          percentCell(s.score.percent),
        ]),
      },
    },
    { heading: L.sections.trend, level: 2, chart: { kind: 'trend', points: r.trend.map((p) => ({ label: L.monthLabel({ month: +p.month.slice(5) }), value: p.rate })) } },
  ];
  if (ctx.detail) for (const s of r.subjects) sections.push(...subjectSections(s, ctx));
  else sections.push(...exceptions(r, ctx));
  const title = L.monthlyTitle({ year: r.year, month: +r.month.slice(5) });
  return {
    title: r.supervisor ? `${title}${L.supervisorsDigest({ name: r.supervisor.name })}` : title,
    subtitle: L.subtitle({ org: r.org, asOf: r.asOf, trackedFrom: ctx.provenance.trackedFrom ?? '' }),
    sections,
    footer: footer(ctx, ctx.provenance.generator),
    lang: ctx.lang,
  };
}

/**
 * The digest's exceptions: everything overdue and everything falling due next month, in one
 * table each, every row naming who answers for it; the rest is in --detail.
 */
function exceptions(r: MonthlyReport, ctx: LayoutContext): Section[] {
  const { L } = ctx;
  const C = L.col;
  const overdue = r.subjects.flatMap((s) => s.overdue.map((o) => ({ s, o })));
  const next = r.subjects.flatMap((s) => s.dueNext.map((o) => ({ s, o })));
  return [
    {
      heading: withCount(ctx, L.sections.overdue, overdue.length),
      level: 2,
      empty: L.nothingOverdue,
      table: {
        columns: [{ label: C.subject }, { label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.status }, { label: C.done, align: 'right' }, { label: C.person }],
        rows: overdue.map(({ s, o }) => [
          cell(s.name),
          cell(o.item),
          cell(o.title),
          cell(o.period),
          cell(o.due),
          statusCell(ctx, o.status),
          cell(progressText(o.done, o.goal, o.measure) + shortText(ctx, o.short)),
          cell(o.responsible?.name ?? L.none),
        ]),
        keyColumns: 2,
      },
    },
    {
      heading: withCount(ctx, L.sections.dueNext, next.length),
      level: 2,
      empty: L.nothingDueNext,
      table: {
        columns: [{ label: C.subject }, { label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.done, align: 'right' }, { label: C.person }],
        rows: next.map(({ s, o }) => [
          cell(s.name),
          cell(o.item),
          cell(o.title),
          cell(o.period),
          cell(o.due),
          cell(progressText(o.done, o.goal, o.measure)),
          cell(o.responsible?.name ?? L.none),
        ]),
        keyColumns: 2,
      },
    },
    { heading: L.sections.moreDetail, level: 2, text: [L.detailHint] },
  ];
}

/** One section's full block (--detail): completed, overdue, due next month, cumulative targets. */
function subjectSections(s: MonthlySubject, ctx: LayoutContext): Section[] {
  const { L } = ctx;
  const C = L.col;
  const sections: Section[] = [
    {
      heading: s.name,
      level: 2,
      ...(s.chief && s.supervisor ? { text: [L.chiefAndSupervisor({ chief: s.chief.name, supervisor: s.supervisor.name })] } : {}),
    },
    {
      heading: withCount(ctx, L.sections.completed, s.completed.length),
      level: 3,
      empty: L.nothingCompleted,
      table: {
        columns: [{ label: C.date }, { label: C.item }, { label: C.title }, { label: C.quantity, align: 'right' }, { label: C.period }, { label: C.note }],
        rows: s.completed.map((c) => [cell(c.date), cell(c.item), cell(c.title), cell(c.quantity ?? ''), cell(c.period), cell(c.note ?? '')]),
      },
    },
    {
      heading: withCount(ctx, L.sections.overdue, s.overdue.length),
      level: 3,
      empty: L.nothingOverdue,
      table: {
        columns: [{ label: C.item }, { label: C.title }, { label: C.period }, { label: C.due }, { label: C.status }, { label: C.done, align: 'right' }],
        rows: s.overdue.map((o) => [cell(o.item), cell(o.title), cell(o.period), cell(o.due), statusCell(ctx, o.status), cell(progressText(o.done, o.goal, o.measure) + shortText(ctx, o.short))]),
      },
    },
  ];
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
  return sections;
}
