/**
 * `qingdan init`, `list`, `record` and `void` end to end: the built CLI in temporary git
 * repositories. Each record is one line and one commit; what is refused leaves no trace.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { AS_OF, bareEnv, entryLines, freshRepo, g, qd, read, rec, tempDir, write } from '../support/cli.js';

describe('qingdan init', () => {
  it('makes a data repository: templates, schemas, .gitattributes with union merge, a hook, a first commit; check is clean', async () => {
    const dir = tempDir('dangjian');
    const r = await qd(['init', dir, '--year', '2026', '--as-of', AS_OF], { cwd: join(dir, '..') });
    expect(r.code).toBe(0);
    for (const f of ['qingdan.yaml', 'templates/org.yaml', 'templates/checklist-2026.yaml', 'schemas/org.schema.json', 'ledgers/2026/.gitkeep', '.githooks/pre-commit']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(read(dir, '.gitattributes').split('\n')).toContain('ledgers/** merge=union');
    expect(statSync(join(dir, '.githooks/pre-commit')).mode & 0o111).not.toBe(0);
    expect(read(dir, '.githooks/pre-commit')).toContain('qingdan check');
    expect(read(dir, 'qingdan.yaml')).toMatch(/^# /); // commented
    expect(g(dir, ['log', '--format=%s'])).toBe('init: qingdan data repository for 2026\n');
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    const check = await qd(['--as-of', AS_OF, 'check'], { cwd: dir });
    expect(check.stdout).toContain('✓');
    expect(check.code).toBe(0);
  });

  it('--year rewrites the checklist year, its title and absolute deadlines, and names the file for the year', async () => {
    const dir = tempDir();
    const r = await qd(['init', dir, '--year', '2027'], { cwd: join(dir, '..') });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'templates/checklist-2027.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'templates/checklist-2026.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'ledgers/2027/.gitkeep'))).toBe(true);
    const text = read(dir, 'templates/checklist-2027.yaml');
    expect(text).toContain('year: 2027');
    expect(text).toContain('deadline: 2027-03-31');
    expect(text).not.toMatch(/2026/);
    expect(read(dir, 'qingdan.yaml')).toContain('year: 2027');
    const check = await qd(['--as-of', '2027-06-30', 'check'], { cwd: dir });
    expect(check.code).toBe(0);
    const items = JSON.parse((await qd(['list', 'items', '--json'], { cwd: dir })).stdout);
    expect(items.year).toBe(2027);
  });

  it('never overwrites: init in an existing data repository is refused (exit 2)', async () => {
    const dir = await freshRepo();
    const before = read(dir, 'qingdan.yaml');
    const r = await qd(['init', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不会覆盖');
    expect(read(dir, 'qingdan.yaml')).toBe(before);
  });

  it('without a git identity, makes the repository but no commit, and says why', async () => {
    const dir = tempDir();
    const r = await qd(['init', dir], { cwd: join(dir, '..'), env: bareEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('git config user.name');
    expect(existsSync(join(dir, '.git'))).toBe(true);
  });
});

describe('qingdan list', () => {
  it('prints units, items and people as JSON', async () => {
    const dir = await freshRepo();
    const units = JSON.parse((await qd(['list', 'units', '--json'], { cwd: dir })).stdout);
    expect(units.units[0]).toMatchObject({ id: 'office', name: '办公室', chief: 'maxiulan', chiefName: '马秀兰', members: 9, headcount: 12 });
    const items = JSON.parse((await qd(['list', 'items', '--json'], { cwd: dir })).stdout);
    expect(items.items.find((i: { id: string }) => i.id === 'T1.1')).toMatchObject({ title: '远程教育平台专家课程学习', area: 'A1', cadence: 'yearly', measure: '学时' });
    const people = JSON.parse((await qd(['list', 'people', '--json'], { cwd: dir })).stdout);
    expect(people.people[0]).toMatchObject({ id: 'wangjianguo', name: '王建国', role: 'secretary' });
  });

  it('aligns columns by display width, with Chinese names', async () => {
    const dir = await freshRepo();
    const r = await qd(['list', 'units'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // the third column starts at the same display column on every line
    const starts = lines.map((l) => {
      const cells = l.split(/ {2,}/);
      return stringWidth(l.slice(0, l.indexOf(cells[2]!)));
    });
    expect(new Set(starts).size).toBe(1);
    expect(lines[2]).toMatch(/^office\s+办公室\s+马秀兰 maxiulan/);
  });

  it('refuses an unknown list (exit 2)', async () => {
    const dir = await freshRepo();
    const r = await qd(['list', 'things'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('units');
  });
});

describe('qingdan record', () => {
  it('init → record ×3 → three commits of one line each; check and audit are clean', async () => {
    const dir = await freshRepo();
    const a = await rec(dir, ['office', 'T1.1', '3.5h', '--date', '2026-11-20', '--note', '二十大精神专题学习', '--by', 'yangxue']);
    const b = await rec(dir, ['办公室', '科室集中政治学习', '--date', '2026-11-10']);
    const c = await rec(dir, ['org', 'T5.6', '--date', '2026-10-03', '--period', '2026-Q3']);
    for (const r of [a, b, c]) expect(r.code, r.stderr).toBe(0);
    const log = g(dir, ['log', '--format=%s']).trim().split('\n');
    expect(log).toHaveLength(4);
    expect(log[2]).toMatch(/^record: office T1\.1 3\.5h 2026-11-20 \(id:[a-z0-9]{6}\)$/);
    expect(log[1]).toMatch(/^record: office T1\.5 2026-11-10 \(id:[a-z0-9]{6}\)$/);
    expect(log[0]).toMatch(/^record: org T5\.6 2026-10-03 \(id:[a-z0-9]{6}\)$/);
    // each record commit adds exactly one entry line to one file
    for (const sha of g(dir, ['rev-list', 'HEAD~3..HEAD']).trim().split('\n')) {
      const numstat = g(dir, ['show', '--numstat', '--format=', sha]).trim().split('\n');
      const added = numstat.map((l) => l.split('\t'));
      const entryFiles = added.filter(([, , f]) => f!.endsWith('.ledger'));
      expect(entryFiles).toHaveLength(1);
      const diff = g(dir, ['show', '--format=', '--unified=0', sha]);
      const plus = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++') && !l.startsWith('+;'));
      expect(plus).toHaveLength(1);
    }
    expect(g(dir, ['status', '--porcelain'])).toBe('');
    const office = read(dir, 'ledgers/2026/office.ledger');
    expect(entryLines(office)).toHaveLength(2);
    expect(entryLines(office)[0]).toMatch(/^2026-11-20 office T1\.1 3\.5h "二十大精神专题学习" by:yangxue id:[a-z0-9]{6}$/);
    expect(entryLines(read(dir, 'ledgers/2026/org.ledger'))[0]).toMatch(/^2026-10-03 org T5\.6 period:2026-Q3 id:/);
    const check = await qd(['--as-of', AS_OF, 'check'], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
    const audit = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(audit.code, audit.stdout).toBe(0);
    expect(audit.stdout).toContain('未发现违规');
  });

  it('shows what it wrote and the obligation’s status afterwards', async () => {
    const dir = await freshRepo();
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-03-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已登记 ledgers\/2026\/office\.ledger:2（已提交 [0-9a-f]{7}）/);
    expect(r.stdout).toContain('2026-03-10 office T1.5 id:');
    expect(r.stdout).toContain('T1.5 科室集中政治学习 · 办公室 · 三月：已完成');
    const en = await qd(['--as-of', AS_OF, '--lang', 'en', 'record', 'office', 'T1.1', '2h', '--date', '2026-03-11'], { cwd: dir });
    expect(en.stdout).toContain('T1.1 远程教育平台专家课程学习 · 办公室 · 2026: open (2/150 学时)');
  });

  it('--json tells the file, line, id, commit and the obligation', async () => {
    const dir = await freshRepo();
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-02-10', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file: 'ledgers/2026/office.ledger', line: 2, staged: false, obligation: { item: 'T1.5', subject: 'office', period: '2026-02', status: 'met' } });
    expect(out.id).toMatch(/^[a-z0-9]{6}$/);
    expect(out.commit).toBe(g(dir, ['rev-parse', 'HEAD']).trim());
    expect(out.text).toBe(entryLines(read(dir, 'ledgers/2026/office.ledger'))[0]);
  });

  it('stores a note with $(…), backticks and ; verbatim, and runs nothing', async () => {
    const dir = await freshRepo();
    const note = 'a $(touch pwned) b `touch pwned2`; touch pwned3 "q" \\ end';
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--note', note]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['pwned', 'pwned2', 'pwned3']) expect(existsSync(join(dir, f))).toBe(false);
    const line = entryLines(read(dir, 'ledgers/2026/office.ledger'))[0]!;
    expect(line).toContain('"a $(touch pwned) b `touch pwned2`; touch pwned3 \\"q\\" \\\\ end"');
    const json = JSON.parse((await qd(['--as-of', AS_OF, 'check', '--json'], { cwd: dir })).stdout);
    expect(json.diagnostics).toEqual([]);
  });

  it('refuses a note with a newline (exit 2) and writes nothing', async () => {
    const dir = await freshRepo();
    const r = await rec(dir, ['office', 'T1.5', '--note', 'one\ntwo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能换行');
    expect(existsSync(join(dir, 'ledgers/2026/office.ledger'))).toBe(false);
  });

  it('without a terminal, a missing argument is an error at once (exit 2), never a wait', async () => {
    const dir = await freshRepo();
    for (const args of [[], ['office']]) {
      const r = await qd(['record', ...args], { cwd: dir, timeout: 10_000 });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('qingdan list units');
      expect(r.ms).toBeLessThan(8_000);
    }
  });

  it('refuses an entry that check would reject, with the diagnostics, and writes nothing', async () => {
    const dir = await freshRepo();
    const r = await rec(dir, ['office', 'T1.1', '3篇', '--date', '2026-11-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('measure-mismatch');
    expect(r.stderr).toContain('以“学时”计');
    const future = await rec(dir, ['office', 'T1.5', '--date', '2026-12-20']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('future-date');
    const scope = await rec(dir, ['office', 'T3.2', '20/25']);
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain('subject-out-of-scope');
    expect(existsSync(join(dir, 'ledgers/2026/office.ledger'))).toBe(false);
    expect(g(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('unknown unit or item: exit 2 with a suggestion', async () => {
    const dir = await freshRepo();
    const u = await rec(dir, ['offce', 'T1.1', '1h']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('是否想写“office”');
    const i = await rec(dir, ['office', 'T1.11', '1h']);
    expect(i.code).toBe(2);
    expect(i.stderr).toContain('T1.11');
    const q = await rec(dir, ['office', 'T1.1']);
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('3.5h');
  });

  it('--by sets the author (name <id@qingdan.invalid>); with no identity at all, a clear message and nothing written', async () => {
    const dir = await freshRepo();
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--by', '杨雪']);
    expect(r.code).toBe(0);
    expect(g(dir, ['log', '-1', '--format=%an <%ae>|%cn'])).toBe('杨雪 <yangxue@qingdan.invalid>|Test Clerk\n');
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))[0]).toContain('by:yangxue');

    const cron = await rec(dir, ['hr', 'T1.5', '--date', '2026-11-02'], bareEnv());
    expect(cron.code).toBe(2);
    expect(cron.stderr).toContain('git 不知道提交人是谁');
    expect(cron.stderr).toContain('--by');
    expect(existsSync(join(dir, 'ledgers/2026/hr.ledger'))).toBe(false);

    const withBy = await rec(dir, ['hr', 'T1.5', '--date', '2026-11-02', '--by', 'yangxue'], bareEnv());
    expect(withBy.code, withBy.stderr).toBe(0);
    expect(g(dir, ['log', '-1', '--format=%an <%ae>|%cn <%ce>'])).toBe('杨雪 <yangxue@qingdan.invalid>|杨雪 <yangxue@qingdan.invalid>\n');
  });

  it('--no-commit leaves the line staged; a committing record then refuses the file until it is committed', async () => {
    const dir = await freshRepo();
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--no-commit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已暂存，未提交');
    expect(g(dir, ['status', '--porcelain'])).toBe('A  ledgers/2026/office.ledger\n');
    const again = await rec(dir, ['office', 'T1.5', '--date', '2026-10-02']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('尚未提交的改动');
    const other = await rec(dir, ['hr', 'T1.5', '--date', '2026-10-02']);
    expect(other.code).toBe(0);
    expect(g(dir, ['status', '--porcelain'])).toBe('A  ledgers/2026/office.ledger\n');
  });

  it('--evidence records the SHA-256 prefix of a file inside the repository; audit notices a later change', async () => {
    const dir = await freshRepo();
    mkdirSync(join(dir, 'minutes'));
    write(dir, 'minutes/2026-11-02.txt', '会议纪要\n');
    g(dir, ['add', 'minutes']);
    g(dir, ['commit', '-qm', 'minutes']);
    const sha = createHash('sha256').update('会议纪要\n').digest('hex').slice(0, 12);
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--evidence', 'minutes/2026-11-02.txt']);
    expect(r.code, r.stderr).toBe(0);
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))[0]).toContain(`evidence:minutes/2026-11-02.txt sha256:${sha} id:`);
    expect((await qd(['--as-of', AS_OF, 'audit'], { cwd: dir })).code).toBe(0);

    write(dir, 'minutes/2026-11-02.txt', '会议纪要（改）\n');
    const audit = await qd(['--as-of', AS_OF, 'audit', '--json'], { cwd: dir });
    expect(audit.code).toBe(1);
    const v = JSON.parse(audit.stdout).violations;
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ kind: 'evidence-changed', file: 'ledgers/2026/office.ledger', line: 2, expected: sha });

    const outside = await rec(dir, ['office', 'T1.5', '--date', '2026-10-02', '--evidence', '../x.txt']);
    expect(outside.code).toBe(2);
    const missing = await rec(dir, ['office', 'T1.5', '--date', '2026-10-02', '--evidence', 'minutes/none.pdf']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
  });
});

describe('qingdan void', () => {
  it('appends a void line to the entry’s ledger, committed; refuses unknown, twice, and void lines', async () => {
    const dir = await freshRepo();
    const out = JSON.parse((await rec(dir, ['office', 'T1.5', '--date', '2026-10-02', '--json'])).stdout);
    const v = await qd(['--as-of', AS_OF, 'void', out.id, '--reason', '日期登记错误; $(rm -rf /)'], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('T1.5 科室集中政治学习 · 办公室 · 十月：已逾期');
    const lines = entryLines(read(dir, 'ledgers/2026/office.ledger'));
    expect(lines[1]).toMatch(new RegExp(`^2026-11-27 void ${out.id} "日期登记错误; \\$\\(rm -rf /\\)" id:([a-z0-9]{6})$`));
    expect(g(dir, ['log', '-1', '--format=%s'])).toMatch(new RegExp(`^void: ${out.id} 2026-11-27 \\(id:[a-z0-9]{6}\\)`));
    const voidId = /id:([a-z0-9]{6})$/.exec(lines[1]!)![1]!;

    const twice = await qd(['--as-of', AS_OF, 'void', out.id, '--reason', 'x'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('已在 ledgers/2026/office.ledger:3 作废过');
    const unknown = await qd(['void', 'zzzzzz', '--reason', 'x'], { cwd: dir });
    expect(unknown.code).toBe(2);
    const ofVoid = await qd(['void', voidId, '--reason', 'x'], { cwd: dir });
    expect(ofVoid.code).toBe(2);
    const noReason = await qd(['void', out.id], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))).toHaveLength(2);
    expect((await qd(['--as-of', AS_OF, 'check'], { cwd: dir })).code).toBe(0);
  });
});
