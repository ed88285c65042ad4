/**
 * `rollup monthly|quarterly|annual --fetch`: the fetch of `rollup fetch` and the report in one
 * command, against a real `git daemon` on 127.0.0.1. It must leave what the two commands leave
 * (members.lock, committed or not) and print what the report alone prints from it; a member that
 * cannot be fetched shows as stale and makes the exit code 1, the report still written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, bareEnv, CLI, g, gitEnv, qd, tempDir } from '../support/cli.js';
import { ROOT } from '../support/example.js';
import { loggingGit, makeMember, makeUmbrella, startDaemon, type Daemon } from '../support/rollup.js';
import { makeLevels } from '../support/rollup-levels.js';

let served: string;
let daemon: Daemon;
let env: Record<string, string>;
/** The git commands qingdan ran since the last call. */
let ran: () => string[];


const lockOf = (dir: string) => new Map((JSON.parse(readFileSync(join(dir, 'members.lock'), 'utf8')) as { members: Array<{ id: string; commit?: string }> }).members.map((m) => [m.id, m.commit]));

function addDay(id: string, line: string): string {
  const file = join(served, id, 'ledgers/2026/office.ledger');
  writeFileSync(file, `${readFileSync(file, 'utf8')}${line}\n`);
  g(join(served, id), ['commit', '-qam', 'one more day']);
  return g(join(served, id), ['rev-parse', 'HEAD']).trim();
}

beforeAll(async () => {
  served = tempDir('served');
  await Promise.all(['east', 'west'].map((id) => makeMember({ dir: join(served, id), units: ['office'] })));
  daemon = await startDaemon(served, 'east');
  ({ env, ran } = loggingGit());
}, 90_000);
afterAll(() => daemon?.stop());

describe('rollup annual --fetch', () => {
  it('fetches, commits members.lock and reports: what `rollup annual` then prints from that lock, and only a member that moved is fetched again', async () => {
    const umbrella = makeUmbrella([
      { id: 'east', name: '东区支行', url: daemon.url('east') },
      { id: 'west', name: '西区支行', url: daemon.url('west') },
    ]);
    const before = g(umbrella, ['rev-list', '--count', 'HEAD']).trim();
    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--fetch', '--json'], { cwd: umbrella, env, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(ran().filter((c) => c === 'fetch')).toHaveLength(2);
    // the lock is committed, as `rollup fetch` commits it
    expect(+g(umbrella, ['rev-list', '--count', 'HEAD']).trim()).toBe(+before + 1);
    expect(g(umbrella, ['status', '--porcelain']).trim()).toBe('');
    expect(r.stderr).toMatch(/已获取 2 个成员，失败 0 个/);
    expect(r.stderr).toMatch(/已提交 members\.lock（[0-9a-f]{12}）/);
    const value = JSON.parse(r.stdout) as { ranking: Array<{ id: string }>; provenance: Array<{ id: string; commit: string }> };
    expect(value.ranking.map((m) => m.id).sort()).toEqual(['east', 'west']);
    for (const m of value.provenance) expect(m.commit).toBe(lockOf(umbrella).get(m.id));
    // the report alone, from the lock --fetch left, says the same
    const alone = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: umbrella, env, timeout: 60_000 });
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout).toBe(r.stdout);

    const head = addDay('west', '2026-11-25 office T1.1 1h id:fr0001');
    ran();
    // settings seen before are found by their bytes: a member that moved costs no YAML parser (nor zod), here or on a worker
    const list = `${tempDir('loaded')}.txt`;
    const loaded = { NODE_OPTIONS: `--require ${join(ROOT, 'test/support/loaded-modules.cjs')}`, QINGDAN_TEST_LOADED: list };
    const again = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--fetch', '--no-commit', '--json'], { cwd: umbrella, env: { ...env, ...loaded }, timeout: 60_000 });
    expect(again.code, again.stderr).toBe(0);
    const files = readFileSync(list, 'utf8').split('\n').map((f) => f.split('/').pop());
    expect(files).toContain('qingdan.cjs');
    expect(files).not.toContain('yaml.cjs');
    expect(files).not.toContain('zod.cjs');
    expect(ran().filter((c) => c === 'fetch')).toHaveLength(1);
    expect(again.stderr).toMatch(/members\.lock 已更新，未提交（--no-commit）/);
    expect(g(umbrella, ['status', '--porcelain']).trim()).toBe('M members.lock');
    const west = (JSON.parse(again.stdout) as typeof value).provenance.find((m) => m.id === 'west')!;
    expect(west.commit).toBe(head);
    expect(lockOf(umbrella).get('west')).toBe(head);
    // west was judged while east was asked: at the commit the lock pins, as the report alone judges it
    expect(again.stdout).not.toBe(r.stdout);
    const aloneAgain = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: umbrella, env, timeout: 60_000 });
    expect(aloneAgain.stdout).toBe(again.stdout);
  }, 180_000);

  it('shows a member it cannot fetch as stale, still writes the report, and exits 1', async () => {
    const umbrella = makeUmbrella([
      { id: 'east', name: '东区支行', url: daemon.url('east') },
      { id: 'gone', name: '已撤并支行', url: daemon.url('gone') },
    ]);
    const out = join(umbrella, 'reports/');
    const r = await qd(['--as-of', AS_OF, '--lang', 'en', 'rollup', 'annual', '--fetch', '--format', 'md', '--out', out], { cwd: umbrella, env, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^gone: fetch failed \(unreachable\); the data fetched before stays \(never fetched\): /m);
    expect(r.stderr).toMatch(/fetched 1 members, 1 failed/);
    const md = readFileSync(join(umbrella, 'reports/rollup-annual-2026.md'), 'utf8');
    expect(md).toContain('东区支行');
    expect(md).toMatch(/\| 已撤并支行 \| never fetched \| fatal: remote error: [^\n]*\/gone \|/);
    expect(lockOf(umbrella).has('gone')).toBe(true);
  }, 180_000);

  it("README's cron line, run twice the same day: the lock and the report committed once", async () => {
    const umbrella = makeUmbrella([
      { id: 'east', name: '东区支行', url: daemon.url('east') },
      { id: 'west', name: '西区支行', url: daemon.url('west') },
    ]);
    const line = /^30 7 8 \* \*  cd \/srv\/zhongzhi && (.*)$/m.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1]!;
    const command = line.replace(/\\%/g, '%').replace(/\bqingdan /g, `node '${CLI}' --as-of ${AS_OF} `);
    const commits = () => +g(umbrella, ['rev-list', '--count', 'HEAD']).trim();
    const start = commits();
    const cron = () => spawnSync('sh', ['-c', command], { cwd: umbrella, env, encoding: 'utf8' }).stderr;
    expect(cron()).toMatch(/^已获取 2 个成员，失败 0 个；提交号写入 members\.lock\n已提交 members\.lock（[0-9a-f]{12}）\n已写入 reports\/rollup-monthly-2026-10\.md\n$/);
    expect(commits()).toBe(start + 2);
    expect(g(umbrella, ['show', '--stat', '--format=%s', 'HEAD'])).toMatch(/^rollup \d{4}-\d{2}\n[\s\S]*reports\/rollup-monthly-2026-10\.md/);
    expect(g(umbrella, ['log', '-1', '--format=%s', 'HEAD~1']).trim()).toBe('rollup fetch: 2 members fetched');
    expect(cron()).toBe('已获取 2 个成员，失败 0 个；提交号写入 members.lock\nmembers.lock 无变化，未提交\n已写入 reports/rollup-monthly-2026-10.md\n');
    expect(commits()).toBe(start + 2);
  }, 180_000);

  it('ends, with no worker left running, when members.lock cannot be committed after members were being judged', async () => {
    const umbrella = makeUmbrella([
      { id: 'east', name: '东区支行', url: daemon.url('east') },
      { id: 'west', name: '西区支行', url: daemon.url('west') },
      { id: 'east2', name: '东区二支行', url: daemon.url('east') },
    ]);
    // no identity, and git may not guess one: the commit of the lock fails
    const anonymous = bareEnv({ PATH: env.PATH!, GIT_CONFIG_COUNT: '2', GIT_CONFIG_KEY_1: 'user.useConfigOnly', GIT_CONFIG_VALUE_1: 'true' });
    // one thread: while the first member is judged, the next waits for it, and must not get a worker of its own once the command gives up
    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--fetch', '--jobs', '1', '--json'], { cwd: umbrella, env: anonymous, timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/git commit/);
    expect(r.stdout).toBe('');
  }, 120_000);

  it('names a member below an umbrella that could not be fetched on stderr, indented, as `rollup fetch` does', async () => {
    const levels = await makeLevels(tempDir('levels'));
    renameSync(levels.counties.c1!, `${levels.counties.c1!}-gone`);
    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--fetch', '--json'], { cwd: levels.province, env: gitEnv(), timeout: 120_000 });
    // the province's own members were fetched: the exit code is theirs, as fetch's
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^  c1：获取失败（unreachable），沿用上次获取的数据（从未获取成功）：/m);
    expect(r.stderr).toMatch(/^已获取 2 个成员，失败 0 个/m);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"not-fetched"');
  }, 240_000);

  it('is not an option of `rollup fetch`', async () => {
    const umbrella = makeUmbrella([{ id: 'east', name: '东区支行', url: daemon.url('east') }]);
    const r = await qd(['rollup', 'fetch', '--fetch'], { cwd: umbrella, env, timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qingdan: rollup fetch 的值“--fetch”无效：qingdan rollup monthly|quarterly|annual --fetch\n');
  }, 60_000);
});
