/**
 * Periods and due dates (docs/scoring.md §1): every cadence, every deadline form, month, quarter
 * and year ends, leap years. Expected dates are written out by hand from the calendar.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, isLeapYear } from '../../src/core/dates.js';
import { dueOf, periodsOf } from '../../src/core/expand.js';
import type { Item } from '../../src/core/model.js';
import { formatPeriod, parsePeriod, periodEnd, periodOfDate, periodStart } from '../../src/core/periods.js';
import { run } from './helpers.js';

const item = (over: Partial<Item>): Item => ({ id: 'X', title: 'x', level: 'direct', cadence: 'monthly', weight: 1, ...over });

/** [period, start, end, due] of each period of an item in a year. */
const table = (i: Item, year = 2026) => periodsOf(i, year).map((p) => [formatPeriod(p), periodStart(p), periodEnd(p), dueOf(i, p)]);

describe('periods of each cadence', () => {
  it('once: the year, due on its absolute deadline', () => {
    expect(table(item({ cadence: 'once', deadline: '2026-03-31' }))).toEqual([['2026', '2026-01-01', '2026-12-31', '2026-03-31']]);
  });

  it('yearly: the year, due on its last day by default', () => {
    expect(table(item({ cadence: 'yearly' }))).toEqual([['2026', '2026-01-01', '2026-12-31', '2026-12-31']]);
  });

  it('yearly with an absolute deadline inside the year', () => {
    expect(table(item({ cadence: 'yearly', deadline: '2026-06-30' }))).toEqual([['2026', '2026-01-01', '2026-12-31', '2026-06-30']]);
  });

  it('half-yearly: H1 Jan–Jun, H2 Jul–Dec, due at each half end', () => {
    expect(table(item({ cadence: 'half-yearly' }))).toEqual([
      ['2026-H1', '2026-01-01', '2026-06-30', '2026-06-30'],
      ['2026-H2', '2026-07-01', '2026-12-31', '2026-12-31'],
    ]);
  });

  it('half-yearly +15 days: 06-30 + 15 = 07-15; 12-31 + 15 = next year 01-15', () => {
    expect(table(item({ cadence: 'half-yearly', deadline: { days_after_period_end: 15 } })).map((r) => r[3])).toEqual([
      '2026-07-15',
      '2027-01-15',
    ]);
  });

  it('quarterly: quarters end 03-31, 06-30, 09-30, 12-31', () => {
    expect(table(item({ cadence: 'quarterly' }))).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31', '2026-12-31'],
    ]);
  });

  it('quarterly +10 days: 04-10, 07-10, 10-10 and next year 01-10', () => {
    expect(table(item({ cadence: 'quarterly', deadline: { days_after_period_end: 10 } })).map((r) => r[3])).toEqual([
      '2026-04-10',
      '2026-07-10',
      '2026-10-10',
      '2027-01-10',
    ]);
  });

  it('monthly: twelve months, each ending on its last day (2026: February has 28 days)', () => {
    expect(table(item({ cadence: 'monthly' }))).toEqual([
      ['2026-01', '2026-01-01', '2026-01-31', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-31', '2026-03-31'],
      ['2026-04', '2026-04-01', '2026-04-30', '2026-04-30'],
      ['2026-05', '2026-05-01', '2026-05-31', '2026-05-31'],
      ['2026-06', '2026-06-01', '2026-06-30', '2026-06-30'],
      ['2026-07', '2026-07-01', '2026-07-31', '2026-07-31'],
      ['2026-08', '2026-08-01', '2026-08-31', '2026-08-31'],
      ['2026-09', '2026-09-01', '2026-09-30', '2026-09-30'],
      ['2026-10', '2026-10-01', '2026-10-31', '2026-10-31'],
      ['2026-11', '2026-11-01', '2026-11-30', '2026-11-30'],
      ['2026-12', '2026-12-01', '2026-12-31', '2026-12-31'],
    ]);
  });

  it('monthly +5 days: the 5th of the next month; December → 2027-01-05', () => {
    expect(table(item({ cadence: 'monthly', deadline: { days_after_period_end: 5 } })).map((r) => r[3])).toEqual([
      '2026-02-05',
      '2026-03-05',
      '2026-04-05',
      '2026-05-05',
      '2026-06-05',
      '2026-07-05',
      '2026-08-05',
      '2026-09-05',
      '2026-10-05',
      '2026-11-05',
      '2026-12-05',
      '2027-01-05',
    ]);
  });

  it('days_after_period_end: 0 is the period end itself', () => {
    expect(table(item({ cadence: 'quarterly', deadline: { days_after_period_end: 0 } })).map((r) => r[3])).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
  });
});

describe('leap years', () => {
  const plus1 = item({ cadence: 'monthly', deadline: { days_after_period_end: 1 } });
  const feb = (year: number) => periodsOf(plus1, year)[1]!;

  it('2028 is leap: February ends 2028-02-29 and +1 → 2028-03-01', () => {
    expect(periodEnd(feb(2028))).toBe('2028-02-29');
    expect(dueOf(plus1, feb(2028))).toBe('2028-03-01');
  });

  it('2026 is not: February ends 2026-02-28 and +1 → 2026-03-01', () => {
    expect(periodEnd(feb(2026))).toBe('2026-02-28');
    expect(dueOf(plus1, feb(2026))).toBe('2026-03-01');
  });

  it('century rule: 2100 is not leap (Feb 28), 2000 is (Feb 29)', () => {
    expect(periodEnd(feb(2100))).toBe('2100-02-28');
    expect(periodEnd(feb(2000))).toBe('2000-02-29');
    expect([isLeapYear(2024), isLeapYear(2026), isLeapYear(2100), isLeapYear(2000)]).toEqual([true, false, false, true]);
    expect([daysInMonth(2028, 2), daysInMonth(2026, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([29, 28, 30, 31]);
  });

  it('a long grace crosses a whole month: 2026-01-31 + 31 = 2026-03-03 (28 days of February), 2028: 2028-03-02', () => {
    const long = item({ cadence: 'monthly', deadline: { days_after_period_end: 31 } });
    expect(dueOf(long, periodsOf(long, 2026)[0]!)).toBe('2026-03-03');
    expect(dueOf(long, periodsOf(long, 2028)[0]!)).toBe('2028-03-02');
  });

  it('calendar arithmetic: 365 days in 2026, 366 in 2028', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('period names and the period of a date', () => {
  it('parses and prints each form of period tag', () => {
    expect(parsePeriod('2026-03')).toEqual({ kind: 'month', year: 2026, index: 3 });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(parsePeriod('2026-H1')).toEqual({ kind: 'half', year: 2026, index: 1 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-Q5')).toBeUndefined();
    expect(parsePeriod('2026-H3')).toBeUndefined();
  });

  it('a date falls in its month, quarter, half and year', () => {
    const f = (kind: Parameters<typeof periodOfDate>[0], d: string) => formatPeriod(periodOfDate(kind, d));
    expect([f('month', '2026-07-01'), f('quarter', '2026-07-01'), f('half', '2026-07-01'), f('year', '2026-07-01')]).toEqual([
      '2026-07',
      '2026-Q3',
      '2026-H2',
      '2026',
    ]);
    expect([f('quarter', '2026-03-31'), f('quarter', '2026-04-01'), f('half', '2026-06-30')]).toEqual(['2026-Q1', '2026-Q2', '2026-H1']);
  });
});

describe('due dates through expansion of a checklist', () => {
  it('each obligation carries its period, start, end and due date', () => {
    const r = run(
      {
        items: [
          { id: 'O', title: '一次性', level: 'direct', cadence: 'once', deadline: '2026-04-30', weight: 1 },
          { id: 'H', title: '半年', level: 'direct', cadence: 'half-yearly', weight: 1 },
          { id: 'M', title: '月报', level: 'direct', cadence: 'monthly', deadline: { days_after_period_end: 5 }, weight: 1 },
        ],
      },
      '2026-01-01',
    );
    const o = (item: string, period: string) => {
      const x = r.at(item, 'unit:u1', period).o;
      return [x.periodKey, x.start, x.end, x.due];
    };
    expect(o('O', '2026')).toEqual(['2026', '2026-01-01', '2026-12-31', '2026-04-30']);
    expect(o('H', '2026-H2')).toEqual(['2026-H2', '2026-07-01', '2026-12-31', '2026-12-31']);
    expect(o('M', '2026-12')).toEqual(['2026-12', '2026-12-01', '2026-12-31', '2027-01-05']);
  });
});
