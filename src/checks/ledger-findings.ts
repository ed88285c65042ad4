/**
 * Inspection findings (检查扣分) name their inspector, a person whose role the settings'
 * `inspection.roles` allow (default: the secretary and the committee); a line with inspector: or
 * rectify-by: gives the points taken off; the rectification deadline is not before the finding.
 * An unknown inspector is `unknown-person`.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { DEFAULT_INSPECTOR_ROLES } from '../core/terms.js';
import { closest } from '../core/suggest.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

export const ledgerFindings: Check = ({ ds, cat }) => {
  const out: Diagnostic[] = [];
  const roles = ds.settings.inspection?.roles ?? DEFAULT_INSPECTOR_ROLES;
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.kind !== 'entry' || l.extra === undefined) continue;
      const x = l.extra;
      if (x.points === undefined) {
        if (x.inspector !== undefined || x.rectifyBy !== undefined) out.push(diagnostic(tokenAt(l, x.inspector !== undefined ? 'inspector' : 'rectify-by'), 'finding-incomplete', { missing: 'points' }));
        continue;
      }
      if (x.inspector === undefined) {
        out.push(diagnostic(tokenAt(l, 'qty'), 'finding-incomplete', { missing: 'inspector' }));
      } else {
        const person = cat.people.get(x.inspector);
        if (!person) out.push(diagnostic(tokenAt(l, 'inspector'), 'unknown-person', { name: x.inspector, suggestion: closest(x.inspector, cat.people.keys()) ?? '' }));
        else if (!roles.includes(person.role)) out.push(diagnostic(tokenAt(l, 'inspector'), 'inspector-not-allowed', { name: x.inspector, role: person.role, roles: roles.join(', ') }));
      }
      if (x.rectifyBy !== undefined && x.rectifyBy < l.date) out.push(diagnostic(tokenAt(l, 'rectify-by'), 'finding-incomplete', { missing: 'order', date: x.rectifyBy }));
    }
  }
  return out;
};
