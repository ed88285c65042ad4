/**
 * Writes a file atomically (reports, the template cache): a temporary file beside the target,
 * fsync, rename, fsync of the folder. A crash leaves either the old file or the new one, never half of one.
 * A full disk, a read-only file system or no permission is the user's error naming the path
 * (src/write/fs-error.ts), and leaves no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsFailure } from './fs-error.js';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fsFailure(e, path);
  }
  const tmp = join(dir, `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      // a short write happens when the disk fills up: the next write then says so (ENOSPC)
      for (let done = 0; done < buf.length; ) done += writeSync(fd, buf, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fsFailure(e, path);
  }
  try {
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    // some file systems cannot fsync a folder; the rename is done either way
  }
}
