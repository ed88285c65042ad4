/**
 * The CSV renderer (src/render/csv.ts), for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180
 * quoting, numbers as numbers, and text that Excel would run as a formula neutralised with a
 * leading apostrophe — csvField and renderCsv on their own. End to end, with hostile ledger notes
 * in a copy of the example: test/e2e/reports/csv.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../src/render/csv.js';
import type { Doc } from '../../src/render/doc.js';
import { cell } from '../../src/render/doc.js';
import { parseCsv } from '../support/csv.js';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('办公室')).toBe('办公室');
    expect(csvField('2026-10-09')).toBe('2026-10-09');
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

  it('renderCsv: BOM, CRLF after every record, one record per table row', () => {
    const doc: Doc = {
      title: 'T',
      subtitle: 'S, with a comma',
      lang: 'zh',
      footer: ['F'],
      sections: [
        { heading: 'H', level: 2, text: ['=danger'], table: { columns: [{ label: 'a' }, { label: 'b', align: 'right' }], rows: [[cell('x"y'), cell(-4)]] } },
        { heading: 'C', level: 2, chart: { kind: 'bars', unit: '%', items: [{ label: '+u', value: 50, max: 100 }] } },
        { heading: 'R', level: 2, chart: { kind: 'trend', points: [{ label: '1月', value: 91.2 }] } },
      ],
    };
    const csv = renderCsv(doc);
    expect(csv.startsWith('\uFEFFT\r\n')).toBe(true);
    expect(csv.endsWith('F\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parseCsv(csv.slice(1)).map((r) => r.map((f) => f.value))).toEqual([
      ['T'],
      ['S, with a comma'],
      [''],
      ['H'],
      ["'=danger"],
      ['a', 'b'],
      ['x"y', '-4'],
      [''],
      ['C'],
      ["'+u", '50'],
      [''],
      ['R'],
      ['1月', '91.2'],
      [''],
      ['F'],
    ]);
  });
});
