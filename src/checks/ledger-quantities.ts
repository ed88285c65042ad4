/**
 * A quantity fits its item: the measure typed is the item's (`3.5h` on an item counted in 篇 is
 * a slip), whole numbers for whole measures, attendance only on rate items and never more
 * present than expected, and a waiver (`exempt`) always says why.
 */
import { isRateItem, measureOfItem, resolveSubject } from '../core/catalog.js';
import { diagnostic, type Diagnostic, type Params } from '../core/diagnostic.js';
import { measureNamed, measureOf } from '../core/measures.js';
import { checklistYearOf } from '../core/entry.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';
import { printQuantity } from '../core/entry.js';

export const ledgerQuantities: Check = ({ ds, cat }) => {
  const out: Diagnostic[] = [];
  const totalMembers = ds.org.value.units.reduce((n, u) => n + u.members, 0);
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.kind !== 'entry') continue;
      if (l.exempt && !l.note) {
        out.push(diagnostic(tokenAt(l, 'qty'), 'exempt-without-reason', {}));
      }
      const q = l.quantity;
      if (!q) continue;
      const ref = cat.checklists.get(checklistYearOf(l))?.items.get(l.item);
      if (!ref) continue;
      const report = (code: 'measure-mismatch' | 'attendance-over', params: Params) =>
        out.push(diagnostic(tokenAt(l, 'qty'), code, { text: printQuantity(q), ...params }));
      const itemMeasure = measureOfItem(ref.item);
      const rate = isRateItem(ref.item);
      if (q.expected !== undefined && !rate) {
        report('measure-mismatch', { item: ref.item.id, measure: itemMeasure ?? '次', reason: 'fraction' });
        continue;
      }
      if (q.unit !== undefined) {
        const typed = measureOf(q.unit);
        const wanted = itemMeasure ?? '次';
        if (!typed || typed.name !== wanted) {
          report('measure-mismatch', { item: ref.item.id, measure: wanted, reason: 'unit' });
          continue;
        }
      }
      const measure = measureNamed(itemMeasure ?? '次');
      if ((measure?.integer ?? true) && !Number.isInteger(q.value)) {
        report('measure-mismatch', { item: ref.item.id, measure: measure?.name ?? '次', reason: 'integer' });
        continue;
      }
      if (rate) {
        const subject = resolveSubject(cat, l.subject);
        const expected = q.expected ?? (subject?.kind === 'unit' ? subject.unit.members : totalMembers);
        if (q.value > expected) {
          report('attendance-over', { present: q.value, expected });
        }
      }
    }
  }
  return out;
};
