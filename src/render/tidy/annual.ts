/** The annual summary as one tidy table: units, their areas, supervisors, levels, own items, coverage, accountability. */
import type { AnnualReport } from '../../core/reports/annual.js';
import { round } from '../../core/status.js';
import { reasonsOf } from '../layout/annual.js';
import type { LayoutContext } from '../layout/common.js';
import { periodLabel, tidyTable, type TidyRow, type TidyTable } from './table.js';

export function tidyAnnual(r: AnnualReport, ctx: LayoutContext): TidyTable {
  const { L } = ctx;
  const year = periodLabel(String(r.year), L);
  const points = (p: { score: number; ytdMax: number; max: number; percent: number; projected: number }) => ({
    score: p.score,
    ytdMax: p.ytdMax,
    max: p.max,
    percent: p.percent,
    projected: p.projected,
  });
  const rows: TidyRow[] = [];
  for (const u of r.units) {
    rows.push({
      table: L.sections.ranking,
      subject: u.name,
      subjectId: u.id,
      ...year,
      ...points(u),
      rank: u.rank,
      grade: u.grade,
      status: u.accountability ? L.outcomes[u.accountability] : '',
      responsible: u.chief.name,
    });
  }
  for (const u of r.units) {
    for (const a of u.areas) rows.push({ table: L.sections.areas, subject: u.name, subjectId: u.id, area: a.id, ...year, ...points(a) });
  }
  for (const s of r.supervisors) rows.push({ table: L.sections.supervisors, subject: s.name, subjectId: s.id, ...year, ...points(s) });
  for (const l of r.levels) rows.push({ table: L.sections.levels, subject: L.levels[l.level as keyof typeof L.levels] ?? l.level, subjectId: l.level, ...year, ...points(l) });
  for (const s of [r.organisation, ...r.people]) {
    for (const i of s.items) {
      rows.push({
        table: L.sections.orgItems,
        subject: s.name,
        subjectId: s.id,
        item: i.item,
        title: i.title,
        ...year,
        done: i.done,
        goal: i.goal,
        measure: i.measure,
        ...(i.rate !== undefined ? { percent: round(i.rate * 100, 1) } : {}),
      });
    }
  }
  for (const c of r.coverage) rows.push({ table: L.sections.coverage, item: c.item, title: c.title, ...year, done: c.met, goal: c.due, percent: c.rate });
  for (const a of r.accountability) {
    rows.push({ table: L.sections.accountability, subject: a.name, subjectId: a.id, ...year, status: L.outcomes[a.outcome], note: reasonsOf(a, r, ctx) });
  }
  return tidyTable(L.annualTitle({ year: r.year }), L, rows);
}
