/**
 * The format of `members.lock` (read/members-lock.ts reads it from the umbrella): JSON, one member
 * an entry, in the order of the settings, so that a fetch's commit diff is readable. Each entry is
 * the exact commit of a member that `qingdan rollup fetch` fetched last, and when; and, for a
 * member whose last fetch failed, when and why (the commit is then the one fetched before, and
 * the roll-up says the member is stale). A roll-up evaluates exactly these commits: it names, and
 * can reproduce, its data.
 */
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

/**
 * What is wrong with a lock's text, found without a YAML parser (a roll-up reads its lock on every
 * run): not JSON, not `{"members": [...]}`, an entry without a string id and url, a commit that is
 * not 40 or 64 lowercase hex digits, an id twice among its siblings, and — at the top, when the
 * settings' member ids are given — an id the settings do not list. `path` leads to the value in the
 * JSON (src/checks/members-lock.ts turns it into a line); `offset` is where JSON.parse stopped.
 */
export type LockProblem =
  | { problem: 'syntax'; path: []; offset?: number }
  | { problem: 'shape'; path: Array<string | number> }
  | { problem: 'entry'; path: Array<string | number> }
  | { problem: 'commit'; path: Array<string | number>; id: string; value: string }
  | { problem: 'duplicate'; path: Array<string | number>; id: string; first: Array<string | number> }
  | { problem: 'unknown-member'; path: Array<string | number>; id: string };

export function lockProblems(text: string, memberIds?: readonly string[]): LockProblem[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // where JSON.parse stopped, when it says (its words quote the file, and are English: not shown)
    const message = e instanceof Error ? e.message : '';
    const at = /at position (\d+)/.exec(message);
    const offset = at ? +at[1]! : /end of JSON input/.test(message) ? text.length : undefined;
    return [{ problem: 'syntax', path: [], ...(offset !== undefined ? { offset } : {}) }];
  }
  const list = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { members?: unknown }).members : undefined;
  if (!Array.isArray(list)) return [{ problem: 'shape', path: typeof json === 'object' && json !== null && 'members' in json ? ['members'] : [] }];
  const out: LockProblem[] = [];
  const entries = (items: unknown[], at: Array<string | number>, known?: ReadonlySet<string>) => {
    const seen = new Map<string, Array<string | number>>();
    items.forEach((x, i) => {
      const path = [...at, i];
      const o = typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
      if (!o || typeof o.id !== 'string' || typeof o.url !== 'string') {
        out.push({ problem: 'entry', path });
        return;
      }
      const first = seen.get(o.id);
      if (first) out.push({ problem: 'duplicate', path: [...path, 'id'], id: o.id, first: [...first, 'id'] });
      else seen.set(o.id, path);
      if (known && !known.has(o.id)) out.push({ problem: 'unknown-member', path: [...path, 'id'], id: o.id });
      if (o.commit !== undefined && (typeof o.commit !== 'string' || !SHA.test(o.commit))) out.push({ problem: 'commit', path: [...path, 'commit'], id: o.id, value: String(o.commit).slice(0, 80) });
      if (o.members !== undefined) {
        if (Array.isArray(o.members)) entries(o.members, [...path, 'members']);
        else out.push({ problem: 'shape', path: [...path, 'members'] });
      }
    });
  };
  entries(list, ['members'], memberIds ? new Set(memberIds) : undefined);
  return out;
}

export function printLock(lock: MembersLock): string {
  return `${JSON.stringify({ members: lock.members }, null, 2)}\n`;
}
