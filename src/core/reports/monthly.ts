/**
 * The monthly report (一月一汇报) as plain data: per section what was completed in the month, what
 * is overdue, what falls due next month, and the progress of cumulative targets against pace. It
 * is evaluated on the day after the month's last deadline, or as of "today" before that (select.ts).
 */
import { addDays } from '../dates.js';
import type { Dataset } from '../dataset.js';
import { scoresOf, type Evaluation } from '../evaluate.js';
import { displayMeasure, subjectId, subjectName } from '../expand.js';
import { periodEnd } from '../periods.js';
import type { Status } from '../status.js';
import { printQuantity, type Quantity } from '../entry.js';
import { measureOf } from '../measures.js';
import { round } from '../status.js';
import { percentOf, type ShortPerson } from './annual.js';
import { isCumulative, isDone, isMissed, obligationsOf, selectUnits, shortOf, trendOf, type Selection, type TrendPoint } from './common.js';
import { byItemId } from '../order.js';

export interface CompletedRow {
  date: string;
  item: string;
  title: string;
  period: string;
  quantity?: string;
  /** The quantity's number (present, for attendance) and, for attendance, how many were expected. */
  amount?: number;
  expected?: number;
  note?: string;
}

export interface OpenRow {
  item: string;
  title: string;
  period: string;
  due: string;
  status: Status;
  done: number;
  goal: number;
  measure?: string;
  /** A per-person item past due: the persons who fell short of their target. */
  short?: ShortPerson[];
  /** Who answers for it first: the chief for a unit's work, the person for their own items, the secretary for the organisation's. */
  responsible?: { id: string; name: string };
}

export interface PaceRow {
  item: string;
  title: string;
  done: number;
  goal: number;
  expected: number;
  measure?: string;
  behind: boolean;
}

export interface MonthlySubject {
  kind: 'unit' | 'org' | 'person';
  id: string;
  name: string;
  /** Chief and supervisor for a unit. */
  chief?: { id: string; name: string };
  supervisor?: { id: string; name: string };
  completed: CompletedRow[];
  overdue: OpenRow[];
  dueNext: OpenRow[];
  pace: PaceRow[];
  /** Points to date: earned, could have been earned so far, and their ratio in percent. */
  score: { score: number; ytdMax: number; percent: number };
}

export interface MonthlyReport {
  kind: 'monthly';
  year: number;
  month: string;
  asOf: string;
  org: string;
  /** With --supervisor: whose report it is. */
  supervisor?: { id: string; name: string };
  subjects: MonthlySubject[];
  totals: { completed: number; overdue: number; dueNext: number; behind: number };
  trend: TrendPoint[];
}

export function monthlyReport(ds: Dataset, ev: Evaluation, month: string, sel: Selection): MonthlyReport {
  const org = ds.org.value;
  const orgName = ds.settings.org ?? org.name;
  const [y, m] = [+month.slice(0, 4), +month.slice(5, 7)];
  const nextStart = addDays(periodEnd({ kind: 'month', year: y, index: m }), 1);
  const nextMonth = nextStart.slice(0, 7);
  const people = new Map(org.people.map((p) => [p.id, p]));
  const who = (id: string) => ({ id, name: people.get(id)?.name ?? id });

  const keys: string[] = selectUnits(ds, sel).map((u) => `unit:${u.id}`);
  if (sel.unit === undefined) {
    const supervisor = supervisorOf(ds, sel);
    if (sel.supervisor === undefined) keys.push('org');
    for (const p of org.people) {
      if (supervisor && p.id !== supervisor.id) continue;
      if (ev.obligations.some((o) => o.subjectKey === `person:${p.id}`)) keys.push(`person:${p.id}`);
    }
  }

  const points = new Map<string, { score: number; ytdMax: number }>();
  for (const s of scoresOf(ev)) {
    const p = points.get(s.subjectKey) ?? { score: 0, ytdMax: 0 };
    p.score += s.score;
    p.ytdMax += s.ytdMax;
    points.set(s.subjectKey, p);
  }
  const subjects: MonthlySubject[] = [];
  for (const key of keys) {
    const idx = obligationsOf(ev, key);
    if (idx.length === 0) continue;
    const subject = ev.obligations[idx[0]!]!.subject;
    const row: MonthlySubject = {
      kind: subject.kind,
      id: subjectId(subject),
      name: subjectName(subject, orgName),
      ...(subject.kind === 'unit' ? { chief: who(subject.unit.chief), supervisor: who(subject.unit.supervisor) } : {}),
      completed: [],
      overdue: [],
      dueNext: [],
      pace: [],
      score: scoreOf(points.get(key)),
    };
    for (const i of idx) {
      const o = ev.obligations[i]!;
      const p = ev.progress[i]!;
      const measure = displayMeasure(o.target);
      for (const e of p.entries) {
        if (e.date.slice(0, 7) !== month) continue;
        row.completed.push({
          date: e.date,
          item: o.item.id,
          title: o.item.title,
          period: o.periodKey,
          ...(e.exempt ? { quantity: 'exempt' } : e.quantity ? { quantity: quantityText(e.quantity, measure), amount: e.quantity.value } : {}),
          ...(!e.exempt && e.quantity?.expected !== undefined ? { expected: e.quantity.expected } : {}),
          ...(e.note !== undefined ? { note: e.note } : {}),
        });
      }
      const first = o.responsible[0];
      const open: OpenRow = {
        item: o.item.id,
        title: o.item.title,
        period: o.periodKey,
        due: o.due,
        status: p.status,
        done: p.done,
        goal: p.goal,
        ...(measure ? { measure } : {}),
        ...(first !== undefined ? { responsible: who(first) } : {}),
        ...(isMissed(p) ? shortOf(p) : {}),
      };
      if (isMissed(p)) row.overdue.push(open);
      else if (o.due.slice(0, 7) === nextMonth && !isDone(p) && p.status !== 'exempt' && o.item.bonus === undefined) row.dueNext.push(open);
      if (p.pace && isCumulative(o)) {
        row.pace.push({ item: o.item.id, title: o.item.title, done: p.pace.done, goal: p.goal, expected: p.pace.expected, behind: p.pace.behind, ...(measure ? { measure } : {}) });
      }
    }
    row.completed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || byItemId(a.item, b.item));
    row.overdue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    row.dueNext.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    subjects.push(row);
  }
  const sum = (f: (s: MonthlySubject) => number) => subjects.reduce((n, s) => n + f(s), 0);
  return {
    kind: 'monthly',
    year: ev.year,
    month,
    asOf: ev.asOf,
    org: orgName,
    ...(supervisorOf(ds, sel) ? { supervisor: supervisorOf(ds, sel)! } : {}),
    subjects,
    totals: {
      completed: sum((s) => s.completed.length),
      overdue: sum((s) => s.overdue.length),
      dueNext: sum((s) => s.dueNext.length),
      behind: sum((s) => s.pace.filter((p) => p.behind).length),
    },
    trend: trendOf(ev, new Set(keys), m),
  };
}

function supervisorOf(ds: Dataset, sel: Selection): { id: string; name: string } | undefined {
  if (sel.supervisor === undefined) return undefined;
  const p = ds.org.value.people.find((x) => x.id === sel.supervisor || x.name === sel.supervisor);
  return p && { id: p.id, name: p.name };
}

function scoreOf(p: { score: number; ytdMax: number } | undefined): MonthlySubject['score'] {
  const score = round(p?.score ?? 0);
  const ytdMax = round(p?.ytdMax ?? 0);
  return { score, ytdMax, percent: percentOf(score, ytdMax) };
}

/**
 * A quantity in the item's own measure: `3.5h` and `3.5学时` are the same hours and are shown
 * alike (`3.5学时`); attendance and a suffix that is not the item's measure stay as written.
 */
function quantityText(q: Quantity, measure: string | undefined): string {
  if (q.expected !== undefined || q.unit === undefined || measure === undefined) return printQuantity(q);
  return measureOf(q.unit)?.name === measure ? `${q.value}${measure}` : printQuantity(q);
}
