/**
 * `qingdan rollup` against a real `git daemon` on 127.0.0.1: two honest members rank; a member
 * that rewrote its history, a shallow one, one the daemon does not serve and one with hostile
 * files each show apart, with the right reason; the umbrella's work tree is untouched; and the
 * report works offline, on what was fetched last, saying which member is stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, gitEnv, qd, tempDir } from '../support/cli.js';
import { copyRepo, makeMember, makeUmbrella, startDaemon, type Daemon } from '../support/rollup.js';

interface Points {
  score: number;
  ytdMax: number;
  max: number;
  percent: number;
  grade: string;
}

interface RollupJson {
  totals: { score: number; ytdMax: number; percent: number | null; members: number };
  ranking: Array<{ id: string; rank: number; percent: number; grade: string; overdue: number; period?: { rate: number }; sections: Array<Points & { id: string; name: string; overdue: number }> }>;
  unverified: Array<{ id: string; reason: string; detail: string }>;
  provenance: Array<{ id: string; commit?: string; audit: string; fetched?: string; stale?: { since?: string; reason: string } }>;
  checklists: Array<{ members: string[] }>;
  areas: Array<{ id: string }>;
}

let served: string;
let daemon: Daemon;
let umbrella: string;
const sabotage = join(tempDir('sabotage'), 'out');

beforeAll(async () => {
  served = tempDir('served');
  mkdirSync(served, { recursive: true });
  // two honest members: one with every section's records, one with a few sections'
  await makeMember({ dir: join(served, 'east'), org: '东区支行' });
  await makeMember({ dir: join(served, 'west'), org: '西区支行', units: ['office', 'hr', 'org'] });
  // one that rewrote a recorded line after the fact
  const tamper = await makeMember({ dir: join(served, 'tamper'), org: '改写支行' });
  const office = join(tamper, 'ledgers/2026/office.ledger');
  const text = readFileSync(office, 'utf8');
  const at = text.search(/^2026-0[1-6]-\d\d office /m);
  writeFileSync(office, `${text.slice(0, at)}${text.slice(at).replace(/^(\S+ office \S+)/, '$1 ')}`);
  g(tamper, ['commit', '-qam', 'fix a line']);
  // a shallow clone of an honest member: its history cannot be audited
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${join(served, 'east')}`, join(served, 'shallow')], { env: gitEnv() });
  // hostile files: a ledger folder that leads out, links, an escape sequence, a filter in .gitattributes
  const hostile = await makeMember({ dir: join(served, 'hostile'), org: '恶意支行' });
  writeFileSync(join(hostile, '.gitattributes'), `* filter=evil\n`);
  g(hostile, ['config', 'filter.evil.smudge', `sh -c 'touch ${sabotage}'`]);
  symlinkSync('/etc/passwd', join(hostile, 'ledgers/2026/passwd.ledger'));
  writeFileSync(join(hostile, 'ledgers/2026/zz.ledger'), `2026-11-02 office T1.1 2h "\x1b[31mred\x1b]0;title\x07" id:zz0001\n`);
  g(hostile, ['add', '-A']);
  g(hostile, ['commit', '-qm', 'hostile']);

  // settings whose ledger folder leads out of the repository
  const outside = await makeMember({ dir: join(served, 'outside'), org: '越界支行' });
  writeFileSync(join(outside, 'qingdan.yaml'), `${readFileSync(join(outside, 'qingdan.yaml'), 'utf8')}paths:\n  ledgers: ../../../etc\n`);
  g(outside, ['commit', '-qam', 'ledgers elsewhere']);

  daemon = await startDaemon(served, 'east');
  umbrella = makeUmbrella([
    { id: 'east', name: '东区支行', url: daemon.url('east') },
    { id: 'west', name: '西区支行', url: daemon.url('west'), branch: 'main' },
    { id: 'tamper', name: '改写支行', url: daemon.url('tamper') },
    { id: 'shallow', name: '浅克隆支行', url: daemon.url('shallow') },
    { id: 'gone', name: '失联支行', url: daemon.url('gone') },
    { id: 'hostile', name: '恶意支行', url: daemon.url('hostile') },
    { id: 'outside', name: '越界支行', url: daemon.url('outside') },
  ]);
}, 120_000);

afterAll(async () => {
  await daemon?.stop();
});

const report = async (kind = 'monthly', extra: string[] = []) => {
  const r = await qd(['--as-of', AS_OF, 'rollup', kind, '--json', ...extra], { cwd: umbrella, timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as RollupJson;
};

describe('rollup over git daemon', () => {
  it('fetches every member into .git, pins each commit in members.lock and commits it; a member the daemon does not serve fails alone', async () => {
    const r = await qd(['rollup', 'fetch'], { cwd: umbrella, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^east：已获取 [0-9a-f]{12}$/m);
    expect(r.stdout).toMatch(/^gone：获取失败（unreachable）/m);
    expect(r.stderr).toContain('已获取 6 个成员，失败 1 个');
    const lock = JSON.parse(readFileSync(join(umbrella, 'members.lock'), 'utf8')) as { members: Array<{ id: string; commit?: string; failed?: unknown }> };
    expect(lock.members.map((m) => m.id)).toEqual(['east', 'west', 'tamper', 'shallow', 'gone', 'hostile', 'outside']);
    expect(lock.members.find((m) => m.id === 'east')!.commit).toBe(g(join(served, 'east'), ['rev-parse', 'HEAD']).trim());
    expect(lock.members.find((m) => m.id === 'gone')!.commit).toBeUndefined();
    // committed, and nothing else in the work tree: members live inside .git
    expect(g(umbrella, ['status', '--porcelain', '--untracked-files=all', '--ignored'])).toBe('');
    expect(g(umbrella, ['log', '-1', '--format=%s'])).toMatch(/^rollup fetch: 6 members fetched, 1 failed/);
    expect(existsSync(join(umbrella, '.git/qingdan/members/east.git'))).toBe(true);
    // the umbrella's own history stays whole, whatever a member is
    expect(g(umbrella, ['rev-parse', '--is-shallow-repository']).trim()).toBe('false');
    // nothing a member holds ran
    expect(existsSync(sabotage)).toBe(false);
  }, 90_000);

  it('ranks the honest members and shows the others apart, each with its reason', async () => {
    const v = await report();
    expect(v.ranking.map((m) => m.id)).toEqual(['east', 'west']);
    expect(v.ranking[0]!.percent).toBeGreaterThan(v.ranking[1]!.percent);
    expect(v.ranking.map((m) => m.rank)).toEqual([1, 2]);
    const reasons = Object.fromEntries(v.unverified.map((u) => [u.id, u.reason]));
    expect(reasons).toEqual({ tamper: 'audit', shallow: 'shallow', gone: 'not-fetched', hostile: 'check', outside: 'outside' });
    expect(v.unverified.find((u) => u.id === 'tamper')!.detail).toMatch(/^1: [a-z-]+ ledgers\/2026\/office\.ledger:\d+/);
    expect(v.unverified.find((u) => u.id === 'hostile')!.detail).toMatch(/control-character/);
    const prov = Object.fromEntries(v.provenance.map((p) => [p.id, p]));
    expect(prov.east!.audit).toBe('clean');
    expect(prov.tamper!.audit).toBe('violations');
    expect(prov.gone!.stale?.reason).toBe('unreachable');
    expect(v.checklists).toHaveLength(1);
    expect(v.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(existsSync(sabotage)).toBe(false);
  }, 90_000);

  it("shows each member's units as the member's own annual report scores them", async () => {
    const v = await report('annual');
    for (const id of ['east', 'west']) {
      const own = await qd(['--as-of', AS_OF, 'report', 'annual', '--json'], { cwd: join(served, id) });
      expect(own.code, own.stderr).toBe(0);
      const units = (JSON.parse(own.stdout) as { units: Array<Points & { id: string; name: string }> }).units;
      const m = v.ranking.find((r) => r.id === id)!;
      expect(m.sections.map((s) => [s.id, s.name, s.score, s.ytdMax, s.max, s.percent, s.grade])).toEqual(units.map((u) => [u.id, u.name, u.score, u.ytdMax, u.max, u.percent, u.grade]));
    }
    // west keeps records for three units only: the others have scored nothing
    const west = v.ranking.find((r) => r.id === 'west')!;
    expect(west.sections.filter((s) => s.score > 0).map((s) => s.id)).toEqual(['office', 'hr']);
    const t = await qd(['--as-of', AS_OF, 'rollup', 'annual'], { cwd: umbrella, timeout: 60_000 });
    expect(t.stdout).toContain('各成员科室得分');
    expect(t.stdout).toMatch(/│ 西区支行 │ 办公室 +│/);
  }, 90_000);

  it('an umbrella with no templates or ledgers of its own passes check and audit; report points to rollup', async () => {
    expect(existsSync(join(umbrella, 'templates'))).toBe(false);
    const c = await qd(['check'], { cwd: umbrella });
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toBe('✓ 未发现问题：汇总仓库，设置中列有 7 个成员（没有自己的模板和台账）\n');
    const cj = await qd(['check', '--json'], { cwd: umbrella });
    expect(cj.code).toBe(0);
    expect(JSON.parse(cj.stdout)).toEqual({ diagnostics: [] });
    // its history (the settings, then the lock fetch committed) is audited like any other
    const a = await qd(['audit', '--json'], { cwd: umbrella });
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ clean: true, violations: [] });
    const r = await qd(['--as-of', AS_OF, 'report', 'monthly'], { cwd: umbrella });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('这是汇总仓库');
    expect(r.stderr).toContain('qingdan rollup monthly|quarterly|annual');
    // a mistake in its settings is still found, with its place
    const copy = copyRepo(umbrella, join(tempDir('bad-umbrella'), 'u'));
    writeFileSync(join(copy, 'qingdan.yaml'), readFileSync(join(copy, 'qingdan.yaml'), 'utf8').replace('id: gone', 'id: east'));
    const bad = await qd(['check'], { cwd: copy });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^qingdan\.yaml:\d+:\d+: 错误 /m);
    expect(bad.stdout).not.toContain('templates/org.yaml');
    // an umbrella that keeps its own ledgers needs its own templates
    mkdirSync(join(copy, 'ledgers/2026'), { recursive: true });
    writeFileSync(join(copy, 'ledgers/2026/office.ledger'), '2026-11-02 office T1.1 2h id:own001\n');
    const own = await qd(['check'], { cwd: copy });
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('templates/org.yaml');
  }, 90_000);

  it('a corrupt or hand-edited members.lock is a finding of check, and the roll-up refuses it rather than read it as never fetched', async () => {
    const copy = copyRepo(umbrella, join(tempDir('bad-lock'), 'u'));
    const text = readFileSync(join(copy, 'members.lock'), 'utf8');
    // cut short, as a disk that filled up would leave it
    writeFileSync(join(copy, 'members.lock'), text.slice(0, text.length / 2));
    const c = await qd(['check'], { cwd: copy });
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/^members\.lock:\d+:\d+: 错误 bad-lock: members\.lock 不是有效的 JSON/m);
    const r = await qd(['--as-of', AS_OF, 'rollup', 'monthly'], { cwd: copy, timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qingdan: members\.lock 有 1 处错误（第一处在第 \d+ 行），不能据此汇总：请先运行 qingdan check/);
    // edited by hand: a commit that is no commit, a member twice, one the settings do not list
    const lock = JSON.parse(text) as { members: Array<{ id: string; commit?: string }> };
    lock.members[0]!.commit = 'HEAD';
    lock.members.push({ ...lock.members[1]! }, { ...lock.members[1]!, id: 'north' });
    writeFileSync(join(copy, 'members.lock'), `${JSON.stringify(lock, null, 2)}\n`);
    const j = await qd(['check', '--json', '--lang', 'en'], { cwd: copy });
    expect(j.code).toBe(1);
    const found = (JSON.parse(j.stdout) as { diagnostics: Array<{ file: string; line: number; code: string; message: string }> }).diagnostics;
    expect(found.map((d) => [d.file, d.code, d.message.split(';')[0]])).toEqual([
      ['members.lock', 'bad-lock', 'the commit "HEAD" of member east is not 40 or 64 lowercase hex digits'],
      ['members.lock', 'bad-lock', `member west twice (first on line ${found[1]!.message.match(/line (\d+)/)![1]})`],
      ['members.lock', 'bad-lock', 'member north is not listed under members: in qingdan.yaml'],
    ]);
    expect(found.map((d) => d.line)).toEqual([...found.map((d) => d.line)].sort((a, b) => a - b));
    expect(text.split('\n')[found[0]!.line - 1]).toMatch(/"commit": /);
    const en = await qd(['--as-of', AS_OF, '--lang', 'en', 'rollup', 'monthly', '--json'], { cwd: copy, timeout: 60_000 });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    // a member the settings no longer list is not evaluated: the roll-up counts the other two
    expect(en.stderr).toContain('members.lock has 2 error(s)');
    // fetch mends it, and says that what it pinned before is lost
    const f = await qd(['rollup', 'fetch', '--no-commit'], { cwd: copy, timeout: 60_000 });
    expect(f.code, f.stderr).toBe(1); // gone is still gone
    expect(f.stderr).toMatch(/^注意：members\.lock 有 2 处错误（第一处在第 \d+ 行），以前获取的提交号无从得知；本次获取后重写/m);
    expect((await qd(['check', '--json'], { cwd: copy })).stdout).not.toContain('bad-lock');
    expect((await qd(['--as-of', AS_OF, 'rollup', 'monthly'], { cwd: copy, timeout: 60_000 })).code).toBe(0);
  }, 120_000);

  it('shows a hostile member\'s text without its escape sequences, in every format', async () => {
    for (const format of ['table', 'md', 'csv', 'html']) {
      const r = await qd(['--as-of', AS_OF, 'rollup', 'monthly', '--format', format], { cwd: umbrella, timeout: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/\x1b|\x07/);
      expect(r.stdout).toContain('恶意支行');
      // the first column names the umbrella a row is ranked under, the third the member
      if (format === 'csv') expect(r.stdout.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^所属,id,成员,科室,/);
    }
    const t = await qd(['--as-of', AS_OF, 'rollup', 'annual'], { cwd: umbrella, timeout: 60_000 });
    expect(t.stdout).toContain('审计未通过');
    expect(t.stdout).toContain('浅克隆');
    expect(t.stdout).toContain('从未获取');
  }, 90_000);

  it('a member that takes longer than the limit shows as timed out, and is judged afresh the next time', async () => {
    // every cached result dropped: each member must be judged, and none can be in a millisecond
    rmSync(join(umbrella, '.git/qingdan/cache'), { recursive: true, force: true });
    const r = await qd(['--as-of', AS_OF, 'rollup', 'monthly', '--json'], { cwd: umbrella, timeout: 60_000, env: gitEnv({ QINGDAN_MEMBER_TIMEOUT_MS: '1' }) });
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as RollupJson;
    expect(v.ranking).toEqual([]);
    expect(v.unverified.filter((u) => u.reason === 'timeout').map((u) => u.id).sort()).toEqual(['east', 'hostile', 'outside', 'shallow', 'tamper', 'west']);
    // nobody counts: no rate (not 0 of 0 at 100 %), in JSON and in every format
    expect(v.totals).toMatchObject({ score: 0, ytdMax: 0, percent: null, members: 0 });
    for (const [format, total] of [['table', '合计：没有计入排名的成员，得分 –'], ['md', '合计：没有计入排名的成员，得分 –'], ['html', '合计：没有计入排名的成员，得分 –']] as const) {
      const t = await qd(['--as-of', AS_OF, 'rollup', 'monthly', '--format', format], { cwd: umbrella, timeout: 60_000, env: gitEnv({ QINGDAN_MEMBER_TIMEOUT_MS: '1' }) });
      expect(t.stdout).toContain(total);
      expect(t.stdout).not.toMatch(/（100%）|\(100%\)/);
    }
    const en = await qd(['--as-of', AS_OF, '--lang', 'en', 'rollup', 'monthly'], { cwd: umbrella, timeout: 60_000, env: gitEnv({ QINGDAN_MEMBER_TIMEOUT_MS: '1' }) });
    expect(en.stdout).toContain('Total: no member counted, score –');
    const again = await report();
    expect(again.ranking.map((m) => m.id)).toEqual(['east', 'west']);
  }, 120_000);

  it('works offline on what was fetched last, and says which member is stale and since when', async () => {
    const before = await report('annual');
    await daemon.stop();
    // a member records more while the server is down: the umbrella cannot know
    const east = join(served, 'east');
    writeFileSync(join(east, 'ledgers/2026/office.ledger'), `${readFileSync(join(east, 'ledgers/2026/office.ledger'), 'utf8')}2026-11-26 office T1.1 1h id:off999\n`);
    g(east, ['commit', '-qam', 'one more']);
    const f = await qd(['rollup', 'fetch'], { cwd: umbrella, timeout: 60_000 });
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('已获取 0 个成员，失败 7 个');
    const after = await report('annual');
    expect(after.ranking).toEqual(before.ranking);
    const east2 = after.provenance.find((p) => p.id === 'east')!;
    expect(east2.commit).toBe(before.provenance.find((p) => p.id === 'east')!.commit);
    expect(east2.stale?.since).toBe(before.provenance.find((p) => p.id === 'east')!.fetched);
    expect(east2.stale?.reason).toBe('unreachable');
  }, 120_000);
});
