/**
 * Text of the templates stays text (the rule of core/characters.ts): no control or bidirectional
 * character in any value — names and titles are printed at the head of every report and every
 * `due` — line feeds only in an item's multi-line `note` and `evidence`, and no invisible
 * character in the names a clerk types on a ledger line in place of an id (unit and person
 * names, item titles), where a look-alike would be another name.
 */
import { firstUnsafe } from '../core/characters.js';
import type { Locate } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Check } from './check.js';
import { characterFinding } from './character-finding.js';

/** Paths of the values that are looked up by name: `units.3.name`, `areas.0.items.2.title` (indices as `#`). */
const LOOKED_UP = new Set(['units.#.name', 'people.#.name', 'areas.#.items.#.title']);
const MULTI_LINE = new Set(['areas.#.items.#.note', 'areas.#.items.#.evidence']);

export const templateText: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: PropertyKey[], locate: Locate) => {
    if (typeof value === 'string') {
      const shape = path.map((k) => (typeof k === 'number' ? '#' : String(k))).join('.');
      const found = firstUnsafe(value, { lineFeed: MULTI_LINE.has(shape), invisible: !LOOKED_UP.has(shape) });
      if (found) out.push(characterFinding(locate(path), String(path[path.length - 1] ?? ''), value, found, true));
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i], locate));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k], locate);
  };
  visit(ds.org.value, [], ds.org.locate);
  for (const c of ds.checklists) visit(c.value, [], c.locate);
  return out;
};
