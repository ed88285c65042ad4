/**
 * src/read/history.ts `memberRepositoryFacts`: what makes a member's history not the one its
 * objects record, read from the files of the bare repository `rollup fetch` makes, is what git
 * says (`repositoryFacts`); a repository with replace refs is left to git.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberRepositoryFacts, repositoryFacts } from '../../src/read/history.js';
import { g, gitEnv, tempDir } from '../support/cli.js';

/** A source with three commits, and a bare member repository fetched from it (`depth` for a shallow one). */
function fetched(depth?: number): { source: string; member: string } {
  const source = tempDir('source');
  g(join(source, '..'), ['init', '-q', source]);
  for (const n of [1, 2, 3]) {
    writeFileSync(join(source, 'a.ledger'), `line ${n}\n`.repeat(n));
    g(source, ['add', '-A']);
    g(source, ['commit', '-qm', `c${n}`]);
  }
  const member = tempDir('m.git');
  g(join(member, '..'), ['init', '-q', '--bare', member]);
  g(member, ['fetch', '-q', ...(depth ? [`--depth=${depth}`] : []), `file://${source}`, '+HEAD:refs/qingdan/fetched']);
  return { source, member };
}

const at = (cwd: string) => ({ cwd, env: gitEnv() });

describe('memberRepositoryFacts', () => {
  it('a whole history: nothing, as git says', () => {
    const { member } = fetched();
    expect(memberRepositoryFacts(member)).toEqual({ replaceRefs: [] });
    expect(memberRepositoryFacts(member)).toEqual(repositoryFacts(at(member)));
  });

  it('a shallow one: the shallow file and where it was cut, as git says', () => {
    const { member } = fetched(1);
    const facts = memberRepositoryFacts(member);
    expect(facts?.shallow?.commits).toHaveLength(1);
    expect(facts).toEqual(repositoryFacts(at(member)));
  });

  it('a grafts file, as git says', () => {
    const { member } = fetched();
    mkdirSync(join(member, 'info'), { recursive: true });
    writeFileSync(join(member, 'info', 'grafts'), '');
    expect(memberRepositoryFacts(member)?.grafts).toBe(join('info', 'grafts'));
    expect(memberRepositoryFacts(member)).toEqual(repositoryFacts(at(member)));
  });

  it('replace refs, loose or packed: left to git', () => {
    const { member } = fetched();
    const [a, b] = g(member, ['rev-list', 'refs/qingdan/fetched']).trim().split('\n');
    g(member, ['replace', a!, b!]);
    expect(memberRepositoryFacts(member)).toBeUndefined();
    expect(repositoryFacts(at(member)).replaceRefs).toHaveLength(1);
    g(member, ['pack-refs', '--all']);
    // packed: only packed-refs names it (git may leave the empty folder behind)
    rmSync(join(member, 'refs', 'replace'), { recursive: true, force: true });
    expect(readFileSync(join(member, 'packed-refs'), 'utf8')).toContain(' refs/replace/');
    expect(repositoryFacts(at(member)).replaceRefs).toHaveLength(1);
    expect(memberRepositoryFacts(member)).toBeUndefined();
  });
});
