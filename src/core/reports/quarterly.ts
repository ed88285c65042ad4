/**
 * The quarterly inspection (一季一检查) as plain data: the completion progress register
 * (完成进度登记簿) — items × sections, each cell the status and quantity to date of the item's
 * obligations that fall in the quarter — with subtotals per area, scores to date, the
 * organisation's and people's own items, and the findings to follow up in the order of the
 * organisation file.
 */
import type { Dataset } from '../dataset.js';
import { scoresOf, type Evaluation } from '../evaluate.js';
import { displayMeasure, subjectId, subjectName, targetOf } from '../expand.js';
import { periodEnd, periodStart, type Period } from '../periods.js';
import type { ItemScore } from '../score.js';
import { round, type Status } from '../status.js';
import { isCumulative, isMissed, selectUnits, shortOf, type Selection } from './common.js';
import { gradeOf, percentOf, type Grade, type ShortPerson } from './annual.js';
import { byItemId } from '../order.js';
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

/** The organisation's or a person's own items in the quarter, as the annual summary lists them. */
export interface OwnItems {
  kind: 'org' | 'person';
  id: string;
  name: string;
  items: { id: string; title: string; measure?: string; cell: Cell }[];
}

export interface Finding {
  /** Whose work it is: a unit, the organisation or a person (id and name). */
  kind: 'unit' | 'org' | 'person';
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
  /** A per-person item: the persons who fell short of their target (or behind it). */
  short?: ShortPerson[];
}

export interface QuarterlyReport {
  kind: 'quarterly';
  year: number;
  quarter: string;
  asOf: string;
  org: string;
  units: { id: string; name: string; score: number; ytdMax: number; percent: number; rank: number; grade: Grade }[];
  areas: RegisterArea[];
  own: OwnItems[];
  findings: Finding[];
  /** Inspection findings (检查扣分) dated in the quarter, present when there are any. */
  inspections?: InspectionRow[];
}

// a cell shows its most pressing state
const PRIORITY: Status[] = ['overdue', 'partial', 'met-late', 'due-soon', 'open', 'met', 'exempt'];

export function quarterlyReport(ds: Dataset, ev: Evaluation, quarter: Period, sel: Selection): QuarterlyReport {
  const checklist = ds.checklists.find((c) => c.value.year === ev.year)!.value;
  const units = selectUnits(ds, sel);
  const org = ds.org.value;
  const orgName = ds.settings.org ?? org.name;
  // the subjects covered, in the order of the organisation file: units, the organisation, people
  const supervisor = sel.supervisor === undefined ? undefined : org.people.find((p) => p.id === sel.supervisor || p.name === sel.supervisor);
  const ownKeys =
    sel.unit !== undefined ? [] : [...(supervisor ? [] : ['org']), ...org.people.filter((p) => !supervisor || p.id === supervisor.id).map((p) => `person:${p.id}`)];
  const order = new Map([...units.map((u) => `unit:${u.id}`), ...ownKeys].map((k, i) => [k, i]));
  const qStart = periodStart(quarter);
  const qEnd = periodEnd(quarter);
  const inQuarter = (start: string, end: string) => start <= qEnd && end >= qStart;

  const cells = new Map<string, { statuses: Status[]; met: number; of: number; done?: number; goal?: number }>();
  const findings: (Finding & { order: number })[] = [];
  ev.obligations.forEach((o, i) => {
    const at = order.get(o.subjectKey);
    if (at === undefined || !inQuarter(o.start, o.end)) return;
    const p = ev.progress[i]!;
    const key = `${o.item.id}\u0000${o.subjectKey}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { statuses: [], met: 0, of: 0 }));
    c.statuses.push(p.status);
    if (p.status !== 'exempt') c.of++;
    if (p.status === 'met' || p.status === 'met-late') c.met++;
    if (isCumulative(o)) {
      c.done = p.done;
      c.goal = p.goal;
    }
    const base = { order: at, kind: o.subject.kind, unit: subjectId(o.subject), unitName: subjectName(o.subject, orgName), item: o.item.id, title: o.item.title, period: o.periodKey, due: o.due, done: p.done, goal: p.goal, ...shortOf(p) };
    // a miss is the quarter's when its period ends in the quarter (the September report due on
    // 5 October) or it fell due in it (a yearly item due in March): as of the evaluation day
    if (isMissed(p) && (o.end <= qEnd || o.due <= qEnd)) findings.push({ ...base, status: p.status });
    else if (p.pace?.behind) findings.push({ ...base, status: 'behind', expected: p.pace.expected });
  });

  const cellOf = (itemId: string, subjectKey: string): Cell | undefined => {
    const c = cells.get(`${itemId}\u0000${subjectKey}`);
    if (!c) return undefined;
    const status = PRIORITY.find((s) => c.statuses.includes(s))!;
    return { status, met: c.met, of: c.of, ...(c.done !== undefined ? { done: c.done, goal: c.goal! } : {}) };
  };
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
        const c = cellOf(item.id, `unit:${u.id}`);
        if (c) row.cells[u.id] = c;
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

  const own: OwnItems[] = [];
  for (const key of ownKeys) {
    const first = ev.obligations.find((o) => o.subjectKey === key);
    if (!first) continue;
    const items: OwnItems['items'] = [];
    for (const area of checklist.areas) {
      for (const item of area.items) {
        const c = cellOf(item.id, key);
        if (!c) continue;
        const measure = displayMeasure(targetOf(item));
        items.push({ id: item.id, title: item.title, ...(measure ? { measure } : {}), cell: c });
      }
    }
    if (items.length > 0) own.push({ kind: first.subject.kind as 'org' | 'person', id: subjectId(first.subject), name: subjectName(first.subject, orgName), items });
  }
  findings.sort((a, b) => a.order - b.order || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || byItemId(a.item, b.item));
  return {
    kind: 'quarterly',
    year: ev.year,
    quarter: `${quarter.year}-Q${quarter.index}`,
    asOf: ev.asOf,
    org: ds.settings.org ?? ds.org.value.name,
    units: rows,
    areas,
    own,
    findings: findings.map(({ order: _, ...f }) => f),
    ...(() => {
      const keys = new Set(units.map((u) => `unit:${u.id}`));
      const rows = inspectionRows(ds, ev.findings.filter((f) => f.date >= qStart && f.date <= qEnd), (k) => keys.has(k));
      return rows.length > 0 ? { inspections: rows } : {};
    })(),
  };
}
