/**
 * `rollup fetch` asks a member's git:// server which commit it has before it starts git, and
 * fetches only the members that moved: a git on PATH that notes each run shows how many fetches
 * ran, against a real `git daemon` on 127.0.0.1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, qd, tempDir } from '../support/cli.js';
import { loggingGit, makeMember, makeUmbrella, startDaemon, type Daemon } from '../support/rollup.js';

let served: string;
let daemon: Daemon;
let umbrella: string;
let env: Record<string, string>;
/** The git commands qingdan ran since the last call. */
let ran: () => string[];


const lock = () => new Map((JSON.parse(readFileSync(join(umbrella, 'members.lock'), 'utf8')) as { members: Array<{ id: string; commit: string }> }).members.map((m) => [m.id, m.commit]));

/** `rollup fetch --no-commit`; what it said of members.lock. */
async function fetch(extra: Record<string, string> = {}): Promise<string> {
  const r = await qd(['rollup', 'fetch', '--no-commit'], { cwd: umbrella, env: { ...env, ...extra }, timeout: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return r.stderr.trim().split('\n').pop()!;
}

beforeAll(async () => {
  served = tempDir('served');
  await Promise.all(['east', 'west'].map((id) => makeMember({ dir: join(served, id), units: ['office'] })));
  daemon = await startDaemon(served, 'east');
  umbrella = makeUmbrella([
    { id: 'east', name: '东区支行', url: daemon.url('east') },
    { id: 'west', name: '西区支行', url: daemon.url('west') },
  ]);
  ({ env, ran } = loggingGit());
}, 90_000);
afterAll(() => daemon?.stop());

describe('rollup fetch: members asked first', () => {
  it('fetches every member once, then none while nothing moved, then only the one that did', async () => {
    expect(await fetch()).toBe('members.lock 已更新，未提交（--no-commit）');
    expect(ran().filter((c) => c === 'fetch')).toHaveLength(2);
    const first = lock();

    expect(await fetch()).toBe('members.lock 无变化，未提交');
    expect(ran()).not.toContain('fetch');
    expect(lock()).toEqual(first);

    writeFileSync(join(served, 'west/ledgers/2026/office.ledger'), `${readFileSync(join(served, 'west/ledgers/2026/office.ledger'), 'utf8')}2026-11-25 office T1.1 1h id:ask001\n`);
    g(join(served, 'west'), ['commit', '-qam', 'one more day']);
    await fetch();
    expect(ran().filter((c) => c === 'fetch')).toHaveLength(1);
    expect(lock().get('west')).toBe(g(join(served, 'west'), ['rev-parse', 'HEAD']).trim());
    expect(lock().get('east')).toBe(first.get('east'));

    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: umbrella, env, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { ranking: unknown[] }).ranking).toHaveLength(2);
  }, 120_000);

  it('asks no server directly when git would send its URLs elsewhere (url.<base>.insteadOf, a proxy): git fetches them all', async () => {
    ran();
    // a rule for URLs none of the members has: the fetches are unchanged, but qingdan cannot tell
    await fetch({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `url.${daemon.url('')}.insteadOf`, GIT_CONFIG_VALUE_0: 'git://nowhere.invalid/' });
    expect(ran().filter((c) => c === 'fetch')).toHaveLength(2);
    // a proxy for another domain: the same
    await fetch({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.gitProxy', GIT_CONFIG_VALUE_0: '/nonexistent/proxy for nowhere.invalid' });
    expect(ran().filter((c) => c === 'fetch')).toHaveLength(2);
    await fetch();
    expect(ran()).not.toContain('fetch');
  }, 120_000);
});
