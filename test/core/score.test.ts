/**
 * Scoring (docs/scoring.md §5): proportional, all-or-nothing, late credit, deduct with per_miss
 * and floor, cap, exempt periods leaving the denominator; the year-to-date maximum and the
 * projected score. Every expected number is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { ruleOf } from '../../src/core/score.js';
import { run, type ItemInput } from './helpers.js';

const months = (subject: string, item: string, from: number, to: number, extra = '') =>
  Array.from({ length: to - from + 1 }, (_, i) => {
    const m = String(from + i).padStart(2, '0');
    return `2026-${m}-10 ${subject} ${item}${extra} "m${m}"`;
  });

describe('proportional (the default)', () => {
  // count 2 a month, weight 6: January 2 entries (credit 1), February 1 (credit 0.5)
  const items: ItemInput[] = [{ id: 'P', title: 'p', level: 'direct', cadence: 'monthly', target: { count: 2, measure: '次' }, weight: 6 }];
  const lines = ['2026-01-05 u1 P "a"', '2026-01-06 u1 P "b"', '2026-02-05 u1 P "c"'];

  it('partial credit: as of 15 March, Jan and Feb count: 6 × (1 + 0.5) ÷ 12 = 0.75', () => {
    const s = run({ items, lines }, '2026-03-15').score('P', 'unit:u1');
    expect(s.score).toBe(0.75);
    expect(s.ytdMax).toBe(1); // 6 × 2 ÷ 12 = 1
    expect(s.projected).toBe(5.75); // 0.75 + (6 − 1)
    expect(s.max).toBe(6);
    expect([s.periods, s.exempt, s.missed]).toEqual([12, 0, 1]); // February is partial
  });

  it('at the end of the year: 6 × 1.5 ÷ 12 = 0.75, year-to-date maximum = maximum = 6', () => {
    const s = run({ items, lines }, '2027-01-31').score('P', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected, s.max, s.missed]).toEqual([0.75, 6, 0.75, 6, 11]);
  });

  it('nothing counts yet on 10 January: score 0, ytdMax 0, projected 6', () => {
    const s = run({ items, lines: [] }, '2026-01-10').score('P', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([0, 0, 6]);
  });

  it('work done ahead counts at once: a yearly item done in March scores its weight in April', () => {
    const s = run(
      { items: [{ id: 'Y', title: 'y', level: 'direct', cadence: 'yearly', weight: 3 }], lines: ['2026-03-01 u1 Y "done"'] },
      '2026-04-01',
    ).score('Y', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([3, 3, 3]);
  });

  it('an open obligation with some work does not count yet', () => {
    const s = run({ items, lines: ['2026-03-05 u1 P "one of two"'] }, '2026-03-15').score('P', 'unit:u1');
    // Jan, Feb overdue (0 each), March open: 6 × 0 ÷ 12 = 0, ytdMax 6 × 2 ÷ 12 = 1
    expect([s.score, s.ytdMax, s.projected]).toEqual([0, 1, 5]);
  });
});

describe('all-or-nothing', () => {
  const items: ItemInput[] = [
    { id: 'A', title: 'a', level: 'direct', cadence: 'monthly', target: { count: 2, measure: '次' }, weight: 6, scoring: 'all-or-nothing' },
  ];
  const lines = ['2026-01-05 u1 A "a"', '2026-01-06 u1 A "b"', '2026-02-05 u1 A "c"'];

  it('partial work earns nothing: 6 × (1 + 0) ÷ 12 = 0.5', () => {
    const s = run({ items, lines }, '2026-03-15').score('A', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([0.5, 1, 5.5]); // 0.5 + (6 − 1)
  });

  it('met late earns in full by default (late_credit 1)', () => {
    const s = run({ items, lines: [...lines, '2026-03-01 u1 A "late" period:2026-02'] }, '2026-03-15').score('A', 'unit:u1');
    expect(s.score).toBe(1); // 6 × (1 + 1) ÷ 12
  });
});

describe('late credit 0.5', () => {
  const items: ItemInput[] = [
    { id: 'L', title: 'l', level: 'direct', cadence: 'quarterly', weight: 4, scoring: { late_credit: 0.5 } },
    { id: 'L2', title: 'l2', level: 'direct', cadence: 'quarterly', target: { count: 2, measure: '次' }, weight: 4, scoring: { late_credit: 0.5 } },
    {
      id: 'LA',
      title: 'la',
      level: 'direct',
      cadence: 'quarterly',
      target: { count: 2, measure: '次' },
      weight: 4,
      scoring: { rule: 'all-or-nothing', late_credit: 0.5 },
    },
  ];
  const lines = [
    '2026-04-15 u1 L "Q1 late" period:2026-Q1',
    '2026-05-15 u1 L "Q2 on time"',
    '2026-03-10 u1 L2 "on time"',
    '2026-04-15 u1 L2 "late" period:2026-Q1',
    '2026-03-10 u1 LA "on time"',
    '2026-04-15 u1 LA "late" period:2026-Q1',
  ];

  it('met late → half: Q1 late 0.5, Q2 on time 1 → 4 × 1.5 ÷ 4 = 1.5 as of 15 July', () => {
    const r = run({ items, lines }, '2026-07-15');
    expect(r.at('L', 'unit:u1', '2026-Q1').p).toMatchObject({ status: 'met-late', credit: 0.5 });
    const s = r.score('L', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([1.5, 2, 3.5]); // ytdMax 4 × 2 ÷ 4 = 2; 1.5 + (4 − 2)
  });

  it('partly on time: r_on_time 0.5, r_all 1 → 0.5 + 0.5 × (1 − 0.5) = 0.75; score 4 × 0.75 ÷ 4 = 0.75', () => {
    const r = run({ items, lines }, '2026-04-20');
    expect(r.at('L2', 'unit:u1', '2026-Q1').p).toMatchObject({ status: 'met-late', credit: 0.75 });
    expect(r.score('L2', 'unit:u1').score).toBe(0.75);
  });

  it('all-or-nothing with late_credit 0.5: met late gives 0.5, not 0.75 → 4 × 0.5 ÷ 4 = 0.5', () => {
    expect(run({ items, lines }, '2026-04-20').score('LA', 'unit:u1').score).toBe(0.5);
  });

  it('late credit applies to partial late work too: only a late entry of 2 → 0 + 0.5 × (0.5 − 0) = 0.25', () => {
    const r = run({ items, lines: ['2026-04-15 u2 L2 "late" period:2026-Q1'] }, '2026-04-20');
    expect(r.at('L2', 'unit:u2', '2026-Q1').p).toMatchObject({ status: 'partial', credit: 0.25 });
    expect(r.score('L2', 'unit:u2').score).toBe(0.25); // 4 × 0.25 ÷ 4
  });

  it('ruleOf: defaults (proportional, late credit 1, no deduction, floor 0, cap = weight)', () => {
    expect(ruleOf(undefined, 7)).toEqual({ rule: 'proportional', lateCredit: 1, perMiss: 0, perMissing: 0, floor: 0, cap: 7 });
    expect(ruleOf('all-or-nothing', 7)).toEqual({ rule: 'all-or-nothing', lateCredit: 1, perMiss: 0, perMissing: 0, floor: 0, cap: 7 });
  });
});

describe('deduct', () => {
  const items: ItemInput[] = [
    { id: 'D', title: 'd', level: 'direct', cadence: 'monthly', weight: 5, scoring: { rule: 'deduct', per_miss: 0.5, floor: 0 } },
    { id: 'DF', title: 'df', level: 'direct', cadence: 'monthly', weight: 5, scoring: { rule: 'deduct', per_miss: 0.5, floor: 1 } },
    {
      id: 'D2',
      title: 'd2',
      level: 'direct',
      cadence: 'quarterly',
      target: { count: 2, measure: '次' },
      weight: 5,
      scoring: { rule: 'deduct', per_miss: 1 },
    },
  ];

  it('weight 5, per_miss 0.5, 3 misses → 5 − 0.5 × 3 = 3.5', () => {
    const s = run({ items, lines: months('u1', 'D', 4, 12) }, '2027-01-31').score('D', 'unit:u1');
    expect([s.score, s.max, s.ytdMax, s.projected, s.missed]).toEqual([3.5, 5, 5, 3.5, 3]);
  });

  it('12 misses with floor 0 → 5 − 6 = −1 → 0', () => {
    expect(run({ items }, '2027-01-31').score('D', 'unit:u2').score).toBe(0);
  });

  it('12 misses with floor 1 → 1', () => {
    expect(run({ items }, '2027-01-31').score('DF', 'unit:u2').score).toBe(1);
  });

  it('mid-year: 3 misses (Jan–Mar) as of 15 April → 3.5; ytdMax the whole weight; projected 3.5', () => {
    const s = run({ items }, '2026-04-15').score('D', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([3.5, 5, 3.5]); // 3.5 + (5 − 5)
  });

  it('nothing counted yet: score 0, ytdMax 0, projected = weight 5', () => {
    const s = run({ items }, '2026-01-15').score('D', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([0, 0, 5]);
  });

  it('no miss: the full weight', () => {
    expect(run({ items, lines: months('u3', 'D', 1, 12) }, '2027-01-31').score('D', 'unit:u3').score).toBe(5);
  });

  it('a partial period deducts its missing share: 1 of 2 → 1 × (1 − 0.5) = 0.5; 5 − 0.5 = 4.5', () => {
    const s = run({ items, lines: ['2026-02-01 u1 D2 "half"'] }, '2026-04-15').score('D2', 'unit:u1');
    expect(s.score).toBe(4.5);
  });
});

describe('cap', () => {
  const items: ItemInput[] = [
    { id: 'C', title: 'c', level: 'direct', cadence: 'yearly', weight: 10, scoring: { cap: 8 } },
    { id: 'CM', title: 'cm', level: 'direct', cadence: 'monthly', weight: 10, scoring: { cap: 8 } },
  ];

  it('weight 10 capped at 8: met → 8, and its maximum is 8', () => {
    const s = run({ items, lines: ['2026-05-01 u1 C "done"'] }, '2027-01-31').score('C', 'unit:u1');
    expect([s.score, s.max, s.ytdMax, s.projected]).toEqual([8, 8, 8, 8]);
  });

  it('below the cap nothing changes: 9 months of 12 → 10 × 9 ÷ 12 = 7.5', () => {
    expect(run({ items, lines: months('u1', 'CM', 1, 9) }, '2027-01-31').score('CM', 'unit:u1').score).toBe(7.5);
  });

  it('above the cap: 11 months → 10 × 11 ÷ 12 = 9.17 → 8', () => {
    expect(run({ items, lines: months('u1', 'CM', 1, 11) }, '2027-01-31').score('CM', 'unit:u1').score).toBe(8);
  });
});

describe('exempt periods leave the denominator', () => {
  const items: ItemInput[] = [
    { id: 'E', title: 'e', level: 'direct', cadence: 'monthly', weight: 6 },
    { id: 'EY', title: 'ey', level: 'direct', cadence: 'yearly', weight: 4 },
  ];
  const exempt = ['2026-01-15 u1 E exempt "新设科室" period:2026-01', '2026-02-15 u1 E exempt "新设科室" period:2026-02'];

  it('weight 6, 2 of 12 months exempt: each other month is worth 6 ÷ 10 = 0.6; all 10 met → 6', () => {
    const s = run({ items, lines: [...exempt, ...months('u1', 'E', 3, 12)] }, '2027-01-31').score('E', 'unit:u1');
    expect([s.score, s.max, s.ytdMax, s.periods, s.exempt]).toEqual([6, 6, 6, 12, 2]);
  });

  it('one of the 10 missed: 6 × 9 ÷ 10 = 5.4', () => {
    const s = run({ items, lines: [...exempt, ...months('u1', 'E', 4, 12)] }, '2027-01-31').score('E', 'unit:u1');
    expect([s.score, s.missed]).toEqual([5.4, 1]);
  });

  it('as of 15 April only March counts: ytdMax 6 × 1 ÷ 10 = 0.6; score 0.6; projected 0.6 + (6 − 0.6) = 6', () => {
    const s = run({ items, lines: [...exempt, ...months('u1', 'E', 3, 3)] }, '2026-04-15').score('E', 'unit:u1');
    expect([s.score, s.ytdMax, s.projected]).toEqual([0.6, 0.6, 6]);
  });

  it("all periods exempt: the item leaves the subject's maximum (max 0, score 0, ytdMax 0, projected 0)", () => {
    const s = run({ items, lines: ['2026-03-01 u2 EY exempt "撤并"'] }, '2027-01-31').score('EY', 'unit:u2');
    expect([s.max, s.score, s.ytdMax, s.projected, s.exempt]).toEqual([0, 0, 0, 0, 1]);
  });
});
