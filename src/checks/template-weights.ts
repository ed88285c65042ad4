/**
 * Item weights (and the points an area says are assessed elsewhere) add up to their area's
 * points, and everything adds up to the declared total. Penalty-only conditions and bonus items
 * have no weight.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Check } from './check.js';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export const templateWeights: Check = ({ ds }) => {
  const out: Diagnostic[] = [];
  for (const { value, locate } of ds.checklists) {
    let total = 0;
    value.areas.forEach((area, a) => {
      const sum = round(area.items.reduce((s, i) => s + (i.weight ?? 0), 0) + (area.elsewhere ?? 0));
      total += sum;
      if (area.points !== undefined && sum !== round(area.points)) {
        out.push(diagnostic(locate(['areas', a, 'points']), 'area-points', { area: area.id, points: area.points, sum }));
      }
    });
    total = round(total);
    if (total !== round(value.total)) {
      out.push(diagnostic(locate(['total']), 'weights-total', { total: value.total, sum: total }));
    }
  }
  return out;
};
