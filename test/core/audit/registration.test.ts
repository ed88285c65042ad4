/** src/core/audit/registration.ts: the registration statistics and the back-dating rule. Pure functions, no git. */
import { describe, expect, it } from 'vitest';
import { closedOn, countLag, isBackdated, lagDays, lagRows, type LagCounts } from '../../../src/core/audit/registration.js';

/** The rows of some (subject, lag) samples, counted as audit counts them. */
function lagStats(samples: ReadonlyArray<{ subject: string; lag: number }>, order: readonly string[] = []) {
  const by = new Map<string, LagCounts>();
  for (const s of samples) {
    if (!by.has(s.subject)) by.set(s.subject, new Map());
    countLag(by.get(s.subject)!, s.lag);
  }
  return lagRows(by, order);
}

describe('registration statistics', () => {
  it('median and max lag per subject, in the given order', () => {
    const rows = lagStats(
      [
        { subject: 'hr', lag: 3 },
        { subject: 'office', lag: 1 },
        { subject: 'office', lag: 10 },
        { subject: 'office', lag: 2 },
        { subject: 'zz', lag: 0 },
      ],
      ['office', 'hr'],
    );
    expect(rows).toEqual([
      { subject: 'office', entries: 3, median: 2, max: 10 },
      { subject: 'hr', entries: 1, median: 3, max: 3 },
      { subject: 'zz', entries: 1, median: 0, max: 0 },
    ]);
    expect(lagDays('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('the median of an even count is the mean of the middle two; no entries, no row', () => {
    const samples = [4, 1, 2, 3].map((lag) => ({ subject: 'office', lag }));
    expect(lagStats(samples)).toEqual([{ subject: 'office', entries: 4, median: 2.5, max: 4 }]);
    expect(lagStats([])).toEqual([]);
  });

  it('counted lags give the median and max of the lags themselves (random samples)', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let round = 0; round < 200; round++) {
      const lags = Array.from({ length: 1 + rnd(40) }, () => rnd(12));
      const sorted = [...lags].sort((a, b) => a - b);
      const m = sorted.length >> 1;
      const median = sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
      const [row] = lagStats(lags.map((lag) => ({ subject: 's', lag })));
      expect(row).toEqual({ subject: 's', entries: lags.length, median, max: sorted[sorted.length - 1] });
    }
  });

  it('back-dating: committed after the period closed, dated on time (or exempt)', () => {
    expect(closedOn('2026-02-28', 7)).toBe('2026-03-07');
    const onTime = { date: '2026-02-20', exempt: false };
    expect(isBackdated(onTime, '2026-02-28', '2026-03-07', 7)).toBe(false); // the last day it is open
    expect(isBackdated(onTime, '2026-02-28', '2026-03-08', 7)).toBe(true);
    expect(isBackdated({ date: '2026-03-05', exempt: false }, '2026-02-28', '2026-05-01', 7)).toBe(false); // honestly late
    expect(isBackdated({ date: '2026-03-05', exempt: true }, '2026-02-28', '2026-05-01', 7)).toBe(true);
  });
});
