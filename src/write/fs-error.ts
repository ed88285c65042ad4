/**
 * What the file system says when a write cannot be done — the disk is full, the file system is
 * read-only, no permission — as a QingdanError naming the path, in the user's language (exit 2),
 * rather than an "internal error". Anything else is left as it is: that is a bug to report.
 */
import { QingdanError, type ErrorKey } from '../errors.js';

const KEYS: Record<string, ErrorKey> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
};

/** `e` as the user's error when it is one of the codes above, else `e` itself. `path` is how messages name the file. */
export function fsFailure(e: unknown, path: string): unknown {
  if (e instanceof QingdanError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const key = code ? KEYS[code] : undefined;
  if (!key) return e;
  return new QingdanError(key, { path, code: code! }, (e as Error).message);
}

/** Runs `f`; a write failure it throws becomes the user's error (see fsFailure). */
export function mapFsErrors<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw fsFailure(e, path);
  }
}
