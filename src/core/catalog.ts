/**
 * Look-up tables built once from a dataset: units, people and items by id and by Chinese name,
 * so that a clerk may write either in a ledger line. Shared by checks and the engine.
 */
import type { Dataset, Source } from './dataset.js';
import type { Area, Checklist, Item, Person, Scope, Unit } from './model.js';
import { personFits } from './per-person.js';

export interface ItemRef {
  item: Item;
  area: Area;
  /** Indexes in the YAML, for pointing at the item. */
  areaIndex: number;
  itemIndex: number;
}

export interface ChecklistIndex {
  source: Source<Checklist>;
  items: Map<string, ItemRef>;
}

export type Subject = { kind: 'unit'; unit: Unit } | { kind: 'org' } | { kind: 'person'; person: Person };

export interface Catalog {
  units: Map<string, Unit>;
  people: Map<string, Person>;
  checklists: Map<number, ChecklistIndex>;
}

export const ORG = 'org';

export function buildCatalog(ds: Dataset): Catalog {
  const units = new Map<string, Unit>();
  for (const u of ds.org.value.units) {
    if (!units.has(u.id)) units.set(u.id, u);
    if (!units.has(u.name)) units.set(u.name, u);
  }
  const people = new Map<string, Person>();
  for (const p of ds.org.value.people) {
    if (!people.has(p.id)) people.set(p.id, p);
    if (!people.has(p.name)) people.set(p.name, p);
  }
  const checklists = new Map<number, ChecklistIndex>();
  for (const source of ds.checklists) {
    if (checklists.has(source.value.year)) continue;
    const items = new Map<string, ItemRef>();
    source.value.areas.forEach((area, areaIndex) =>
      area.items.forEach((item, itemIndex) => {
        const ref = { item, area, areaIndex, itemIndex };
        if (!items.has(item.id)) items.set(item.id, ref);
        if (!items.has(item.title)) items.set(item.title, ref);
      }),
    );
    checklists.set(source.value.year, { source, items });
  }
  return { units, people, checklists };
}

export function resolveSubject(cat: Catalog, token: string): Subject | undefined {
  if (token === ORG || token === '全行' || token === '党委') return { kind: 'org' };
  const unit = cat.units.get(token);
  if (unit) return { kind: 'unit', unit };
  const person = cat.people.get(token);
  if (person) return { kind: 'person', person };
  return undefined;
}

export function scopeOf(item: Item): Scope {
  return item.scope ?? 'units';
}

/** Whether an entry about `subject` can count for `item`. */
export function inScope(item: Item, subject: Subject): boolean {
  const scope = scopeOf(item);
  // a unit's item with per-person targets: lines name the person, a person of a unit in scope
  if (item.per_person !== undefined) {
    if (subject.kind !== 'person' || !personFits(item.per_person, subject.person)) return false;
    const unit = subject.person.unit!;
    return scope === 'units' || (typeof scope === 'object' && 'units' in scope && scope.units.includes(unit));
  }
  if (scope === 'units') return subject.kind === 'unit';
  if (scope === 'org') return subject.kind === 'org';
  if ('units' in scope) return subject.kind === 'unit' && scope.units.includes(subject.unit.id);
  if ('role' in scope) return subject.kind === 'person' && subject.person.role === scope.role;
  return subject.kind === 'person' && subject.person.id === scope.person;
}

export function measureOfItem(item: Item): string | undefined {
  return typeof item.target === 'object' ? item.target.measure : undefined;
}

export function isRateItem(item: Item): boolean {
  return typeof item.target === 'object' && item.target.rate !== undefined;
}
