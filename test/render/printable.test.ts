/**
 * `printable` (src/render/width.ts) is the one function every terminal renderer passes text it
 * did not write itself through: control characters, bidirectional controls and invisible
 * characters (src/core/characters.ts) are shown as `\u{1b}`, never written as they are.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { DueReport } from '../../src/core/reports/due.js';
import { catalogue } from '../../src/i18n/index.js';
import { excerpt, renderDiagnosticsText } from '../../src/render/diagnostics.js';
import type { Doc } from '../../src/render/doc.js';
import { renderDueText } from '../../src/render/due-text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { printable, width } from '../../src/render/width.js';
import { table as listTable } from '../../src/commands/list.js';

// every character of the rule, as it must never reach a terminal
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const OSC = '\u001b]0;pwned\u0007';
const plain = new Chalk({ level: 0 });

describe('printable', () => {
  it('shows ESC, BEL, DEL, C1, bidi and zero-width characters by their code point', () => {
    expect(printable(`学习${OSC}`)).toBe('学习\\u{1b}]0;pwned\\u{7}');
    expect(printable('a\u007fb\u009bc\u202ed\u2067e\u200ef\u200bg\ufeffh\u2060i\u00adj')).toBe(
      'a\\u{7f}b\\u{9b}c\\u{202e}d\\u{2067}e\\u{200e}f\\u{200b}g\\u{feff}h\\u{2060}i\\u{ad}j',
    );
    expect(printable('a\nb\rc')).toBe('a\\u{a}b\\u{d}c');
  });

  it('leaves tabs and ordinary text (CJK, punctuation, emoji-free reports) as they are, the same string', () => {
    const s = '办公室\t二十大精神专题学习 · 3.5h “笔记”';
    expect(printable(s)).toBe(s);
  });

  it('never leaves a raw character of the rule, whatever the text', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      expect(RAW.test(printable(`x${String.fromCharCode(c)}y`)), `U+${c.toString(16)}`).toBe(false);
    }
  });
});

describe('every terminal renderer shows them escaped', () => {
  it('the caret of a diagnostic stays under the token when an escaped character before it widens the line', () => {
    const source = `2026-03-15 u1\u202e T1 id:a1`;
    const { line, caret } = excerpt(source, 22, 2); // the id value `a1`
    expect(line).toBe('2026-03-15 u1\\u{202e} T1 id:a1');
    expect(caret).toBe(' '.repeat(width('2026-03-15 u1\\u{202e} T1 id:')) + '^^');
  });

  it('diagnostics: the file name, the message and the excerpt', () => {
    const text = renderDiagnosticsText(
      [{ file: `ledgers/of${OSC}.ledger`, line: 1, column: 1, length: 4, severity: 'error', code: 'unknown-unit', params: { name: `o\u202eff`, suggestion: '' }, source: `2026 o\u202eff${OSC}` }],
      { files: 1, entries: 1, items: 1, units: 1 },
      catalogue('en'),
      plain,
    ).replace(/\n/g, '');
    expect(text).not.toMatch(RAW);
    expect(text).toContain('ledgers/of\\u{1b}]0;pwned\\u{7}.ledger:1:1:');
    expect(text).toContain('"o\\u{202e}ff"');
  });

  it('the report table: title, subtitle, headings, column labels, cells, chart labels and footer', () => {
    const doc: Doc = {
      title: `报表${OSC}`,
      subtitle: `测试\u202e支行`,
      lang: 'zh',
      footer: [`ledgers ${OSC}`],
      sections: [
        {
          heading: `办公室\u202e`,
          level: 2,
          text: [`备注${OSC}`],
          table: { columns: [{ label: `清单项${OSC}` }, { label: '状态' }], rows: [[{ text: `学习${OSC}` }, { text: `\u2066已完成\u2069` }]] },
        },
        { heading: '趋势', level: 3, chart: { kind: 'bars', unit: '分', items: [{ label: `一科${OSC}`, value: 3, max: 10 }] } },
        { heading: '月度', level: 3, chart: { kind: 'trend', points: [{ label: `1月\u200b`, value: 50 }] } },
        { heading: '空', level: 3, empty: `无${OSC}`, table: { columns: [{ label: 'x' }], rows: [] } },
      ],
    };
    for (const columns of [Infinity, 40]) {
      const text = renderTable(doc, plain, columns).replace(/\n/g, '');
      expect(text).not.toMatch(RAW);
      expect(text).toContain('\\u{1b}]0;pwned\\u{7}');
      expect(text).toContain('\\u{202e}');
    }
  });

  it('Markdown printed to a terminal', () => {
    const doc: Doc = { title: `报表${OSC}`, subtitle: '\u202e', lang: 'zh', footer: [], sections: [{ heading: 'h', level: 2, table: { columns: [{ label: 'a' }], rows: [[{ text: `x\u202ey${OSC}` }]] } }] };
    expect(renderMarkdown(doc).replace(/\n/g, '')).not.toMatch(RAW);
  });

  it('due: titles, unit and person names', () => {
    const row = { subject: 'u1', subjectName: `一科\u202e`, item: 'T1', title: `学习${OSC}`, period: '2026-11', due: '2026-11-30', daysLeft: -1, status: 'overdue' as const, done: 0, goal: 1, responsible: ['ch1'] };
    const r: DueReport = { asOf: '2026-12-01', within: 14, overdue: 1, dueSoon: 0, rows: [row], groups: [{ person: { id: 'ch1', name: `科长\u2067一`, title: `科长${OSC}` }, rows: [row] }] };
    const text = renderDueText(r, catalogue('zh'), plain, 120).replace(/\n/g, '');
    expect(text).not.toMatch(RAW);
    expect(text).toContain('科长\\u{2067}一');
  });

  it('list: the ids, names and titles of the templates', () => {
    const text = listTable(['id', 'name'], [['u1', `一科${OSC}`], ['u2', `二科\u202e`]], 80).replace(/\n/g, '');
    expect(text).not.toMatch(RAW);
  });
});
