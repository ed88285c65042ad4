/**
 * An exact copy of a recorded line — the same id and the same text, appended again (by hand, or by
 * a merge) — is one entry, not two: `audit` reports the copy (`duplicated`), `check` the id used
 * twice, and the reports count the work once. A different line under a recorded id is not a copy.
 */
import { describe, expect, it } from 'vitest';
import { notes, run, type ItemInput } from './helpers.js';

const ITEMS: ItemInput[] = [{ id: 'S', title: '学习', level: 'direct', cadence: 'yearly', target: { sum: 10, measure: '学时' }, weight: 1 }];
const at = (lines: string[]) => run({ items: ITEMS, lines }, '2027-01-31').at('S', 'unit:u1', '2026');

describe('exact copies count once', () => {
  it('the same line twice is one entry', () => {
    const p = at(['2026-04-02 u1 S 6h "first" id:aaaaaa', '2026-05-02 u1 S 3h "second" id:bbbbbb', '2026-04-02 u1 S 6h "first" id:aaaaaa']).p;
    expect(notes(p.entries)).toEqual(['first', 'second']);
    expect(p.status).not.toBe('met');
  });

  it('a copy with other spacing is still the same line', () => {
    const p = at(['2026-04-02 u1 S 6h "first" id:aaaaaa', '2026-04-02  u1 S  6h "first"   id:aaaaaa']).p;
    expect(notes(p.entries)).toEqual(['first']);
  });

  it('a different line under the same id is not a copy: both count (check reports the id)', () => {
    const p = at(['2026-04-02 u1 S 6h "first" id:aaaaaa', '2026-04-02 u1 S 5h "first" id:aaaaaa']).p;
    expect(notes(p.entries)).toEqual(['first', 'first']);
  });

  it('lines without an id are never taken for copies', () => {
    const p = at(['2026-04-02 u1 S 6h "first"', '2026-04-02 u1 S 6h "first"']).p;
    expect(p.entries).toHaveLength(2);
  });
});
