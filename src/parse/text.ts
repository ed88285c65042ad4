/**
 * Bytes → text for every file qingdan reads: strict UTF-8 (an invalid byte is reported at its
 * line and column, then decoded leniently so the rest of the file is still checked), a leading
 * BOM dropped, and for ledgers a cut-off last line reported.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export interface Decoded {
  text: string;
  diagnostics: Diagnostic[];
}

export function decodeText(file: string, bytes: Uint8Array, opts: { requireFinalNewline: boolean }): Decoded {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  // validating natively first is several times faster than a fatal TextDecoder on large ledgers
  if (isUtf8(bytes)) {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    text = b.toString('utf8', bom);
  } else {
    text = lenient.decode(bytes);
    const at = firstInvalidUtf8(bytes);
    const before = lenient.decode(bytes.subarray(0, at));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    diagnostics.push(diagnostic({ file, line, column, length: 1 }, 'invalid-utf8', { byte: `0x${byte}` }));
  }
  if (opts.requireFinalNewline && text.length > 0 && !text.endsWith('\n')) diagnostics.push(cutOff(file, text));
  return { text, diagnostics };
}

function cutOff(file: string, text: string): Diagnostic {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return cutOffAt(file, lines, text.slice(text.lastIndexOf('\n') + 1));
}

/** The finding of a last line (number `line`, text `last`) that has no newline. */
function cutOffAt(file: string, line: number, last: string): Diagnostic {
  return diagnostic({ file, line, column: last.length + 1, length: 1 }, 'no-final-newline', {}, 'error', last);
}

/** For valid UTF-8 bytes: the diagnostic of a last line without its newline, if it is cut off. */
export function cutOffLine(file: string, bytes: Uint8Array): Diagnostic | undefined {
  if (bytes.length === 0 || bytes[bytes.length - 1] === 10) return undefined;
  let lines = 1;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  return cutOffAt(file, lines, new TextDecoder().decode(bytes.subarray(bytes.lastIndexOf(10) + 1)));
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min = 0xa0;
      if (c === 0xed) max = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min = 0x90;
      if (c === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (d < lo || d > hi) return i;
    }
    i += need + 1;
  }
  return b.length;
}
