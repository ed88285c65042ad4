/**
 * The lines `record` writes besides completions, from its options: an inspection finding
 * (`--deduct 0.5 --inspector P [--rectify-by DATE]`), its rectification (`--rectifies ID`) and a
 * rating (`--group G --rater P` or `--ballot N`, with the score or grade in the quantity's place).
 * They become the same tags a hand-written line has (docs/ledger-format.md); the checks of
 * `qingdan check` then judge the line as they judge any other (an inspector's role, a rating's
 * group).
 */
import type { Catalog } from '../core/catalog.js';
import { isCalendarDate } from '../core/dates.js';
import type { Extra } from '../core/entry.js';
import { GRADES } from '../core/terms.js';
import { QingdanError } from '../errors.js';
import { findPerson } from './lookup.js';

export interface MarkOptions {
  deduct?: string;
  inspector?: string;
  rectifyBy?: string;
  rectifies?: string;
  group?: string;
  rater?: string;
  ballot?: string;
}

/** A person's id when the token names one (by id or name), else the token as typed (check says it is unknown). */
const personId = (cat: Catalog, token: string) => findPerson(cat, token)?.id ?? token;

/** The tags of the line the options ask for, or undefined for a completion. `qty` is the QTY argument. */
export function markOf(cat: Catalog, opts: MarkOptions, qty: string | undefined): Extra | undefined {
  const finding = opts.deduct !== undefined || opts.inspector !== undefined || opts.rectifyBy !== undefined;
  const rectification = opts.rectifies !== undefined;
  const rating = opts.group !== undefined || opts.rater !== undefined || opts.ballot !== undefined;
  const kinds = [finding, rectification, rating].filter(Boolean).length;
  if (kinds === 0) return undefined;
  if (kinds > 1) throw new QingdanError('record-mark', { problem: 'mixed' });
  if (finding) {
    if (opts.deduct === undefined || opts.inspector === undefined) throw new QingdanError('record-mark', { problem: 'finding' });
    if (qty !== undefined) throw new QingdanError('record-mark', { problem: 'quantity', qty });
    const m = /^(\d+(?:\.\d+)?)分?$/.exec(opts.deduct.trim());
    if (!m || !(Number(m[1]) > 0)) throw new QingdanError('record-mark', { problem: 'points', value: opts.deduct });
    if (opts.rectifyBy !== undefined && !isCalendarDate(opts.rectifyBy)) throw new QingdanError('bad-date', { option: '--rectify-by', value: opts.rectifyBy });
    return { points: Number(m[1]), inspector: personId(cat, opts.inspector), ...(opts.rectifyBy !== undefined ? { rectifyBy: opts.rectifyBy } : {}) };
  }
  if (rectification) {
    if (qty !== undefined) throw new QingdanError('record-mark', { problem: 'quantity', qty });
    return { rectifies: opts.rectifies! };
  }
  if (opts.group === undefined || (opts.rater === undefined) === (opts.ballot === undefined) || qty === undefined) throw new QingdanError('record-mark', { problem: 'rating' });
  const who = opts.rater !== undefined ? { rater: personId(cat, opts.rater) } : { ballot: opts.ballot! };
  const t = qty.trim();
  if ((GRADES as readonly string[]).includes(t)) return { group: opts.group, ...who, grade: t };
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) > 100) throw new QingdanError('record-mark', { problem: 'score', value: t });
  return { group: opts.group, ...who, score: Number(t) };
}
