/**
 * Per-person targets inside a unit's item (issue 14, rule 6) and the organisation's and persons'
 * items counting toward a unit's score (rule 7), on test/fixtures/sheets/district: two townships,
 * their committee members (people with `unit:`), two district committee members who each
 * supervise one township. Every expected number is worked out by hand below from the fixture's
 * ledger, before the tool was run. No item has a relative deadline: `report annual --year 2026`
 * is evaluated on 2027-01-01 (docs/scoring.md §6).
 *
 * Checklist (10 points): L1 (6) — L1.1 each member ≥ 4 visits, 2 points, −0.25 per visit missing
 * (per_person, credit average); L1.2 each member 1 party lesson, 2 points, all must (credit all);
 * L1.3 the township's own report, 2 points. L2 (4) — L2.1 each committee member guides the
 * township they supervise once a half-year, 3 points, counts_toward: supervised; L2.2 the
 * district committee studies party building twice a year, 1 point, counts_toward: units.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../../support/example.js';

type Json = Record<string, any>;
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-sheet-district-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'sheets', 'district'), dir, { recursive: true });
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
const ANNUAL = ['report', 'annual', '--year', '2026', '--as-of', '2027-01-20'];

describe('district sheet: per-person targets and items counting toward townships', () => {
  const dir = copy();

  it('check is clean: lines name the persons of the townships', async () => {
    const r = await run(dir, ['check', '--as-of', '2027-01-20']);
    expect(r.stdout + r.stderr).toContain('22');
    expect(r.code).toBe(0);
  });

  it('annual 2026 by hand: 甲乡 9/10, 乙镇 3/10', async () => {
    const a = await json(dir, ANNUAL);
    expect(a.asOf).toBe('2027-01-01');
    const jia = unit(a, 'jia');
    // L1.1: 甲一 4 of 4, 甲二 2 of 4 → 2 visits missing → 2 − 0.25 × 2 = 1.5
    // L1.2: 甲一 and 甲二 both gave a lesson → 2; L1.3 done → 2. L1: 1.5 + 2 + 2 = 5.5 of 6
    expect(area(jia, 'L1')).toMatchObject({ score: 5.5, ytdMax: 6 });
    // L2.1: 周常委 (supervises 甲乡) both half-years → 3; L2.2: 1 of 2 meetings → 1 × 1/2 = 0.5.
    // L2: 3 + 0.5 = 3.5 of 4
    expect(area(jia, 'L2')).toMatchObject({ score: 3.5, ytdMax: 4 });
    expect(jia).toMatchObject({ score: 9, max: 10, ytdMax: 10, percent: 90 });

    const yi = unit(a, 'yi');
    // L1.1: 乙一 1 + 2 + 1 = 4, 乙二 4, 乙三 0 → 4 visits missing → 2 − 0.25 × 4 = 1
    // L1.2: 乙三 gave no lesson: not all → 0 (credit all); L1.3 not done → 0. L1: 1 of 6
    expect(area(yi, 'L1')).toMatchObject({ score: 1, ytdMax: 6 });
    // L2.1: 吴常委 H1 only → 3 × 1/2 = 1.5; L2.2 → 0.5. L2: 2 of 4
    expect(area(yi, 'L2')).toMatchObject({ score: 2, ytdMax: 4 });
    expect(yi).toMatchObject({ score: 3, max: 10, ytdMax: 10, percent: 30 });

    // who fell short, per missed obligation
    expect(jia.missed).toEqual([{ item: 'L1.1', title: '班子成员到联系点调研', period: '2026', due: '2026-12-31', status: 'partial', short: [{ id: 'jia2', name: '甲二', done: 2, goal: 4 }] }]);
    expect(yi.missed.map((m: Json) => [m.item, m.short?.map((s: Json) => `${s.id} ${s.done}/${s.goal}`)])).toEqual([
      ['L1.1', ['yi3 0/4']],
      ['L1.2', ['yi3 0/1']],
      ['L1.3', undefined],
    ]);

    // the committee members' and the committee's own rows are unchanged: their items are theirs
    expect(a.people.map((p: Json) => [p.id, p.score, p.ytdMax])).toEqual([
      ['zhou', 3, 3],
      ['wu', 1.5, 3],
    ]);
    expect(a.organisation).toMatchObject({ score: 0.5, ytdMax: 1 });
    // each subject's score once in the levels: supervisory 3 + 1.5 = 4.5 of 6; principal 0.5 of 1;
    // direct 甲乡 5.5 + 乙镇 1 = 6.5 of 12
    expect(a.levels.map((l: Json) => [l.level, l.score, l.ytdMax])).toEqual([
      ['principal', 0.5, 1],
      ['supervisory', 4.5, 6],
      ['direct', 6.5, 12],
    ]);
    expect(a.countedToward).toEqual([
      { item: 'L2.1', title: '联系领导到乡镇指导基层党建', from: { id: 'zhou', name: '周常委' }, units: ['jia'], score: 3, ytdMax: 3 },
      { item: 'L2.1', title: '联系领导到乡镇指导基层党建', from: { id: 'wu', name: '吴常委' }, units: ['yi'], score: 1.5, ytdMax: 3 },
      { item: 'L2.2', title: '区委专题研究基层党建', from: { id: 'org', name: '某区委' }, units: ['jia', 'yi'], score: 0.5, ytdMax: 1 },
    ]);
  });

  it('the reports say who fell short and whose items count (zh and en)', async () => {
    const q = await run(dir, ['report', 'quarterly', '--quarter', '2026-Q4', '--as-of', '2027-01-20', '--no-color']);
    expect(q.stdout).toContain('6/8（未达标：甲二 2/4）');
    expect(q.stdout).toContain('8/12（未达标：乙三 0/4）');
    const a = await run(dir, [...ANNUAL, '--no-color']);
    expect(a.stdout).toContain('L2.1 联系领导到乡镇指导基层党建：周常委的得分 3/3 计入甲乡的得分');
    expect(a.stdout).toContain('L2.2 区委专题研究基层党建：某区委的得分 0.5/1 计入甲乡、乙镇的得分');
    const en = await run(dir, [...ANNUAL, '--no-color', '--lang', 'en']);
    expect(en.stdout).toContain("L2.1 联系领导到乡镇指导基层党建: 吴常委's 1.5/3 counts in the score of 乙镇");
    const m = await run(dir, ['report', 'monthly', '--month', '2026-12', '--as-of', '2027-01-20', '--no-color', '--lang', 'en']);
    expect(m.stdout).toContain('2/3 (short: 乙三 0/1)');
  });

  it('mid-year (quarterly 2026-Q2, evaluated 2026-07-01): what is done or due so far', async () => {
    const q = await json(dir, ['report', 'quarterly', '--quarter', '2026-Q2', '--as-of', '2026-08-01']);
    expect(q.asOf).toBe('2026-07-01');
    // yearly items count once done: 甲乡's L1.2, both lessons given by 1 July → 2 of 2; 乙镇's
    // (乙三 has not) not yet. L2.1, H1 of 2 half-years done by 周常委 and by 吴常委: 3 × 1/2 = 1.5
    // of 1.5 each. 甲乡 2 + 1.5 = 3.5 of 3.5; 乙镇 1.5 of 1.5
    expect(q.units.map((u: Json) => [u.id, u.score, u.ytdMax])).toEqual([
      ['jia', 3.5, 3.5],
      ['yi', 1.5, 1.5],
    ]);
  });

  it('credit all with late lessons, a person excused, and counts_toward the listed units', async () => {
    const d = copy();
    const file = join(d, 'templates', 'checklist-2026.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('counts_toward: units ', 'counts_toward: { units: [yi] }')
      .replace('weight: 2\n        per_person: { role: member, credit: all }', 'deadline: 2026-06-30\n        weight: 2\n        per_person: { role: member, credit: all }\n        scoring: { late_credit: 0.5 }');
    writeFileSync(file, text);
    // 乙三 gives the lesson in September; 乙三 is excused from the visits
    appendFileSync(join(d, 'ledgers', '2026', 'district.ledger'), '2026-09-01 yi3 L1.2 "补讲党课" id:yl0010\n2026-12-01 yi3 L1.1 exempt "长期病休" id:yl0011\n');
    expect((await run(d, ['check', '--as-of', '2027-01-20'])).code).toBe(0);
    const a = await json(d, ANNUAL);
    // L1.2 due 30 June: 甲二 (1 July) late → everyone reached it, late → 2 × 0.5 = 1.
    // 甲乡 L1: 1.5 + 1 + 2 = 4.5
    expect(area(unit(a, 'jia'), 'L1')).toMatchObject({ score: 4.5, ytdMax: 6 });
    // 乙镇: L1.1 乙三 excused → 乙一 4 and 乙二 4 of 4 → 2; L1.2 乙二 (8 August) and 乙三
    // (1 September) late → 1; L1.3 0. L1: 3
    expect(area(unit(a, 'yi'), 'L1')).toMatchObject({ score: 3, ytdMax: 6 });
    expect(unit(a, 'yi').missed.map((m: Json) => m.item)).toEqual(['L1.3']);
    // L2.2 counts toward 乙镇 only: 甲乡's L2 is L2.1's 3 of 3, 乙镇's 1.5 + 0.5 = 2 of 4
    expect(area(unit(a, 'jia'), 'L2')).toMatchObject({ score: 3, ytdMax: 3 });
    expect(area(unit(a, 'yi'), 'L2')).toMatchObject({ score: 2, ytdMax: 4 });
  });
});

describe('misuse of the keys is a check error, at the key', () => {
  const dir = copy();
  const file = join(dir, 'templates', 'checklist-2026.yaml');
  const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  edit('per_person: { role: member }  ', 'per_person: { role: member, credit: all }');
  edit('counts_toward: units ', 'counts_toward: supervised ');
  edit('counts_toward: supervised   ', 'counts_toward: units   ');
  edit('title: 党委书记抓基层党建述职', 'title: 党委书记抓基层党建述职\n        scope: org\n        per_person: { role: chief }');

  it('credit all with per_missing, per_person on the organisation\'s item, counts_toward the wrong way round', async () => {
    const r = await run(dir, ['check', '--as-of', '2027-01-20', '--json']);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout).diagnostics as Json[]).map((d) => `${d.line} ${d.message}`);
    expect(messages).toEqual([
      '20 “areas[0].items[0].per_person.credit”：credit: all（全部达标才得分）不能与 per_missing 同时写；按每人缺少的次数扣分请用 credit: average',
      '31 “areas[0].items[2].per_person”：per_person（每人目标）只用于科室的清单项（scope 为 units 或 { units: […] }），不能与评议 rating 或加分项 bonus 同时写',
      '45 “areas[1].items[0].counts_toward”：counts_toward: supervised 或 unit 只用于个人的清单项（scope 为 { role: … } 或 { person: … }），units 或 { units: […] } 只用于党委（全行）的清单项（scope: org）',
      '53 “areas[1].items[1].counts_toward”：counts_toward: supervised 或 unit 只用于个人的清单项（scope 为 { role: … } 或 { person: … }），units 或 { units: […] } 只用于党委（全行）的清单项（scope: org）',
    ]);
  });
});

describe('a person of an unknown unit, and a line naming the unit on a per-person item', () => {
  const dir = copy();
  const org = join(dir, 'templates', 'org.yaml');
  writeFileSync(org, readFileSync(org, 'utf8').replace('unit: yi }\n  - { id: yi3', 'unit: yl }\n  - { id: yi3'));
  appendFileSync(join(dir, 'ledgers', '2026', 'district.ledger'), '2026-12-01 jia L1.1 "班子成员调研" id:bad001\n');

  it('unknown-unit at the person, subject-out-of-scope saying to name the person (zh and en)', async () => {
    const r = await run(dir, ['check', '--as-of', '2027-01-20', '--json']);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout).diagnostics as Json[]).map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(messages).toEqual([
      'ledgers/2026/district.ledger:26:12 subject-out-of-scope 清单项 L1.1 按人考核：请登记完成的人（组织架构中 unit: 为该科室、角色为 member 的人员），“jia”不是',
      'templates/org.yaml:13:61 unknown-unit 未知的科室或人员“yl”；是否想写“yi”？',
    ]);
    const en = await run(dir, ['check', '--as-of', '2027-01-20', '--lang', 'en']);
    expect(en.stdout).toContain('item L1.1 has per-person targets: record the person who did it (a person whose unit: is the unit, of role member), which "jia" is not');
  });
});
