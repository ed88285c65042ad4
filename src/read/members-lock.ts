/**
 * `members.lock`, committed in an umbrella repository: the exact commit of each member that
 * `qingdan rollup fetch` fetched last, and when; and, for a member whose last fetch failed, when
 * and why (the commit is then the one fetched before, and the roll-up says the member is stale).
 * JSON, one member an entry, in the order of the settings, so that a fetch's commit diff is
 * readable. A roll-up evaluates exactly these commits: it names, and can reproduce, its data.
 */
import { join } from 'node:path';
import { readIfExists } from './files.js';

export const LOCK_FILE = 'members.lock';

export interface LockEntry {
  id: string;
  url: string;
  branch?: string;
  /** The commit fetched last; absent when no fetch of the member ever succeeded. */
  commit?: string;
  /** When that commit was fetched (ISO 8601, UTC). */
  fetched?: string;
  /** The last fetch failed: when, why (timeout, unreachable) and git's last words. */
  failed?: { at: string; reason: string; detail: string };
  /** A member that is an umbrella: the members its own members.lock pins, as fetched for this one. */
  members?: LockEntry[];
}

export interface MembersLock {
  members: LockEntry[];
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function entryOf(x: unknown): LockEntry | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.url !== 'string') return undefined;
  const f = o.failed as Record<string, unknown> | undefined;
  const nested = Array.isArray(o.members) ? o.members.map(entryOf).filter((e): e is LockEntry => e !== undefined) : undefined;
  return {
    id: o.id,
    url: o.url,
    ...(typeof o.branch === 'string' ? { branch: o.branch } : {}),
    ...(typeof o.commit === 'string' && SHA.test(o.commit) ? { commit: o.commit } : {}),
    ...(typeof o.fetched === 'string' ? { fetched: o.fetched } : {}),
    ...(f && typeof f.at === 'string' ? { failed: { at: f.at, reason: String(f.reason ?? ''), detail: String(f.detail ?? '') } } : {}),
    ...(nested ? { members: nested } : {}),
  };
}

/** A lock's text as entries; what does not parse is no entry (that member counts as not fetched). */
export function parseLock(text: string | undefined): MembersLock {
  if (text === undefined) return { members: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { members: [] };
  }
  const list = (json as { members?: unknown })?.members;
  return { members: Array.isArray(list) ? list.map(entryOf).filter((e): e is LockEntry => e !== undefined) : [] };
}

export function printLock(lock: MembersLock): string {
  return `${JSON.stringify({ members: lock.members }, null, 2)}\n`;
}

/** The lock of the repository at `root` (empty when there is none). */
export function readLock(root: string): MembersLock {
  return parseLock(readIfExists(join(root, LOCK_FILE))?.toString('utf8'));
}
