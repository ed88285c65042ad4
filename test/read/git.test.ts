/**
 * src/read/git.ts directly, on small temporary repositories: commit records that no subject can
 * split, and the git state a report states (now here, with the other git calls).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitsTouching, gitState, isAncestor } from '../../src/read/git.js';
import { g, gitEnv, tempDir } from '../support/cli.js';

/** git run in `dir` with the test identity's environment. */
const at = (dir: string) => ({ cwd: dir, env: gitEnv() });

function repo(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'ledgers'), { recursive: true });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  g(join(dir, '..'), ['init', '-q', dir]);
  writeFileSync(join(dir, 'ledgers', 'a.ledger'), '2026-01-05 office T1.1 id:aaaaaa\n');
  writeFileSync(join(dir, 'templates', 'org.yaml'), 'name: x\n');
  writeFileSync(join(dir, 'qingdan.yaml'), 'year: 2026\n');
  g(dir, ['add', '-A']);
  g(dir, ['commit', '-qm', 'first']);
  return dir;
}

describe('commitsTouching (S5)', () => {
  it('a subject holding the old record and field separators splits nothing', () => {
    const dir = repo();
    writeFileSync(join(dir, 'ledgers', 'a.ledger'), '2026-01-05 office T1.1 id:aaaaaa\n2026-01-06 office T1.1 id:bbbbbb\n');
    g(dir, ['commit', '-qam', 'record: \x1eoffice\x1f T1.1\x1e\x1e (id:bbbbbb)'], gitEnv({ GIT_AUTHOR_NAME: 'Zhang San' }));
    const commits = commitsTouching(at(dir), 'ledgers');
    expect(commits).toHaveLength(2);
    const shas = g(dir, ['rev-list', '--reverse', 'HEAD']).trim().split('\n');
    expect(commits.map((c) => c.sha)).toEqual(shas);
    expect(commits[0]!.parents).toEqual([]);
    expect(commits[1]).toMatchObject({ parents: [shas[0]], author: 'Zhang San', email: 'clerk@example.test', committed: '2026-11-27T10:00:00+08:00' });
    expect(commits[1]).not.toHaveProperty('subject');
  });
});

describe('gitState, in read/git.ts (S6)', () => {

  it('the commit, and dirty when the ledgers, the templates or the settings have changes', async () => {
    const dir = repo();
    const head = g(dir, ['rev-parse', 'HEAD']).trim();
    expect(await gitState(at(dir), 'ledgers')).toEqual({ commit: head, dirty: false });
    writeFileSync(join(dir, 'templates', 'org.yaml'), 'name: y\n');
    expect(await gitState(at(dir), 'ledgers')).toEqual({ commit: head, dirty: true });
    g(dir, ['checkout', '--', 'templates']);
    writeFileSync(join(dir, 'qingdan.yaml'), 'year: 2027\n');
    expect((await gitState(at(dir), 'ledgers')).dirty).toBe(true);
    g(dir, ['checkout', '--', 'qingdan.yaml']);
    writeFileSync(join(dir, 'ledgers', 'new.ledger'), '');
    expect((await gitState(at(dir), 'ledgers')).dirty).toBe(true);
    // other files are not the report's data
    g(dir, ['clean', '-qfd']);
    writeFileSync(join(dir, 'notes.txt'), 'x\n');
    expect((await gitState(at(dir), 'ledgers')).dirty).toBe(false);
  });

  it('names the last commit that changed the data, not HEAD: committing a report changes nothing', async () => {
    const dir = repo();
    const data = g(dir, ['rev-parse', 'HEAD']).trim();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'monthly-2026-10.md'), '# report\n');
    g(dir, ['add', 'reports']);
    g(dir, ['commit', '-qm', 'report: monthly-2026-10']);
    expect(g(dir, ['rev-parse', 'HEAD']).trim()).not.toBe(data);
    expect(await gitState(at(dir), 'ledgers')).toEqual({ commit: data, dirty: false });
    writeFileSync(join(dir, 'ledgers', 'a.ledger'), '2026-01-05 office T1.1 id:aaaaaa\n2026-01-07 office T1.1 id:cccccc\n');
    g(dir, ['commit', '-qam', 'record']);
    expect((await gitState(at(dir), 'ledgers')).commit).toBe(g(dir, ['rev-parse', 'HEAD']).trim());
  });

  it('takes paths literally: a folder name with glob characters matches only itself', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'ledgers', 'a.ledger'), 'changed\n');
    expect((await gitState(at(dir), '[l]edgers', [])).dirty).toBe(false);
    expect((await gitState(at(dir), 'ledgers', [])).dirty).toBe(true);
  });

  it('outside git, or before the first commit: nothing', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    expect(await gitState(at(dir), 'ledgers')).toEqual({});
    g(join(dir, '..'), ['init', '-q', dir]);
    expect(await gitState(at(dir), 'ledgers')).toEqual({});
  });
});

describe('isAncestor', () => {
  it('yes, no, and neither when a commit is not there (merge-base exits 128, not 1)', () => {
    const dir = repo();
    writeFileSync(join(dir, 'ledgers', 'a.ledger'), '2026-01-05 office T1.1 id:aaaaaa\n2026-01-06 office T1.1 id:bbbbbb\n');
    g(dir, ['commit', '-qam', 'second']);
    const [second, first] = g(dir, ['rev-list', 'HEAD']).trim().split('\n') as [string, string];
    expect(isAncestor(at(dir), first, second)).toBe(true);
    expect(isAncestor(at(dir), second, first)).toBe(false);
    expect(isAncestor(at(dir), 'f'.repeat(40), second)).toBeUndefined();
  });
});
