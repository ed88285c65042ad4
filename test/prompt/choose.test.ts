/** search (src/prompt/choose.ts): which choices a typed answer leaves. */
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/io.js';
import { matching, search } from '../../src/prompt/choose.js';

describe('search', () => {
  const choices: Choice<string>[] = [
    { value: 'office', label: 'office 办公室', keys: ['office', '办公室'] },
    { value: 'hr', label: 'hr 人事科', keys: ['hr', '人事科'] },
    { value: 'tech', label: 'tech 科技科', keys: ['tech', '科技科'] },
  ];

  it('search: part of a key, case-insensitive; an exact key alone', () => {
    expect(search(choices, '科').map((c) => c.value)).toEqual(['hr', 'tech']);
    expect(search(choices, 'OFF').map((c) => c.value)).toEqual(['office']);
    expect(search(choices, 'hr').map((c) => c.value)).toEqual(['hr']);
    expect(search(choices, '').map((c) => c.value)).toEqual(['office', 'hr', 'tech']);
    expect(search(choices, 'zz')).toEqual([]);
  });

  it('matching: what search finds, else the choice whose key is nearest (did you mean)', () => {
    expect(matching(choices, '科').map((c) => c.value)).toEqual(['hr', 'tech']);
    expect(matching(choices, 'offce').map((c) => c.value)).toEqual(['office']);
    expect(matching(choices, '人是科').map((c) => c.value)).toEqual(['hr']);
    expect(matching(choices, 'zzzzzzzz')).toEqual([]);
  });
});
