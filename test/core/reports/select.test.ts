/**
 * selectPeriod (src/core/reports/select.ts): which period a report covers and the date it is
 * evaluated as of — min(as-of, the day after the period's last deadline) — from --month/--quarter/--year/--period.
 * The same errors through the CLI: test/e2e/reports/select.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { selectPeriod, type PeriodOptions, type ReportKind } from '../../../src/core/reports/select.js';
import { formatPeriod } from '../../../src/core/periods.js';

/** The period as written (2026-10, 2026-Q3, 2026) and the evaluation date, or the error. */
function pick(kind: ReportKind, o: PeriodOptions, asOf: string): string {
  const r = selectPeriod(kind, o, asOf);
  return 'error' in r ? `error ${r.error.option} ${r.error.value} (${r.error.hint})` : `${formatPeriod(r.period)} @ ${r.evalDate}`;
}

describe('the current period (no option, or --period current)', () => {
  it('is the period as-of falls in, evaluated as of as-of', () => {
    expect(pick('monthly', {}, '2026-11-27')).toBe('2026-11 @ 2026-11-27');
    expect(pick('quarterly', {}, '2026-11-27')).toBe('2026-Q4 @ 2026-11-27');
    expect(pick('annual', {}, '2026-11-27')).toBe('2026 @ 2026-11-27');
    expect(pick('monthly', { period: 'current' }, '2026-11-27')).toBe('2026-11 @ 2026-11-27');
    expect(pick('quarterly', { period: 'current' }, '2026-01-01')).toBe('2026-Q1 @ 2026-01-01');
  });

  it('on the last day of a period, that period, as of that day', () => {
    expect(pick('monthly', {}, '2026-02-28')).toBe('2026-02 @ 2026-02-28');
    expect(pick('quarterly', {}, '2026-06-30')).toBe('2026-Q2 @ 2026-06-30');
    expect(pick('annual', {}, '2026-12-31')).toBe('2026 @ 2026-12-31');
  });
});

describe('--period previous (for cron on the 1st)', () => {
  it('previous month, across the year boundary: as of 2026-01-10 → 2025-12, evaluated 2026-01-01 (the day after its last day)', () => {
    expect(pick('monthly', { period: 'previous' }, '2026-01-10')).toBe('2025-12 @ 2026-01-01');
  });

  it('previous month: short months and leap years end on their last day', () => {
    expect(pick('monthly', { period: 'previous' }, '2026-03-01')).toBe('2026-02 @ 2026-03-01');
    expect(pick('monthly', { period: 'previous' }, '2028-03-01')).toBe('2028-02 @ 2028-03-01');
    expect(pick('monthly', { period: 'previous' }, '2026-12-01')).toBe('2026-11 @ 2026-12-01');
    expect(pick('monthly', { period: 'previous' }, '2026-12-31')).toBe('2026-11 @ 2026-12-01');
  });

  it('previous quarter: as of 2026-04-01 → 2026-Q1, evaluated 2026-04-01; across the year', () => {
    expect(pick('quarterly', { period: 'previous' }, '2026-04-01')).toBe('2026-Q1 @ 2026-04-01');
    expect(pick('quarterly', { period: 'previous' }, '2026-10-01')).toBe('2026-Q3 @ 2026-10-01');
    expect(pick('quarterly', { period: 'previous' }, '2026-01-15')).toBe('2025-Q4 @ 2026-01-01');
  });

  it('previous year', () => {
    expect(pick('annual', { period: 'previous' }, '2027-01-01')).toBe('2026 @ 2027-01-01');
    expect(pick('annual', { period: 'previous' }, '2026-11-27')).toBe('2025 @ 2026-01-01');
  });
});

describe('an explicit period', () => {
  it('--month, --quarter, --year', () => {
    expect(pick('monthly', { month: '2026-10' }, '2026-11-27')).toBe('2026-10 @ 2026-11-01');
    expect(pick('quarterly', { quarter: '2026-Q3' }, '2026-11-27')).toBe('2026-Q3 @ 2026-10-01');
    expect(pick('annual', { year: '2026' }, '2026-11-27')).toBe('2026 @ 2026-11-27');
    expect(pick('annual', { year: '2025' }, '2026-11-27')).toBe('2025 @ 2026-01-01');
  });

  it("evalDate = min(as-of, the day after the period's end): a period still running, or not yet begun, is evaluated as of as-of", () => {
    expect(pick('monthly', { month: '2026-11' }, '2026-11-27')).toBe('2026-11 @ 2026-11-27');
    expect(pick('quarterly', { quarter: '2026-Q4' }, '2026-11-27')).toBe('2026-Q4 @ 2026-11-27');
    expect(pick('monthly', { month: '2026-12' }, '2026-11-27')).toBe('2026-12 @ 2026-11-27');
    expect(pick('monthly', { month: '2026-02' }, '2026-02-28')).toBe('2026-02 @ 2026-02-28');
    expect(pick('monthly', { month: '2026-02' }, '2026-03-01')).toBe('2026-02 @ 2026-03-01');
    expect(pick('monthly', { month: '2026-02' }, '2026-03-05')).toBe('2026-02 @ 2026-03-01');
  });

  it('a quarter may be written 2026-Q3, 2026Q3 or 2026-q3', () => {
    for (const q of ['2026-Q3', '2026Q3', '2026-q3']) expect(pick('quarterly', { quarter: q }, '2026-11-27')).toBe('2026-Q3 @ 2026-10-01');
  });
});

describe('option errors', () => {
  it('an option of another kind: --month with annual, --year with monthly, --quarter with monthly…', () => {
    expect(pick('annual', { month: '2026-10' }, '2026-11-27')).toBe('error --month 2026-10 (--year)');
    expect(pick('annual', { quarter: '2026-Q3' }, '2026-11-27')).toBe('error --quarter 2026-Q3 (--year)');
    expect(pick('monthly', { year: '2026' }, '2026-11-27')).toBe('error --year 2026 (--month)');
    expect(pick('monthly', { quarter: '2026-Q3' }, '2026-11-27')).toBe('error --quarter 2026-Q3 (--month)');
    expect(pick('quarterly', { month: '2026-10' }, '2026-11-27')).toBe('error --month 2026-10 (--quarter)');
    // even together with the right one
    expect(pick('quarterly', { quarter: '2026-Q3', month: '2026-10' }, '2026-11-27')).toBe('error --month 2026-10 (--quarter)');
  });

  it('bad formats', () => {
    for (const month of ['2026-13', '2026-00', '2026-1', '26-10', '2026/10', '2026-10-01', '', '202610']) {
      expect(pick('monthly', { month }, '2026-11-27'), month).toBe(`error --month ${month} (YYYY-MM)`);
    }
    for (const quarter of ['2026-Q5', '2026-Q0', '2026-3', 'Q3', '2026-Q3 ', '2026-H2']) {
      expect(pick('quarterly', { quarter }, '2026-11-27'), quarter).toBe(`error --quarter ${quarter} (YYYY-Qn)`);
    }
    for (const year of ['26', '2026-01', 'MMXXVI', '', '20266']) {
      expect(pick('annual', { year }, '2026-11-27'), year).toBe(`error --year ${year} (YYYY)`);
    }
    for (const period of ['last', 'prev', 'Previous', 'next', '']) {
      expect(pick('monthly', { period }, '2026-11-27'), period).toBe(`error --period ${period} (previous, current)`);
    }
  });

  // Questionable (src/core/reports/select.ts): with an explicit --month/--quarter/--year, --period
  // is not looked at at all, so a misspelt `--period prevous` is accepted without a word (and
  // `--month 2026-10 --period previous` silently means October). A bad value should be an error
  // whatever else is given.
  it('a bad --period is an error even with an explicit --month', () => {
    expect(pick('monthly', { month: '2026-10', period: 'prevous' }, '2026-11-27')).toMatch(/^error --period/);
  });
});

describe('with grace days: the day after the last deadline, capped by as-of', () => {
  const graced = (kind: ReportKind, o: PeriodOptions, asOf: string, grace: number) => {
    const r = selectPeriod(kind, o, asOf, grace);
    return 'error' in r ? 'error' : `${formatPeriod(r.period)} @ ${r.evalDate}`;
  };
  it('a year: 31 December + 15 days of grace = 15 January is the last deadline, evaluated on 16 January', () => {
    expect(graced('annual', { year: '2026' }, '2027-03-01', 15)).toBe('2026 @ 2027-01-16');
    // before that day, as of as-of: the December report due on the 15th is still due soon on the 15th
    expect(graced('annual', { year: '2026' }, '2027-01-15', 15)).toBe('2026 @ 2027-01-15');
    expect(graced('annual', { year: '2026' }, '2027-01-16', 15)).toBe('2026 @ 2027-01-16');
  });
  it('a quarter: Q3 ends 30 September, + 10 days of grace, evaluated on 11 October', () => {
    expect(graced('quarterly', { quarter: '2026-Q3' }, '2026-11-27', 10)).toBe('2026-Q3 @ 2026-10-11');
    expect(graced('quarterly', { quarter: '2026-Q4' }, '2027-02-01', 10)).toBe('2026-Q4 @ 2027-01-11');
    expect(graced('quarterly', { quarter: '2026-Q3' }, '2026-10-05', 10)).toBe('2026-Q3 @ 2026-10-05');
  });
});
