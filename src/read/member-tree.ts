/**
 * A member's data repository read from git objects, at one commit: the settings, the templates and
 * the ledgers as a checked-out repository would hold them (read/repo.ts), but never checked out.
 * The member's files are untrusted: only regular files count (a symbolic link or a submodule is
 * not followed, as `findLedgers` does not follow links), names starting with a dot are skipped,
 * folders of the settings that lead out (absolute, `..`) are refused, and files, a member's data
 * or a commit's listing larger than the limits are refused at git's header, before their contents
 * are read.
 */
import type { Settings } from '../core/model.js';
import { GitError, TooLarge, type BlobReader } from './git.js';
import type { RawFile } from './repo.js';

/** A file larger than this is not read: no ledger or template of an office is near it. */
export const MAX_FILE_BYTES = 256 << 20;
/** Nor a member whose data adds up to more than this. */
export const MAX_TOTAL_BYTES = 1536 << 20;
/** Nor a commit whose listing (as `git ls-tree -r` would print it) is larger: about a million files. */
export const MAX_TREE_BYTES = 64 << 20;
/** git's own default limit on how deep trees may nest (core.maxTreeDepth). */
const MAX_TREE_DEPTH = 4096;

export interface MemberTree {
  /** The regular files: path → blob. What the member's data is read from. */
  files: Map<string, string>;
  /** Every blob of the tree, links and names starting with a dot too: path → blob. What audit compares the history with. */
  blobs: Map<string, string>;
}

export type TooLargeProblem = { kind: 'too-large'; file: string; size: number };

/** A file, the member's data or its listing over the limits: thrown by the reads here, said by whoever judges the member. */
export class OverLimit extends Error {
  constructor(readonly problem: TooLargeProblem) {
    super(`${problem.file}: ${problem.size} bytes`);
  }
}

/** What git would say of a tree it cannot read, in the words of a failed `git cat-file`. */
const unreadable = (what: string) => new GitError(['cat-file', '--batch'], { ok: false, code: 128, stdout: '', stderr: `fatal: ${what}` });

interface TreeEntry {
  mode: number;
  name: string;
  id: string;
}

/** The entries of a tree object: `<octal mode> <name>\0<hash>`, one after the other. */
function treeEntries(tree: Buffer, hashBytes: number, id: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  for (let i = 0; i < tree.length; ) {
    const space = tree.indexOf(0x20, i);
    const nul = space === -1 ? -1 : tree.indexOf(0, space + 1);
    if (nul === -1 || nul + 1 + hashBytes > tree.length) throw unreadable(`malformed tree ${id}`);
    out.push({ mode: parseInt(tree.toString('latin1', i, space), 8), name: tree.toString('utf8', space + 1, nul), id: tree.toString('hex', nul + 1, nul + 1 + hashBytes) });
    i = nul + 1 + hashBytes;
  }
  return out;
}

const S_IFMT = 0o170000;

/**
 * The files of a commit, read as tree objects through `reader` (no process of its own), listed as
 * `git ls-tree -r` lists them: in tree order, modes as git reads them (any execute bit is
 * 100755), submodules left out. Throws a GitError when the repository cannot read the commit (or
 * its trees nest deeper than git allows), and OverLimit for a listing over MAX_TREE_BYTES (the
 * limits are smaller in tests).
 */
export async function listTree(reader: BlobReader, commit: string, limits: { bytes?: number; depth?: number } = {}): Promise<MemberTree> {
  const maxTreeBytes = limits.bytes ?? MAX_TREE_BYTES;
  const maxDepth = limits.depth ?? MAX_TREE_DEPTH;
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) throw unreadable(`not a commit id: ${commit}`);
  const hashBytes = commit.length / 2;
  const root = `${commit}^{tree}`;
  // every tree is read once, a level at a time; the listing then walks them in order
  const trees = new Map<string, TreeEntry[]>();
  let read = 0;
  let depth = 0;
  for (let level = [root]; level.length > 0; ) {
    // as git itself (core.maxTreeDepth) refuses: each level is a round trip to git
    if (++depth > maxDepth) throw unreadable(`the tree of ${commit.slice(0, 12)} nests deeper than ${maxDepth} levels`);
    const got = await reader.read(level, { type: 'tree', total: maxTreeBytes - read }).catch((e: unknown) => {
      throw e instanceof TooLarge ? new OverLimit({ kind: 'too-large', file: '.', size: read + e.size }) : e;
    });
    const next = new Set<string>();
    for (const [id, bytes] of got) {
      read += bytes.length;
      const entries = treeEntries(bytes, hashBytes, id);
      trees.set(id, entries);
      for (const e of entries) if ((e.mode & S_IFMT) === 0o040000 && !trees.has(e.id)) next.add(e.id);
    }
    level = [...next].filter((id) => !trees.has(id));
  }
  const files = new Map<string, string>();
  const blobs = new Map<string, string>();
  // what the listing holds, counted as ls-tree would print it (mode, id, whole path): a tree may
  // hold the same subtree over and over, or folders nested deep, and small objects make long paths
  let listed = 0;
  const open = (id: string, prefix: string, hidden: boolean) => {
    const entries = trees.get(id)!;
    for (const e of entries) listed += prefix.length + e.name.length + hashBytes * 2 + 8;
    if (listed > maxTreeBytes) throw new OverLimit({ kind: 'too-large', file: '.', size: listed });
    return { entries, next: 0, prefix, hidden };
  };
  // depth first, as git lists, without recursion: a member's tree may be nested deeper than the stack
  const stack = [open(root, '', false)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const e = top.entries[top.next++];
    if (!e) {
      stack.pop();
      continue;
    }
    const path = top.prefix + e.name;
    const type = e.mode & S_IFMT;
    const hidden = top.hidden || e.name.startsWith('.');
    if (type === 0o040000) stack.push(open(e.id, `${path}/`, hidden));
    else if (type === 0o100000 || type === 0o120000) {
      blobs.set(path, e.id);
      // regular files only: never a link or a submodule
      if (type === 0o100000 && !hidden) files.set(path, e.id);
    }
  }
  return { files, blobs };
}

export type TreeProblem =
  | { kind: 'outside'; setting: string; value: string }
  | TooLargeProblem
  | { kind: 'missing'; file: string }
  /** The repository cannot read the commit (git's words in `detail`). */
  | { kind: 'missing-commit'; detail: string }
  /** It has the commit but cannot read what it holds: a tree or a file missing or malformed (git's words). */
  | { kind: 'unreadable'; detail: string };

/** Whether a folder of the settings leads out of the repository: absolute, or a `..` part. */
export function leadsOutOfTree(dir: string): boolean {
  return /^[\\/]/.test(dir) || /^[A-Za-z]:/.test(dir) || dir.split(/[\\/]+/).includes('..');
}

/** A folder of the settings as a prefix of tree paths: `./ledgers/` → `ledgers/`, `.` → ''. */
function folderPrefix(dir: string): string {
  const parts = dir.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

export interface MemberFiles {
  settings?: RawFile;
  org?: RawFile;
  checklists: RawFile[];
  ledgers: RawFile[];
  ledgersDir: string;
  templatesDir: string;
  /** The commit's tree (its regular files for evidence, every blob for the audit). */
  tree: MemberTree;
}

/**
 * The files at `paths` of the tree, by path, read through `reader`: each at most MAX_FILE_BYTES,
 * all of them at most `total` (OverLimit names the file, or `whole` for the total).
 */
async function readPaths(reader: BlobReader, tree: MemberTree, paths: readonly string[], total: number, whole: string): Promise<Map<string, Buffer>> {
  const ids = paths.map((p) => tree.files.get(p)!);
  const blobs = await reader.read(ids, { type: 'blob', each: MAX_FILE_BYTES, total }).catch((e: unknown) => {
    if (!(e instanceof TooLarge)) throw e;
    throw new OverLimit({ kind: 'too-large', file: e.whole ? whole : paths[ids.indexOf(e.id)]!, size: e.size });
  });
  return new Map(paths.map((p, i) => [p, blobs.get(ids[i]!)!]));
}

/**
 * The member's files at `commit`, read through `reader` (a `git cat-file --batch` of the same
 * repository, which the caller closes). `settingsOf` parses the settings (the YAML parser is
 * loaded by the caller), since they say where the templates and ledgers are. A problem that stops
 * the member from being read is returned, not thrown.
 */
export async function readMemberFiles(reader: BlobReader, commit: string, settingsOf: (raw: RawFile | undefined) => Settings | undefined | Promise<Settings | undefined>): Promise<MemberFiles | TreeProblem> {
  try {
    const whole = await listTree(reader, commit);
    const tree = whole.files;
    const one = async (path: string): Promise<RawFile | undefined> => (tree.has(path) ? { file: path, bytes: (await readPaths(reader, whole, [path], MAX_FILE_BYTES, path)).get(path)! } : undefined);
    const settingsRaw = await one('qingdan.yaml');
    const settings = (await settingsOf(settingsRaw)) ?? {};
    const templatesDir = settings.paths?.templates ?? 'templates';
    const ledgersDir = settings.paths?.ledgers ?? 'ledgers';
    if (leadsOutOfTree(templatesDir)) return { kind: 'outside', setting: 'paths.templates', value: templatesDir };
    if (leadsOutOfTree(ledgersDir)) return { kind: 'outside', setting: 'paths.ledgers', value: ledgersDir };
    const tp = folderPrefix(templatesDir);
    const lp = folderPrefix(ledgersDir);
    const org = await one(`${tp}org.yaml`);
    const checklistPaths = [...tree.keys()].filter((p) => p.startsWith(tp) && /^checklist-.*\.ya?ml$/.test(p.slice(tp.length))).sort();
    const ledgerPaths = [...tree.keys()].filter((p) => p.startsWith(lp) && p.endsWith('.ledger')).sort();
    const data = await readPaths(reader, whole, [...checklistPaths, ...ledgerPaths], MAX_TOTAL_BYTES, ledgersDir);
    const raw = (p: string): RawFile => ({ file: p, bytes: data.get(p)! });
    return {
      ...(settingsRaw ? { settings: settingsRaw } : {}),
      ...(org ? { org } : {}),
      checklists: checklistPaths.map(raw),
      ledgers: ledgerPaths.map(raw),
      ledgersDir,
      templatesDir,
      tree: whole,
    };
  } catch (e) {
    if (e instanceof OverLimit) return e.problem;
    if (e instanceof GitError) {
      const detail = e.result.stderr.trim().split('\n')[0] ?? '';
      // what git says of the commit's own tree, asked first, says the commit is not there
      return { kind: detail.includes(`${commit}^{tree}`) ? 'missing-commit' : 'unreadable', detail };
    }
    throw e;
  }
}

/** The blobs of `paths` (those that are regular files of the tree), by path, read through `reader`; throws OverLimit for one over MAX_FILE_BYTES. */
export async function readTreeFiles(reader: BlobReader, tree: MemberTree, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  return readPaths(reader, tree, paths.filter((p) => tree.files.has(p)), MAX_TOTAL_BYTES, '.');
}
