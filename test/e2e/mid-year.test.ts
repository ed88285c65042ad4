/**
 * Starting mid-year: `init` after January writes `start:` (today, or `--start DATE`), and
 * obligations whose period ended before that day are not tracked: not overdue, not in any
 * maximum; reports say from which day the year is tracked.
 */
import { describe, expect, it } from 'vitest';
import { qd, read, tempDir } from '../support/cli.js';
import { dirname } from 'node:path';

describe('a data repository started in November', () => {
  it('init --as-of 2026-11-10 writes start: 2026-11-10; nothing before it is overdue; reports say so', async () => {
    const dir = tempDir();
    const init = await qd(['init', dir, '--as-of', '2026-11-10'], { cwd: dirname(dir) });
    expect(init.code).toBe(0);
    expect(read(dir, 'qingdan.yaml')).toMatch(/^start: 2026-11-10$/m);
    expect((await qd(['--as-of', '2026-11-20', 'check'], { cwd: dir })).code).toBe(0);

    const due = await qd(['--as-of', '2026-11-20', 'due', '--json'], { cwd: dir });
    expect(due.code).toBe(0);
    const items = JSON.parse(due.stdout) as { overdue?: unknown[]; groups?: Array<{ items: Array<{ status: string; due: string }> }> };
    const dues = JSON.stringify(items);
    // nothing whose period ended before 10 November is owed
    for (const m of dues.matchAll(/"due":"(\d{4}-\d{2}-\d{2})"/g)) expect(m[1]! >= '2026-11-10').toBe(true);

    const annual = await qd(['--as-of', '2026-11-20', 'report', 'annual', '--format', 'json'], { cwd: dir });
    expect(annual.code).toBe(0);
    expect((JSON.parse(annual.stdout) as { provenance: { trackedFrom?: string } }).provenance.trackedFrom).toBe('2026-11-10');
    const table = await qd(['--as-of', '2026-11-20', 'report', 'monthly'], { cwd: dir, env: { ...process.env as Record<string, string>, NO_COLOR: '1' } });
    expect(table.stdout).toContain('自 2026-11-10 起纳入考核');
  });

  it('the same repository without start: owes the whole year (the old behaviour, for contrast)', async () => {
    const dir = tempDir();
    expect((await qd(['init', dir, '--as-of', '2026-11-10', '--start', '2026-01-01'], { cwd: dirname(dir) })).code).toBe(0);
    const due = await qd(['--as-of', '2026-11-20', 'due', '--json'], { cwd: dir });
    expect(JSON.stringify(JSON.parse(due.stdout))).toMatch(/"due":"2026-0[1-9]/);
  });

  it('init in January starts the year at its beginning; --start must be a date', async () => {
    const dir = tempDir();
    expect((await qd(['init', dir, '--as-of', '2026-01-15'], { cwd: dirname(dir) })).code).toBe(0);
    expect(read(dir, 'qingdan.yaml')).not.toMatch(/^start:/m);
    const bad = await qd(['init', tempDir(), '--start', '2026-13-01'], { cwd: dirname(dir) });
    expect(bad.code).toBe(2);
  });
});
