/**
 * Reporting and checking at a past date: with `--as-of D`, entries and voids dated after D have
 * not happened yet. They are not errors, not warnings, and not applied.
 */
import { describe, expect, it } from 'vitest';
import { freshRepo, qd, write } from '../support/cli.js';

interface Monthly {
  subjects: Array<{ id: string; completed: Array<{ date: string; item: string }> }>;
}

const completedOf = async (dir: string, asOf: string): Promise<string[]> => {
  const r = await qd(['--as-of', asOf, 'report', 'monthly', '--month', '2026-03', '--format', 'json'], { cwd: dir });
  expect(r.code).toBe(0);
  const office = (JSON.parse(r.stdout) as Monthly).subjects.find((s) => s.id === 'office')!;
  return office.completed.map((c) => `${c.date} ${c.item}`);
};

describe('--as-of D: later lines have not happened yet', () => {
  it('a void dated after D is not applied; an entry dated after D is not counted; check at D is clean', async () => {
    const dir = await freshRepo();
    const rec = await qd(['--as-of', '2026-03-10', 'record', 'office', 'T1.5', '--date', '2026-03-10', '--json'], { cwd: dir });
    expect(rec.code).toBe(0);
    const id = (JSON.parse(rec.stdout) as { id: string }).id;
    expect((await qd(['--as-of', '2026-05-01', 'void', id, '--reason', '登记错误'], { cwd: dir })).code).toBe(0);
    expect((await qd(['--as-of', '2026-06-01', 'record', 'office', 'T1.5', '--date', '2026-06-01'], { cwd: dir })).code).toBe(0);

    // in April the entry stood; the void of May had not happened yet
    expect(await completedOf(dir, '2026-04-01')).toEqual(['2026-03-10 T1.5']);
    // after the void, it is gone
    expect(await completedOf(dir, '2026-05-02')).toEqual([]);

    // check at a past date: no future-date errors or warnings for what came later
    const check = await qd(['--as-of', '2026-03-31', 'check', '--json'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).not.toContain('future-date');
  });

  it('without --as-of, a line dated after today is still an error (a typo, not the future)', async () => {
    const dir = await freshRepo();
    write(dir, 'ledgers/2026/office.ledger', '2100-01-01 office T1.5 id:zzzzzz\n');
    const check = await qd(['check', '--json'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('future-date');
  });
});
