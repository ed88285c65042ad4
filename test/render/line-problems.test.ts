/** renderLineProblems (src/render/line-problems.ts): a ledger line with a caret under each problem. */
import { describe, expect, it } from 'vitest';

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
