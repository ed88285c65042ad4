/**
 * CSV reports end to end (main() in-process on a copy of the example), for Excel: a BOM, CRLF line
 * ends, well-formed RFC 4180, numbers as numbers, and hostile ledger notes neutralised and quoted.
 * The renderer on its own (csvField, renderCsv): test/render/csv.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/csv.js';
import { AS_OF, appendLedger, copyExample, run } from '../../support/example.js';

describe('CSV end to end', () => {
  let dir: string;
  let cleanup: () => void;
  const NOTES = {
    hyperlink: '=HYPERLINK("http://x","y")',
    arithmetic: '-1+2',
    plus: '+86 971 8822',
    at: '@SUM(A1:A9)',
    comma: '学习,讨论"两学一做"',
  };
  const ledgerNote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

  beforeAll(async () => {
    ({ dir, cleanup } = copyExample('qingdan-csv-'));
    appendLedger(dir, 'office.ledger', [
      `2026-10-27 office T1.5 ${ledgerNote(NOTES.hyperlink)} by:maxiulan id:csv001`,
      `2026-10-28 office T1.5 ${ledgerNote(NOTES.arithmetic)} by:maxiulan id:csv002`,
      `2026-10-28 office T1.5 ${ledgerNote(NOTES.plus)} by:maxiulan id:csv003`,
      `2026-10-29 office T1.5 ${ledgerNote(NOTES.at)} by:maxiulan id:csv004`,
      `2026-10-30 office T1.5 ${ledgerNote(NOTES.comma)} by:maxiulan id:csv005`,
    ]);
    // the lines are valid: check finds nothing
    const check = await run(dir, ['check', '--as-of', AS_OF, '--no-color']);
    expect(check.stdout + check.stderr).not.toContain('csv00');
    expect(check.code).toBe(0);
  });
  afterAll(() => cleanup?.());

  const csvOf = async (argv: string[]) => {
    const r = await run(dir, ['report', ...argv, '--as-of', AS_OF, '--no-color', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('the monthly report: BOM, CRLF only, well-formed RFC 4180', async () => {
    const csv = await csvOf(['monthly', '--month', '2026-10']);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(() => parseCsv(csv.slice(1))).not.toThrow();
  });

  const table = async (argv: string[]) => {
    const rows = parseCsv((await csvOf(argv)).slice(1));
    const header = rows[0]!.map((f) => f.value);
    return { header, rows: rows.slice(1), col: (name: string) => header.indexOf(name) };
  };

  it('one tidy table: a header row, then every row as wide, the first column naming the part of the report', async () => {
    for (const argv of [['monthly', '--month', '2026-10'], ['quarterly', '--quarter', '2026-Q3'], ['annual', '--year', '2026']]) {
      const t = await table(argv);
      expect(t.header[0]).toBe('表');
      for (const r of t.rows) expect(r.length, JSON.stringify(r)).toBe(t.header.length);
      expect(new Set(t.rows.map((r) => r[0]!.value)).size).toBeGreaterThan(3);
    }
  });

  it('the notes come out neutralised and quoted, in the office’s completed rows', async () => {
    const t = await table(['monthly', '--month', '2026-10', '--unit', 'office']);
    const note = t.col('备注');
    const noteOf = (date: string, fragment: string) => {
      const r = t.rows.find((x) => x[t.col('日期')]?.value === date && x[note]?.value.includes(fragment));
      expect(r, `a completed row of ${date} with ${fragment}`).toBeDefined();
      expect(r![0]!.value).toBe('本月完成');
      return r![note]!;
    };
    expect(noteOf('2026-10-27', 'HYPERLINK')).toEqual({ value: `'${NOTES.hyperlink}`, quoted: true });
    expect(noteOf('2026-10-28', '-1+2')).toEqual({ value: `'${NOTES.arithmetic}`, quoted: false });
    expect(noteOf('2026-10-28', '+86')).toEqual({ value: `'${NOTES.plus}`, quoted: false });
    expect(noteOf('2026-10-29', 'SUM')).toEqual({ value: `'${NOTES.at}`, quoted: false });
    expect(noteOf('2026-10-30', '两学一做')).toEqual({ value: NOTES.comma, quoted: true });
    // the raw bytes, as Excel reads them
    const csv = await csvOf(['monthly', '--month', '2026-10', '--unit', 'office']);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")"\r\n`);
    expect(csv).toContain(`,'-1+2\r\n`);
    // no field anywhere starts with a formula character
    for (const r of t.rows) for (const f of r) expect(f.value, JSON.stringify(r)).not.toMatch(/^[=+@\t\r]/);
  });

  it('numbers are plain numbers in columns of their own: the monthly scores and the overdue done/target', async () => {
    const t = await table(['monthly', '--month', '2026-10']);
    const json = JSON.parse((await run(dir, ['report', 'monthly', '--month', '2026-10', '--as-of', AS_OF, '--format', 'json'])).stdout);
    for (const s of json.subjects) {
      const r = t.rows.find((x) => x[0]!.value === '至今得分' && x[t.col('编号')]!.value === s.id)!;
      expect(r, s.id).toBeDefined();
      expect([r[t.col('得分')], r[t.col('应得分')], r[t.col('得分率')]].map((f) => (expect(f!.quoted).toBe(false), Number(f!.value)))).toEqual([s.score.score, s.score.ytdMax, s.score.percent]);
    }
    const overdue = t.rows.filter((x) => x[0]!.value === '逾期未完成');
    expect(overdue).toHaveLength(json.totals.overdue);
    for (const r of overdue) {
      expect(r[t.col('已完成')]!.value).toMatch(/^\d+(\.\d+)?$/);
      expect(r[t.col('目标')]!.value).toMatch(/^\d+(\.\d+)?$/);
      expect(r[t.col('截止日期')]!.value).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(r[t.col('责任人')]!.value).not.toBe('');
    }
  });

  it('annual: scores, maximums, percents and ranks are numbers, the same as in the JSON; areas keep their maximum', async () => {
    const t = await table(['annual', '--year', '2026']);
    const json = JSON.parse((await run(dir, ['report', 'annual', '--year', '2026', '--as-of', AS_OF, '--format', 'json'])).stdout);
    for (const u of json.units) {
      const r = t.rows.find((x) => x[0]!.value === '科室得分与排名' && x[t.col('编号')]!.value === u.id)!;
      const numbers = ['得分', '应得分', '满分', '得分率', '预计全年', '名次'].map((c) => {
        const f = r[t.col(c)]!;
        expect(f.quoted).toBe(false);
        expect(f.value).toMatch(/^-?\d+(\.\d+)?$/);
        return Number(f.value);
      });
      expect(numbers).toEqual([u.score, u.ytdMax, u.max, u.percent, u.projected, u.rank]);
      for (const a of u.areas) {
        const ar = t.rows.find((x) => x[0]!.value === '各方面得分' && x[t.col('编号')]!.value === u.id && x[t.col('方面')]!.value === a.id)!;
        expect([Number(ar[t.col('得分')]!.value), Number(ar[t.col('应得分')]!.value), Number(ar[t.col('满分')]!.value)]).toEqual([a.score, a.ytdMax, a.max]);
      }
    }
  });
});
