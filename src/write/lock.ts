/**
 * An exclusive lock between qingdan processes writing to one repository: a lock file created with
 * O_CREAT|O_EXCL (`wx`), holding the owner's pid, host and start time. `record` and `void` hold it
 * from reading the ledgers to the end of their commit, so that ids stay unique, each line is
 * validated against everything written before it, and git never sees two of our commits at once
 * (no `index.lock` races).
 *
 * Waiting: retries with exponential backoff and jitter, up to a deadline. A lock whose owner is
 * gone is stale: its pid is not alive on this host, or is alive but is not a qingdan (the pid was
 * reused: `Self.looksLikeQingdan`, from /proc where there is one), or the lock is older than
 * `staleMs`. A lock held from another host
 * cannot be judged from here: after a short wait (`foreignWaitMs`) it is reported, with its owner,
 * rather than waited on for the whole timeout. Breaking a stale lock is itself serialised by a second, short-lived lock file
 * (`<lock>.break`), and the lock is read again under it, so that two waiters cannot both break it
 * and then both take it.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Self } from '../io.js';
import { fsFailure } from './fs-error.js';

export interface LockOptions {
  /** Who takes the lock (its pid is written into it) and how to tell whether another pid lives. */
  self: Self;
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** A lock older than this is stale whatever its pid (ms). */
  staleMs?: number;
  /** How long a lock held from another host is waited for before giving up (ms). */
  foreignWaitMs?: number;
  /** For tests: the clock and the wait. */
  now?: () => number;
  sleep?: (ms: number) => void;
}

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export class LockTimeout extends Error {
  constructor(
    readonly path: string,
    readonly owner: LockOwner | undefined,
    /** The owner is on another host: whether it lives cannot be told from here. */
    readonly foreign = false,
  ) {
    super(`lock ${path} is held${owner ? ` by pid ${owner.pid} on ${owner.host}` : ''}`);
  }
}

export interface Lock {
  path: string;
  release(): void;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function readOwner(path: string): LockOwner | undefined {
  try {
    const [pid, host, since] = readFileSync(path, 'utf8').split('\n');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? '', since: since ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(path: string, now: number): number {
  try {
    return now - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(path: string, owner: LockOwner | undefined, now: number, staleMs: number, self: Self): boolean {
  const age = ageMs(path, now);
  if (!owner) return age > 2_000; // being written, or garbage: give its writer a moment
  if (owner.host === hostname()) {
    if (!self.alive(owner.pid)) return true;
    // alive, but another program: the owner died and its pid was given to someone else
    if (self.looksLikeQingdan?.(owner.pid) === false) return true;
  }
  return age > staleMs;
}

/** Creates the lock file; false when it exists. A failure to write it (a full disk…) leaves no lock behind. */
function tryCreate(path: string, pid: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fsFailure(e, path);
  }
  try {
    writeSync(fd, `${pid}\n${hostname()}\n${new Date().toISOString()}\n`);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkQuiet(path);
    throw fsFailure(e, path);
  }
  closeSync(fd);
  return true;
}

function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/** Removes a stale lock, unless someone else is doing so or it changed meanwhile. */
function breakStale(path: string, seen: LockOwner | undefined, now: number, staleMs: number, self: Self): void {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, self.pid)) {
    if (ageMs(breaker, now) > 10_000) unlinkQuiet(breaker); // a breaker that died
    return;
  }
  try {
    const again = readOwner(path);
    const unchanged = (again === undefined && seen === undefined) || (again && seen && again.pid === seen.pid && again.since === seen.since);
    if (unchanged && isStale(path, again, now, staleMs, self)) unlinkQuiet(path);
  } finally {
    unlinkQuiet(breaker);
  }
}

export function acquireLock(path: string, opts: LockOptions): Lock {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? sleepSync;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const staleMs = opts.staleMs ?? 10 * 60_000;
  const foreignWaitMs = opts.foreignWaitMs ?? 1_000;
  const deadline = now() + timeoutMs;
  let foreignDeadline: number | undefined;
  let wait = 10;
  for (;;) {
    if (tryCreate(path, opts.self.pid)) {
      let released = false;
      const mine = readOwner(path);
      return {
        path,
        release() {
          if (released) return;
          released = true;
          // only remove the lock if it is still ours
          const current = readOwner(path);
          if (current && mine && current.pid === mine.pid && current.since === mine.since) unlinkQuiet(path);
        },
      };
    }
    const owner = readOwner(path);
    if (isStale(path, owner, now(), staleMs, opts.self)) {
      breakStale(path, owner, now(), staleMs, opts.self);
      if (!existsSync(path)) continue;
    } else if (owner && owner.host !== hostname()) {
      foreignDeadline ??= now() + foreignWaitMs;
      if (now() >= foreignDeadline) throw new LockTimeout(path, owner, true);
    }
    if (now() >= deadline) throw new LockTimeout(path, owner);
    sleep(Math.min(wait, Math.max(1, deadline - now())) * (0.5 + Math.random() * 0.5));
    wait = Math.min(wait * 2, 250);
  }
}
