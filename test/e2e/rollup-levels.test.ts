/**
 * Three levels: a province over two prefectures, each over three counties — the committed fixture
 * test/fixtures/rollup-levels/, made into git repositories by test/support/rollup-levels.ts. Each
 * prefecture fetches its counties and commits its members.lock; the province fetches the
 * prefectures and, through them, the counties at the commits each prefecture pinned; it ranks the
 * prefectures by their counties' totals and drills down one level. The province's annual table
 * is pinned in expected.annual.zh.txt (fetch times and the prefectures' commits, which hold fetch
 * times, masked).
 *
 * UPDATE_GOLDEN=1 npx vitest run test/e2e/rollup-levels.test.ts   rewrites the golden file (then read it!).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, g, qd, tempDir } from '../support/cli.js';
import { makeUmbrella } from '../support/rollup.js';
import { LEVELS_FIXTURE, makeLevels } from '../support/rollup-levels.js';

interface Ranked {
  id: string;
  rank: number;
  score: number;
  ytdMax: number;
  percent: number;
  members?: Ranked[];
  unverified?: Array<{ id: string; reason: string }>;
}

const GOLDEN = join(LEVELS_FIXTURE, 'expected.annual.zh.txt');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let province: string;
let prefectures: Record<string, string>;
let counties: Record<string, string>;
const pins: Record<string, string> = {};

beforeAll(async () => {
  const made = await makeLevels(tempDir('levels'));
  province = made.province;
  prefectures = made.prefectures;
  counties = made.counties;
  for (const c of Object.keys(counties)) pins[c] = g(counties[c]!, ['rev-parse', 'HEAD']).trim();
  // a county records more after its prefecture's fetch: the province must still see what the prefecture pinned
  const office = join(counties.c1!, 'ledgers/2026/office.ledger');
  writeFileSync(office, `${readFileSync(office, 'utf8')}2026-11-26 office T1.1 1h id:lvl001\n`);
  g(counties.c1!, ['commit', '-qam', 'later']);
}, 180_000);

describe('rollup over three levels', () => {
  it('fetches the prefectures and, through them, the counties at the commits the prefectures pinned', async () => {
    const f = await qd(['rollup', 'fetch'], { cwd: province, timeout: 90_000 });
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/^p1：已获取 [0-9a-f]{12}$/m);
    expect(f.stdout).toMatch(/^ {2}c1：已获取 [0-9a-f]{12}$/m);
    const lock = JSON.parse(readFileSync(join(province, 'members.lock'), 'utf8')) as { members: Array<{ id: string; members?: Array<{ id: string; commit: string }> }> };
    const nested = Object.fromEntries(lock.members.flatMap((p) => p.members ?? []).map((c) => [c.id, c.commit]));
    expect(nested).toEqual(pins);
    expect(nested.c1).not.toBe(g(counties.c1!, ['rev-parse', 'HEAD']).trim());
  }, 120_000);

  it('ranks the prefectures by their counties\' totals and drills down one level', async () => {
    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: province, timeout: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as { ranking: Ranked[]; unverified: unknown[] };
    expect(v.unverified).toEqual([]);
    expect(v.ranking.map((p) => p.id)).toEqual(['p1', 'p2']);
    for (const p of v.ranking) {
      expect(p.members!.map((c) => c.id).sort()).toEqual(p.id === 'p1' ? ['c1', 'c2', 'c3'] : ['c4', 'c5', 'c6']);
      const sum = (f: (c: Ranked) => number) => Math.round(p.members!.reduce((n, c) => n + f(c), 0) * 100) / 100;
      expect(p.score).toBeCloseTo(sum((c) => c.score), 1);
      expect(p.ytdMax).toBeCloseTo(sum((c) => c.ytdMax), 1);
    }
    // every county keeps fewer sections' records than c1, whose all are kept
    expect(v.ranking[0]!.members![0]!.id).toBe('c1');
    expect(v.ranking[1]!.members![0]!.id).toBe('c4');
    const t = await qd(['--as-of', AS_OF, 'rollup', 'annual'], { cwd: province, timeout: 90_000 });
    expect(t.stdout).toContain('下一级：p1中心支行 的成员');
    expect(t.stdout).toContain('c2县支行');
  }, 120_000);

  it("the province's annual table, as reviewed (test/fixtures/rollup-levels/expected.annual.zh.txt)", async () => {
    const t = await qd(['--as-of', AS_OF, 'rollup', 'annual'], { cwd: province, timeout: 90_000 });
    expect(t.code, t.stderr).toBe(0);
    // when the prefectures were fetched, and their commits (their members.lock holds fetch times), change from run to run
    const p = (id: string) => g(join(province, `.git/qingdan/members/${id}.git`), ['rev-parse', 'refs/qingdan/fetched']).trim().slice(0, 12);
    const shown = t.stdout
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'YYYY-MM-DDThh:mm:ssZ')
      .replaceAll(p('p1'), 'p1-commit---')
      .replaceAll(p('p2'), 'p2-commit---');
    if (UPDATE) writeFileSync(GOLDEN, shown);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(shown).toBe(readFileSync(GOLDEN, 'utf8'));
  }, 120_000);

  it('a prefecture whose committed members.lock was edited by hand does not count: its lock is checked as its own check would', async () => {
    const edited = join(tempDir('edited-lock'), 'p1');
    mkdirSync(dirname(edited), { recursive: true });
    g(dirname(edited), ['clone', '-q', prefectures.p1!, edited]);
    const file = join(edited, 'members.lock');
    const lock = JSON.parse(readFileSync(file, 'utf8')) as { members: Array<{ id: string; commit: string }> };
    lock.members[0]!.commit = 'HEAD~3';
    writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
    g(edited, ['commit', '-qam', 'pin by hand']);
    const above = makeUmbrella([{ id: 'p1', name: 'p1中心支行', url: edited }], '测试省分行', join(dirname(edited), 'province'));
    expect((await qd(['rollup', 'fetch'], { cwd: above, timeout: 90_000 })).code).toBe(0);
    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--json'], { cwd: above, timeout: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as { ranking: Ranked[]; unverified: Array<{ id: string; reason: string; detail: string }> };
    expect(v.ranking).toEqual([]);
    expect(v.unverified).toMatchObject([{ id: 'p1', reason: 'check' }]);
    expect(v.unverified[0]!.detail).toMatch(/^1: members\.lock:\d+: bad-lock$/);
  }, 120_000);
});
