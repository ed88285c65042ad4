/**
 * byItemId and byId order ids as `localeCompare(b, 'en', …)` does (numeric and plain), whatever the
 * machine's locale, and tell apart ids that ICU finds equal: golden reports depend on this order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byId, byItemId } from '../../src/core/order.js';

const ICU = (a: string, b: string) => Math.sign(a.localeCompare(b, 'en', { numeric: true }));
const itemId = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,7}$/);
const sameShape = fc.tuple(fc.constantFrom('T', 't', 'A', 'item'), fc.nat(30), fc.constantFrom('.', '-', '_'), fc.nat(30));

describe('byItemId', () => {
  it('puts T1.2 before T1.10 and T2.1 after T1.10', () => {
    expect(['T2.1', 'T1.10', 'T1.2', 'T1.1'].sort(byItemId)).toEqual(['T1.1', 'T1.2', 'T1.10', 'T2.1']);
  });

  it('keeps the order the written-out comparison gave: separators, case, leading zeros', () => {
    const ids = ['T1.10', 't1.2', 'T1.2', 'T1.02', 'T1.1', 'T10.1', 'T2.1', 'T1-1', 'T1_1', 'T1.1a', 'T1.1A', 'item1.1', 'A5.5', 'T1', 'T1.01.1'];
    expect(ids.sort(byItemId)).toEqual(['A5.5', 'item1.1', 'T1', 'T1_1', 'T1-1', 'T1.1', 'T1.01.1', 'T1.1a', 'T1.1A', 't1.2', 'T1.02', 'T1.2', 'T1.10', 'T2.1', 'T10.1']);
  });

  it('agrees with ICU on any two item ids', () => {
    fc.assert(fc.property(itemId, itemId, (a, b) => Math.sign(byItemId(a, b)) === ICU(a, b) || ICU(a, b) === 0), { numRuns: 20_000 });
  });

  it('agrees with ICU on ids of the checklist shape', () => {
    const id = sameShape.map(([p, a, s, b]) => `${p}${a}${s}${b}`);
    fc.assert(fc.property(id, id, (a, b) => Math.sign(byItemId(a, b)) === ICU(a, b) || ICU(a, b) === 0), { numRuns: 20_000 });
  });

  it('is a total order: equal only for the same id', () => {
    fc.assert(fc.property(itemId, itemId, (a, b) => (byItemId(a, b) === 0) === (a === b) && Math.sign(byItemId(a, b)) === -Math.sign(byItemId(b, a))));
  });
});

describe('byId', () => {
  const slug = fc.stringMatching(/^[a-z][a-z0-9_-]{0,9}$/);
  it('agrees with localeCompare on any two unit or person ids', () => {
    fc.assert(fc.property(slug, slug, (a, b) => Math.sign(byId(a, b)) === Math.sign(a.localeCompare(b, 'en'))), { numRuns: 20_000 });
  });

  it('is a total order on ids of any case', () => {
    const id = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,9}$/);
    fc.assert(fc.property(id, id, (a, b) => (byId(a, b) === 0) === (a === b) && Math.sign(byId(a, b)) === -Math.sign(byId(b, a))));
  });

  it('puts u10 before u2, as localeCompare does', () => {
    expect(['u2', 'u10', 'office', 'u-1', 'u_1'].sort(byId)).toEqual(['office', 'u_1', 'u-1', 'u10', 'u2']);
    const ids = ['u2', 'u10', 'office', 'u-1', 'u_1', 'U1', 'u1', 'hr', 'tech', 'Office', 'a.b', 'a-b', 'a_b', 'a1', 'aB', 'ab'];
    expect(ids.sort(byId)).toEqual(['a_b', 'a-b', 'a.b', 'a1', 'ab', 'aB', 'hr', 'office', 'Office', 'tech', 'u_1', 'u-1', 'u1', 'U1', 'u10', 'u2']);
  });
});
