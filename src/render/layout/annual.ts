/** The annual summary laid out: ranking, charts, areas, roll-ups, own items, accountability. */
import type { AnnualReport, Missed } from '../../core/reports/annual.js';
import { cell, fmtNumber, type Doc, type Section } from '../doc.js';
import { footer, inspectionsSection, percentCell, progressText, shortText, SYMBOL, withCount, type LayoutContext } from './common.js';

export function layoutAnnual(r: AnnualReport, ctx: LayoutContext): Doc {
  const { L } = ctx;
  const C = L.col;
  // equal ranks keep the organisation's own order of units
  const ranked = [...r.units].sort((a, b) => a.rank - b.rank);
  const areaIds = [...new Map(r.units.flatMap((u) => u.areas.map((a) => [a.id, a.name] as const))).entries()];
  const sections: Section[] = [
    {
      heading: L.sections.ranking,
      level: 2,
      text: [maxNote(r, ctx)],
      table: {
        columns: [
          { label: C.rank, align: 'right' },
          { label: C.unit },
          { label: C.chief },
          { label: C.supervisor },
          { label: C.score, align: 'right' },
          { label: C.ytdMax, align: 'right' },
          { label: C.percent, align: 'right' },
          { label: C.projected, align: 'right' },
          { label: C.max, align: 'right' },
          { label: C.grade, align: 'center' },
          ...(r.assessmentShare !== undefined ? [{ label: C.share, align: 'right' as const }] : []),
          { label: C.overdue, align: 'right' },
          { label: C.accountability },
        ],
        rows: ranked.map((u) => [
          cell(u.rank),
          cell(u.name),
          cell(u.chief.name),
          cell(u.supervisor.name),
          cell(u.score),
          cell(u.ytdMax),
          percentCell(u.percent),
          cell(u.projected),
          cell(u.max),
          cell(u.grade),
          ...(u.share !== undefined ? [cell(u.share)] : []),
          cell(u.overdue, u.overdue ? 'bad' : undefined),
          u.accountability ? cell(L.outcomes[u.accountability], 'bad') : cell(L.none),
        ]),
        keyColumns: 2,
      },
    },
    {
      heading: L.sections.chartScores,
      level: 2,
      chart: { kind: 'bars', unit: '%', items: ranked.map((u) => ({ label: u.name, value: u.percent, max: 100, tone: u.percent >= 90 ? 'good' : u.percent >= 70 ? 'warn' : 'bad' })) },
    },
    {
      heading: L.sections.areas,
      level: 2,
      text: [
        ...areaIds.map(([id, name]) => {
          const rule = r.areaRules?.find((a) => a.id === id);
          return rule ? `${id} ${name}（${L.areaRule(rule)}）` : `${id} ${name}`;
        }),
        ...(r.bonusCap !== undefined ? [L.bonusCap({ cap: r.bonusCap })] : []),
        ...(r.countedToward ?? []).map((t) =>
          L.towardNote({
            item: t.item,
            title: t.title,
            from: t.from.name,
            score: fmtNumber(t.score),
            ytdMax: fmtNumber(t.ytdMax),
            units: t.units.map((id) => r.units.find((u) => u.id === id)?.name ?? id).join(ctx.lang === 'zh' ? '、' : ', '),
          }),
        ),
      ],
      table: {
        columns: [{ label: C.unit }, ...areaIds.map(([id]) => ({ label: id, align: 'right' as const })), { label: C.score, align: 'right' }],
        rows: ranked.map((u) => [
          cell(u.name),
          ...areaIds.map(([id]) => {
            const a = u.areas.find((x) => x.id === id);
            // score/possible as text: a number alone would lose the half CSV readers need
            return a ? { text: `${fmtNumber(a.score)}/${fmtNumber(a.ytdMax)}`, ...(a.score < a.ytdMax ? { tone: 'warn' as const } : {}) } : cell(L.none);
          }),
          { text: `${fmtNumber(u.score)}/${fmtNumber(u.ytdMax)}` },
        ]),
      },
    },
    {
      heading: L.sections.supervisors,
      level: 2,
      table: {
        columns: [{ label: C.supervisor }, { label: C.units }, { label: C.score, align: 'right' }, { label: C.ytdMax, align: 'right' }, { label: C.percent, align: 'right' }],
        rows: r.supervisors.map((s) => [
          cell(s.name),
          cell(s.units.map((id) => r.units.find((u) => u.id === id)?.name ?? id).join(ctx.lang === 'zh' ? '、' : ', ')),
          cell(s.score),
          cell(s.ytdMax),
          percentCell(s.percent),
        ]),
      },
    },
    {
      heading: L.sections.levels,
      level: 2,
      table: {
        columns: [{ label: C.level }, { label: C.score, align: 'right' }, { label: C.ytdMax, align: 'right' }, { label: C.max, align: 'right' }, { label: C.percent, align: 'right' }],
        rows: r.levels.map((l) => [cell(L.levels[l.level as keyof typeof L.levels] ?? l.level), cell(l.score), cell(l.ytdMax), cell(l.max), percentCell(l.percent)]),
      },
    },
    {
      heading: L.sections.orgItems,
      level: 2,
      table: {
        columns: [{ label: C.subject }, { label: C.item }, { label: C.title }, { label: C.done, align: 'right' }, { label: C.rate, align: 'right' }, { label: C.status }],
        rows: [r.organisation, ...r.people].flatMap((s) =>
          s.items.map((i) => [
            cell(s.name),
            cell(i.item),
            cell(i.title),
            cell(progressText(i.done, i.goal, i.measure)),
            i.rate !== undefined ? cell(`${fmtNumber(Math.round(i.rate * 1000) / 10)}%`) : cell(L.none),
            cell(i.statuses.map((x) => SYMBOL[x.status]).join('')),
          ]),
        ),
      },
    },
    {
      heading: L.sections.coverage,
      level: 2,
      table: {
        columns: [{ label: C.item }, { label: C.title }, { label: C.dueSoFar, align: 'right' }, { label: C.met, align: 'right' }, { label: C.rate, align: 'right' }],
        rows: r.coverage.map((c) => [cell(c.item), cell(c.title), cell(c.due), cell(c.met), percentCell(c.rate)]),
      },
    },
    ...[inspectionsSection(ctx, r.inspections)].filter((x): x is Section => x !== undefined),
    { heading: L.sections.trend, level: 2, chart: { kind: 'trend', points: r.trend.map((t) => ({ label: L.monthLabel({ month: +t.month.slice(5) }), value: t.rate })) } },
    {
      heading: withCount(ctx, L.sections.accountability, r.accountability.length),
      level: 2,
      empty: L.noAccountability,
      table: {
        columns: [{ label: C.kind }, { label: C.subject }, { label: C.outcome }, { label: C.reasons }],
        rows: r.accountability.map((a) => [cell(L.kinds[a.kind]), cell(a.name), cell(L.outcomes[a.outcome], 'bad'), cell(reasonsOf(a, r, ctx))]),
      },
    },
  ];
  return {
    title: L.annualTitle({ year: r.year }),
    subtitle: L.subtitle({ org: r.org, asOf: r.asOf, trackedFrom: ctx.provenance.trackedFrom ?? '' }),
    sections,
    footer: footer(ctx, ctx.provenance.generator),
    lang: ctx.lang,
  };
}

/** Why a unit or person falls under accountability: every trigger and every missed obligation. */
export function reasonsOf(a: AnnualReport['accountability'][number], r: AnnualReport, ctx: LayoutContext): string {
  const unitNames = a.units.map((id) => r.units.find((u) => u.id === id)?.name ?? id);
  // every missed obligation, grouped by item: a reason is never cut short
  const reasons = [
    ...a.triggers.map((t) => ctx.L.trigger({ kind: t.kind, value: t.value, threshold: t.threshold })),
    ...(a.kind === 'person' && unitNames.length ? [unitNames.join(ctx.lang === 'zh' ? '、' : ', ')] : []),
    ...(a.missed.length ? [missedText(a.missed, ctx)] : []),
  ];
  return reasons.join(ctx.lang === 'zh' ? '；' : '; ');
}

/** What a unit's 满分 covers: its own items; the committee's and people's items are scored apart. */
function maxNote(r: AnnualReport, ctx: LayoutContext): string {
  const maxes = [...new Set(r.units.map((u) => u.max))].sort((a, b) => a - b);
  const max = maxes.length === 1 ? fmtNumber(maxes[0]!) : `${fmtNumber(maxes[0] ?? 0)}–${fmtNumber(maxes[maxes.length - 1] ?? 0)}`;
  return ctx.L.maxNote({ max, total: fmtNumber(r.total) });
}

/** Missed obligations grouped by item, every period named: `T1.5 2026-02、2026-07；T3.3 2026-02`. */
function missedText(missed: readonly Missed[], ctx: LayoutContext): string {
  const byItem = new Map<string, string[]>();
  for (const m of missed) byItem.set(m.item, [...(byItem.get(m.item) ?? []), m.period + shortText(ctx, m.short)]);
  const zh = ctx.lang === 'zh';
  return [...byItem].map(([item, periods]) => `${item} ${periods.join(zh ? '、' : ', ')}`).join(zh ? '；' : '; ');
}
