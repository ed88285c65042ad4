/**
 * The organisation holds together: every chief, supervisor and person named by a scope is a
 * known person, every unit named by a scope exists, and no unit has more members than staff.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/suggest.js';
import type { Check } from './check.js';

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
  for (const c of ds.checklists) {
    c.value.areas.forEach((area, a) =>
      area.items.forEach((item, i) => {
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
