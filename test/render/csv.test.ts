/**
 * The CSV renderer (src/render/csv.ts), for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180
 * quoting, numbers as numbers, and text that Excel would run as a formula neutralised with a
 * leading apostrophe — csvField and renderCsv on their own. End to end, with hostile ledger notes
 * in a copy of the example: test/e2e/reports/csv.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../src/render/csv.js';
import { cell } from '../../src/render/doc.js';
import { parseCsv } from '../support/csv.js';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('办公室')).toBe('办公室');
    // a date is a date only in a date column (renderCsv); as free text it stays text
    expect(csvField('2026-10-09')).toBe("'2026-10-09");
    expect(csvField('T1.5')).toBe('T1.5');
    expect(csvField('')).toBe('');
    expect(csvField(cell('✓ 3/3'))).toBe('✓ 3/3');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('学习,讨论“两学一做”')).toBe('"学习,讨论“两学一做”"');
    // full-width commas and curly quotes are not CSV syntax
    expect(csvField('学习，讨论')).toBe('学习，讨论');
  });

  it('writes numbers as numbers: unquoted, no apostrophe, negative ones included', () => {
    expect(csvField(cell(3))).toBe('3');
    expect(csvField(cell(93.8))).toBe('93.8');
    expect(csvField(cell(0))).toBe('0');
    expect(csvField(cell(-1.5))).toBe('-1.5');
    expect(csvField({ text: '-2', value: -2 })).toBe('-2');
    // the number behind a text wins; the text is for display
    expect(csvField({ text: '13.17/13.67', value: 13.17 })).toBe('13.17');
    // a value that is not a finite number falls back to the text
    expect(csvField({ text: 'n/a', value: Number.NaN })).toBe('n/a');
    expect(csvField({ text: '∞', value: Number.POSITIVE_INFINITY })).toBe('∞');
  });

  it('neutralises text that Excel would run as a formula: = + - @ tab CR', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // a text cell is text even when it looks like a number
    expect(csvField(cell('-3'))).toBe("'-3");
    // not at the start: harmless
    expect(csvField('1+1=2')).toBe('1+1=2');
    expect(csvField('a-b')).toBe('a-b');
  });

  it('neutralises text a spreadsheet would read as a number, a date or a truth value', () => {
    for (const t of ['4/5', '10/10', '2026-11', '2026', '1e5', '3.5', '12:30', '50%', '(3)', '$5', 'TRUE', 'false']) expect(csvField(t), t).toBe(`'${t}`);
    for (const t of ['T1.5', '10月', '第3季度', 'Q3', 'H1', '全年', '✓ 3/3', '3.5学时', 'e']) expect(csvField(t), t).toBe(t);
  });

  it('renderCsv: BOM, a header, CRLF after every record; numbers plain, ISO dates left to be dates, text neutralised', () => {
    const csv = renderCsv({
      name: 'T',
      columns: [
        { key: 'a', label: '表', kind: 'text' },
        { key: 'b', label: '得分', kind: 'number' },
        { key: 'c', label: '截止日期', kind: 'date' },
        { key: 'd', label: '备注', kind: 'text' },
      ],
      rows: [
        ['x"y', -4, '2026-10-15', '=danger'],
        ['4/5', 93.8, undefined, '学习,讨论'],
      ],
    });
    expect(csv.startsWith('\uFEFF表,得分,截止日期,备注\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parseCsv(csv.slice(1)).map((r) => r.map((f) => f.value))).toEqual([
      ['表', '得分', '截止日期', '备注'],
      ['x"y', '-4', '2026-10-15', "'=danger"],
      ["'4/5", '93.8', '', '学习,讨论'],
    ]);
  });
});
