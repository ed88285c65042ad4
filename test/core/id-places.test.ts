/** src/core/id-places.ts: where each id was first seen, in typed arrays; the same answers as a Map. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_ALPHABET } from '../../src/core/id.js';
import { IdPlaces, idNumber } from '../../src/core/id-places.js';

describe('idNumber', () => {
  it("numbers the tool's ids one to one in base 36, in ID_ALPHABET's order; any other id has none", () => {
    expect(idNumber('aaaaaa')).toBe(0);
    expect(idNumber('aaaaab')).toBe(1);
    expect(idNumber('aaaaa0')).toBe(26);
    expect(idNumber('999999')).toBe(36 ** 6 - 1);
    for (const c of ID_ALPHABET) expect(idNumber(`aaaaa${c}`)).toBe(ID_ALPHABET.indexOf(c));
    for (const other of ['', 'abc', 'abcdefg', 'ABC123', 'abc-12', 'abc12\u200b', 'abcdé1']) expect(idNumber(other)).toBe(0xffffffff);
  });
});

describe('IdPlaces', () => {
  const id = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ab01z9'), minLength: 6, maxLength: 6 }), // the tool's form, colliding often
    fc.string({ unit: fc.constantFrom(...'aB-1中'), minLength: 1, maxLength: 7 }), // written by hand
  );

  it('returns the first place of an id seen before, nothing for a new one, as a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.nat(50), fc.integer({ min: -1000, max: 1000 })), { maxLength: 300 }), (adds) => {
        const places = new IdPlaces();
        const map = new Map<string, { file: number; line: number }>();
        for (const [k, file, line] of adds) {
          expect(places.add(k, file, line)).toEqual(map.get(k));
          if (!map.has(k)) map.set(k, { file, line });
        }
        for (const [k] of adds) expect(places.get(k)).toEqual(map.get(k));
        expect(places.get('never1')).toBeUndefined();
        expect(places.get('Never')).toBeUndefined();
      }),
    );
  });

  it('keeps every place through its growth, past a hundred thousand ids', () => {
    const places = new IdPlaces();
    const n = 150_000;
    const idOf = (i: number) => i.toString(36).padStart(6, '0');
    let seenBefore = 0;
    for (let i = 0; i < n; i++) if (places.add(idOf(i), i % 7, i) !== undefined) seenBefore++;
    expect(seenBefore).toBe(0);
    for (let i = 0; i < n; i += 997) expect(places.get(idOf(i))).toEqual({ file: i % 7, line: i });
    expect(places.add(idOf(123_456), 9, 9)).toEqual({ file: 123_456 % 7, line: 123_456 });
  });
});
