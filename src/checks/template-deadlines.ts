/**
 * An absolute deadline lies inside the one period it belongs to: the checklist's year for
 * `once` and `yearly` items. Items that recur within the year need a relative deadline, since
 * one date cannot fall inside every month.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Check } from './check.js';

export const templateDeadlines: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  for (const c of ds.checklists) {
    const year = String(c.value.year);
    c.value.areas.forEach((area, a) =>
      area.items.forEach((item, i) => {
        if (typeof item.deadline !== 'string') return;
        const recurring = item.cadence !== 'once' && item.cadence !== 'yearly';
        if (recurring || item.deadline.slice(0, 4) !== year) {
          out.push(
            diagnostic(c.locate(['areas', a, 'items', i, 'deadline']), 'deadline-outside-period', {
              item: item.id,
              deadline: item.deadline,
              cadence: item.cadence,
              year,
            }),
          );
        }
      }),
    );
  }
  return out;
};
