/**
 * `qingdan audit` on the histories the review found it blind to: a ledger folder moved away (and
 * `paths.ledgers` changed with it), an appended line reusing a recorded id, an evidence digest too
 * short to prove anything; the lag table's column; git's own words when git refuses or fails.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, gitEnv, qd, rec } from '../support/cli.js';
import { audit, commitAll, copyOf, lines, OFFICE, put, threeRecords } from './audit-fixture.js';

let base: string;
beforeAll(async () => {
  base = await threeRecords();
}, 60_000);
const copy = () => copyOf(base);

/** `paths.ledgers: data` in the settings. */
function moveSetting(dir: string): void {
  const file = join(dir, 'qingdan.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\npaths:\n  ledgers: data\n`);
}

describe('audit follows every *.ledger of the repository, wherever it went (S1)', () => {
  it('a ledger folder moved with a line deleted and paths.ledgers changed: renamed and removed, not clean', async () => {
    const dir = copy();
    g(dir, ['mv', 'ledgers', 'data']);
    const ls = lines(dir, 'data/2026/office.ledger');
    put(dir, [ls[0]!, ls[2]!, ls[3]!], 'data/2026/office.ledger'); // line 2 is gone
    moveSetting(dir);
    const sha = commitAll(dir, 'tidy up');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'renamed', commit: sha, file: OFFICE, to: 'data/2026/office.ledger' }),
      expect.objectContaining({ kind: 'removed', commit: sha, file: OFFICE, line: 2, to: 'data/2026/office.ledger', before: ls[1]!.trimEnd() }),
    ]);
    expect(report.entries).toBe(3); // the moved lines are the same entries, not new ones
  });

  it('a pure move is one violation, and the moved ledger’s lines are still tracked afterwards', async () => {
    const dir = copy();
    g(dir, ['mv', 'ledgers', 'data']);
    moveSetting(dir);
    const moved = commitAll(dir, 'move');
    expect((await rec(dir, ['office', 'T1.1', '1h', '--date', '2026-11-21'])).code).toBe(0);
    const ls = lines(dir, 'data/2026/office.ledger');
    expect(ls).toHaveLength(5);
    put(dir, [ls[0]!, ls[1]!.replace('2026-09-10', '2026-09-11'), ...ls.slice(2)], 'data/2026/office.ledger');
    const edited = commitAll(dir);
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'renamed', commit: moved, file: OFFICE, to: 'data/2026/office.ledger' }),
      expect.objectContaining({ kind: 'edited', commit: edited, file: 'data/2026/office.ledger', line: 2 }),
    ]);
    expect(report.entries).toBe(4);
  });
});

describe('ledgers of a data repository nested in this one are that one’s (S1)', () => {
  it('a folder below with its own qingdan.yaml (a test fixture, say) is not walked', async () => {
    const dir = copy();
    const fixture = 'test/fixtures/x';
    const ls = lines(dir);
    mkdirSync(join(dir, fixture, 'ledgers', '2026'), { recursive: true });
    writeFileSync(join(dir, fixture, 'qingdan.yaml'), 'year: 2026\n');
    // the same ids with other text, then edited and deleted: that repository's business
    put(dir, [ls[0]!, ls[1]!.replace('2026-09-10', '2026-09-01'), ls[2]!], `${fixture}/ledgers/2026/office.ledger`);
    commitAll(dir, 'a fixture');
    put(dir, [ls[0]!, ls[2]!], `${fixture}/ledgers/2026/office.ledger`);
    commitAll(dir, 'the fixture changed');
    g(dir, ['rm', '-rq', fixture]);
    commitAll(dir, 'the fixture removed');
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report.entries).toBe(3);
    expect(report.commits).toBe(3);
  });
});

describe('an id used again (S2)', () => {
  it('an appended line reusing a recorded id is a violation, and is still checked for its date', async () => {
    const dir = copy();
    const ls = lines(dir);
    const id = /id:([a-z0-9]+)/.exec(ls[1]!)![1]!;
    const forged = `2026-12-01 office T1.5 id:${id}`;
    put(dir, [...ls, `${forged}\n`]);
    const sha = commitAll(dir);
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([
      expect.objectContaining({ kind: 'reused-id', commit: sha, file: OFFICE, line: 5, id, before: ls[1]!.trimEnd(), after: forged }),
      expect.objectContaining({ kind: 'future-dated', commit: sha, file: OFFICE, line: 5, after: forged }),
    ]);
    expect(report.entries).toBe(4);
    const text = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(text.stdout).toContain(`重复使用了已有登记的编号 id:${id}`);
  });

  it('the same line again (a cherry-pick onto another branch, merged back) is not a reuse', async () => {
    const dir = copy();
    g(dir, ['checkout', '-qb', 'side']);
    expect((await rec(dir, ['office', 'T1.1', '1h', '--date', '2026-11-21'])).code).toBe(0);
    const picked = g(dir, ['rev-parse', 'HEAD']).trim();
    g(dir, ['checkout', '-q', 'main']);
    g(dir, ['cherry-pick', picked], gitEnv());
    g(dir, ['merge', '-q', '--no-edit', 'side'], gitEnv());
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
    expect(report.entries).toBe(4);
  });
});

describe('evidence digests too short to prove anything (S7)', () => {
  it('sha256 of fewer than 12 hex digits is reported as not verifiable, even when it happens to match', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'minutes.txt'), 'minutes of the meeting\n');
    const digest = createHash('sha256').update('minutes of the meeting\n').digest('hex');
    const short = digest.slice(0, 1); // matches this file, and 1 in 16 of any others
    put(dir, [...lines(dir), `2026-11-21 office T1.5 evidence:minutes.txt sha256:${short} id:eeeeee\n`]);
    commitAll(dir, 'record with evidence');
    const { code, report } = await audit(dir);
    expect(code).toBe(1);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'evidence-unverifiable', file: OFFICE, line: 5, id: 'eeeeee', to: 'minutes.txt', expected: short })]);
  });

  it('12 hex digits that match are clean', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'minutes.txt'), 'minutes\n');
    const digest = createHash('sha256').update('minutes\n').digest('hex');
    put(dir, [...lines(dir), `2026-11-21 office T1.5 evidence:minutes.txt sha256:${digest.slice(0, 12)} id:eeeeee\n`]);
    commitAll(dir, 'record with evidence');
    const { code, report } = await audit(dir);
    expect(report.violations).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('lines from the history are shown, not obeyed', () => {
  it('an escape sequence in a tampered line or an author name never reaches the terminal', async () => {
    const dir = copy();
    const ls = lines(dir);
    put(dir, [ls[0]!, ls[1]!.replace('T1.5', 'T1.5 \x1b[2J\x1b]0;pwned\x07'), ...ls.slice(2)]);
    const env = gitEnv({ GIT_AUTHOR_NAME: 'Mal\x1b[31mlory', GIT_AUTHOR_EMAIL: 'm@example.test' });
    g(dir, ['commit', '-qam', 'tamper'], env);
    const r = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain('+ ' + ls[1]!.trimEnd().replace('T1.5', 'T1.5 \\u{1b}[2J\\u{1b}]0;pwned\\u{7}'));
  });
});

describe('the lag table (U4)', () => {
  it('labels its first column as the subject (units, org and people), not 科室', async () => {
    const dir = copy();
    const zh = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(zh.stdout).toMatch(/^ {2}责任主体\s+登记数\s+中位数\s+最长$/m);
    expect(zh.stdout).not.toMatch(/^ {2}科室\s+登记数/m);
    const en = await qd(['--as-of', AS_OF, '--lang', 'en', 'audit'], { cwd: dir });
    expect(en.stdout).toMatch(/^ {2}subject\s+entries\s+median\s+max$/m);
  });
});

/** Whether this git knows GIT_TEST_ASSUME_DIFFERENT_OWNER (2.35.2 and later). */
function gitFakesOwners(dir: string): boolean {
  try {
    g(dir, ['rev-parse', '--git-dir'], gitEnv({ GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' }));
    return false;
  } catch (e) {
    return /dubious ownership/.test(String((e as { stderr?: string }).stderr));
  }
}

describe('git’s own words (U3)', () => {
  it('a repository git refuses (“dubious ownership”) says so, with git’s advice, not “not a git repository”', async (ctx) => {
    const dir = copy();
    if (!gitFakesOwners(dir)) ctx.skip();
    const env = gitEnv({ GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' });
    for (const args of [['record', 'office', 'T1.5', '--date', '2026-11-21'], ['audit']]) {
      const r = await qd(['--as-of', AS_OF, ...args], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('dubious ownership');
      expect(r.stderr).toContain('safe.directory');
      expect(r.stderr).not.toContain('不在 git 仓库中');
    }
    expect(lines(dir)).toHaveLength(4); // nothing written
  });

  it('a git command that fails (a corrupt repository) shows git’s message, not an internal error', async () => {
    const dir = copy();
    // remove the loose tree objects: commits are there, their trees are not
    const objects = join(dir, '.git', 'objects');
    for (const sub of readdirSync(objects).filter((d) => /^[0-9a-f]{2}$/.test(d))) {
      for (const f of readdirSync(join(objects, sub))) {
        const id = sub + f;
        if (g(dir, ['cat-file', '-t', id]).trim() === 'tree') rmSync(join(objects, sub, f), { force: true });
      }
    }
    const r = await qd(['--as-of', AS_OF, 'audit'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.stderr).toMatch(/git [a-z-]+ 执行失败/);
    expect(r.stderr).toMatch(/fatal|error|unable/i);
  });
});
