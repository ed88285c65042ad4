/**
 * Reading what `qingdan audit` examines (src/core/audit/history.ts): every commit that touched a
 * file of the data repository — merges included, against each parent — and the `*.ledger` files
 * each changed (which of them are ledgers, core/audit/scope.ts decides); the versions of those
 * files, read on demand from one `git cat-file --batch`, a commit's at a time; the ledgers of HEAD
 * and their bytes in the working tree; the versions of the settings; and what makes the history
 * not the one its objects record: a shallow clone, replace refs, a grafts file.
 *
 * git runs without replace objects (read/git.ts) and here also without grafts and without the
 * commit-graph file (a cache of parents kept beside the objects), so that what is walked is what
 * the commits themselves say.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import type { CommitChanges, FileChange, HistorySource, RepositoryFacts } from '../core/audit/history.js';
import { isLedgerFile } from '../core/audit/scope.js';
import { exists, readIfExists } from './files.js';
import * as git from './git.js';
import { listTree, OverLimit } from './member-tree.js';

export interface OpenedHistory extends HistorySource {
  /** Every version of the settings (`qingdan.yaml`) the walk saw, empty where it was deleted: the ledger folders they name count too. */
  settings: Uint8Array[];
  /** Ends the git reading the blobs. */
  close(): void;
}

const SETTINGS = 'qingdan.yaml';

/** `env` with grafts and the commit-graph file turned off, on top of replace objects (read/git.ts). */
function literalHistory(env: git.Env): git.Env {
  const n = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  return {
    ...env,
    // git for Windows reads /dev/null as its own null device
    GIT_GRAFT_FILE: '/dev/null',
    GIT_CONFIG_COUNT: String(n + 1),
    [`GIT_CONFIG_KEY_${n}`]: 'core.commitGraph',
    [`GIT_CONFIG_VALUE_${n}`]: 'false',
  };
}

/** How many bytes of versions later commits will ask for are read together with what a commit asks for. */
const AHEAD_BYTES = 4 << 20;
const ZERO = /^0+$/;

/**
 * The versions audit asks for, commit by commit, read from one `git cat-file --batch`. Asking
 * git once per commit costs a round trip each (thousands in a long history), so the versions the
 * next commits bring are read along, up to AHEAD_BYTES (their sizes are asked first, in one go).
 * The versions of the commit before stay at hand, since its new versions are this one's old ones;
 * anything else is let go: memory holds two versions and the read-ahead, whatever the history.
 */
export function readAhead(reader: git.BlobReader, commits: readonly CommitChanges[], sizesOf: (ids: readonly string[]) => ReadonlyMap<string, number>, limits?: git.ReadLimits): HistorySource['blobs'] {
  // the new versions each commit brings, in the order they will be asked for
  const plan: string[][] = commits.map((c) => [...new Set(c.changes.flat().map((ch) => ch.newBlob))].filter((id) => !ZERO.test(id)));
  const step = new Map<string, number>();
  plan.forEach((ids, i) => ids.forEach((id) => step.has(id) || step.set(id, i)));
  let sizes: ReadonlyMap<string, number> | undefined;
  /** The furthest commit asked for so far. */
  let at = -1;
  let last: ReadonlyMap<string, Uint8Array> = new Map();
  let ahead = new Map<string, Uint8Array>();
  return async (ids) => {
    const now = new Map<string, Uint8Array>();
    const missing: string[] = [];
    for (const id of ids) {
      const b = last.get(id) ?? ahead.get(id);
      // what was read ahead is handed over once: from now on it is this commit's to keep or drop
      ahead.delete(id);
      if (b) now.set(id, b);
      else missing.push(id);
      at = Math.max(at, step.get(id) ?? -1);
    }
    // what this commit does not need goes before the rest is read: two versions at a time, not three
    last = now;
    if (missing.length === 0) return now;
    // asking git for the sizes is a process of its own: not worth it when nothing lies ahead (an audit of one new commit)
    if (at + 1 < plan.length) sizes ??= sizesOf([...step.keys()]);
    const asked = new Set(missing);
    const wanted = new Set(missing);
    // the next commits' versions: those already read ahead are kept, the others read now
    const next = new Map<string, Uint8Array>();
    let bytes = 0;
    for (let i = at + 1; i < plan.length && bytes < AHEAD_BYTES; i++) {
      for (const id of plan[i]!) {
        const n = sizes!.get(id) ?? Infinity;
        if (wanted.has(id) || next.has(id) || bytes + n > AHEAD_BYTES) continue;
        const b = ahead.get(id);
        if (b) next.set(id, b);
        else wanted.add(id);
        bytes += n;
      }
    }
    ahead = next;
    for (const [id, b] of await reader.read([...wanted], limits)) {
      if (asked.has(id)) now.set(id, b);
      else ahead.set(id, b);
    }
    return now;
  };
}

/** How many bytes of last versions prefixVersions holds, at most. */
const PREFIX_BYTES = 256 << 20;

/**
 * The versions of the files in `commits` (and at `since`) that are the first bytes of the same
 * file's version at the audited commit, without reading them: git names a blob by the hash of
 * `blob <size>\0` and its bytes, so a version whose name is the hash of that many first bytes of
 * the last version is those bytes. In an append-only history that is every version; the others
 * are read from git as before. The versions given are views of the last ones, not copies, which
 * also makes comparing two of them free (core/audit/compare.ts `isPrefix`).
 *
 * The hash is SHA-1 (SHA-256 in a repository that uses it): git's own reading refuses objects
 * made to collide with another (sha1dc, on every object a fetch brings in, and a roll-up's members
 * are fetched with fsck), so a version cannot be passed off as a prefix it is not. That rests on a
 * git built with sha1dc (the default), and, for a repository that came by copying its files rather
 * than by fetch, on trusting it as git itself does: its ids are trusted as they are.
 */
export async function prefixVersions(
  commits: readonly CommitChanges[],
  before: ReadonlyMap<string, string> | undefined,
  head: ReadonlyMap<string, string>,
  reader: git.BlobReader,
  sizesOf: () => ReadonlyMap<string, number>,
  limits?: git.ReadLimits,
): Promise<Map<string, Uint8Array>> {
  /** Each version, with the files it was a version of that have a last version. */
  const pathsOf = new Map<string, Set<string>>();
  const note = (path: string, id: string) => {
    if (ZERO.test(id) || !head.has(path)) return;
    const set = pathsOf.get(id) ?? new Set<string>();
    set.add(path);
    pathsOf.set(id, set);
  };
  for (const c of commits) for (const ch of c.changes.flat()) (note(ch.path, ch.oldBlob), note(ch.path, ch.newBlob));
  for (const [path, id] of before ?? []) note(path, id);
  const derived = new Map<string, Uint8Array>();
  if (pathsOf.size === 0) return derived;
  const sizes = sizesOf();
  // the last versions are held until the walk ends: up to PREFIX_BYTES of them, the smaller first
  // (as many files as fit); the other files are read as before
  const chosen: string[] = [];
  let held = 0;
  const sizeOf = (id: string) => sizes.get(id) ?? Number.MAX_SAFE_INTEGER;
  const candidates = [...new Set([...pathsOf.values()].flatMap((set) => [...set].map((p) => head.get(p)!)))];
  for (const id of candidates.sort((a, b) => sizeOf(a) - sizeOf(b))) {
    const size = sizeOf(id);
    if (held + size > PREFIX_BYTES) break;
    chosen.push(id);
    held += size;
  }
  const last = await reader.read(chosen, limits);
  for (const [id, paths] of pathsOf) {
    const size = sizes.get(id);
    if (size === undefined) continue;
    for (const path of paths) {
      const whole = last.get(head.get(path)!);
      if (!whole || size > whole.length) continue;
      const part = whole.subarray(0, size);
      if (createHash(id.length === 64 ? 'sha256' : 'sha1').update(`blob ${size}\0`).update(part).digest('hex') === id) {
        derived.set(id, part);
        break;
      }
    }
  }
  return derived;
}

/** What makes the history of the repository at `at` not the history its objects record. */
export function repositoryFacts(at: git.At): RepositoryFacts {
  const facts: RepositoryFacts = { replaceRefs: git.replaceRefs(at) };
  const found = git.shallowAndPaths(at, ['shallow', 'info/grafts']);
  const [shallow, grafts] = found.paths.map((p) => ({ rel: p, abs: isAbsolute(p) ? p : join(at.cwd, p) })) as [{ rel: string; abs: string }, { rel: string; abs: string }];
  if (found.shallow) {
    const commits = (readIfExists(shallow.abs)?.toString('utf8') ?? '').split('\n').filter((l) => l !== '');
    facts.shallow = { file: shallow.rel, commits };
  }
  if (exists(grafts.abs)) facts.grafts = grafts.rel;
  return facts;
}

/**
 * The same facts of a member's repository inside an umbrella (read/members.ts), from its files:
 * a bare repository qingdan made, where git keeps `shallow` and `info/grafts` at the top, and which
 * fetch gives no replace refs. When anything says otherwise (a `refs/replace` folder, one in
 * `packed-refs`), undefined: git is asked.
 */
export function memberRepositoryFacts(dir: string): RepositoryFacts | undefined {
  if (exists(join(dir, 'refs', 'replace')) || readIfExists(join(dir, 'packed-refs'))?.includes(' refs/replace/')) return undefined;
  const facts: RepositoryFacts = { replaceRefs: [] };
  const shallow = readIfExists(join(dir, 'shallow'));
  if (shallow) facts.shallow = { file: 'shallow', commits: shallow.toString('utf8').split('\n').filter((l) => l !== '') };
  if (exists(join(dir, 'info', 'grafts'))) facts.grafts = join('info', 'grafts');
  return facts;
}

/**
 * A commit a roll-up audits (rollup/member.ts), as the member's reading already has it: its tree's
 * blobs, and the reader of the member's repository, shared (it is not closed here).
 */
export interface KnownCommit {
  rev: string;
  blobs: ReadonlyMap<string, string>;
  reader: git.BlobReader;
  /** The most bytes one version may hold: a larger one, anywhere in the history, is OverLimit (naming its file). */
  each: number;
}

/**
 * The history of the data repository `g`, up to HEAD, or up to the commit of a member a roll-up
 * audits, whose `workTree` is the commit itself.
 */
export async function openHistory(at: git.At, g: git.GitRepo, since: string | undefined, known?: KnownCommit): Promise<OpenedHistory> {
  const facts = (known && memberRepositoryFacts(g.top)) || repositoryFacts({ cwd: g.top, env: at.env });
  const top = { cwd: g.top, env: literalHistory(at.env) };
  const prefix = g.prefix;
  const rev = known?.rev ?? 'HEAD';
  const rel = (p: string) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const workTree = (path: string) => readIfExists(join(g.top, prefix + path));
  if (!known && !git.hasHead(top)) {
    return { commits: [], head: new Map(), blobs: async () => new Map(), workTree, facts, settings: [], close: () => undefined };
  }
  const scope = prefix === '' ? undefined : prefix.replace(/\/+$/, '');

  const found = git.commitsTouching(top, scope, since, rev);
  const pairs: Array<[string, string?]> = [];
  for (const c of found) {
    if (c.parents.length === 0) pairs.push([c.sha]);
    else for (const p of c.parents) pairs.push([c.sha, p]);
  }
  const all = git.changesOf(top, pairs, scope);
  const settingsIds = new Set<string>();
  let settingsDeleted = false;
  const commits: CommitChanges[] = [];
  let k = 0;
  for (const commit of found) {
    const changes: FileChange[][] = [];
    for (let i = 0; i < Math.max(1, commit.parents.length); i++) {
      const list: FileChange[] = [];
      for (const ch of all[k++] ?? []) {
        const path = rel(ch.path);
        if (isLedgerFile(path)) list.push({ status: ch.status, path, oldBlob: ch.oldBlob, newBlob: ch.newBlob });
        else if (path === SETTINGS) {
          if (ch.status === 'D') settingsDeleted = true;
          else settingsIds.add(ch.newBlob);
        }
      }
      changes.push(list);
    }
    commits.push({ commit, changes });
  }
  const ledgersOf = (tree: ReadonlyMap<string, string>) => {
    const out = new Map<string, string>();
    for (const [path, id] of tree) if (isLedgerFile(rel(path))) out.set(rel(path), id);
    return out;
  };
  const head = ledgersOf(known?.blobs ?? git.treeFiles(top, rev, scope));
  // a member's commit is listed by the reader it already has: no process of its own
  const before = since === undefined ? undefined : ledgersOf(known ? (await listTree(known.reader, since)).blobs : git.treeFiles(top, since, scope));

  const reader = known?.reader ?? git.blobReader(top);
  const limits: git.ReadLimits | undefined = known ? { type: 'blob', each: known.each } : undefined;
  // a member's version over the limit is named by the file it was a version of
  const overLimit = (e: unknown): never => {
    if (!(e instanceof git.TooLarge)) throw e;
    const named = (m: ReadonlyMap<string, string> | undefined) => [...(m ?? [])].find(([, id]) => id === e.id)?.[0];
    const changed = commits.flatMap((c) => c.changes.flat()).find((ch) => ch.newBlob === e.id || ch.oldBlob === e.id)?.path;
    throw new OverLimit({ kind: 'too-large', file: changed ?? named(before) ?? named(head) ?? SETTINGS, size: e.size });
  };
  // the sizes of every version, asked of git once (one process), when they are needed
  let sizes: ReadonlyMap<string, number> | undefined;
  const sizesOf = () => {
    if (sizes) return sizes;
    const ids = new Set<string>(before?.values());
    for (const c of commits) for (const ch of c.changes.flat()) (ids.add(ch.oldBlob), ids.add(ch.newBlob));
    return (sizes = git.objectSizes(top, [...ids].filter((id) => !ZERO.test(id))));
  };
  // one new commit is read as it is; a longer history mostly from the files' last versions
  let derived: Map<string, Uint8Array>;
  try {
    derived = commits.length > 1 ? await prefixVersions(commits, before, head, reader, sizesOf, limits).catch(overLimit) : new Map<string, Uint8Array>();
  } catch (e) {
    // a reader of our own is not left running when git cannot say the sizes (a damaged pack)
    if (!known) reader.close();
    throw e;
  }
  // what is derived is not read ahead either
  const rest = derived.size === 0 ? commits : commits.map((c) => ({ ...c, changes: c.changes.map((l) => l.filter((ch) => !derived.has(ch.newBlob))) }));
  const read = readAhead(reader, rest, sizesOf, limits);
  const blobs: HistorySource['blobs'] = async (ids) => {
    const out = new Map<string, Uint8Array>();
    const missing: string[] = [];
    for (const id of ids) {
      const d = derived.get(id);
      if (d) out.set(id, d);
      else missing.push(id);
    }
    if (missing.length > 0) for (const [id, b] of await read(missing).catch(overLimit)) out.set(id, b);
    return out;
  };
  // a deleted qingdan.yaml: the defaults held
  const settings = [...(await reader.read([...settingsIds], limits).catch(overLimit)).values(), ...(settingsDeleted ? [new Uint8Array(0)] : [])];
  return { commits, head, ...(before ? { before } : {}), blobs, workTree, facts, settings, close: () => (known ? undefined : reader.close()) };
}
