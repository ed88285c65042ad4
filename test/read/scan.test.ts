/** src/read/scan.ts: which ledger files hold a string, searched in chunks of 1 MiB. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../src/read/scan.js';
import { tempDir } from '../support/cli.js';

const MiB = 1 << 20;

function repo(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), content);
  }
  return root;
}

describe('filesContaining', () => {
  it('finds a string cut in two by the chunk boundary, and one in a later chunk', () => {
    for (const at of [MiB - 8, MiB - 1, MiB, 2 * MiB + 5]) {
      const root = repo({ 'a.ledger': Buffer.concat([Buffer.alloc(at, 'x'), Buffer.from('id:abc123\n')]) });
      expect(filesContaining(root, ['a.ledger'], 'id:abc123'), `at ${at}`).toEqual(['a.ledger']);
      expect(filesContaining(root, ['a.ledger'], 'id:abc124'), `at ${at}`).toEqual([]);
    }
  });

  it("never sees the bytes of the file searched before (the buffer is reused)", () => {
    const root = repo({ 'a.ledger': `${'y'.repeat(5000)} id:abc123\n`, 'b.ledger': 'short\n', 'c.ledger': '' });
    expect(filesContaining(root, ['a.ledger', 'b.ledger', 'c.ledger'], 'id:abc123')).toEqual(['a.ledger']);
    expect(filesContaining(root, ['b.ledger', 'a.ledger'], 'abc123')).toEqual(['a.ledger']);
  });

  it('every file holding it, in the order given, up to the limit; a file gone since it was listed is skipped', () => {
    const root = repo({ 'x/1.ledger': '2026-01-02 void k9k9k9\n', 'x/2.ledger': 'nothing\n', 'x/3.ledger': '中文 id:k9k9k9\n' });
    const files = ['x/1.ledger', 'x/2.ledger', 'gone.ledger', 'x/3.ledger'];
    expect(filesContaining(root, files, 'k9k9k9')).toEqual(['x/1.ledger', 'x/3.ledger']);
    expect(filesContaining(root, files, 'k9k9k9', 1)).toEqual(['x/1.ledger']);
    expect(filesContaining(root, files, '中文')).toEqual(['x/3.ledger']);
  });
});
