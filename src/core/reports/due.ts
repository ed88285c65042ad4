/**
 * What is due soon and what is overdue, grouped by the person who answers for it first (the
 * section chief for a unit's work, the person for their own items, the secretary for the
 * organisation's), nearest deadline first.
 */
import { daysBetween } from '../dates.js';
import type { Dataset } from '../dataset.js';
import type { Evaluation } from '../evaluate.js';
import { displayMeasure, subjectId, subjectName } from '../expand.js';
import type { Pace, Status } from '../status.js';
import { byId, byItemId } from '../order.js';

export interface DueRow {
  subject: string;
  subjectName: string;
  item: string;
  title: string;
  period: string;
  due: string;
  /** Days from "as of" to the deadline; negative when overdue. */
  daysLeft: number;
  status: Status;
  done: number;
  goal: number;
  measure?: string;
  pace?: Pace;
  responsible: string[];
}

export interface DueGroup {
  person: { id: string; name: string; title?: string };
  rows: DueRow[];
}

export interface DueReport {
  asOf: string;
  within: number;
  overdue: number;
  dueSoon: number;
  groups: DueGroup[];
  rows: DueRow[];
}

export interface DueFilter {
  within: number;
  unit?: string;
  person?: string;
}

export function dueReport(ds: Dataset, ev: Evaluation, f: DueFilter): DueReport {
  const org = ds.org.value;
  const orgName = ds.settings.org ?? org.name;
  const rows: DueRow[] = [];
  ev.obligations.forEach((o, i) => {
    const p = ev.progress[i]!;
    const daysLeft = daysBetween(ev.asOf, o.due);
    const late = p.status === 'overdue' || p.status === 'partial';
    const soon = (p.status === 'open' || p.status === 'due-soon') && daysLeft <= f.within;
    // a bonus item (加分项) is never owed
    if ((!late && !soon) || o.item.bonus !== undefined) return;
    if (f.unit !== undefined && !(o.subject.kind === 'unit' && (o.subject.unit.id === f.unit || o.subject.unit.name === f.unit))) return;
    if (f.person !== undefined && !o.responsible.some((id) => id === f.person || org.people.find((x) => x.id === id)?.name === f.person)) return;
    const measure = displayMeasure(o.target);
    rows.push({
      subject: subjectId(o.subject),
      subjectName: subjectName(o.subject, orgName),
      item: o.item.id,
      title: o.item.title,
      period: o.periodKey,
      due: o.due,
      daysLeft,
      // within the window asked for, everything not yet late is due soon
      status: late ? p.status : 'due-soon',
      done: p.done,
      goal: p.goal,
      ...(measure ? { measure } : {}),
      ...(p.pace ? { pace: p.pace } : {}),
      responsible: o.responsible,
    });
  });
  rows.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || byId(a.subject, b.subject) || byItemId(a.item, b.item));
  const groups = new Map<string, DueGroup>();
  for (const r of rows) {
    const id = r.responsible[0] ?? '';
    let g = groups.get(id);
    if (!g) {
      const person = org.people.find((p) => p.id === id);
      g = { person: { id, name: person?.name ?? id, ...(person?.title ? { title: person.title } : {}) }, rows: [] };
      groups.set(id, g);
    }
    g.rows.push(r);
  }
  const overdue = rows.filter((r) => r.daysLeft < 0).length;
  return { asOf: ev.asOf, within: f.within, overdue, dueSoon: rows.length - overdue, groups: [...groups.values()], rows };
}
