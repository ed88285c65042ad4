/**
 * Rules of real assessment sheets that a template expresses (issue 14), on two small fixtures
 * modelled on public sheets (test/fixtures/sheets/county, test/fixtures/sheets/jingmen; the
 * sources are named in their checklists). Every expected number is worked out by hand below,
 * from the fixture's ledger, before the tool was run. Both years are closed: `report annual
 * --year 2026` is evaluated on 2027-01-01 (no item has a relative deadline, docs/scoring.md §6).
 *
 * Rules: per_missing (1), penalty-only conditions (3), bonus points capped per area and unit (4),
 * an area floor (5), duties due only in some years (8), a section's points partly assessed
 * elsewhere (9); each misuse is a `check` error (last block).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../../support/example.js';

type Json = Record<string, any>;
const FIXTURES = join(ROOT, 'test', 'fixtures', 'sheets');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of a fixture outside git (the footer then says "not in git"). */
function copy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `qingdan-sheet-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  temps.push(dir);
  return dir;
}

async function json(dir: string, argv: string[]): Promise<Json> {
  const r = await run(dir, [...argv, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const unit = (r: Json, id: string) => r.units.find((u: Json) => u.id === id);
const area = (u: Json, id: string) => u.areas.find((a: Json) => a.id === id);

describe('county sheet: 落实基层党建工作责任制 (34 points, 31 assessed elsewhere, 扣完为止)', () => {
  const dir = copy('county');

  it('check is clean: 3 weighted points + 31 elsewhere = the area\'s 34 = the total', async () => {
    const r = await run(dir, ['check', '--as-of', '2027-01-20']);
    expect(r.code).toBe(0);
  });

  it('annual 2026 by hand: 甲乡 3/3, 乙镇 0.5/3, 丙乡 0/3 (floor)', async () => {
    const a = await json(dir, ['report', 'annual', '--year', '2026', '--as-of', '2027-01-20']);
    expect(a.asOf).toBe('2027-01-01');
    // 甲乡: Z1.1 4 of 4 meetings → 2 − 0.5 × 0 = 2; group and plan done → 0 and 0; Z1.4 both
    // half-years → 1. 2 + 0 + 0 + 1 = 3 of 3 (the 31 points elsewhere are in no maximum)
    expect(unit(a, 'jia')).toMatchObject({ score: 3, max: 3, ytdMax: 3, percent: 100 });
    // 乙镇: Z1.1 2 of 4 → 2 − 0.5 × (4 − 2) = 1 (per_missing: 0.5 per meeting missing; the old
    // per_miss: 0.5 would have charged the period's missing share, 2 − 0.5 × 0.5 = 1.75);
    // Z1.2 no leading group → −1; Z1.3 plan done → 0; Z1.4 H2 missed → 1 − 0.5 = 0.5.
    // 1 − 1 + 0 + 0.5 = 0.5 of 3 → 16.7 %
    expect(unit(a, 'yi')).toMatchObject({ score: 0.5, max: 3, ytdMax: 3, percent: 16.7 });
    // 丙乡: Z1.1 0 of 4 → 2 − 0.5 × 4 = 0; Z1.2 −1; Z1.3 −0.5; Z1.4 both missed → 1 − 0.5 × 2 = 0.
    // 0 − 1 − 0.5 + 0 = −1.5, but the area stops at its floor: 0 of 3
    expect(unit(a, 'bing')).toMatchObject({ score: 0, max: 3, ytdMax: 3, percent: 0 });
    // the penalty-only conditions raise no maximum: 3 = Z1.1's 2 + Z1.4's 1
    expect(area(unit(a, 'bing'), 'Z1')).toMatchObject({ score: 0, max: 3 });
    // and a missed condition is a miss like any other
    expect(unit(a, 'bing').missed.map((m: Json) => m.item)).toEqual(['Z1.1', 'Z1.2', 'Z1.3', 'Z1.4', 'Z1.4']);
    expect(a.areaRules).toEqual([{ id: 'Z1', points: 34, elsewhere: 31, floor: 0 }]);
  });

  it('the area note is shown beside the area (zh and en)', async () => {
    const zh = await run(dir, ['report', 'annual', '--year', '2026', '--as-of', '2027-01-20', '--no-color']);
    expect(zh.stdout).toContain('Z1 落实基层党建工作责任制（满分 34 分，其中 31 分在清单外评定，不计入应得分；最低 0 分（扣完为止））');
    const en = await run(dir, ['report', 'annual', '--year', '2026', '--as-of', '2027-01-20', '--no-color', '--lang', 'en']);
    expect(en.stdout).toContain('34 points, of which 31 are assessed outside qingdan and in no maximum here; never below 0');
  });

  it('mid-year, quarterly 2026-Q2 (evaluated 2026-07-01): the conditions due in Q1 already count', async () => {
    const q = await json(dir, ['report', 'quarterly', '--quarter', '2026-Q2', '--as-of', '2026-08-01']);
    expect(q.asOf).toBe('2026-07-01');
    // 乙镇: Z1.1 is yearly and not yet due (0 of 0); Z1.2 −1; Z1.4 H1 done 1 of 1 → 1 − 1 = 0 of 1
    expect(q.units.find((u: Json) => u.id === 'yi')).toMatchObject({ score: 0, ytdMax: 1 });
    // 丙乡: Z1.2 −1, Z1.3 −0.5, Z1.4 H1 missed 1 − 0.5 = 0.5 → −1 → floor 0, of 1
    expect(q.units.find((u: Json) => u.id === 'bing')).toMatchObject({ score: 0, ytdMax: 1 });
    expect(q.units.find((u: Json) => u.id === 'jia')).toMatchObject({ score: 1, ytdMax: 1, percent: 100 });
  });
});

describe('jingmen sheet: learning (10, 6 elsewhere, bonus ≤ 1), organisation (15, 11 elsewhere, floor 0), bonus area (≤ 3); ≤ 3 bonus per unit', () => {
  const dir = copy('jingmen');

  it('annual 2026 by hand: 财政局 11/8, 教育局 3/8, 卫健委 8/8', async () => {
    const a = await json(dir, ['report', 'annual', '--year', '2026', '--as-of', '2027-01-20']);
    const cz = unit(a, 'caizheng');
    // J1: plan 1 + 12 months of study 3 − 0 = 4, plus 3 articles × 0.5 = 1.5 bonus capped at the
    // area's 1 → 5 of 4
    expect(area(cz, 'J1')).toMatchObject({ score: 5, ytdMax: 4, bonus: 1 });
    // J2: re-elected in 2026 (every 5 years from 2021) → 0; 三会一课 4 of 4 → 4; of 4
    expect(area(cz, 'J2')).toMatchObject({ score: 4, ytdMax: 4 });
    // J3: 2 city awards × 1 + 1 provincial × 2 = 4, capped at the area's 3
    expect(area(cz, 'J3')).toMatchObject({ score: 3, ytdMax: 0, bonus: 3 });
    // unit: 5 + 4 + 3 = 12, but bonus 1 + 3 = 4 is over the checklist's 3: 12 − 1 = 11 of 8
    expect(cz).toMatchObject({ score: 11, max: 8, ytdMax: 8, percent: 137.5, bonus: 3 });

    const jy = unit(a, 'jiaoyu');
    // J1: no plan 0; 10 of 12 months → 3 − 0.5 × 2 = 2; no articles → 2 of 4
    expect(area(jy, 'J1')).toMatchObject({ score: 2, ytdMax: 4 });
    // J2: not re-elected → −3; 三会一课 2 of 4 → 4 − 1 × 2 = 2; 2 − 3 = −1 → floor 0 of 4
    expect(area(jy, 'J2')).toMatchObject({ score: 0, ytdMax: 4 });
    // J3: 1 city award → 1; unit 2 + 0 + 1 = 3 of 8 → 37.5 %
    expect(jy).toMatchObject({ score: 3, ytdMax: 8, percent: 37.5, bonus: 1 });
    // J2.2 (branches re-elected every 3 years from 2024) is not due in 2026: never missed
    expect(jy.missed.map((m: Json) => m.item)).toEqual(['J1.1', 'J1.2', 'J1.2', 'J2.1', 'J2.3', 'J2.3']);

    // 卫健委: 1 + 3 + 0 + 4 = 8 of 8, no bonus
    expect(unit(a, 'weijian')).toMatchObject({ score: 8, ytdMax: 8, percent: 100 });
    expect(unit(a, 'weijian').bonus).toBeUndefined();
    expect(a.bonusCap).toBe(3);
  });

  it('bonus items are never owed: not in due, not in the trend, not in coverage', async () => {
    const due = await run(dir, ['due', '--as-of', '2026-12-25', '--within', '30', '--json']);
    expect(due.stdout).not.toMatch(/"J1\.3"|"J3\.[12]"|"J2\.2"/);
    expect(due.stdout).toMatch(/"J2\.1"/);
    const a = await json(dir, ['report', 'annual', '--year', '2026', '--as-of', '2027-01-20']);
    expect(a.coverage.map((c: Json) => c.item)).toEqual(['J1.1', 'J1.2', 'J2.1', 'J2.3']);
    // December: J1.2 × 3 (2 met, 教育局 missed) + J2.1 × 3 (2 met) + J2.3 Q4 × 3 (2 met): 6 of 9
    expect(a.trend.at(-1)).toEqual({ month: '2026-12', due: 9, met: 6, rate: 66.7 });
  });

  it('in 2027 the 5-yearly re-election is not due; the 3-yearly one is', async () => {
    const text = readFileSync(join(dir, 'templates', 'checklist-2026.yaml'), 'utf8').replace('year: 2026', 'year: 2027').replace('（节选）', '（节选，2027）');
    writeFileSync(join(dir, 'templates', 'checklist-2027.yaml'), text);
    writeFileSync(join(dir, 'qingdan.yaml'), readFileSync(join(dir, 'qingdan.yaml'), 'utf8').replace('year: 2026', 'year: 2027'));
    const due = await run(dir, ['due', '--as-of', '2027-12-20', '--within', '30', '--json']);
    expect(due.stdout).toMatch(/"J2\.2"/);
    expect(due.stdout).not.toMatch(/"J2\.1"/);
  });
});

describe('misuse of the new keys is a check error, at the key', () => {
  const dir = copy('county');
  const file = join(dir, 'templates', 'checklist-2026.yaml');
  const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  edit('scoring: { rule: deduct, per_missing: 0.5 }', 'scoring: { per_missing: 0.5 }');
  edit('penalty: 1            # 未成立扣1分；本身不计分', 'penalty: 1\n        weight: 1');
  edit('floor: 0              # 本节扣完为止', 'floor: 0\n    bonus_cap: -1');
  edit('penalty: 0.5          # 未制定扣0.5分', 'penalty: 0.5\n        years: { every: 1, from: 2020 }\n        scoring: all-or-nothing');
  edit('scoring: { rule: deduct, per_miss: 0.5 }      # 少开展1次扣0.5分', 'scoring: { rule: deduct, per_missing: 0.5 }');

  it('six errors: bonus_cap below zero, per_missing without deduct, weight and penalty, every 1 year, scoring on a penalty, per_missing on a done target', async () => {
    const r = await run(dir, ['check', '--as-of', '2027-01-20', '--json']);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout).diagnostics as Json[]).map((d) => `${d.line} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^17 “areas\[0\]\.bonus_cap”：数值过小/),
      '25 “areas[0].items[0].scoring.per_missing”：per_missing（每少一次扣多少分）只用于扣分规则 rule: deduct，且不能与 per_miss 同时写',
      '32 “areas[0].items[1].weight”：每个清单项须有且只有 weight（分值）、penalty（只扣分的条件）、bonus（加分项）之一',
      expect.stringMatching(/^39 “areas\[0\]\.items\[2\]\.years\.every”：数值过小/),
      '40 “areas[0].items[2].scoring”：只扣分的条件（penalty）和加分项（bonus）没有分值，不能写 scoring',
      '46 “areas[0].items[3].scoring.per_missing”：per_missing 按目标的次数（count）或数量（sum）计算缺少多少，目标须有 count 或 sum',
    ]);
  });
});
