/** moveToYear (src/core/years.ts): a checklist's text carried to another year. */
import { describe, expect, it } from 'vitest';
import { moveToYear } from '../../src/core/years.js';

describe('moveToYear', () => {
  const text = [
    '# 2026年 清单（对应 ledgers/2026/）',
    'year: 2026',
    'title: 党建责任清单（2026年）',
    'items:',
    '  - deadline: 2026-03-01',
    '  - deadline: 2026-12-31',
    '  - deadline: 2027-01-05 # the December report, due in January',
    '  - deadline: 2025-12-20',
    '  - weight: 20265',
    '  - note: 12026 stays, 1990-01-01 stays',
    '',
  ].join('\n');

  it('moves every date by the same number of years and the year written alone', () => {
    const out = moveToYear(text, 2026, 2027).split('\n');
    expect(out[0]).toBe('# 2027年 清单（对应 ledgers/2027/）');
    expect(out[1]).toBe('year: 2027');
    expect(out[2]).toBe('title: 党建责任清单（2027年）');
    expect(out[5]).toBe('  - deadline: 2027-12-31');
    expect(out[6]).toBe('  - deadline: 2028-01-05 # the December report, due in January');
    expect(out[7]).toBe('  - deadline: 2026-12-20');
    expect(out[8]).toBe('  - weight: 20265');
    expect(out[9]).toBe('  - note: 12026 stays, 1990-01-01 stays');
  });

  it('29 February becomes the 28th in a year without one, and stays in a leap year', () => {
    const feb = 'a: 2024-02-29\nyear: 2024\n';
    expect(moveToYear(feb, 2024, 2025)).toBe('a: 2025-02-28\nyear: 2025\n');
    expect(moveToYear(feb, 2024, 2028)).toBe('a: 2028-02-29\nyear: 2028\n');
  });

  it('moving there and back gives the text again when no 29 February is lost', () => {
    const t = text.replace('2026-02-29', '2026-02-28');
    expect(moveToYear(moveToYear(t, 2026, 2030), 2030, 2026)).toBe(t);
  });
});
