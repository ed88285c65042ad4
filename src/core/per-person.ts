/**
 * Per-person targets inside a unit's item (`per_person`): "each committee member visits their
 * contact points at least 4 times a year", scored as one item of the unit. The target is each
 * person's; ledger lines name the person (a person whose `unit:` is the unit, of the item's role),
 * and the unit's obligation is met when every one of them reached it. Its credit is, as the
 * template says, `average` (default): the average of each person's share of the target, so that
 * `per_missing` deducts per occurrence each person missed; or `all`: credited only when everyone
 * reached it (late work weighted by the late credit). Pure.
 */
import type { Catalog } from './catalog.js';
import type { Entry } from './entry.js';
import type { Obligation } from './expand.js';
import type { Organisation, Person, PerPerson, Unit } from './model.js';
import { progressOf, round, type Progress, type Status, type StatusOptions } from './status.js';

/** One person's part of a per-person obligation, as reports show who fell short. */
export interface PersonResult {
  id: string;
  name: string;
  done: number;
  goal: number;
  status: Status;
}

/** The people a unit's per-person item falls on: those whose `unit:` names it, of the item's role. */
export function personsOf(org: Organisation, unit: Unit, per: PerPerson): Person[] {
  return org.people.filter((p) => p.unit === unit.id && (per.role === undefined || p.role === per.role));
}

/** Whether a person's line can count for a unit's per-person item. */
export function personFits(per: PerPerson, person: Person): boolean {
  return person.unit !== undefined && (per.role === undefined || person.role === per.role);
}

export function perPersonProgress(o: Obligation, matched: readonly Entry[], persons: readonly Person[], cat: Catalog, opts: StatusOptions): Progress {
  const per = o.item.per_person!;
  const lines = new Map<string, Entry[]>(persons.map((p) => [p.id, []]));
  for (const e of matched) lines.get(cat.people.get(e.subject)?.id ?? '')?.push(e);
  const each = persons.map((p) => ({ person: p, progress: progressOf(o, lines.get(p.id)!, opts) }));
  // the dates alone (due soon, open, overdue) as for a unit with nothing done
  const base = progressOf(o, [], opts);
  const entries = each.flatMap((x) => x.progress.entries).sort((a, b) => a.day - b.day);
  const results: PersonResult[] = each.map(({ person, progress: p }) => ({ id: person.id, name: person.name, done: p.done, goal: p.goal, status: p.status }));
  const live = each.filter((x) => x.progress.status !== 'exempt').map((x) => x.progress);
  if (live.length === 0) {
    // nobody to do it (check says so), or everyone excused
    if (persons.length === 0) return base;
    return { ...base, status: 'exempt', credit: 0, counted: false, entries, persons: results };
  }
  const goalEach = live[0]!.goal;
  const onTime = live.every((p) => p.status === 'met');
  const reached = live.every((p) => p.status === 'met' || p.status === 'met-late');
  const credit =
    per.credit === 'all'
      ? (onTime ? 1 : 0) + opts.lateCredit * ((reached ? 1 : 0) - (onTime ? 1 : 0))
      : live.reduce((s, p) => s + p.credit, 0) / live.length;
  const done =
    per.credit === 'all'
      ? live.filter((p) => p.status === 'met' || p.status === 'met-late').length
      : live.reduce((s, p) => s + Math.min(p.done, goalEach), 0);
  const goal = per.credit === 'all' ? live.length : goalEach * live.length;
  const overdue = base.counted;
  const status: Status = onTime ? 'met' : reached ? 'met-late' : overdue ? (live.some((p) => p.done > 0) ? 'partial' : 'overdue') : base.status;
  const { pace: _pace, ...rest } = base;
  const out: Progress = { ...rest, status, done: round(done, 2), goal, credit: round(credit, 6), counted: overdue || reached, entries, persons: results };
  if (reached) out.completedOn = live.map((p) => p.completedOn ?? '').reduce((a, b) => (a > b ? a : b), '');
  return out;
}
