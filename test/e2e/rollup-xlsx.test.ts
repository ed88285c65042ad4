/**
 * `qingdan rollup … --format xlsx`: the workbook of a roll-up, read back with exceljs and compared
 * with the JSON roll-up — the tidy table first, a sheet per table, numbers stored as numbers and
 * rates as percentages — and opened by LibreOffice Calc (headless), whose own copy of the workbook
 * still holds numbers where the roll-up has them. Members are fetched from paths: the git daemon
 * is rollup.test.ts's business.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, qd, tempDir } from '../support/cli.js';
import { makeMember, makeUmbrella } from '../support/rollup.js';
import { convert, readBook } from '../support/soffice.js';

const T = ExcelJS.ValueType;

interface Ranked {
  id: string;
  name: string;
  rank: number;
  grade: string;
  score: number;
  ytdMax: number;
  percent: number;
  overdue: number;
  units: number;
  period?: { rate: number };
  sections: Array<{ id: string; name: string; score: number; ytdMax: number; percent: number; grade: string; overdue: number }>;
}

let umbrella: string;
let v: { ranking: Ranked[]; unverified: Array<{ id: string; name: string; reason: string }>; provenance: Array<{ id: string; commit?: string }> };
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const base = tempDir('rollup-xlsx');
  const east = await makeMember({ dir: join(base, 'east'), org: '东区支行' });
  const west = await makeMember({ dir: join(base, 'west'), org: '西区支行', units: ['office', 'hr', 'org'] });
  umbrella = makeUmbrella([
    { id: 'east', name: '东区支行', url: east },
    { id: 'west', name: '西区支行', url: west },
    { id: 'gone', name: '失联支行', url: join(base, 'nowhere') },
  ]);
  const f = await qd(['rollup', 'fetch'], { cwd: umbrella, timeout: 60_000 });
  expect(f.code, f.stderr).toBe(1);
  const j = await qd(['--as-of', AS_OF, 'rollup', 'quarterly', '--quarter', '2026-Q3', '--json'], { cwd: umbrella, timeout: 60_000 });
  expect(j.code, j.stderr).toBe(0);
  v = JSON.parse(j.stdout);
  const r = await qd(['--as-of', AS_OF, 'rollup', 'quarterly', '--quarter', '2026-Q3', '--out', 'reports/'], { cwd: umbrella, timeout: 60_000 });
  // a folder that does not end in .xlsx: the format says so
  expect(r.code).toBe(0);
  expect(existsSync(join(umbrella, 'reports/rollup-quarterly-2026-Q3.txt'))).toBe(true);
  const x = await qd(['--as-of', AS_OF, 'rollup', 'quarterly', '--quarter', '2026-Q3', '--format', 'xlsx', '--out', 'reports/'], { cwd: umbrella, timeout: 60_000 });
  expect(x.code, x.stderr).toBe(0);
  expect(x.stdout).toBe('');
  book = await readBook(join(umbrella, 'reports/rollup-quarterly-2026-Q3.xlsx'));
}, 180_000);

describe('rollup --format xlsx', () => {
  it('the tidy table first, then a sheet per table of the roll-up, and an about sheet last', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['数据', '成员排名', '各方面对比（成员共有的方面）', '各成员科室得分', '未计入排名的成员', '数据来源', '说明']);
    const about = book.getWorksheet('说明')!;
    expect(about.getCell('A1').value).toBe('测试中心支行 2026-Q3 季度汇总');
    const lines = about.getColumn(1).values.slice(1).map(String);
    // what the tables need said is on the about sheet: the totals, the areas' names, the checklist in use
    expect(lines.some((l) => l.includes('合计：2 个成员'))).toBe(true);
    expect(lines).toContain('所用清单');
    expect(lines.some((l) => /^ {2}A1 /.test(l))).toBe(true);
  });

  it('the ranking: numbers as numbers equal to the JSON, rates as percentages', () => {
    const ws = book.getWorksheet('成员排名')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['名次', '成员', '得分', '应得分', '得分率%', '等次', '本期完成率%', '逾期', '问责（提醒/诫勉/取消评先）', '科室数']);
    expect(ws.rowCount).toBe(v.ranking.length + 1);
    v.ranking.forEach((m, i) => {
      const row = ws.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(6).value, row.getCell(8).value, row.getCell(10).value]).toEqual([
        m.rank, m.name, m.score, m.ytdMax, m.grade, m.overdue, m.units,
      ]);
      expect(row.getCell(5).value).toBeCloseTo(m.percent / 100, 10);
      expect(row.getCell(5).numFmt).toBe('0.0%');
      expect(row.getCell(7).value).toBeCloseTo(m.period!.rate / 100, 10);
      for (const c of [1, 3, 4, 5, 7, 8, 10]) expect(row.getCell(c).type, `row ${i + 2} column ${c}`).toBe(T.Number);
    });
  });

  it("the members' units: a row each, numbers equal to the JSON, the member named on its first row", () => {
    const ws = book.getWorksheet('各成员科室得分')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['成员', '科室', '得分', '应得分', '得分率%', '等次', '逾期']);
    const rows = v.ranking.flatMap((m) => m.sections.map((s, i) => ({ m, s, first: i === 0 })));
    expect(v.ranking.map((m) => m.sections.length)).toEqual([11, 11]);
    expect(ws.rowCount).toBe(1 + rows.length);
    rows.forEach(({ m, s, first }, i) => {
      const row = ws.getRow(i + 2);
      expect([row.getCell(1).value ?? '', row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(6).value, row.getCell(7).value]).toEqual([
        first ? m.name : '', s.name, s.score, s.ytdMax, s.grade, s.overdue,
      ]);
      expect(row.getCell(5).value).toBeCloseTo(s.percent / 100, 10);
    });
  });

  it('the data sheet: a row per member and per unit of it, the counted with numbers, the others with their reason', () => {
    const ws = book.getWorksheet('数据')!;
    const h = (ws.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => h.indexOf(name) + 1;
    const sections = v.ranking.reduce((n, m) => n + m.sections.length, 0);
    expect(ws.rowCount).toBe(1 + v.ranking.length + sections + v.unverified.length);
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const m = v.ranking.find((x) => x.id === row.getCell(at('id')).value);
      const unit = row.getCell(at('科室')).value;
      if (m && unit !== null) {
        const s = m.sections.find((x) => x.name === unit)!;
        expect([row.getCell(at('名次')).value, row.getCell(at('等次')).value, row.getCell(at('得分')).value, row.getCell(at('应得分')).value, row.getCell(at('逾期')).value]).toEqual([null, s.grade, s.score, s.ytdMax, s.overdue]);
        expect(row.getCell(at('得分率%')).value).toBeCloseTo(s.percent / 100, 10);
      } else if (m) {
        expect([row.getCell(at('名次')).value, row.getCell(at('得分')).value, row.getCell(at('应得分')).value, row.getCell(at('逾期')).value]).toEqual([m.rank, m.score, m.ytdMax, m.overdue]);
        expect(row.getCell(at('得分率%')).value).toBeCloseTo(m.percent / 100, 10);
        expect(row.getCell(at('提交')).value).toBe(v.provenance.find((p) => p.id === m.id)!.commit);
      } else {
        expect(row.getCell(at('id')).value).toBe('gone');
        expect(row.getCell(at('原因')).value).toBe('从未获取');
        expect(row.getCell(at('名次')).value).toBeNull();
      }
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('LibreOffice Calc opens it, and its own copy keeps the numbers numbers', async () => {
    const out = join(tempDir('rollup-xlsx-lo'), 'lo');
    mkdirSync(out, { recursive: true });
    const copy = await readBook(convert(join(umbrella, 'reports/rollup-quarterly-2026-Q3.xlsx'), 'xlsx', out));
    expect(copy.worksheets.map((w) => w.name)).toEqual(book.worksheets.map((w) => w.name));
    const ws = copy.getWorksheet('成员排名')!;
    v.ranking.forEach((m, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(2).value).toBe(m.name);
      for (const c of [1, 3, 4, 5, 8]) expect(row.getCell(c).type, `column ${c}`).toBe(T.Number);
      expect(row.getCell(3).value).toBe(m.score);
      expect(row.getCell(5).value as number).toBeCloseTo(m.percent / 100, 10);
    });
  }, 300_000);

  it('without --out it is a usage error, before anything is evaluated; .xlsx in --out chooses it', async () => {
    const r = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--format', 'xlsx'], { cwd: umbrella });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out');
    const e = await qd(['--as-of', AS_OF, 'rollup', 'annual', '--out', 'year.xlsx'], { cwd: umbrella, timeout: 60_000 });
    expect(e.code, e.stderr).toBe(0);
    const wb = await readBook(join(umbrella, 'year.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('数据');
  }, 120_000);
});
