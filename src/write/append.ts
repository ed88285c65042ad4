/**
 * Appending one line to a ledger, durably: the line (with its newline, and a header comment when
 * the file is new) goes out in a single write on an O_APPEND descriptor, then the file is fsynced,
 * and when the file (or its folder) was created, the folders too, so that after a crash the line
 * is either wholly there or not at all. A ledger whose last line is cut off is never appended to:
 * the new line would be glued onto the broken one.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { QingdanError } from '../errors.js';

/** The refusal to append to a ledger whose last line is cut off, with that line under the message. */
export function cutOff(file: string, line: number, text: string): QingdanError {
  return new QingdanError('cut-off', { file, line, text }, `  ${line} | ${text}`);
}

/** Whether a ledger's bytes end in the middle of a line, and which line that is. */
export function cutOffLine(bytes: Uint8Array): { line: number; text: string } | undefined {
  if (bytes.length === 0 || bytes[bytes.length - 1] === 10) return undefined;
  let lines = 1;
  let lastStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) {
      lines++;
      lastStart = i + 1;
    }
  }
  return { line: lines, text: new TextDecoder().decode(bytes.subarray(lastStart)) };
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported everywhere (Windows); the file itself is synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Creates the missing folders of `dir`; returns them, outermost first. */
function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    missing.unshift(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  if (missing.length > 0) mkdirSync(dir, { recursive: true });
  return missing;
}

function writeAll(fd: number, buf: Uint8Array): void {
  let done = writeSync(fd, buf);
  // a regular file takes a small write whole; loop only for the unheard-of short write
  while (done < buf.length) done += writeSync(fd, buf, done);
}

export interface Appended {
  created: boolean;
  /** Bytes the file had before. */
  offset: number;
}

/**
 * Appends `line` (no newline inside) to the file at `abs`. A new file starts with `header`
 * (a comment line) when given. Call under the repository lock. A file whose last line has no
 * newline is refused with QingdanError('cut-off') naming that line; `file` is how messages name
 * the file (the path relative to the repository).
 */
export function appendLine(abs: string, line: string, header?: string, file: string = abs): Appended {
  if (line.includes('\n') || line.includes('\r')) throw new Error('a ledger line cannot hold a newline');
  const dir = dirname(abs);
  if (!existsSync(abs)) {
    const made = makeDirs(dir);
    const fd = openSync(abs, 'wx', 0o644);
    try {
      writeAll(fd, Buffer.from(`${header ? `${header}\n` : ''}${line}\n`, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncDir(dir);
    for (const d of made.reverse()) fsyncDir(dirname(d));
    return { created: true, offset: 0 };
  }
  const fd = openSync(abs, 'a');
  try {
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const rfd = openSync(abs, 'r');
      try {
        readSync(rfd, last, 0, 1, size - 1);
      } finally {
        closeSync(rfd);
      }
      if (last[0] !== 10) {
        const cut = cutOffLine(readFileSync(abs));
        throw cutOff(file, cut?.line ?? 1, cut?.text ?? '');
      }
    }
    writeAll(fd, Buffer.from(`${line}\n`, 'utf8'));
    fsyncSync(fd);
    return { created: false, offset: size };
  } finally {
    closeSync(fd);
  }
}
