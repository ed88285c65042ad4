/**
 * src/read/files.ts hashes evidence by streaming it through SHA-256 in chunks: constant memory and
 * no size limit — a scanned archive over 2 GiB (more than one Buffer can hold) is hashed too.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, ftruncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf, sha256OfFile } from '../../src/read/files.js';
import { cleanup, tempDir } from '../support/cli.js';

describe('hashing evidence by streaming', () => {
  it('a small file: the same digest as hashing its bytes', () => {
    const root = tempDir();
    const file = join(root, '..', 'small.txt');
    writeFileSync(file, 'minutes\n');
    expect(sha256OfFile(file)).toBe(createHash('sha256').update('minutes\n').digest('hex'));
  });

  it('a file of more than 2 GiB (sparse, so quick to make) is hashed, not refused', () => {
    const dir = join(tempDir(), '..');
    const file = join(dir, 'big.bin');
    const size = 2 ** 31 + 12_345;
    const fd = openSync(file, 'w');
    ftruncateSync(fd, size);
    writeSync(fd, 'tail', size - 4);
    closeSync(fd);
    const zeros = Buffer.alloc(1 << 24);
    const expected = createHash('sha256');
    let left = size - 4;
    while (left > 0) {
      const n = Math.min(left, zeros.length);
      expected.update(zeros.subarray(0, n));
      left -= n;
    }
    expected.update('tail');
    try {
      expect(hashOf(dir, 'big.bin')).toBe(expected.digest('hex'));
    } finally {
      cleanup(file);
    }
  }, 120_000);
});
