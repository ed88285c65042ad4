/**
 * Expansion: checklist × scope × periods → obligations. An obligation is one item, for one
 * subject (a unit, the organisation, or a person), in one period, with its due date, its target
 * and the people answerable for it.
 */
import { scopeOf, type Subject } from './catalog.js';
import { addDays } from './dates.js';
import type { Area, Checklist, Item, Organisation } from './model.js';
import { dueInYear } from './terms.js';
import { formatPeriod, periodEnd, periodKindOf, periodStart, type Period, periodsInYear } from './periods.js';

export interface Target {
  count?: number;
  sum?: number;
  rate?: number;
  measure?: string;
}

export interface Obligation {
  item: Item;
  area: Area;
  subject: Subject;
  /** `unit:office`, `person:wangjianguo` or `org`. */
  subjectKey: string;
  period: Period;
  periodKey: string;
  start: string;
  end: string;
  due: string;
  target: Target;
  /** Person ids, the one who does the work first. */
  responsible: string[];
  /**
   * The organisation's or a person's item that also counts in units' scores (`counts_toward`):
   * those units' subject keys. Absent otherwise.
   */
  toward?: string[];
}

export function subjectKeyOf(s: Subject): string {
  return s.kind === 'unit' ? `unit:${s.unit.id}` : s.kind === 'person' ? `person:${s.person.id}` : 'org';
}

export function subjectId(s: Subject): string {
  return s.kind === 'unit' ? s.unit.id : s.kind === 'person' ? s.person.id : 'org';
}

export function subjectName(s: Subject, orgName: string): string {
  return s.kind === 'unit' ? s.unit.name : s.kind === 'person' ? s.person.name : orgName;
}

/** The measure progress is shown in: `%` for attendance-only targets. */
export function displayMeasure(t: Target): string | undefined {
  return t.rate !== undefined && t.sum === undefined && t.count === undefined ? '%' : t.measure;
}

export function targetOf(item: Item): Target {
  if (item.target === undefined || item.target === 'done') return { count: 1 };
  const { count, sum, rate, measure } = item.target;
  return {
    ...(count !== undefined ? { count } : {}),
    ...(sum !== undefined ? { sum } : {}),
    ...(rate !== undefined ? { rate } : {}),
    ...(measure !== undefined ? { measure } : {}),
  };
}

export function periodsOf(item: Item, year: number): Period[] {
  const kind = periodKindOf(item.cadence);
  return Array.from({ length: periodsInYear(kind) }, (_, i) => ({ kind, year, index: i + 1 }));
}

export function dueOf(item: Item, period: Period): string {
  const d = item.deadline;
  if (typeof d === 'string') return d;
  return addDays(periodEnd(period), d?.days_after_period_end ?? 0);
}

export function subjectsOf(item: Item, org: Organisation): Subject[] {
  const scope = scopeOf(item);
  if (scope === 'units') return org.units.map((unit) => ({ kind: 'unit', unit }));
  if (scope === 'org') return [{ kind: 'org' }];
  if ('units' in scope) return org.units.filter((u) => scope.units.includes(u.id)).map((unit) => ({ kind: 'unit', unit }));
  if ('role' in scope) return org.people.filter((p) => p.role === scope.role).map((person) => ({ kind: 'person', person }));
  return org.people.filter((p) => p.id === scope.person).map((person) => ({ kind: 'person', person }));
}

/**
 * Who answers for an obligation: the subject itself (a person) or the unit's chief (辅导员) and
 * supervisor (监督员); the secretary also for first-responsibility items; the whole committee for
 * principal items.
 */
export function responsibleFor(item: Item, subject: Subject, org: Organisation): string[] {
  const out: string[] = [];
  const add = (id: string | undefined) => {
    if (id !== undefined && !out.includes(id)) out.push(id);
  };
  const secretary = org.people.find((p) => p.role === 'secretary')?.id;
  if (subject.kind === 'unit') {
    add(subject.unit.chief);
    add(subject.unit.supervisor);
  } else if (subject.kind === 'person') {
    add(subject.person.id);
  }
  if (item.level === 'first' || item.level === 'principal') add(secretary);
  if (item.level === 'principal') for (const p of org.people) if (p.role === 'committee') add(p.id);
  if (subject.kind === 'org' && item.level === 'supervisory') for (const p of org.people) if (p.role === 'committee') add(p.id);
  // the organisation's own work always has someone to answer for it
  if (out.length === 0) add(secretary);
  return out;
}

/** The units an organisation's or a person's item also counts in (`counts_toward`), as subject keys. */
export function towardOf(item: Item, subject: Subject, org: Organisation): string[] {
  const t = item.counts_toward;
  if (t === undefined) return [];
  let units: Organisation['units'] = [];
  if (subject.kind === 'person') {
    const id = subject.person.id;
    if (t === 'supervised') units = org.units.filter((u) => u.supervisor === id);
    else if (t === 'unit') units = org.units.filter((u) => u.chief === id || u.id === subject.person.unit);
  } else if (subject.kind === 'org') {
    if (t === 'units') units = org.units;
    else if (typeof t === 'object') units = org.units.filter((u) => t.units.includes(u.id));
  }
  return units.map((u) => `unit:${u.id}`);
}

export function expand(checklist: Checklist, org: Organisation): Obligation[] {
  const out: Obligation[] = [];
  for (const area of checklist.areas) {
    for (const item of area.items) {
      // a duty of every few years (换届) has no obligations in the years between
      if (!dueInYear(item, checklist.year)) continue;
      const target = targetOf(item);
      // the dates of a period are the same for every subject
      const periods = periodsOf(item, checklist.year).map((period) => ({
        period,
        periodKey: formatPeriod(period),
        start: periodStart(period),
        end: periodEnd(period),
        due: dueOf(item, period),
      }));
      for (const subject of subjectsOf(item, org)) {
        const responsible = responsibleFor(item, subject, org);
        const subjectKey = subjectKeyOf(subject);
        const toward = towardOf(item, subject, org);
        for (const p of periods) {
          out.push({
            item,
            area,
            subject,
            subjectKey,
            period: p.period,
            periodKey: p.periodKey,
            start: p.start,
            end: p.end,
            due: p.due,
            target,
            responsible,
            ...(toward.length > 0 ? { toward } : {}),
          });
        }
      }
    }
  }
  return out;
}
