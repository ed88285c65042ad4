/**
 * The CSV and the workbook as a spreadsheet opens them. LibreOffice Calc (Debian's
 * libreoffice-calc-nogui, headless; .ci/run installs it) imports each report's CSV with the CSV
 * filter's special-number detection on, as Excel and WPS read a CSV, and converts it to xlsx; the
 * cell types read back say that no text became a date or a number it was not. `--format xlsx` is
 * read back with exceljs and compared with the JSON report, and LibreOffice opens it.
 *
 * soffice is required: without it these tests fail with a message saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AS_OF, ROOT, copyExample, run } from '../../support/example.js';
import { convert, readBook } from '../../support/soffice.js';

const KINDS = { monthly: ['--month', '2026-10'], quarterly: ['--quarter', '2026-Q3'], annual: ['--year', '2026'] } as const;
type Kind = keyof typeof KINDS;
// exceljs's cell types
const T = ExcelJS.ValueType;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = copyExample('qingdan-sheet-')));
afterAll(() => cleanup?.());

const json = async (kind: Kind) => JSON.parse((await run(dir, ['report', kind, ...KINDS[kind], '--as-of', AS_OF, '--format', 'json'])).stdout);

describe('the CSV in LibreOffice Calc, special numbers detected (as Excel and WPS read it)', () => {
  // 44 comma, 34 double quote, 76 UTF-8, from line 1, default column types, en-US, quoted fields
  // not forced to text, special numbers (dates, times, scientific notation) detected
  const FILTER = 'CSV:44,34,76,1,,1033,false,true';

  it('no text becomes a date or a number: numbers in number columns, dates in date columns, text stays text', async () => {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const r = await run(dir, ['report', kind, ...KINDS[kind], '--as-of', AS_OF, '--out', `${kind}.csv`]);
      expect(r.code).toBe(0);
      const wb = await readBook(convert(join(dir, `${kind}.csv`), 'xlsx', join(dir, `lo-${kind}`), FILTER));
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const numeric = new Set(['年度', '已完成', '目标', '应达', '得分', '应得分', '满分', '得分率', '预计全年', '名次']);
      const dates = new Set(['日期', '截止日期']);
      let numbers = 0;
      let dated = 0;
      const wrong: string[] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        row.eachCell((c, col) => {
          const h = header[col - 1]!;
          const ok = numeric.has(h) ? c.type === T.Number : dates.has(h) ? c.type === T.Date : [T.String, T.SharedString, T.RichText].includes(c.type);
          if (!ok) wrong.push(`${kind} row ${n} ${h}: ${String(c.value)} (type ${c.type})`);
          if (c.type === T.Number) numbers++;
          if (c.type === T.Date) dated++;
        });
      });
      expect(wrong).toEqual([]);
      expect(numbers, kind).toBeGreaterThan(50);
      if (kind !== 'annual') expect(dated, kind).toBeGreaterThan(10);
    }
  }, 600_000);

  it("the check is not vacuous: LibreOffice does turn 10/10 and 4/5 into dates and 1e5 into a number, not '4/5", async () => {
    const file = join(dir, 'lookalikes.csv');
    writeFileSync(file, "\uFEFFa,b,c,d\r\n10/10,4/5,1e5,'4/5\r\n");
    const wb = await readBook(convert(file, 'xlsx', join(dir, 'lo-lookalikes'), FILTER));
    const row = wb.worksheets[0]!.getRow(2);
    expect([1, 2, 3, 4].map((i) => row.getCell(i).type)).toEqual([T.Date, T.Date, T.Number, T.String]);
  }, 300_000);
});

describe('--format xlsx', () => {
  const book = new Map<Kind, ExcelJS.Workbook>();
  const workbook = async (kind: Kind) => {
    let wb = book.get(kind);
    if (!wb) {
      const r = await run(dir, ['report', kind, ...KINDS[kind], '--as-of', AS_OF, '--out', `${kind}.xlsx`]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      book.set(kind, (wb = await readBook(join(dir, `${kind}.xlsx`))));
    }
    return wb;
  };

  it('one sheet per table of the report, after the tidy data sheet, and an about sheet last', async () => {
    const wb = await workbook('annual');
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('数据');
    expect(names.at(-1)).toBe('说明');
    expect(names).toEqual(['数据', '科室得分与排名', '各方面得分', '监督员分管科室得分', '各责任层级得分', '党委及个人清单项', '清单项完成率', '责任追究（6）', '说明']);
    expect(wb.getWorksheet('说明')!.getCell('A1').value).toBe('一年一总结 · 2026年度党建责任清单考核');
  });

  it('annual: Chinese headers, numbers as numbers equal to the JSON, percentages formatted as such', async () => {
    const wb = await workbook('annual');
    const v = await json('annual');
    const ws = wb.getWorksheet('科室得分与排名')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(['名次', '科室', '科长（辅导员）', '监督员', '得分', '应得分', '得分率', '预计全年', '满分']);
    for (let r = 2; r <= v.units.length + 1; r++) {
      const row = ws.getRow(r);
      const u = v.units.find((x: { name: string }) => x.name === row.getCell(2).value)!;
      expect([row.getCell(1).value, row.getCell(5).value, row.getCell(6).value, row.getCell(8).value, row.getCell(9).value]).toEqual([u.rank, u.score, u.ytdMax, u.projected, u.max]);
      expect(row.getCell(7).value).toBeCloseTo(u.percent / 100, 10);
      expect(row.getCell(7).numFmt).toBe('0.0%');
    }
    // the data sheet: the same numbers, a row per unit
    const data = wb.getWorksheet('数据')!;
    const dh = (data.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => dh.indexOf(name) + 1;
    let seen = 0;
    data.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value !== '科室得分与排名') return;
      const u = v.units.find((x: { id: string }) => x.id === row.getCell(at('编号')).value)!;
      expect([row.getCell(at('得分')).value, row.getCell(at('满分')).value, row.getCell(at('名次')).value]).toEqual([u.score, u.max, u.rank]);
      expect(row.getCell(at('得分率')).value).toBeCloseTo(u.percent / 100, 10);
      seen++;
    });
    expect(seen).toBe(v.units.length);
  });

  it('quarterly: the register sheets and the data rows carry done and target as numbers, as the JSON', async () => {
    const wb = await workbook('quarterly');
    const v = await json('quarterly');
    const data = wb.getWorksheet('数据')!;
    const dh = (data.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => dh.indexOf(name) + 1;
    let cells = 0;
    data.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).value !== '完成进度登记簿') return;
      const area = v.areas.find((a: { id: string }) => a.id === row.getCell(at('方面')).value)!;
      const item = area.items.find((i: { id: string }) => i.id === row.getCell(at('清单项')).value)!;
      const c = item.cells[row.getCell(at('编号')).value as string];
      expect([row.getCell(at('已完成')).value, row.getCell(at('目标')).value]).toEqual([c.done ?? c.met, c.goal ?? c.of]);
      cells++;
    });
    expect(cells).toBe(v.areas.reduce((n: number, a: { items: { cells: object }[] }) => n + a.items.reduce((m, i) => m + Object.keys(i.cells).length, 0), 0));
    expect(wb.worksheets.map((w) => w.name)).toContain('A1 加强政治理论学习，增强“四个自信”'.slice(0, 28));
  });

  it('frozen header rows, CJK-wide columns, A4 landscape one page wide with the header on every page', async () => {
    const wb = await workbook('monthly');
    for (const ws of wb.worksheets.slice(0, -1)) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
    }
    const data = wb.getWorksheet('数据')!;
    const dh = (data.getRow(1).values as unknown[]).slice(1);
    const title = dh.indexOf('任务') + 1;
    // the longest task title, 两 columns a character, fits its column
    let longest = 0;
    data.getColumn(title).eachCell((c) => (longest = Math.max(longest, [...String(c.value)].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0))));
    expect(data.getColumn(title).width).toBeGreaterThanOrEqual(longest);
    expect(longest).toBeGreaterThan(20);
  });

  it('without --out it is a usage error (a workbook is not for the terminal); LibreOffice opens what it writes', async () => {
    const r = await run(dir, ['report', 'monthly', ...KINDS.monthly, '--as-of', AS_OF, '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out');
    await workbook('monthly');
    const csv = readFileSync(convert(join(dir, 'monthly.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76', join(dir, 'lo-xlsx')), 'utf8');
    expect(csv).toContain('调查统计科');
    expect(csv.split('\n').length).toBeGreaterThan(50);
  }, 300_000);

  it('exceljs is loaded only for xlsx: the bundle keeps it in a file of its own (npm run build first)', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'lib', 'qingdan.cjs'), 'utf8');
    expect(bundle).toContain('exceljs.cjs');
    expect(bundle).not.toContain('xl/workbook.xml');
    expect(readFileSync(join(ROOT, 'dist', 'lib', 'exceljs.cjs'), 'utf8')).toContain('xl/workbook.xml');
  });
});
