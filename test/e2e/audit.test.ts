/**
 * `qingdan audit` end to end, on temporary git histories: every way of changing the past is
 * found with the commit that did it; appends, a completed cut-off line and a union merge pass;
 * registration lag, back-dating and future dates are reported.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, freshRepo, g, qd, rec, tempDir } from '../support/cli.js';
import { audit, commitAll, copyOf, lines, OFFICE, put, threeRecords, type V } from './audit-fixture.js';

let base: string;
beforeAll(async () => {
  base = await threeRecords();
}, 60_000);
const copy = () => copyOf(base);

describe('audit: the history only grows', () => {
  it('a clean history: exit 0, lag per unit, back-dated entries flagged but not violations', async () => {
    const dir = copy();
    const { code, report } = await audit(dir);
    expect(code).toBe(0);
    expect(report.clean).toBe(true);
    expect(report.commits).toBe(3); // the three records; init only made ledgers/2026/.gitkeep, not a ledger
    expect(report.entries).toBe(3);
    expect(report.lag).toEqual([{ subject: 'office', name: '办公室', entries: 3, median: 48, max: 78 }]);
    expect(report.backdated).toHaveLength(2);
    expect(report.backdated[0]).toMatchObject({ item: 'T1.5', period: '2026-09', due: '2026-09-30', closed: '2026-10-07', committed: '2026-11-27', line: 2 });
    const text = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(text.stdout).toMatch(/office 办公室\s+3\s+48\s+78/);
    expect(text.stdout).toContain('补登 2 条');
    expect(text.stdout).toContain('✓ 未发现违规');
  });

  const cases: Array<[string, (ls: string[]) => string[], Partial<V>]> = [
    ['an edited past line', (ls) => [ls[0]!, ls[1]!.replace('2026-09-10', '2026-09-11'), ...ls.slice(2)], { kind: 'edited', line: 2 }],
    ['a deleted line', (ls) => [ls[0]!, ls[2]!, ls[3]!], { kind: 'removed', line: 2 }],
    ['two lines reordered', (ls) => [ls[0]!, ls[2]!, ls[1]!, ls[3]!], { kind: 'reordered' }],
    ['a line inserted in the middle', (ls) => [ls[0]!, ls[1]!, '2026-09-20 office T1.5 id:zzzzzz\n', ls[2]!, ls[3]!], { kind: 'inserted', line: 3, after: '2026-09-20 office T1.5 id:zzzzzz' }],
    ['only whitespace changed', (ls) => [ls[0]!, ls[1]!.replace(' T1.5', '  T1.5'), ...ls.slice(2)], { kind: 'whitespace', line: 2 }],
    ['LF converted to CRLF', (ls) => ls.map((l) => l.replace(/\n$/, '\r\n')), { kind: 'line-ending', line: 1, count: 4 }],
  ];
  for (const [name, change, expected] of cases) {
    it(`finds ${name}, with the commit, author, file and line`, async () => {
      const dir = copy();
      put(dir, change(lines(dir)));
      const sha = commitAll(dir);
      const { code, report } = await audit(dir);
      expect(code).toBe(1);
      expect(report.violations).toHaveLength(1);
      expect(report.violations[0]).toMatchObject({ ...expected, commit: sha, author: 'Mallory', file: OFFICE });
    });
  }

  it('prints a violation with the commit, author, date, file:line, before and after', async () => {
    const dir = copy();
    const ls = lines(dir);
    put(dir, [ls[0]!, ls[1]!.replace('2026-09-10', '2026-09-11'), ...ls.slice(2)]);
    const sha = commitAll(dir);
    const r = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${sha.slice(0, 7)} 2026-11-27 Mallory <m@example.test>  ${OFFICE}:2  改动了已登记的行`);
    expect(r.stdout).toContain(`    - ${ls[1]!.trimEnd()}`);
    expect(r.stdout).toContain(`    + ${ls[1]!.trimEnd().replace('2026-09-10', '2026-09-11')}`);
    expect(r.stdout).toContain('✗ 发现 1 处违规');
  });

  it('finds a renamed ledger and a deleted one', async () => {
    const dir = copy();
    g(dir, ['mv', OFFICE, 'ledgers/2026/office-old.ledger']);
    const renamed = commitAll(dir);
    const { report } = await audit(dir);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'renamed', commit: renamed, file: OFFICE, to: 'ledgers/2026/office-old.ledger' })]);

    const dir2 = copy();
    g(dir2, ['rm', '-q', OFFICE]);
    const deleted = commitAll(dir2);
    const r2 = await audit(dir2);
    expect(r2.code).toBe(1);
    expect(r2.report.violations).toEqual([expect.objectContaining({ kind: 'deleted', commit: deleted, file: OFFICE })]);
  });

  it('passes a pure append and an append after a cut-off last line', async () => {
    const dir = copy();
    const ls = lines(dir);
    put(dir, [...ls, '2026-11-21 office T1.1 1h id:pppppp\n']);
    commitAll(dir, 'append by hand');
    put(dir, [...lines(dir), '2026-11-22 office T1.1 1']); // cut off, and committed so
    commitAll(dir, 'a cut-off line');
    put(dir, [...lines(dir), 'h id:qqqqqq\n2026-11-23 office T1.1 1h id:rrrrrr\n']);
    commitAll(dir, 'completed');
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report.entries).toBe(6);
  });

  it('passes a clean union merge of two clerks’ appends (merges walked on every parent)', async () => {
    const dir = copy();
    g(dir, ['checkout', '-qb', 'side']);
    expect((await rec(dir, ['office', 'T1.1', '1h', '--date', '2026-11-21'])).code).toBe(0);
    g(dir, ['checkout', '-q', 'main']);
    expect((await rec(dir, ['office', 'T1.1', '2h', '--date', '2026-11-22'])).code).toBe(0);
    g(dir, ['merge', '-q', '--no-edit', 'side']);
    const text = readFileSync(join(dir, OFFICE), 'utf8');
    expect(text).toContain('2026-11-21 office T1.1 1h');
    expect(text).toContain('2026-11-22 office T1.1 2h');
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report.merges).toBe(1);
    expect(report.entries).toBe(5);
    expect((await qd(['--as-of', AS_OF, 'check'], { cwd: dir })).code).toBe(0);
  });

  it('finds a merge commit that edits an old line, against each parent', async () => {
    const dir = copy();
    g(dir, ['checkout', '-qb', 'side']);
    expect((await rec(dir, ['office', 'T1.1', '1h', '--date', '2026-11-21'])).code).toBe(0);
    g(dir, ['checkout', '-q', 'main']);
    expect((await rec(dir, ['office', 'T1.1', '2h', '--date', '2026-11-22'])).code).toBe(0);
    g(dir, ['merge', '-q', '--no-commit', 'side']);
    const ls = lines(dir);
    put(dir, [ls[0]!, ls[1]!.replace('2026-09-10', '2026-09-01'), ...ls.slice(2)]);
    const merge = commitAll(dir, 'merge side');
    expect(g(dir, ['log', '-1', '--format=%P']).trim().split(' ')).toHaveLength(2);
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toHaveLength(2);
    for (const v of report.violations) expect(v).toMatchObject({ kind: 'edited', commit: merge, file: OFFICE, line: 2 });
    expect(new Set(report.violations.map((v) => v.parent)).size).toBe(2);
  });

  it('finds a merge that drops the other side’s line, and changes in the working tree', async () => {
    const dir = copy();
    g(dir, ['checkout', '-qb', 'side']);
    expect((await rec(dir, ['office', 'T1.1', '1h', '--date', '2026-11-21'])).code).toBe(0);
    g(dir, ['checkout', '-q', 'main']);
    g(dir, ['merge', '-q', '-s', 'ours', '--no-edit', 'side']);
    const r = await audit(dir);
    expect(r.code).toBe(1);
    expect(r.report.violations).toEqual([expect.objectContaining({ kind: 'removed', line: 5, before: expect.stringContaining('2026-11-21 office T1.1 1h') })]);

    const dir2 = copy();
    const ls = lines(dir2);
    put(dir2, [ls[0]!, ls[1]!.replace('T1.5', 'T1.6'), ...ls.slice(2)]);
    const w = await audit(dir2);
    expect(w.code).toBe(1);
    expect(w.report.violations).toEqual([expect.objectContaining({ kind: 'edited', commit: null, file: OFFICE, line: 2 })]);
  });

  it('flags an entry dated after its own commit', async () => {
    const dir = copy();
    put(dir, [...lines(dir), '2026-12-01 office T1.5 id:ffffff\n']);
    const sha = commitAll(dir);
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'future-dated', commit: sha, line: 5, after: '2026-12-01 office T1.5 id:ffffff' })]);
  });

  it('--since REV looks only at later commits', async () => {
    const dir = copy();
    const ls = lines(dir);
    put(dir, [ls[0]!, ls[2]!, ls[3]!]);
    const bad = commitAll(dir);
    put(dir, [...lines(dir), '2026-11-24 office T1.1 1h id:ssssss\n']);
    commitAll(dir, 'append');
    const r = await audit(dir, ['--since', bad]);
    expect(r.code).toBe(0);
    expect(r.report.commits).toBe(1);
    const all = await audit(dir, ['--since', 'HEAD~3']);
    expect(all.code).toBe(1);
    const nope = await qd(['audit', '--since', 'no-such-rev'], { cwd: dir });
    expect(nope.code).toBe(2);
  });

  it('--since REV still knows what was recorded before REV: a copy of it, or its id on another line, is a violation', async () => {
    const dir = copy();
    const ls = lines(dir);
    const id = /id:(\S+)/.exec(ls[1]!)![1]!;
    const other = ls[1]!.replace(/ id:\S+/, '').replace('\n', ` "补登" id:${id}\n`);
    put(dir, [...ls, ls[1]!, other]);
    const sha = commitAll(dir);
    const r = await audit(dir, ['--since', 'HEAD~1']);
    expect(r.code).toBe(1);
    expect(r.report.commits).toBe(1);
    expect(r.report.entries).toBe(1); // the line passed off under a recorded id; the copy is not new
    expect(r.report.violations).toEqual([
      expect.objectContaining({ kind: 'duplicated', commit: sha, line: 5, id }),
      expect.objectContaining({ kind: 'reused-id', commit: sha, line: 6, id, before: ls[1]!.trimEnd() }),
    ]);
  });
});

describe('a data repository inside a larger git repository', () => {
  it('record commits the prefixed path and audit reports paths relative to the data repository', async () => {
    const outer = tempDir('outer');
    const dir = await freshRepo();
    cpSync(dir, join(outer, 'data'), { recursive: true, filter: (src) => !src.includes('/.git') });
    g(outer, ['init', '-q']);
    g(outer, ['add', '-A']);
    g(outer, ['commit', '-qm', 'outer']);
    const data = join(outer, 'data');
    expect((await rec(data, ['office', 'T1.1', '1h', '--date', '2026-11-20'])).code).toBe(0);
    const { code, report } = await audit(data);
    expect(code).toBe(0);
    expect(report.entries).toBe(1);
    expect(g(outer, ['log', '-1', '--name-only', '--format=']).trim()).toBe('data/ledgers/2026/office.ledger');
    const ls = lines(data);
    put(data, [ls[0]!, ls[1]!.replace('1h', '2h')]);
    const sha = commitAll(outer);
    const bad = await audit(data);
    expect(bad.report.violations).toEqual([expect.objectContaining({ kind: 'edited', commit: sha, file: OFFICE })]);
  });
});
