/** src/core/id.ts: entry ids, six characters of [a-z0-9], fresh and unbiased. Pure functions. */
import { describe, expect, it } from 'vitest';
import { ID_ALPHABET, isEntryId, newId } from '../../src/core/id.js';

describe('entry ids', () => {
  it('six characters of [a-z0-9], unbiased: bytes ≥ 252 are dropped', () => {
    const bytes = [255, 252, 0, 1, 25, 26, 35, 36 + 5];
    let k = 0;
    const id = newId((n) => Uint8Array.from({ length: n }, () => bytes[k++ % bytes.length]!), new Set());
    expect(id).toBe('abz09f');
    expect(isEntryId(id)).toBe(true);
  });

  it('never one already taken', () => {
    const seq = [Array(12).fill(0), Array(12).fill(1)];
    let k = 0;
    const id = newId(() => Uint8Array.from(seq[Math.min(k++, 1)]!), new Set(['aaaaaa']));
    expect(id).toBe('bbbbbb');
    expect(() => newId(() => new Uint8Array(12), new Set(['aaaaaa']), 3)).toThrow();
  });

  it('uses the whole alphabet', () => {
    const all = new Set<string>();
    let x = 0;
    for (let i = 0; i < 200; i++) for (const c of newId((n) => Uint8Array.from({ length: n }, () => (x = (x + 7) % 256)), new Set())) all.add(c);
    expect([...all].sort().join('')).toBe([...ID_ALPHABET].sort().join(''));
  });
});
