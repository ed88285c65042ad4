/** appendLine (src/write/append.ts): a cut-off ledger is refused by the append itself, with the line that was cut off. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QingdanError } from '../../src/errors.js';
import { appendLine } from '../../src/write/append.js';
import { tempDir } from '../support/cli.js';

describe('appendLine on a cut-off ledger (B7)', () => {
  it('refuses with QingdanError(cut-off), naming the file as given and the cut-off line', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const abs = join(dir, 'office.ledger');
    writeFileSync(abs, '; header\n2026-01-05 office T1.1 id:aaaaaa\n2026-01-06 office T1');
    let thrown: unknown;
    try {
      appendLine(abs, '2026-01-07 office T1.1 id:cccccc', undefined, 'ledgers/2026/office.ledger');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(QingdanError);
    expect(thrown).toMatchObject({ key: 'cut-off', params: { file: 'ledgers/2026/office.ledger', line: 3, text: '2026-01-06 office T1' } });
    expect(readFileSync(abs, 'utf8')).toBe('; header\n2026-01-05 office T1.1 id:aaaaaa\n2026-01-06 office T1');
  });
});
