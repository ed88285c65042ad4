/**
 * Matching entries to obligations (docs/scoring.md §3): the period tag wins; otherwise the period
 * of the date, except for the grace days between a period's end and its relative deadline, which
 * belong to the previous period — never across the start of the year. Voided entries are left out;
 * entries go only to their own item and subject.
 */
import { describe, expect, it } from 'vitest';
import { run, notes, type ItemInput } from './helpers.js';

const ITEMS: ItemInput[] = [
  { id: 'M5', title: '月度汇报', level: 'direct', cadence: 'monthly', deadline: { days_after_period_end: 5 }, weight: 1 },
  { id: 'M0', title: '月度学习', level: 'direct', cadence: 'monthly', weight: 1 },
  { id: 'Q10', title: '季度分析', level: 'direct', cadence: 'quarterly', deadline: { days_after_period_end: 10 }, weight: 1 },
  { id: 'Y', title: '年度总结', level: 'direct', cadence: 'yearly', weight: 1 },
  { id: 'P', title: '书记党课', level: 'first', scope: { person: 'sec' }, cadence: 'yearly', weight: 1 },
];

/** Everything as of the end of January 2027, so that no entry is cut off by "as of". */
const matched = (lines: string[]) => {
  const r = run({ items: ITEMS, lines }, '2027-01-31');
  return (item: string, subject: string, period: string) => notes(r.at(item, subject, period).p.entries);
};

describe('the grace rule', () => {
  it('item due 5 days after month end: 2 April → March, 5 April (last grace day) → March, 6 April → April', () => {
    const m = matched([
      '2026-04-02 u1 M5 "apr02"',
      '2026-04-05 u1 M5 "apr05"',
      '2026-04-06 u1 M5 "apr06"',
    ]);
    expect(m('M5', 'unit:u1', '2026-03')).toEqual(['apr02', 'apr05']);
    expect(m('M5', 'unit:u1', '2026-04')).toEqual(['apr06']);
  });

  it('item with no grace: 2 April → April', () => {
    const m = matched(['2026-04-02 u1 M0 "apr02"']);
    expect(m('M0', 'unit:u1', '2026-03')).toEqual([]);
    expect(m('M0', 'unit:u1', '2026-04')).toEqual(['apr02']);
  });

  it('grace does not cross into the previous year: 3 January → January', () => {
    const m = matched(['2026-01-03 u1 M5 "jan03"']);
    expect(m('M5', 'unit:u1', '2026-01')).toEqual(['jan03']);
  });

  it('a December report filed in January names its period and counts for 2026-12 (on time: due 2027-01-05)', () => {
    const r = run({ items: ITEMS, lines: ['2027-01-03 u1 M5 "dec" period:2026-12'] }, '2027-01-31');
    const { p } = r.at('M5', 'unit:u1', '2026-12');
    expect(notes(p.entries)).toEqual(['dec']);
    expect(p.status).toBe('met');
  });

  it('an untagged entry dated in 2027 does not reach the 2026 checklist', () => {
    const r = run({ items: ITEMS, lines: ['2027-01-03 u1 M5 "jan03-2027"'] }, '2027-01-31');
    expect(r.ev.progress.every((p) => p.entries.length === 0)).toBe(true);
  });

  it('quarterly +10: 10 July → Q2, 11 July → Q3', () => {
    const m = matched(['2026-07-10 u1 Q10 "jul10"', '2026-07-11 u1 Q10 "jul11"']);
    expect(m('Q10', 'unit:u1', '2026-Q2')).toEqual(['jul10']);
    expect(m('Q10', 'unit:u1', '2026-Q3')).toEqual(['jul11']);
  });
});

describe('period tags', () => {
  it('the tag wins over the date and over the grace rule', () => {
    const m = matched(['2026-04-02 u1 M5 "april-report" period:2026-04', '2026-05-20 u1 M0 "late-march" period:2026-03']);
    expect(m('M5', 'unit:u1', '2026-03')).toEqual([]);
    expect(m('M5', 'unit:u1', '2026-04')).toEqual(['april-report']);
    expect(m('M0', 'unit:u1', '2026-03')).toEqual(['late-march']);
    expect(m('M0', 'unit:u1', '2026-05')).toEqual([]);
  });

  it('a tag that does not fit the cadence matches nothing (period:2026-Q1 on a monthly item)', () => {
    const r = run({ items: ITEMS, lines: ['2026-03-10 u1 M0 "wrong" period:2026-Q1'] }, '2027-01-31');
    expect(r.ev.progress.every((p) => p.entries.length === 0)).toBe(true);
  });

  it('a yearly item takes a year tag', () => {
    const m = matched(['2026-12-20 u1 Y "summary" period:2026']);
    expect(m('Y', 'unit:u1', '2026')).toEqual(['summary']);
  });
});

describe('what is left out or kept apart', () => {
  it('voided entries are ignored; the corrected entry counts', () => {
    const m = matched([
      '2026-03-10 u1 M0 "wrong" id:aaa111',
      '2026-03-12 void aaa111 "登记错误" id:bbb222',
      '2026-03-12 u1 M0 "right" id:ccc333',
    ]);
    expect(m('M0', 'unit:u1', '2026-03')).toEqual(['right']);
  });

  it('entries of other subjects and items do not match', () => {
    const m = matched(['2026-03-10 u2 M0 "u2-study"', '2026-03-11 u1 M5 "u1-report"', '2026-03-12 u3 Q10 "u3-analysis"']);
    expect(m('M0', 'unit:u1', '2026-03')).toEqual([]);
    expect(m('M0', 'unit:u2', '2026-03')).toEqual(['u2-study']);
    expect(m('M5', 'unit:u2', '2026-03')).toEqual([]);
    expect(m('M5', 'unit:u1', '2026-03')).toEqual(['u1-report']);
    expect(m('Q10', 'unit:u1', '2026-Q1')).toEqual([]);
    expect(m('Q10', 'unit:u3', '2026-Q1')).toEqual(['u3-analysis']);
  });

  it('unit and item may be written by name; person items by the person name', () => {
    const m = matched(['2026-03-10 二科 月度学习 "by-name"', '2026-06-01 王书记 书记党课 "lesson"']);
    expect(m('M0', 'unit:u2', '2026-03')).toEqual(['by-name']);
    expect(m('P', 'person:sec', '2026')).toEqual(['lesson']);
  });

  it('an entry of a unit on a person-scoped item, or of an unknown item, matches nothing', () => {
    const r = run({ items: ITEMS, lines: ['2026-06-01 u1 P "not mine"', '2026-06-01 u1 ZZ "unknown item"', '2026-06-01 nobody M0 "who"'] }, '2027-01-31');
    expect(r.ev.progress.every((p) => p.entries.length === 0)).toBe(true);
  });

  it('several entries for one obligation stay in ledger order', () => {
    const m = matched(['2026-03-20 u1 M0 "b"', '2026-03-02 u1 M0 "a"']);
    expect(m('M0', 'unit:u1', '2026-03')).toEqual(['b', 'a']);
  });
});
