/**
 * File-system helpers of the recording commands: reading a file if it is there, writing the new
 * files of `init` without overwriting anything, resolving and hashing evidence files.
 */
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export function readIfExists(abs: string): Buffer | undefined {
  try {
    return readFileSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export function exists(abs: string): boolean {
  return existsSync(abs);
}

export function isEmptyDir(abs: string): boolean {
  return !existsSync(abs) || (statSync(abs).isDirectory() && readdirSync(abs).length === 0);
}

export function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

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

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type InsideResult =
  | { ok: true; abs: string; rel: string }
  | { ok: false; reason: 'missing' | 'outside' | 'not-a-file' };

/**
 * `path` (relative to `base`) as a file inside the repository `root`: its real path must lie under
 * the root's real path (no `..`, no symbolic link leading out). `rel` uses forward slashes.
 */
export function fileInside(root: string, base: string, path: string): InsideResult {
  const abs = isAbsolute(path) ? path : resolve(base, path);
  if (!existsSync(abs)) return { ok: false, reason: 'missing' };
  const realRoot = realpathSync(root);
  const real = realpathSync(abs);
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, reason: 'outside' };
  if (!statSync(real).isFile()) return { ok: false, reason: 'not-a-file' };
  return { ok: true, abs: real, rel: rel.split(sep).join('/') };
}

/** The SHA-256 of the file at `rel` under `root`, or undefined when it is not there. */
export function hashOf(root: string, rel: string): string | undefined {
  const r = fileInside(root, root, rel);
  if (!r.ok) return undefined;
  return sha256Hex(readFileSync(r.abs));
}

export function joinPath(...parts: string[]): string {
  return join(...parts);
}
