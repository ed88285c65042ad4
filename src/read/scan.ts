/**
 * Searching ledger files for a string without parsing them: what `record` does to know that a
 * fresh id is not in use, and `void` to find the few ledgers that mention an id. Each file is read
 * in chunks of 1 MiB into one buffer, so that the memory stays the same whatever the size of the
 * ledgers, and nothing but the bytes is looked at: a search of a hundred megabytes takes tens of
 * milliseconds, where parsing them would take seconds.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { QingdanError } from '../errors.js';

const CHUNK = 1 << 20;

/**
 * The files (relative to `root`) whose bytes contain `needle` anywhere, in the order given; at
 * most `limit` of them (the search stops there). A file that has gone since it was listed is
 * skipped; one that cannot be read is refused, as reading it for a command would be.
 */
export function filesContaining(root: string, files: readonly string[], needle: string, limit = Infinity): string[] {
  const want = Buffer.from(needle, 'utf8');
  const buf = Buffer.allocUnsafe(CHUNK + want.length);
  const out: string[] = [];
  for (const file of files) {
    if (out.length >= limit) break;
    if (contains(root, file, want, buf)) out.push(file);
  }
  return out;
}

function contains(root: string, file: string, want: Buffer, buf: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(join(root, file), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new QingdanError('unreadable', { file, reason: code ?? String(e) });
  }
  try {
    // the last want.length − 1 bytes of a chunk are kept before the next, for a match across the cut
    let kept = 0;
    for (;;) {
      const n = readSync(fd, buf, kept, CHUNK, null);
      if (n === 0) return want.length === 0;
      const end = kept + n;
      if (buf.subarray(0, end).indexOf(want) !== -1) return true;
      kept = Math.min(want.length - 1, end);
      buf.copy(buf, 0, end - kept, end);
    }
  } catch (e) {
    if (e instanceof QingdanError) throw e;
    throw new QingdanError('unreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  } finally {
    closeSync(fd);
  }
}
