/** Small pure pieces of the recording commands: the init template for a year, choices, quantities. */
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../src/commands/init.js';
import { search, type Choice } from '../../src/prompt/choose.js';
import { parseQty } from '../../src/recording/lookup.js';
import { ledgerFileFor } from '../../src/recording/record-entry.js';
import type { Subject } from '../../src/core/catalog.js';

describe('templateFiles', () => {
  const embedded = {
    'qingdan.yaml': '# 对应 templates/checklist-2024.yaml\nyear: 2024\n',
    'templates/org.yaml': 'name: x  # 12024 stays\n',
    'templates/checklist-2024.yaml': 'year: 2024\ntitle: 清单（2024年）\nitems:\n  - deadline: 2024-02-29\n  - deadline: 2024-12-31\n  - weight: 20245\n',
  };

  it('rewrites the year of the checklist and the settings, and names the file for it', () => {
    const files = templateFiles(embedded, 2027);
    expect([...files.keys()]).toEqual([
      'qingdan.yaml',
      'templates/org.yaml',
      'templates/checklist-2027.yaml',
      'ledgers/2027/.gitkeep',
      'reports/.gitkeep',
      '.githooks/pre-commit',
    ]);
    expect(files.get('templates/checklist-2027.yaml')).toBe(
      'year: 2027\ntitle: 清单（2027年）\nitems:\n  - deadline: 2027-02-28\n  - deadline: 2027-12-31\n  - weight: 20245\n',
    );
    expect(files.get('qingdan.yaml')).toBe('# 对应 templates/checklist-2027.yaml\nyear: 2027\n');
    expect(files.get('templates/org.yaml')).toBe(embedded['templates/org.yaml']);
  });

  it('keeps 29 February in a leap year', () => {
    expect(templateFiles(embedded, 2028).get('templates/checklist-2028.yaml')).toContain('2028-02-29');
  });
});

describe('record helpers', () => {
  const choices: Choice<string>[] = [
    { value: 'office', label: 'office 办公室', keys: ['office', '办公室'] },
    { value: 'hr', label: 'hr 人事科', keys: ['hr', '人事科'] },
    { value: 'tech', label: 'tech 科技科', keys: ['tech', '科技科'] },
  ];

  it('search: part of a key, case-insensitive; an exact key alone', () => {
    expect(search(choices, '科').map((c) => c.value)).toEqual(['hr', 'tech']);
    expect(search(choices, 'OFF').map((c) => c.value)).toEqual(['office']);
    expect(search(choices, 'hr').map((c) => c.value)).toEqual(['hr']);
    expect(search(choices, '').map((c) => c.value)).toEqual(['office', 'hr', 'tech']);
    expect(search(choices, 'zz')).toEqual([]);
  });

  it('parseQty: quantities and exempt', () => {
    expect(parseQty('3.5h')).toEqual({ quantity: { value: 3.5, unit: 'h' }, exempt: false });
    expect(parseQty('23/25')).toEqual({ quantity: { value: 23, expected: 25 }, exempt: false });
    expect(parseQty('exempt')).toEqual({ exempt: true });
    expect(() => parseQty('3.5.5')).toThrow();
  });

  it('ledgerFileFor: one file per unit and year, org.ledger for the organisation and people', () => {
    const unit = { kind: 'unit', unit: { id: 'office' } } as Subject;
    expect(ledgerFileFor('ledgers', 2026, unit)).toBe('ledgers/2026/office.ledger');
    expect(ledgerFileFor('data/ledgers/', 2026, { kind: 'org' })).toBe('data/ledgers/2026/org.ledger');
    expect(ledgerFileFor('ledgers', 2026, { kind: 'person', person: { id: 'wangjianguo' } } as Subject)).toBe('ledgers/2026/org.ledger');
  });
});

describe('renderLineProblems (D3)', () => {
  it('puts the caret under the offending token by display width', async () => {
    const { renderLineProblems } = await import('../../src/render/line-problems.js');
    const { catalogue } = await import('../../src/i18n/index.js');
    const text = '2026-03-15 office T9.1 "学习" id:7k2q9x';
    const d = { file: 'f', line: 1, column: 19, length: 4, severity: 'error', code: 'unknown-item', params: { item: 'T9.1', year: 2026, suggestion: '' } } as const;
    const out = renderLineProblems(text, [d as never], catalogue('zh')).split('\n');
    expect(out[0]).toBe(`  ${text}`);
    expect(out[1]).toMatch(/^ {20}\^{4} unknown-item: /);
    // after Chinese text: two columns a character
    const zh = '2026-03-15 office T1.1 "学习" bz:1 id:7k2q9x';
    const after = renderLineProblems(zh, [{ ...d, column: 29, length: 4 } as never], catalogue('zh')).split('\n');
    expect(after[1]).toMatch(/^ {32}\^{4} unknown-item: /);
  });
});
