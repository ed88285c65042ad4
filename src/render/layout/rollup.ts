/**
 * The roll-up laid out: the members ranked, a chart of their rates, the areas they share side by
 * side, the members not counted with the reason, the checklists in use (a note when they differ),
 * one level down for members that are umbrellas, and every member's provenance.
 */
import type { RankedMember, RollupReport, UnverifiedRow } from '../../core/rollup/report.js';
import type { RollupLabels } from '../../i18n/rollup-labels.js';
import { cell, type Doc, type Section, type Table } from '../doc.js';
import { percentCell } from './common.js';
import type { TidyTable } from '../tidy/table.js';

export interface RollupContext {
  R: RollupLabels;
  lang: 'zh' | 'en';
  version: string;
}

function rankingTable(rows: readonly RankedMember[], R: RollupLabels, withPeriod: boolean): Table {
  const C = R.col;
  return {
    columns: [
      { label: C.rank, align: 'right' },
      { label: C.member },
      { label: C.score, align: 'right' },
      { label: C.ytdMax, align: 'right' },
      { label: C.percent, align: 'right' },
      { label: C.grade, align: 'center' },
      ...(withPeriod ? [{ label: C.periodRate, align: 'right' as const }] : []),
      { label: C.overdue, align: 'right' },
      { label: C.accountability, align: 'center' },
      { label: C.units, align: 'right' },
    ],
    rows: rows.map((r) => [
      cell(r.rank),
      cell(r.name),
      cell(r.score),
      cell(r.ytdMax),
      percentCell(r.percent),
      cell(r.grade),
      ...(withPeriod ? [r.period ? percentCell(r.period.rate) : cell('–')] : []),
      cell(r.overdue, r.overdue ? 'bad' : undefined),
      cell(R.outcomes(r.accountability), r.accountability.disqualify + r.accountability.admonish > 0 ? 'bad' : undefined),
      cell(r.units),
    ]),
    keyColumns: 2,
  };
}

/**
 * Each member's sections (units) as its own report scores them, a row each, the member named on
 * its first row only: the drill-down beneath the ranking. Undefined when no member has sections.
 */
function sectionsTable(rows: readonly RankedMember[], R: RollupLabels): Table | undefined {
  const C = R.col;
  const out: Table['rows'] = [];
  for (const m of rows) {
    m.sections.forEach((s, i) => {
      out.push([cell(i === 0 ? m.name : ''), cell(s.name), cell(s.score), cell(s.ytdMax), percentCell(s.percent), cell(s.grade), cell(s.overdue, s.overdue ? 'bad' : undefined)]);
    });
  }
  if (out.length === 0) return undefined;
  return {
    columns: [
      { label: C.member },
      { label: C.section },
      { label: C.score, align: 'right' },
      { label: C.ytdMax, align: 'right' },
      { label: C.percent, align: 'right' },
      { label: C.grade, align: 'center' },
      { label: C.overdue, align: 'right' },
    ],
    rows: out,
    keyColumns: 2,
  };
}

function unverifiedTable(rows: readonly UnverifiedRow[], R: RollupLabels): Table {
  return {
    columns: [{ label: R.col.member }, { label: R.col.reason }, { label: R.col.detail }, { label: R.col.commit }],
    rows: rows.map((u) => [cell(u.name), cell(R.reasons[u.reason], 'bad'), cell(u.detail), cell(u.commit?.slice(0, 12) ?? '–')]),
    keyColumns: 1,
  };
}

export function layoutRollup(r: RollupReport, ctx: RollupContext): Doc {
  const { R } = ctx;
  const C = R.col;
  const withPeriod = r.report !== 'annual';
  const names = new Map(r.provenance.map((p) => [p.id, p.name]));
  const sections: Section[] = [
    {
      heading: R.sections.ranking,
      level: 2,
      // nobody counted: no score, no rate (not 0 of 0 at 100 %), no empty table or chart
      ...(r.totals.percent === null
        ? { text: [R.totalsNone({})] }
        : {
            text: [R.totals({ members: r.totals.members, score: r.totals.score, ytdMax: r.totals.ytdMax, percent: r.totals.percent, overdue: r.totals.overdue })],
            table: rankingTable(r.ranking, R, withPeriod),
          }),
    },
  ];
  if (r.ranking.length > 0) {
    sections.push({
      heading: R.sections.chart,
      level: 2,
      chart: { kind: 'bars', unit: '%', items: r.ranking.map((m) => ({ label: m.name, value: m.percent, max: 100, tone: m.percent >= 90 ? 'good' : m.percent >= 70 ? 'warn' : 'bad' })) },
    });
  }
  if (r.areas.length > 0) {
    sections.push({
      heading: R.sections.areas,
      level: 2,
      text: r.areas.map((a) => `${a.id} ${a.name}`),
      table: {
        columns: [{ label: C.member }, ...r.areas.map((a) => ({ label: a.id, align: 'right' as const }))],
        rows: r.ranking.map((m) => [cell(m.name), ...r.areas.map((a) => {
          const p = a.members.find((x) => x.id === m.id)?.percent;
          return p === null || p === undefined ? cell('–') : percentCell(p);
        })]),
        keyColumns: 1,
      },
    });
  }
  const own = sectionsTable(r.ranking, R);
  if (own) sections.push({ heading: R.sections.sections, level: 2, table: own });
  sections.push(
    r.unverified.length > 0
      ? { heading: R.sections.unverified, level: 2, table: unverifiedTable(r.unverified, R) }
      : { heading: R.sections.unverified, level: 2, text: [R.allCounted] },
  );
  sections.push({
    heading: R.sections.checklists,
    level: 2,
    text:
      r.checklists.length === 0
        ? [R.none]
        : r.checklists.length > 1
        ? [R.notLikeForLike, ...r.checklists.map((c) => `${c.title} (${c.total}): ${c.members.map((id) => names.get(id) ?? id).join(ctx.lang === 'zh' ? '、' : ', ')}`)]
        : r.checklists.map((c) => R.sameChecklist({ title: c.title, total: c.total })),
  });
  for (const m of r.ranking) {
    if (!m.members) continue;
    sections.push({ heading: `${R.sections.drill}：${R.drill({ name: m.name })}`, level: 3, table: rankingTable(m.members, R, withPeriod) });
    const below = sectionsTable(m.members, R);
    if (below) sections.push({ heading: `${R.sections.drill}：${R.drillSections({ name: m.name })}`, level: 3, table: below });
    if (m.unverified && m.unverified.length > 0) sections.push({ heading: `${R.sections.unverified}：${m.name}`, level: 3, table: unverifiedTable(m.unverified, R) });
  }
  sections.push({
    heading: R.sections.provenance,
    level: 2,
    table: {
      columns: [{ label: C.member }, { label: C.commit }, { label: C.audit }, { label: C.fetched }, { label: C.stale }],
      rows: r.provenance.map((p) => [
        cell(p.name),
        cell(p.commit?.slice(0, 12) ?? '–'),
        cell(p.auditCommits !== undefined ? `${R.audit[p.audit]} (${p.auditCommits})` : R.audit[p.audit], p.audit === 'violations' ? 'bad' : p.audit === 'clean' ? 'good' : 'muted'),
        cell(p.fetched ?? R.neverFetched),
        // a member never fetched has no data to call fresh
        p.stale ? cell(R.staleSince({ failed: p.stale.failed, reason: p.stale.reason, since: p.stale.since ?? '' }), 'warn') : p.commit ? cell('✓', 'good') : cell('–', 'muted'),
      ]),
      keyColumns: 1,
    },
  });
  return {
    title: R.title({ umbrella: r.umbrella, period: r.period, kind: R.kinds[r.report] }),
    subtitle: R.subtitle({ asOf: r.asOf, counted: r.ranking.length, unverified: r.unverified.length }),
    sections,
    footer: [R.footer({ asOf: r.asOf, version: ctx.version })],
    lang: ctx.lang,
  };
}

/**
 * The roll-up as one tidy table, for CSV: a row per member (and per member one level down), the
 * counted ranked, each followed by a row per section of its own (the unit column filled), the
 * others with their reason; numbers as numbers.
 */
export function tidyRollup(r: RollupReport, R: RollupLabels): TidyTable {
  const C = R.col;
  const columns: TidyTable['columns'] = [
    { key: 'level', label: C.under, kind: 'text' },
    { key: 'id', label: 'id', kind: 'text' },
    { key: 'member', label: C.member, kind: 'text' },
    { key: 'section', label: C.section, kind: 'text' },
    { key: 'rank', label: C.rank, kind: 'number' },
    { key: 'grade', label: C.grade, kind: 'text' },
    { key: 'score', label: C.score, kind: 'number' },
    { key: 'ytdMax', label: C.ytdMax, kind: 'number' },
    { key: 'percent', label: C.percent, kind: 'percent' },
    { key: 'periodRate', label: C.periodRate, kind: 'percent' },
    { key: 'overdue', label: C.overdue, kind: 'number' },
    { key: 'reason', label: C.reason, kind: 'text' },
    { key: 'detail', label: C.detail, kind: 'text' },
    { key: 'commit', label: C.commit, kind: 'text' },
  ];
  const commits = new Map(r.provenance.map((p) => [p.id, p.commit]));
  const rows: (string | number | undefined)[][] = [];
  const ranked = (level: string, m: RankedMember, commit?: string) => {
    rows.push([level, m.id, m.name, undefined, m.rank, m.grade, m.score, m.ytdMax, m.percent, m.period?.rate, m.overdue, undefined, undefined, commit]);
    for (const s of m.sections) rows.push([level, m.id, m.name, s.name, undefined, s.grade, s.score, s.ytdMax, s.percent, undefined, s.overdue, undefined, undefined, undefined]);
  };
  const apart = (level: string, u: UnverifiedRow) => rows.push([level, u.id, u.name, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, R.reasons[u.reason], u.detail, u.commit]);
  for (const m of r.ranking) ranked(r.umbrella, m, commits.get(m.id));
  for (const u of r.unverified) apart(r.umbrella, u);
  for (const m of r.ranking) {
    for (const c of m.members ?? []) ranked(m.name, c);
    for (const u of m.unverified ?? []) apart(m.name, u);
  }
  return { name: R.kinds[r.report], columns, rows };
}
