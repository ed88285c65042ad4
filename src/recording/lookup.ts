/**
 * What the clerk typed, as the model's things: a unit, `org` or a person by id or name (ids also
 * regardless of case), an item of a year's checklist, a quantity, a note a ledger line can hold.
 * The same rules for the command line and for the answers to the prompts.
 */
import { resolveSubject, type Catalog, type ItemRef, type Subject } from '../core/catalog.js';
import type { Quantity } from '../core/entry.js';
import type { Item, Person } from '../core/model.js';
import { QingdanError } from '../errors.js';
import { parseQuantity } from '../parse/ledger.js';

/** The value of `token` in `map`, or else of the key equal to it but for case (`OFFICE`, `t1.1`). */
function caseless<T>(map: ReadonlyMap<string, T>, token: string): T | undefined {
  const exact = map.get(token);
  if (exact !== undefined) return exact;
  const lower = token.toLowerCase();
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function findSubject(cat: Catalog, token: string): Subject | undefined {
  const s = resolveSubject(cat, token);
  if (s) return s;
  if (token.toLowerCase() === 'org') return { kind: 'org' };
  const unit = caseless(cat.units, token);
  if (unit) return { kind: 'unit', unit };
  const person = caseless(cat.people, token);
  return person ? { kind: 'person', person } : undefined;
}

export function findItem(items: ReadonlyMap<string, ItemRef>, token: string): ItemRef | undefined {
  return caseless(items, token);
}

export function findPerson(cat: Catalog, token: string): Person | undefined {
  return caseless(cat.people, token);
}

/** Whether the item cannot be recorded without a quantity (a sum target). */
export function needsQuantity(item: Item): boolean {
  return typeof item.target === 'object' && item.target.sum !== undefined;
}

/** Whether a prompt asks for a quantity (sum, rate, or a count above one). */
export function asksQuantity(item: Item): boolean {
  return typeof item.target === 'object' && (item.target.sum !== undefined || item.target.rate !== undefined || (item.target.count ?? 1) > 1);
}

export function parseQty(text: string): { quantity?: Quantity; exempt: boolean } {
  const t = text.trim();
  if (t === 'exempt' || t === '免于考核' || t === '免考核') return { exempt: true };
  const q = parseQuantity(t);
  if (!q) throw new QingdanError('bad-quantity', { text: t });
  return { quantity: q, exempt: false };
}

/** Refuses what a ledger line cannot hold: newlines and other control characters. */
export function checkText(value: string, option: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
    throw new QingdanError('bad-note', { option, newline: /[\r\n]/.test(value) ? 1 : 0 });
  }
}
