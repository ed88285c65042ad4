/** src/parse/select-lines.ts: the lines of a ledger's bytes that mention a string. */
import { describe, expect, it } from 'vitest';
import { linesMentioning } from '../../src/parse/select-lines.js';

const ledger = [
  '; 2026 办公室',
  '2026-01-05 office T1.1 2学时 "学习" id:aaaaa1',
  '2026-01-06 office T1.3 1次 "交流学习心得" id:aaaaa2',
  '2026-01-07 office 交流学习心得 1次 id:aaaaa3',
  '2026-02-01 void aaaaa2 "重复" id:aaaaa4',
  '2026-02-02 office T1.3 1次 id:aaaaa5',
].join('\n');

describe('linesMentioning', () => {
  it('keeps each line that holds a needle, whole, once, in the order of the file', () => {
    const out = linesMentioning(Buffer.from(`${ledger}\n`), ['T1.3', '交流学习心得', 'void']).toString();
    expect(out.split('\n')).toEqual([
      '2026-01-06 office T1.3 1次 "交流学习心得" id:aaaaa2',
      '2026-01-07 office 交流学习心得 1次 id:aaaaa3',
      '2026-02-01 void aaaaa2 "重复" id:aaaaa4',
      '2026-02-02 office T1.3 1次 id:aaaaa5',
      '',
    ]);
  });

  it('the first and the last line, one without a newline; nothing found is nothing; empty needles are ignored', () => {
    expect(linesMentioning(Buffer.from('a x\nb\nc x'), ['x']).toString()).toBe('a x\nc x');
    expect(linesMentioning(Buffer.from(`${ledger}\n`), ['T9.9', '']).length).toBe(0);
  });
});
