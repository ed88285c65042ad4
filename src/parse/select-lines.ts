/**
 * The lines of a ledger's bytes that mention a string, found by searching the bytes rather than
 * by parsing every line: `record` shows the status of one obligation, which only lines naming
 * its item (and voids) can change, and a unit's ledger may hold a hundred thousand lines.
 */
import { Buffer } from 'node:buffer';

/**
 * The lines of `bytes` (each with its newline) that contain one of `needles` anywhere, in the
 * order of the file, each once. A needle found inside another token only brings a line more.
 */
export function linesMentioning(bytes: Buffer, needles: readonly string[]): Buffer {
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    const want = Buffer.from(needle, 'utf8');
    if (want.length === 0) continue;
    for (let i = bytes.indexOf(want); i !== -1; ) {
      const start = bytes.lastIndexOf(10, i) + 1;
      const nl = bytes.indexOf(10, i + want.length);
      const end = nl === -1 ? bytes.length : nl + 1;
      ranges.push([start, end]);
      i = end < bytes.length ? bytes.indexOf(want, end) : -1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: Buffer[] = [];
  let last = 0;
  for (const [start, end] of ranges) {
    if (start < last) continue; // the same line, found by another needle
    parts.push(bytes.subarray(start, end));
    last = end;
  }
  return Buffer.concat(parts);
}
