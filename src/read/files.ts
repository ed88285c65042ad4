/**
 * Reading files for the recording commands: a file if it is there, a folder's state, and evidence
 * files — resolved inside the repository (no `..`, no symbolic link leading out) and hashed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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

export function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A folder of the settings (`paths.ledgers`) as the prefix of repository paths: forward slashes,
 * no trailing slash (`ledgers\2026\` → `ledgers/2026`).
 */
export function folderPath(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/\/+$/, '');
}


export type InsideResult =
  | { ok: true; abs: string; rel: string }
  | { ok: false; reason: 'missing' | 'outside' | 'not-a-file' };

/** Whether `rel`, a path relative to a folder, leads out of it (`..`, `../x`, another drive). */
export function leadsOut(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * `path` (relative to `base`) as a file inside the repository `root`: its real path must lie under
 * the root's real path (no `..`, no symbolic link leading out). `rel` uses forward slashes. A name
 * that merely starts with two dots (`..notes/x.pdf`) is inside.
 */
export function fileInside(root: string, base: string, path: string): InsideResult {
  const abs = isAbsolute(path) ? path : resolve(base, path);
  if (!existsSync(abs)) return { ok: false, reason: 'missing' };
  const realRoot = realpathSync(root);
  const real = realpathSync(abs);
  const rel = relative(realRoot, real);
  if (rel === '' || leadsOut(rel)) return { ok: false, reason: 'outside' };
  if (!statSync(real).isFile()) return { ok: false, reason: 'not-a-file' };
  return { ok: true, abs: real, rel: rel.split(sep).join('/') };
}

const HASH_CHUNK = 1 << 20;

/**
 * The SHA-256 (hex) of a file, read in chunks of 1 MiB: memory stays constant, and a file larger
 * than one Buffer can hold (2 GiB) is hashed too.
 */
export function sha256OfFile(abs: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(HASH_CHUNK);
  const fd = openSync(abs, 'r');
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, HASH_CHUNK, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The SHA-256 of the file at `rel` under `root`, or undefined when it is not there. */
export function hashOf(root: string, rel: string): string | undefined {
  const r = fileInside(root, root, rel);
  if (!r.ok) return undefined;
  return sha256OfFile(r.abs);
}

/** Why a path under the repository cannot be written to: a symbolic link, or not the kind of file expected. */
export interface UnsafePath {
  /** The offending part, relative to the root, forward slashes. */
  at: string;
  kind: 'link' | 'not-a-folder' | 'not-a-file';
}

/**
 * Whether `rel` (forward slashes, under `root`) can be written without leaving the repository:
 * every part of it, from the root down, is looked at with lstat — a folder must be a folder and the
 * file a regular file, neither a symbolic link (which could lead anywhere). Parts that do not exist
 * yet are fine (they will be made). The root itself is not looked at: it may lie under a link.
 */
export function unsafePart(root: string, rel: string): UnsafePath | undefined {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  let abs = root;
  for (let i = 0; i < parts.length; i++) {
    abs = join(abs, parts[i]!);
    const at = parts.slice(0, i + 1).join('/');
    let st;
    try {
      st = lstatSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    if (st.isSymbolicLink()) return { at, kind: 'link' };
    const last = i === parts.length - 1;
    if (!last && !st.isDirectory()) return { at, kind: 'not-a-folder' };
    if (last && !st.isFile()) return { at, kind: 'not-a-file' };
  }
  return undefined;
}

/** What is at `abs`, following links: nothing, a file, a folder, or something one cannot write a report to. */
export type FileKind = 'missing' | 'file' | 'directory' | 'fifo' | 'socket' | 'device' | 'other';

export function kindOf(abs: string): FileKind {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw e;
  }
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

/**
 * The real path `abs` has or would have: links resolved in the part that exists, the missing rest
 * appended as it is (a file about to be made in a folder that is a link is where the link leads).
 */
export function realPathOf(abs: string): string {
  const rest: string[] = [];
  let d = resolve(abs);
  for (;;) {
    try {
      return join(realpathSync(d), ...rest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = dirname(d);
      if (parent === d) return join(d, ...rest);
      rest.unshift(basename(d));
      d = parent;
    }
  }
}

/** Whether the real path `child` is `dir` itself or lies inside it (both real, absolute). */
export function isWithin(child: string, dir: string): boolean {
  const rel = relative(dir, child);
  return rel === '' || !leadsOut(rel);
}
