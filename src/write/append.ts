/**
 * Appending one line to a ledger, durably: the line (with its newline, and a header comment when
 * the file is new) goes out in a single write on an O_APPEND descriptor, then the file is fsynced,
 * and when the file (or its folder) was created, the folders too, so that after a crash the line
 * is either wholly there or not at all. A ledger whose last line is cut off is never appended to:
 * the new line would be glued onto the broken one.
 */
import { closeSync, constants, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { QingdanError } from '../errors.js';
import { fsFailure } from './fs-error.js';

// never through a link at the last step (the folders above are checked by write-line.ts with lstat)
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

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

/** Creates the missing folders of `dir`, one at a time; returns the ones made, outermost first. */
function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    missing.unshift(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  const made: string[] = [];
  try {
    for (const m of missing) {
      mkdirSync(m);
      made.push(m);
    }
  } catch (e) {
    removeDirs(made);
    throw e;
  }
  return made;
}

/** Removes folders made by makeDirs, innermost first, each only if empty. */
function removeDirs(made: readonly string[]): void {
  for (const d of [...made].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (someone put something there), or gone
    }
  }
}

function writeAll(fd: number, buf: Uint8Array): void {
  let done = writeSync(fd, buf);
  // a short write happens when the disk fills up: the next write then says so (ENOSPC)
  while (done < buf.length) done += writeSync(fd, buf, done);
}

export interface Appended {
  created: boolean;
  /** Bytes the file had before. */
  offset: number;
  /** The folders made for a new file, outermost first. */
  made: string[];
}

/**
 * Appends `line` (no newline inside) to the file at `abs`. A new file starts with `header`
 * (a comment line) when given. Call under the repository lock. A file whose last line has no
 * newline is refused with QingdanError('cut-off') naming that line; `file` is how messages name
 * the file (the path relative to the repository). When the write fails (a full disk, a read-only
 * file system, no permission), whatever was written is taken back — a new file and the folders
 * made for it removed, an old one cut back to its size — and the failure is a QingdanError naming
 * `file`.
 */
export function appendLine(abs: string, line: string, header?: string, file: string = abs): Appended {
  if (line.includes('\n') || line.includes('\r')) throw new Error('a ledger line cannot hold a newline');
  const dir = dirname(abs);
  if (!existsSync(abs)) {
    let made: string[] = [];
    let fd: number | undefined;
    try {
      made = makeDirs(dir);
      fd = openSync(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o644);
      writeAll(fd, Buffer.from(`${header ? `${header}\n` : ''}${line}\n`, 'utf8'));
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      fsyncDir(dir);
      for (const d of [...made].reverse()) fsyncDir(dirname(d));
    } catch (e) {
      if (fd !== undefined) {
        closeSync(fd);
        unlinkQuiet(abs);
      }
      removeDirs(made);
      throw fsFailure(e, file);
    }
    return { created: true, offset: 0, made };
  }
  let fd: number;
  try {
    fd = openSync(abs, constants.O_WRONLY | constants.O_APPEND | NOFOLLOW);
  } catch (e) {
    throw fsFailure(e, file);
  }
  let size = -1;
  try {
    size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const rfd = openSync(abs, constants.O_RDONLY | NOFOLLOW);
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
    return { created: false, offset: size, made: [] };
  } catch (e) {
    // a half-written line is taken back
    if (size >= 0 && !(e instanceof QingdanError)) {
      try {
        ftruncateSync(fd, size);
        fsyncSync(fd);
      } catch {
        /* the error below says what happened */
      }
    }
    throw fsFailure(e, file);
  } finally {
    closeSync(fd);
  }
}

function unlinkQuiet(abs: string): void {
  try {
    unlinkSync(abs);
  } catch {
    /* gone already */
  }
}

/**
 * Takes an append back, when what followed it (git add, git commit) failed: a file it created is
 * removed with the folders made for it, an old file is cut back to its size before the append, so
 * that the ledger is byte for byte as it was. Errors are the user's (see fsFailure).
 */
export function undoAppend(abs: string, appended: Appended, file: string = abs): void {
  try {
    if (appended.created) {
      unlinkSync(abs);
      removeDirs(appended.made);
      fsyncDir(dirname(appended.made[0] ?? abs));
      return;
    }
    const fd = openSync(abs, constants.O_WRONLY | NOFOLLOW);
    try {
      ftruncateSync(fd, appended.offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw fsFailure(e, file);
  }
}
