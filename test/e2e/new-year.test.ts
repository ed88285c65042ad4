/**
 * `qingdan new-year`: the next year's checklist from this year's, on a real data repository made
 * by `qingdan init`, committed once; check is clean right after; nothing is ever overwritten.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshRepo, g, qd, read } from '../support/cli.js';

describe('qingdan new-year', () => {
  it('writes the 2027 checklist, an empty ledgers/2027/, moves the settings year, commits; check is clean', async () => {
    const dir = await freshRepo();
    const before = g(dir, ['rev-parse', 'HEAD']).trim();
    const r = await qd(['new-year', '2027'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('templates/checklist-2027.yaml');
    const checklist = read(dir, 'templates/checklist-2027.yaml');
    expect(checklist).toMatch(/^year: 2027$/m);
    expect(checklist).not.toMatch(/2026-\d\d-\d\d/);
    expect(read(dir, 'qingdan.yaml')).toMatch(/^year: 2027/m);
    expect(existsSync(join(dir, 'ledgers', '2027', '.gitkeep'))).toBe(true);
    // one commit, with exactly these files
    expect(g(dir, ['rev-list', '--count', `${before}..HEAD`]).trim()).toBe('1');
    expect(g(dir, ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([
      'new-year: 2027 checklist from 2026',
      '',
      'ledgers/2027/.gitkeep',
      'qingdan.yaml',
      'templates/checklist-2027.yaml',
    ]);
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    const check = await qd(['--as-of', '2027-01-04', 'check'], { cwd: dir });
    expect(check.code).toBe(0);
    // the old year's late work is still recorded, dated in the old year
    const late = await qd(['--as-of', '2027-01-04', 'record', 'office', 'T1.5', '--date', '2026-12-30'], { cwd: dir });
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('ledgers/2026/office.ledger');
    // the first record of the new year goes to the new year's ledger
    const first = await qd(['--as-of', '2027-01-04', 'record', 'office', 'T1.5', '--date', '2027-01-04'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('ledgers/2027/office.ledger');
  });

  it('never overwrites an existing checklist, and needs a year to carry forward', async () => {
    const dir = await freshRepo();
    expect((await qd(['new-year', '2027'], { cwd: dir })).code).toBe(0);
    const again = await qd(['new-year', '2027'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('templates/checklist-2027.yaml');
    const none = await qd(['--lang', 'en', 'new-year', '2020'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no checklist for');
    const bad = await qd(['new-year', '27'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('init inside a data repository points to new-year', async () => {
    const dir = await freshRepo();
    const r = await qd(['init', '--year', '2027'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('qingdan new-year');
  });
});
