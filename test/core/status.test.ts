/**
 * Status of an obligation as of a date, and the pacing of cumulative targets (docs/scoring.md §4).
 * Fixture units: u1 has 10 party members, u2 4, u3 5 (19 in all).
 */
import { describe, expect, it } from 'vitest';
import { run, notes, type ItemInput } from './helpers.js';

const ITEMS: ItemInput[] = [
  { id: 'R5', title: '月度汇报', level: 'direct', cadence: 'monthly', deadline: { days_after_period_end: 5 }, weight: 1 },
  { id: 'C3', title: '季度三次', level: 'direct', cadence: 'quarterly', target: { count: 3, measure: '次' }, weight: 1 },
  { id: 'RATE', title: '主题党日', level: 'direct', cadence: 'monthly', target: { rate: 0.9 }, weight: 1 },
  { id: 'CR', title: '组织生活', level: 'direct', cadence: 'monthly', target: { count: 2, rate: 0.8 }, weight: 1 },
  { id: 'C2', title: '年度两次', level: 'direct', cadence: 'yearly', target: { count: 2, measure: '次' }, weight: 1 },
  { id: 'S', title: '学时', level: 'direct', cadence: 'yearly', target: { sum: 10, measure: '学时' }, weight: 1 },
  { id: 'ORATE', title: '全行大会', level: 'principal', scope: 'org', cadence: 'monthly', target: { rate: 0.5 }, weight: 1 },
];

describe('due-soon, open and overdue around the due date (March report due 2026-04-05, nothing done)', () => {
  const s = (asOf: string, settings = {}) => run({ items: ITEMS, settings }, asOf).status('R5', 'unit:u1', '2026-03');

  it('15 days before the due date: open', () => expect(s('2026-03-21')).toBe('open'));
  it('exactly 14 days (the default due_soon_days) before: due-soon', () => expect(s('2026-03-22')).toBe('due-soon'));
  it('on the due date itself: still due-soon, not overdue', () => expect(s('2026-04-05')).toBe('due-soon'));
  it('the day after the due date: overdue', () => expect(s('2026-04-06')).toBe('overdue'));
  it('before the period even starts: open', () => expect(s('2026-01-15')).toBe('open'));

  it('due_soon_days from the settings: 3 days before → due-soon, 4 days → open', () => {
    expect(s('2026-04-02', { due_soon_days: 3 })).toBe('due-soon');
    expect(s('2026-04-01', { due_soon_days: 3 })).toBe('open');
  });

  it('an open obligation does not count yet, an overdue one does, with credit 0', () => {
    const r = run({ items: ITEMS }, '2026-04-06');
    expect(r.at('R5', 'unit:u1', '2026-03').p).toMatchObject({ status: 'overdue', counted: true, credit: 0, done: 0, goal: 1 });
    expect(r.at('R5', 'unit:u1', '2026-04').p).toMatchObject({ status: 'open', counted: false, credit: 0 });
  });
});

describe('met and met-late', () => {
  const lines = ['2026-04-03 u2 R5 "march on time"', '2026-04-20 u3 R5 "march late" period:2026-03'];

  it('met: reached by an entry on or before the due date', () => {
    const { p } = run({ items: ITEMS, lines }, '2026-04-10').at('R5', 'unit:u2', '2026-03');
    expect(p).toMatchObject({ status: 'met', done: 1, goal: 1, credit: 1, counted: true, completedOn: '2026-04-03' });
  });

  it('met on the due date itself is on time', () => {
    const r = run({ items: ITEMS, lines: ['2026-04-05 u1 R5 "last day"'] }, '2026-04-30');
    expect(r.status('R5', 'unit:u1', '2026-03')).toBe('met');
  });

  it('met-late: reached only after the due date; late work counts in full by default (credit 1)', () => {
    const { p } = run({ items: ITEMS, lines }, '2026-04-30').at('R5', 'unit:u3', '2026-03');
    expect(p).toMatchObject({ status: 'met-late', credit: 1, counted: true, completedOn: '2026-04-20' });
  });

  it('entries after "as of" are ignored: as of 2 April the 3 April entry does not exist yet', () => {
    const { p } = run({ items: ITEMS, lines }, '2026-04-02').at('R5', 'unit:u2', '2026-03');
    expect(p).toMatchObject({ status: 'due-soon', done: 0, counted: false });
    expect(p.entries).toEqual([]);
  });

  it('as of 10 April the late entry of 20 April is ignored: overdue', () => {
    expect(run({ items: ITEMS, lines }, '2026-04-10').status('R5', 'unit:u3', '2026-03')).toBe('overdue');
  });

  it('a met obligation counts before its due date (done ahead)', () => {
    const r = run({ items: ITEMS, lines: ['2026-03-10 u1 R5 "early"'] }, '2026-03-15');
    expect(r.at('R5', 'unit:u1', '2026-03').p).toMatchObject({ status: 'met', counted: true });
  });
});

describe('partial, counts and sums', () => {
  const lines = [
    '2026-01-10 u1 C3 "one"',
    '2026-02-10 u1 C3 "two"',
    '2026-03-05 u2 C3 3次 "three at once"',
    '2026-03-01 u1 C2 2次 "twice"',
    '2026-03-01 u1 S 3.5h "a"',
    '2026-09-01 u1 S 6.5学时 "b"',
    '2026-05-01 u2 S 4h "c"',
  ];

  it('partial: past due, 2 of 3 done → credit 2 ÷ 3 = 0.666667', () => {
    const { p } = run({ items: ITEMS, lines }, '2026-04-01').at('C3', 'unit:u1', '2026-Q1');
    expect(p).toMatchObject({ status: 'partial', done: 2, goal: 3, credit: 0.666667, counted: true });
  });

  it('not partial before the due date: 2 of 3 on 31 March (due 31 March) is due-soon', () => {
    expect(run({ items: ITEMS, lines }, '2026-03-31').at('C3', 'unit:u1', '2026-Q1').p).toMatchObject({ status: 'due-soon', counted: false });
  });

  it('an entry "3次" counts three times', () => {
    expect(run({ items: ITEMS, lines }, '2026-04-01').at('C3', 'unit:u2', '2026-Q1').p).toMatchObject({ status: 'met', done: 3 });
    expect(run({ items: ITEMS, lines }, '2026-04-01').at('C2', 'unit:u1', '2026').p).toMatchObject({ status: 'met', done: 2, goal: 2 });
  });

  it('sum: 3.5 + 6.5 = 10 学时 → met; 4 of 10 → partial with credit 0.4', () => {
    const r = run({ items: ITEMS, lines }, '2027-01-01');
    expect(r.at('S', 'unit:u1', '2026').p).toMatchObject({ status: 'met', done: 10, goal: 10, completedOn: '2026-09-01' });
    expect(r.at('S', 'unit:u2', '2026').p).toMatchObject({ status: 'partial', done: 4, goal: 10, credit: 0.4 });
    expect(r.at('S', 'unit:u3', '2026').p).toMatchObject({ status: 'overdue', done: 0, credit: 0 });
  });
});

describe('exempt', () => {
  const lines = ['2026-02-01 u3 C3 exempt "科室撤并" period:2026-Q1', '2026-05-20 u3 C3 exempt "later" period:2026-Q2'];

  it('an exempt entry waives the obligation, with its note as the reason, and it never counts', () => {
    const { p } = run({ items: ITEMS, lines }, '2026-04-01').at('C3', 'unit:u3', '2026-Q1');
    expect(p).toMatchObject({ status: 'exempt', counted: false, credit: 0, exemptReason: '科室撤并' });
  });

  it('an exempt entry dated after "as of" does not apply yet', () => {
    expect(run({ items: ITEMS, lines }, '2026-05-19').status('C3', 'unit:u3', '2026-Q2')).toBe('open');
    expect(run({ items: ITEMS, lines }, '2026-05-20').status('C3', 'unit:u3', '2026-Q2')).toBe('exempt');
  });
});

describe('rate targets', () => {
  const lines = [
    '2026-03-10 u1 RATE 8/10 "a"',
    '2026-03-20 u1 RATE 9 "b: present only, expected = 10 members"',
    '2026-03-10 u2 RATE 4 "all 4 members"',
    '2026-03-10 u3 RATE 4 "4 of 5 members"',
    '2026-03-10 u1 CR 10/10 "one meeting, full"',
    '2026-03-10 u2 CR 4/4 "first"',
    '2026-03-20 u2 CR 2/4 "second"',
    '2026-03-10 org ORATE 19 "all 19"',
    '2026-04-10 org ORATE 9 "9 of 19"',
  ];
  const r = run({ items: ITEMS, lines }, '2026-05-01');

  it('average of present ÷ expected: (8/10 + 9/10) ÷ 2 = 0.85 < 0.9 → partial, credit 0.85 ÷ 0.9 = 0.944444; followed as 85 of 90 %', () => {
    expect(r.at('RATE', 'unit:u1', '2026-03').p).toMatchObject({ status: 'partial', rate: 0.85, credit: 0.944444, done: 85, goal: 90 });
  });

  it('expected defaults to the unit members: u2 4 present of 4 → 1 → met; u3 4 of 5 = 0.8 → credit 0.8 ÷ 0.9 = 0.888889', () => {
    expect(r.at('RATE', 'unit:u2', '2026-03').p).toMatchObject({ status: 'met', rate: 1, credit: 1 });
    expect(r.at('RATE', 'unit:u3', '2026-03').p).toMatchObject({ status: 'partial', rate: 0.8, credit: 0.888889 });
  });

  it('no entries at all: overdue, no rate', () => {
    const { p } = r.at('RATE', 'unit:u1', '2026-04');
    expect(p.status).toBe('overdue');
    expect(p.rate).toBeUndefined();
  });

  it('count and rate: the weakest decides; each attendance entry is one occurrence', () => {
    // u1: count 1/2 = 0.5, rate 1/0.8 → 1 ⇒ 0.5
    expect(r.at('CR', 'unit:u1', '2026-03').p).toMatchObject({ status: 'partial', done: 1, goal: 2, rate: 1, credit: 0.5 });
    // u2: count 2/2 = 1, rate (1 + 0.5)/2 = 0.75 → 0.75/0.8 = 0.9375 ⇒ 0.9375
    expect(r.at('CR', 'unit:u2', '2026-03').p).toMatchObject({ status: 'partial', done: 2, goal: 2, rate: 0.75, credit: 0.9375 });
  });

  it("the organisation's expected defaults to all members: 19/19 → met; 9/19 = 0.4737 → credit 18/19 = 0.947368", () => {
    expect(r.at('ORATE', 'org', '2026-03').p).toMatchObject({ status: 'met', rate: 1 });
    expect(r.at('ORATE', 'org', '2026-04').p).toMatchObject({ status: 'partial', rate: 0.4737, credit: 0.947368 });
  });
});

describe('pacing of cumulative targets', () => {
  const PACE: ItemInput[] = [
    { id: 'H', title: '学时', level: 'direct', cadence: 'yearly', target: { sum: 150, measure: '学时' }, weight: 1 },
    { id: 'N', title: '四次', level: 'direct', cadence: 'yearly', target: { count: 4, measure: '次' }, weight: 1 },
    { id: 'D', title: '一次', level: 'direct', cadence: 'yearly', weight: 1 },
    { id: 'Q', title: '季度三次', level: 'direct', cadence: 'quarterly', target: { count: 3, measure: '次' }, weight: 1 },
  ];
  const lines = [
    '2026-03-01 u1 H 70h "u1"',
    '2026-03-01 u2 H 80h "u2"',
    '2026-03-01 u3 H 150h "u3 done"',
    '2026-02-01 u1 N "one"',
    '2026-02-01 u2 N 2次 "two"',
    '2026-01-20 u1 Q "one"',
    '2026-01-20 u2 Q "one"',
  ];
  const at = (asOf: string, item: string, subject: string, period: string) => run({ items: PACE, lines }, asOf).at(item, subject, period).p;

  it('150 h a year as of 1 July (day 182 of 365): expected 150 × 182 ÷ 365 = 74.79, written 75; 70 done → behind', () => {
    expect(at('2026-07-01', 'H', 'unit:u1', '2026').pace).toEqual({ expected: 75, done: 70, behind: true });
  });

  it('80 done ≥ 75 → not behind', () => {
    expect(at('2026-07-01', 'H', 'unit:u2', '2026').pace).toEqual({ expected: 75, done: 80, behind: false });
  });

  it('no pacing once the target is met', () => {
    const p = at('2026-07-01', 'H', 'unit:u3', '2026');
    expect(p.status).toBe('met');
    expect(p.pace).toBeUndefined();
  });

  it('first and last day of the year: 150 × 1 ÷ 365 = 0.41, written 0 (nothing done is not behind yet); 150 × 365 ÷ 365 = 150', () => {
    expect(at('2026-01-01', 'H', 'unit:u1', '2026').pace).toEqual({ expected: 0, done: 0, behind: false });
    expect(at('2026-12-31', 'H', 'unit:u1', '2026').pace).toEqual({ expected: 150, done: 70, behind: true });
  });

  it('no pacing after the period has ended', () => {
    expect(at('2027-01-01', 'H', 'unit:u1', '2026').pace).toBeUndefined();
  });

  it('count 4 a year as of 1 July: 4 × 182 ÷ 365 = 1.99, written 2; 1 done → behind, 2 done → not', () => {
    expect(at('2026-07-01', 'N', 'unit:u1', '2026').pace).toEqual({ expected: 2, done: 1, behind: true });
    expect(at('2026-07-01', 'N', 'unit:u2', '2026').pace).toEqual({ expected: 2, done: 2, behind: false });
  });

  it('no pacing for a done-type target (count 1)', () => {
    expect(at('2026-07-01', 'D', 'unit:u1', '2026').pace).toBeUndefined();
  });

  it('quarterly count 3, Q1 (90 days) as of 14 Feb (day 45): 3 × 45 ÷ 90 = 1.5, written 2; 1 done → behind', () => {
    expect(at('2026-02-14', 'Q', 'unit:u1', '2026-Q1').pace).toEqual({ expected: 2, done: 1, behind: true });
  });

  it('done exactly as expected is not behind: as of 30 Jan, 3 × 30 ÷ 90 = 1, 1 done', () => {
    expect(at('2026-01-30', 'Q', 'unit:u2', '2026-Q1').pace).toEqual({ expected: 1, done: 1, behind: false });
  });

  it('no pacing for a period not yet started (Q2 as of 14 Feb)', () => {
    expect(at('2026-02-14', 'Q', 'unit:u1', '2026-Q2').pace).toBeUndefined();
  });

  it('entries are listed with the progress', () => {
    expect(notes(at('2026-07-01', 'H', 'unit:u1', '2026').entries)).toEqual(['u1']);
  });
});
