/** remember: each answer computed once, and no more than `limit` kept. */
import { describe, expect, it } from 'vitest';
import { remember } from '../../src/core/remember.js';

describe('remember', () => {
  it('computes an answer once, and again only after the limit made it start afresh', () => {
    const asked: string[] = [];
    const length = remember(2, (k) => (asked.push(k), k.length));
    expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
    expect(asked).toEqual(['a', 'bb']);
    length('ccc'); // a third key: the two kept are let go
    length('a');
    expect(asked).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
