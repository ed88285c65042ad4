/**
 * The quarterly inspection (一季一检查) as plain data: the completion progress register
 * (完成进度登记簿) — items × sections, each cell the status and quantity to date of the item's
 * obligations that fall in the quarter — with subtotals per area, scores to date and the
 * findings to follow up.
 */
import type { Dataset } from '../dataset.js';
import { scoresOf, type Evaluation } from '../evaluate.js';
import { displayMeasure, targetOf } from '../expand.js';
import { periodEnd, periodStart, type Period } from '../periods.js';
import type { ItemScore } from '../score.js';
import { round, type Status } from '../status.js';
import { isCumulative, isMissed, selectUnits, type Selection } from './common.js';
import { gradeOf, percentOf, type Grade } from './annual.js';
import { byId, byItemId } from '../order.js';
import { areaSum, bonusOverCap } from '../rollup.js';
import { areaDeductions } from '../findings.js';
import { inspectionRows, type InspectionRow } from './inspections.js';

export interface Cell {
  status: Status;
  /** Obligations of the quarter met (on time or late) and how many there are. */
  met: number;
  of: number;
  /** For cumulative targets: the quantity done to date and the year's (or period's) goal. */
  done?: number;
  goal?: number;
}

export interface RegisterItem {
  id: string;
  title: string;
  cadence: string;
  measure?: string;
  /** Keyed by unit id; absent when the item does not fall on the unit. */
  cells: Record<string, Cell>;
}

export interface RegisterArea {
  id: string;
  name: string;
  items: RegisterItem[];
  /** Points to date per unit id. */
  subtotals: Record<string, { score: number; ytdMax: number; bonus?: number }>;
}

export interface Finding {
  unit: string;
  unitName: string;
  item: string;
  title: string;
  period: string;
  due: string;
  status: Status | 'behind';
  done: number;
  goal: number;
  expected?: number;
}

export interface QuarterlyReport {
  kind: 'quarterly';
  year: number;
  quarter: string;
  asOf: string;
  org: string;
  units: { id: string; name: string; score: number; ytdMax: number; percent: number; rank: number; grade: Grade }[];
  areas: RegisterArea[];
  findings: Finding[];
  /** Inspection findings (检查扣分) dated in the quarter, present when there are any. */
  inspections?: InspectionRow[];
}

// a cell shows its most pressing state
const PRIORITY: Status[] = ['overdue', 'partial', 'met-late', 'due-soon', 'open', 'met', 'exempt'];

export function quarterlyReport(ds: Dataset, ev: Evaluation, quarter: Period, sel: Selection): QuarterlyReport {
  const checklist = ds.checklists.find((c) => c.value.year === ev.year)!.value;
  const units = selectUnits(ds, sel);
  const qStart = periodStart(quarter);
  const qEnd = periodEnd(quarter);
  const inQuarter = (start: string, end: string) => start <= qEnd && end >= qStart;

  const cells = new Map<string, { statuses: Status[]; met: number; of: number; done?: number; goal?: number }>();
  const findings: Finding[] = [];
  ev.obligations.forEach((o, i) => {
    if (o.subject.kind !== 'unit' || !inQuarter(o.start, o.end)) return;
    const unit = o.subject.unit;
    if (!units.includes(unit)) return;
    const p = ev.progress[i]!;
    const key = `${o.item.id}\u0000${unit.id}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { statuses: [], met: 0, of: 0 }));
    c.statuses.push(p.status);
    if (p.status !== 'exempt') c.of++;
    if (p.status === 'met' || p.status === 'met-late') c.met++;
    if (isCumulative(o)) {
      c.done = p.done;
      c.goal = p.goal;
    }
    const base = { unit: unit.id, unitName: unit.name, item: o.item.id, title: o.item.title, period: o.periodKey, due: o.due, done: p.done, goal: p.goal };
    // a miss is the quarter's when its period ends in the quarter (the September report due on
    // 5 October) or it fell due in it (a yearly item due in March): as of the evaluation day
    if (isMissed(p) && (o.end <= qEnd || o.due <= qEnd)) findings.push({ ...base, status: p.status });
    else if (p.pace?.behind) findings.push({ ...base, status: 'behind', expected: p.pace.expected });
  });

  const scoresBy = new Map<string, ItemScore[]>();
  for (const s of scoresOf(ev)) {
    const list = scoresBy.get(s.subjectKey) ?? [];
    list.push(s);
    scoresBy.set(s.subjectKey, list);
  }
  const areas: RegisterArea[] = [];
  for (const area of checklist.areas) {
    const items: RegisterItem[] = [];
    for (const item of area.items) {
      const row: RegisterItem = { id: item.id, title: item.title, cadence: item.cadence, cells: {} };
      const measure = displayMeasure(targetOf(item));
      if (measure) row.measure = measure;
      for (const u of units) {
        const c = cells.get(`${item.id}\u0000${u.id}`);
        if (!c) continue;
        const status = PRIORITY.find((s) => c.statuses.includes(s))!;
        row.cells[u.id] = { status, met: c.met, of: c.of, ...(c.done !== undefined ? { done: c.done, goal: c.goal! } : {}) };
      }
      if (Object.keys(row.cells).length > 0) items.push(row);
    }
    if (items.length === 0) continue;
    const subtotals: RegisterArea['subtotals'] = {};
    for (const u of units) {
      const sum = areaSum(area, (scoresBy.get(`unit:${u.id}`) ?? []).filter((s) => s.area === area), areaDeductions(ev.findings, `unit:${u.id}`, area));
      subtotals[u.id] = { score: sum.score, ytdMax: sum.ytdMax, ...(sum.bonus !== 0 ? { bonus: sum.bonus } : {}) };
    }
    areas.push({ id: area.id, name: area.name, items, subtotals });
  }

  const rows = units.map((u) => {
    const list = scoresBy.get(`unit:${u.id}`) ?? [];
    // areas without a cell this quarter still count in the score to date
    const sums = checklist.areas.map((a) => areaSum(a, list.filter((s) => s.area === a), areaDeductions(ev.findings, `unit:${u.id}`, a)));
    const score = round(sums.reduce((n, a) => n + a.score, 0) - bonusOverCap(checklist, sums));
    const ytdMax = round(list.reduce((n, s) => n + s.ytdMax, 0));
    const percent = percentOf(score, ytdMax);
    return { id: u.id, name: u.name, score, ytdMax, percent, rank: 0, grade: gradeOf(percent) };
  });
  for (const r of rows) r.rank = 1 + rows.filter((o) => o.percent > r.percent).length;
  findings.sort((a, b) => byId(a.unit, b.unit) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || byItemId(a.item, b.item));
  return {
    kind: 'quarterly',
    year: ev.year,
    quarter: `${quarter.year}-Q${quarter.index}`,
    asOf: ev.asOf,
    org: ds.settings.org ?? ds.org.value.name,
    units: rows,
    areas,
    findings,
    ...(() => {
      const keys = new Set(units.map((u) => `unit:${u.id}`));
      const rows = inspectionRows(ds, ev.findings.filter((f) => f.date >= qStart && f.date <= qEnd), (k) => keys.has(k));
      return rows.length > 0 ? { inspections: rows } : {};
    })(),
  };
}
