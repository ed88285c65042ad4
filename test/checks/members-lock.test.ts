/**
 * members-lock: what `check` finds in an umbrella's members.lock, each at the line and column of
 * the value (src/checks/members-lock.ts over the parser's problems, src/parse/members-lock.ts).
 */
import { describe, expect, it } from 'vitest';
import { membersLockDiagnostics } from '../../src/checks/members-lock.js';
import { lockProblems, parseLock, printLock } from '../../src/parse/members-lock.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(64);
const lock = (members: unknown[]) => printLock({ members: members as never });
const found = (text: string, ids = ['east', 'west']) => membersLockDiagnostics('members.lock', text, ids).map((d) => [d.params.problem, `${d.line}:${d.column}`, d.params.id ?? '', d.params.first ?? '']);

describe('members.lock checks', () => {
  it('a lock fetch writes has nothing to find, nested members and a sha-256 commit included', () => {
    const text = lock([
      { id: 'east', url: '/srv/east', commit: A, fetched: '2026-11-08T07:30:12Z', members: [{ id: 'c1', url: '/srv/c1', commit: B }] },
      { id: 'west', url: '/srv/west', failed: { at: '2026-11-08T07:30:12Z', reason: 'unreachable', detail: 'x' } },
    ]);
    expect(found(text)).toEqual([]);
  });

  it('text that is not JSON: where JSON.parse stopped, or the end of a truncated file', () => {
    expect(found('{\n  "members": [\n    { "id": "east", }\n  ]\n}\n')).toEqual([['syntax', '3:21', '', '']]);
    // cut in the middle of the commit: on its line (the opening quote or the end, as Node's JSON.parse says)
    const full = lock([{ id: 'east', url: '/srv/east', commit: A }]);
    const cut = full.slice(0, full.indexOf(A) + 20);
    const [d] = membersLockDiagnostics('members.lock', cut, ['east']);
    expect([d!.params.problem, d!.line]).toEqual(['syntax', 6]);
    expect(found('')).toEqual([['syntax', '1:1', '', '']]);
  });

  it('not {"members": [...]}, an entry without id or url', () => {
    expect(found('[]\n')).toEqual([['shape', '1:1', '', '']]);
    expect(found('{\n  "members": {}\n}\n')).toEqual([['shape', '2:14', '', '']]);
    expect(found(lock([{ id: 'east', url: '/srv/east' }, { url: '/srv/west' }]))).toEqual([['entry', '7:5', '', '']]);
  });

  it('a commit that is not 40 or 64 lowercase hex digits, at any level', () => {
    const text = lock([
      { id: 'east', url: '/srv/east', commit: A.toUpperCase() },
      { id: 'west', url: '/srv/west', commit: A, members: [{ id: 'c1', url: '/srv/c1', commit: 'HEAD' }] },
    ]);
    expect(found(text)).toEqual([['commit', '6:17', 'east', ''], ['commit', '16:21', 'c1', '']]);
    // and the roll-up's reading of it drops the commit: the member reads as never fetched
    expect(parseLock(text).members[0]!.commit).toBeUndefined();
  });

  it('an id twice among its siblings, an id the settings do not list (at the top only)', () => {
    const text = lock([
      { id: 'east', url: '/srv/east', commit: A },
      { id: 'east', url: '/srv/east2', commit: A },
      { id: 'gone', url: '/srv/gone', commit: A, members: [{ id: 'c1', url: '/srv/c1' }] },
    ]);
    expect(found(text)).toEqual([['duplicate', '9:13', 'east', 4], ['unknown-member', '14:13', 'gone', '']]);
    expect(lockProblems(text).map((p) => p.problem)).toEqual(['duplicate']);
  });
});
