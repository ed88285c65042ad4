/** parseQty (src/recording/lookup.ts): the quantity of a record, or exempt. */
import { describe, expect, it } from 'vitest';
import { parseQty } from '../../src/recording/lookup.js';

describe('parseQty', () => {
  it('parseQty: quantities and exempt', () => {
    expect(parseQty('3.5h')).toEqual({ quantity: { value: 3.5, unit: 'h' }, exempt: false });
    expect(parseQty('23/25')).toEqual({ quantity: { value: 23, expected: 25 }, exempt: false });
    expect(parseQty('exempt')).toEqual({ exempt: true });
    expect(() => parseQty('3.5.5')).toThrow();
  });
});
