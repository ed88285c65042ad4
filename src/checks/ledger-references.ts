/**
 * Every subject, item and person a ledger line names exists, and the subject is one the item
 * falls on (a unit cannot record the secretary's party lessons).
 */
import { inScope, resolveSubject, ORG } from '../core/catalog.js';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { closest } from '../core/suggest.js';
import { checklistYearOf } from '../core/entry.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

export const ledgerReferences: Check = ({ ds, cat }) => {
  const out: Diagnostic[] = [];
  const subjectNames = [ORG, ...cat.units.keys(), ...cat.people.keys()];
  const personNames = [...cat.people.keys()];
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.by !== undefined && !cat.people.has(l.by)) {
        out.push(
          diagnostic(tokenAt(l, 'by'), 'unknown-person', {
            name: l.by,
            suggestion: closest(l.by, personNames) ?? '',
          }),
        );
      }
      if (l.kind !== 'entry') continue;
      const subject = resolveSubject(cat, l.subject);
      if (!subject) {
        out.push(
          diagnostic(tokenAt(l, 'target'), 'unknown-unit', {
            name: l.subject,
            suggestion: closest(l.subject, subjectNames) ?? '',
          }),
        );
      }
      const checklist = cat.checklists.get(checklistYearOf(l));
      if (!checklist) continue; // reported by ledger-dates
      const ref = checklist.items.get(l.item);
      // an inspection finding (or its rectification) may be against a whole area
      const area = l.extra !== undefined && !ref && checklist.source.value.areas.some((a) => a.id === l.item || a.name === l.item);
      if (!ref && !area) {
        out.push(
          diagnostic(tokenAt(l, 'item'), 'unknown-item', {
            item: l.item,
            year: checklist.source.value.year,
            suggestion: closest(l.item, checklist.items.keys()) ?? '',
          }),
        );
      } else if (ref && subject && !inScope(ref.item, subject)) {
        out.push(
          diagnostic(tokenAt(l, 'target'), 'subject-out-of-scope', {
            name: l.subject,
            item: ref.item.id,
            // a per-person item names the person who did it, not the unit
            ...(ref.item.per_person !== undefined ? { perPerson: ref.item.per_person.role ?? '' } : {}),
          }),
        );
      }
    }
  }
  return out;
};
