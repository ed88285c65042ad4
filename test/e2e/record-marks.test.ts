/**
 * `record` writes the lines a clerk needs besides completions (issue 14): an inspection finding
 * (--deduct, --inspector, --rectify-by) against an item or a whole area, its rectification
 * (--rectifies), and a rating (--group with --rater or --ballot, the score or grade as QTY). Each
 * is the line docs/ledger-format.md shows, one commit, checked as `check` checks it; a wrong one is
 * refused with nothing written. On the county fixture with a rated item Z1.5 (as in
 * test/e2e/sheets/ratings.test.ts), in a real git repository.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/example.js';
import { entryLines, g, qd, read, rec, tempDir } from '../support/cli.js';

function county(): string {
  const dir = tempDir('county');
  cpSync(join(ROOT, 'test', 'fixtures', 'sheets', 'county'), dir, { recursive: true });
  const checklist = join(dir, 'templates', 'checklist-2026.yaml');
  writeFileSync(
    checklist,
    readFileSync(checklist, 'utf8').replace('elsewhere: 31', 'elsewhere: 29') +
      `      - id: Z1.5
        title: 述职评议
        level: first
        cadence: yearly
        weight: 2
        rating:
          groups:
            - { id: leaders, name: 上级评价, weight: 0.5, roles: [secretary, committee], min: 2 }
            - { id: members, name: 党员评议, weight: 0.5, anonymous: true, min: 3 }
`,
  );
  g(dir, ['init', '-q']);
  g(dir, ['add', '-A']);
  g(dir, ['commit', '-qm', 'county']);
  return dir;
}

const LEDGER = 'ledgers/2026/jia.ledger';
const commits = (dir: string) => Number(g(dir, ['rev-list', '--count', 'HEAD']));
const idOf = (line: string) => /id:([a-z0-9]+)/.exec(line)![1]!;

describe('record: findings, rectifications and ratings', () => {
  it('writes each as its ledger line, one commit each, and the reports read them', async () => {
    const dir = county();
    const before = commits(dir);
    // the inspector by name, as a clerk types it: written as the person's id
    let r = await rec(dir, ['jia', 'Z1.1', '--deduct', '0.5', '--inspector', '吴副部长', '--rectify-by', '2026-05-31', '--note', '专题会议记录不规范', '--date', '2026-04-15']);
    expect(r.code, r.stderr).toBe(0);
    r = await rec(dir, ['甲乡', 'Z1', '--deduct', '1分', '--inspector', 'buzhang', '--note', '党建资料不规范', '--date', '2026-10-10']);
    expect(r.code, r.stderr).toBe(0);
    const finding = entryLines(read(dir, LEDGER))[0]!;
    r = await rec(dir, ['jia', 'Z1.1', '--rectifies', idOf(finding), '--note', '已补齐会议记录', '--date', '2026-05-20']);
    expect(r.code, r.stderr).toBe(0);
    r = await rec(dir, ['jia', 'Z1.5', '90', '--group', 'leaders', '--rater', 'buzhang', '--date', '2026-11-20']);
    expect(r.code, r.stderr).toBe(0);
    r = await rec(dir, ['jia', '述职评议', '较好', '--group', 'members', '--ballot', '2', '--date', '2026-11-20', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).obligation).toBeUndefined();

    const lines = entryLines(read(dir, LEDGER)).map((l) => l.replace(/ id:[a-z0-9]{6}$/, ' id:…'));
    expect(lines).toEqual([
      '2026-04-15 jia Z1.1 -0.5 "专题会议记录不规范" inspector:fubuzhang rectify-by:2026-05-31 id:…',
      '2026-10-10 jia Z1 -1 "党建资料不规范" inspector:buzhang id:…',
      `2026-05-20 jia Z1.1 "已补齐会议记录" rectifies:${idOf(finding)} id:…`,
      '2026-11-20 jia Z1.5 90 group:leaders rater:buzhang id:…',
      '2026-11-20 jia Z1.5 较好 group:members ballot:2 id:…',
    ]);
    expect(commits(dir)).toBe(before + 5);
    expect(g(dir, ['log', '-1', '--format=%s', 'HEAD~4']).trim()).toMatch(/^record: jia Z1\.1 -0\.5 2026-04-15 \(id:[a-z0-9]{6}\)$/);
    expect(g(dir, ['status', '--porcelain'])).toBe('');

    const check = await qd(['--as-of', '2026-11-27', 'check'], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
    const a = JSON.parse((await qd(['--as-of', '2026-11-27', 'report', 'annual', '--format', 'json'], { cwd: dir })).stdout);
    expect(a.inspections.map((f: Record<string, unknown>) => [f.item, f.points, f.status])).toEqual([
      ['Z1.1', 0.5, 'rectified'],
      ['Z1', 1, 'open'],
    ]);
  });

  it('refuses what is not one whole line, with nothing written (exit 2)', async () => {
    const dir = county();
    const before = read(dir, 'ledgers/2026/townships.ledger');
    const cases: [string[], RegExp][] = [
      [['jia', 'Z1.1', '--deduct', '0.5', '--note', 'x'], /--deduct 扣几分 和 --inspector 检查人/],
      [['jia', 'Z1.1', '--deduct', '0.5', '--inspector', 'buzhang', '--group', 'leaders'], /三种不同的登记，一次只能写一种/],
      [['jia', 'Z1.1', '2', '--deduct', '0.5', '--inspector', 'buzhang'], /检查扣分和整改不写数量（“2”）/],
      [['jia', 'Z1.1', '--deduct', 'half', '--inspector', 'buzhang'], /--deduct 的值“half”无效/],
      [['jia', 'Z1.5', '90', '--group', 'leaders'], /--rater 评议人或 --ballot 票号/],
      [['jia', 'Z1.5', '120', '--group', 'leaders', '--rater', 'buzhang'], /评议的分数“120”无效/],
      // judged by the checks of `check`: a township secretary may not inspect; no such finding
      [['jia', 'Z1.1', '--deduct', '0.5', '--inspector', 'jiashuji', '--note', 'x'], /inspector-not-allowed/],
      [['jia', 'Z1.1', '--rectifies', 'zz0000', '--note', 'x'], /rectifies-unknown/],
      [['jia', 'Z1.5', '90', '--group', 'members', '--rater', 'buzhang'], /rating-invalid/],
    ];
    for (const [args, message] of cases) {
      const r = await rec(dir, args);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
    expect(commits(dir)).toBe(1);
    expect(read(dir, 'ledgers/2026/townships.ledger')).toBe(before);
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    const en = await qd(['--as-of', '2026-11-27', '--lang', 'en', 'record', 'jia', 'Z1.1', '--rectifies', 'x', '--ballot', '1'], { cwd: dir });
    expect([en.code, en.stderr]).toEqual([2, expect.stringContaining('three kinds of line: one at a time')]);
  });
});
