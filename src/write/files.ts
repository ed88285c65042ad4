/**
 * Writing the new files of `init`: never overwriting anything. (Reading files, resolving and
 * hashing evidence: src/read/files.ts.)
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
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
