/**
 * A data repository through a whole year and into the next, as a new office lives it: init in
 * November (tracked from that day), records, a typo committed and voided, the December reports,
 * January's late records and the old year's open work shown apart, new-year, and the first report
 * of the new year. `check` is clean at every step, and no step needs a hand edit of a ledger.
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { g, qd, read, tempDir } from '../support/cli.js';

describe('a year in the life of an office that starts in November', () => {
  it('init → records → a typo voided → December reports → January → new-year → the new year', async () => {
    const dir = tempDir();
    const at = (asOf: string, ...args: string[]) => qd(['--as-of', asOf, ...args], { cwd: dir });
    const clean = async (asOf: string) => {
      const r = await at(asOf, 'check');
      expect(r.stdout + r.stderr).toContain('✓');
      expect(r.code).toBe(0);
    };

    // November: a new office
    expect((await qd(['init', dir, '--as-of', '2026-11-05'], { cwd: dirname(dir) })).code).toBe(0);
    expect(read(dir, 'qingdan.yaml')).toMatch(/^start: 2026-11-05$/m);
    await clean('2026-11-05');
    const due = await at('2026-11-06', 'due', '--json');
    expect(due.code).toBe(0);
    // nothing of the months before the start is owed
    for (const m of due.stdout.matchAll(/"due": "(\d{4}-\d{2}-\d{2})"/g)) expect(m[1]! >= '2026-11-05').toBe(true);

    // records, one of them for the wrong section
    expect((await at('2026-11-10', 'record', 'office', 'T1.5', '--date', '2026-11-10', '--note', '11月集中学习')).code).toBe(0);
    const typo = await at('2026-11-12', 'record', 'hr', 'T1.5', '--date', '2026-11-12', '--json');
    expect(typo.code).toBe(0);
    await clean('2026-11-12');
    const id = (JSON.parse(typo.stdout) as { id: string }).id;
    expect((await at('2026-11-12', 'void', id, '--reason', '科室写错，应为人事科的另一次学习')).code).toBe(0);
    await clean('2026-11-12');
    expect((await at('2026-11-20', 'record', '人事科', 'T1.5', '--date', '2026-11-20')).code).toBe(0);
    expect((await at('2026-11-26', 'record', 'office', 'T3.3', '--date', '2026-11-26', '--note', '11月主题党日')).code).toBe(0);
    await clean('2026-11-30');

    // December: the monthly report of November, the records of December
    const monthly = await at('2026-12-08', 'report', 'monthly', '--period', 'previous', '--format', 'json');
    expect(monthly.code).toBe(0);
    const nov = JSON.parse(monthly.stdout) as { month: string; subjects: Array<{ id: string; completed: Array<{ item: string }> }> };
    expect(nov.month).toBe('2026-11');
    expect(nov.subjects.find((s) => s.id === 'hr')!.completed.map((c) => c.item)).toEqual(['T1.5']);
    expect((await at('2026-12-15', 'record', 'office', 'T1.5', '--date', '2026-12-15')).code).toBe(0);
    await clean('2026-12-31');

    // January: no 2027 checklist yet; the old year's late work is still recorded
    const late = await at('2027-01-03', 'record', 'hr', 'T1.5', '--date', '2026-12-29');
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('ledgers/2026/hr.ledger');

    // new-year, then the old year's open work apart from the new year's
    const ny = await at('2027-01-04', 'new-year', '2027');
    expect(ny.code).toBe(0);
    await clean('2027-01-04');
    const january = await at('2027-01-04', 'due', '--json');
    expect(january.code).toBe(0);
    const j = JSON.parse(january.stdout) as { obligations: Array<{ period: string }>; previousYear?: { year: number; obligations: Array<{ period: string }> } };
    expect(j.previousYear?.year).toBe(2026);
    expect(j.previousYear!.obligations.every((o) => o.period.startsWith('2026'))).toBe(true);
    expect(j.obligations.every((o) => o.period.startsWith('2027'))).toBe(true);
    const text = await at('2027-01-04', 'due');
    expect(text.stdout).toContain('2026 年度未了事项');

    // the first record and report of the new year
    expect((await at('2027-01-08', 'record', 'office', 'T1.5', '--date', '2027-01-08')).code).toBe(0);
    const first = await at('2027-02-08', 'report', 'monthly', '--period', 'previous', '--format', 'json');
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { month: string }).month).toBe('2027-01');
    await clean('2027-02-08');

    // every step was a commit of its own (the test's commits all carry one fixed date, so audit,
    // which compares activity and commit dates, is tested elsewhere)
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    expect(Number(g(dir, ['rev-list', '--count', 'HEAD']).trim())).toBe(10);
  }, 120_000);
});
