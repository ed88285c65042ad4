/**
 * Writing new files — `init`'s, evidence copied in by `record` — never overwriting anything.
 * (Reading files, resolving and hashing evidence: src/read/files.ts.)
 */
import { chmodSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { readIfExists } from '../read/files.js';

/** Writes a new file (never overwriting one), creating its folders; `mode` e.g. 0o755 for a hook. */
export function writeNew(abs: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(abs), { recursive: true });
  const fd = openSync(abs, 'wx', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(abs, mode);
}

/** Adds `line` to a text file unless it already has it. Returns whether it wrote. */
export function ensureLine(abs: string, line: string): boolean {
  const old = readIfExists(abs)?.toString('utf8');
  if (old !== undefined && old.split(/\r?\n/).includes(line)) return false;
  const prefix = old === undefined || old === '' || old.endsWith('\n') ? '' : '\n';
  mkdirSync(dirname(abs), { recursive: true });
  const fd = openSync(abs, 'a');
  try {
    writeSync(fd, `${prefix}${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Copies the file `from` to the new file `to` (never overwriting one), creating its folders;
 * returns the folders it made, outermost first, so that an undo can remove them.
 */
export function copyNew(from: string, to: string): string[] {
  const made: string[] = [];
  for (let d = dirname(to); !existsSync(d); d = dirname(d)) made.unshift(d);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  return made;
}

/** Takes back `copyNew`: the file, and the folders it made if they are empty. */
export function uncopy(to: string, made: readonly string[]): void {
  rmSync(to, { force: true });
  for (const d of [...made].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty: something else is in it now
    }
  }
}
