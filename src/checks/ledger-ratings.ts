/**
 * Rating lines (评议, 测评) rate an item the template scores by raters, in one of its groups: a
 * named group's line names a rater (a person of the group's roles), an anonymous group's a ballot
 * and no rater; the score is 0–100 or a grade. All are `rating-invalid`, with the problem named.
 */
import { checklistYearOf } from '../core/entry.js';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Check } from './check.js';
import { tokenAt } from './token-at.js';

export const ledgerRatings: Check = ({ ds, cat }) => {
  const out: Diagnostic[] = [];
  for (const ledger of ds.ledgers) {
    for (const l of ledger.lines) {
      if (l.kind !== 'entry' || l.extra === undefined) continue;
      const x = l.extra;
      const rating = x.group !== undefined || x.rater !== undefined || x.ballot !== undefined || x.grade !== undefined;
      if (!rating) continue;
      const ref = cat.checklists.get(checklistYearOf(l))?.items.get(l.item);
      if (!ref) continue; // unknown-item, reported by ledger-references
      const bad = (token: Parameters<typeof tokenAt>[1], params: Record<string, string | number>) => out.push(diagnostic(tokenAt(l, token), 'rating-invalid', { item: ref.item.id, ...params }));
      const r = ref.item.rating;
      if (!r) {
        bad('item', { problem: 'not-rated' });
        continue;
      }
      const group = r.groups.find((g) => g.id === x.group);
      if (!group) {
        bad(x.group !== undefined ? 'group' : 'item', { problem: 'unknown-group', group: x.group ?? '', groups: r.groups.map((g) => g.id).join(', ') });
        continue;
      }
      if (group.anonymous) {
        if (x.rater !== undefined || x.ballot === undefined) bad(x.rater !== undefined ? 'rater' : 'group', { problem: 'anonymous', group: group.id });
      } else if (x.rater === undefined) {
        bad('group', { problem: 'named', group: group.id });
      } else if (group.roles) {
        const person = cat.people.get(x.rater);
        if (person && !group.roles.includes(person.role)) bad('rater', { problem: 'role', group: group.id, name: x.rater, role: person.role, roles: group.roles.join(', ') });
      }
      if (x.grade === undefined && (x.score === undefined || x.score > 100)) bad(l.quantity || x.score !== undefined ? 'qty' : 'item', { problem: 'score' });
    }
  }
  return out;
};
