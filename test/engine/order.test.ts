/** byItemId and byId order ids as `localeCompare` did (numeric and plain), without ICU per call. */
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
    fc.assert(fc.property(slug, slug, (a, b) => Math.sign(byId(a, b)) === Math.sign(a.localeCompare(b))), { numRuns: 20_000 });
  });

  it('puts u10 before u2, as localeCompare does', () => {
    expect(['u2', 'u10', 'office', 'u-1', 'u_1'].sort(byId)).toEqual(['office', 'u_1', 'u-1', 'u10', 'u2']);
  });
});
