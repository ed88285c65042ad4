/** Ids are unique where they are looked up: units, people, areas and items, checklist years. */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Locate } from '../core/dataset.js';
import type { Check } from './check.js';

export const templateIds: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  const unique = (locate: Locate, file: string, entries: [string, PropertyKey[]][]) => {
    // positions are looked up only for a duplicate: templates from the cache have none
    const seen = new Map<string, PropertyKey[]>();
    for (const [id, path] of entries) {
      const first = seen.get(id);
      if (first !== undefined) out.push(diagnostic(locate(path), 'duplicate-template-id', { id, first: `${file}:${locate(first).line}` }));
      else seen.set(id, path);
    }
  };
  const org = ds.org;
  unique(org.locate, org.file, [
    ...org.value.units.map((u, i): [string, PropertyKey[]] => [u.id, ['units', i, 'id']]),
    ...org.value.people.map((p, i): [string, PropertyKey[]] => [p.id, ['people', i, 'id']]),
  ]);
  unique(org.locate, org.file, org.value.units.map((u, i): [string, PropertyKey[]] => [u.name, ['units', i, 'name']]));
  for (const c of ds.checklists) {
    const ids: [string, PropertyKey[]][] = [];
    c.value.areas.forEach((area, a) => {
      ids.push([area.id, ['areas', a, 'id']]);
      area.items.forEach((item, i) => ids.push([item.id, ['areas', a, 'items', i, 'id']]));
    });
    unique(c.locate, c.file, ids);
  }
  const years = new Map<number, string>();
  for (const c of ds.checklists) {
    const first = years.get(c.value.year);
    if (first) out.push(diagnostic(c.locate(['year']), 'duplicate-checklist-year', { year: c.value.year, first }));
    else years.set(c.value.year, c.file);
  }
  return out;
};
