/** The checksum a report states of the ledgers it read: SHA-256 over their paths and bytes, in path order. */
import { createHash } from 'node:crypto';
import type { RawFile } from './repo.js';

export function ledgerChecksum(): { add: (file: RawFile) => void; hex: () => string } {
  const hash = createHash('sha256');
  return {
    add: (f) => hash.update(f.file).update('\0').update(f.bytes).update('\0'),
    hex: () => hash.digest('hex'),
  };
}
