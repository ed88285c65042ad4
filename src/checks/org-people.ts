/**
 * The organisation holds together: every chief, supervisor and person named by a scope is a
 * known person, every unit named by a scope (or a person's unit:, or counts_toward) exists, no unit
 * has more members than staff, and a unit's per-person item has persons in every unit it falls on.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/suggest.js';
import type { Check } from './check.js';
import { subjectsOf } from '../core/expand.js';
import { personsOf } from '../core/per-person.js';

export const orgPeople: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  const people = new Set(ds.org.value.people.map((p) => p.id));
  const units = new Set(ds.org.value.units.map((u) => u.id));
  const { locate } = ds.org;
  ds.org.value.units.forEach((u, i) => {
    for (const key of ['chief', 'supervisor'] as const) {
      if (!people.has(u[key])) {
        out.push(diagnostic(locate(['units', i, key]), 'unknown-person', { name: u[key], suggestion: closest(u[key], people) ?? '' }));
      }
    }
    if (u.members > u.headcount) {
      out.push(diagnostic(locate(['units', i, 'members']), 'members-over-headcount', { unit: u.id, members: u.members, headcount: u.headcount }));
    }
  });
  ds.org.value.people.forEach((p, i) => {
    if (p.unit !== undefined && !units.has(p.unit)) {
      out.push(diagnostic(locate(['people', i, 'unit']), 'unknown-unit', { name: p.unit, suggestion: closest(p.unit, units) ?? '' }));
    }
  });
  for (const c of ds.checklists) {
    c.value.areas.forEach((area, a) =>
      area.items.forEach((item, i) => {
        const toward = item.counts_toward;
        if (typeof toward === 'object') {
          toward.units.forEach((u, k) => {
            if (!units.has(u)) {
              out.push(diagnostic(c.locate(['areas', a, 'items', i, 'counts_toward', 'units', k]), 'unknown-unit', { name: u, suggestion: closest(u, units) ?? '' }));
            }
          });
        }
        // a per-person target needs people: every unit it falls on has someone of the role
        const per = item.per_person;
        if (per !== undefined) {
          const nobody = subjectsOf(item, ds.org.value)
            .flatMap((s) => (s.kind === 'unit' && personsOf(ds.org.value, s.unit, per).length === 0 ? [s.unit.id] : []));
          if (nobody.length > 0) {
            out.push(diagnostic(c.locate(['areas', a, 'items', i, 'per_person'], 'key'), 'per-person-nobody', { item: item.id, units: nobody.join(', '), role: per.role ?? '' }));
          }
        }
        const scope = item.scope;
        if (typeof scope !== 'object') return;
        const path = ['areas', a, 'items', i, 'scope'];
        if ('person' in scope && !people.has(scope.person)) {
          out.push(diagnostic(c.locate([...path, 'person']), 'unknown-person', { name: scope.person, suggestion: closest(scope.person, people) ?? '' }));
        }
        if ('units' in scope) {
          scope.units.forEach((u, k) => {
            if (!units.has(u)) {
              out.push(diagnostic(c.locate([...path, 'units', k]), 'unknown-unit', { name: u, suggestion: closest(u, units) ?? '' }));
            }
          });
        }
      }),
    );
  }
  return out;
};
