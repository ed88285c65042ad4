/**
 * A member's data repository read from git objects, at one commit: the settings, the templates and
 * the ledgers as a checked-out repository would hold them (read/repo.ts), but never checked out.
 * The member's files are untrusted: only regular files count (a symbolic link or a submodule is
 * not followed, as `findLedgers` does not follow links), names starting with a dot are skipped,
 * folders of the settings that lead out (absolute, `..`) are refused, and files or a whole
 * repository larger than the limits are refused before they are read.
 */
import type { Settings } from '../core/model.js';
import { git, GitError, type At, type BlobReader } from './git.js';
import type { RawFile } from './repo.js';

/** A file larger than this is not read: no ledger or template of an office is near it. */
export const MAX_FILE_BYTES = 256 << 20;
/** Nor a member whose data adds up to more than this. */
export const MAX_TOTAL_BYTES = 1536 << 20;

export interface TreeEntry {
  blob: string;
  size: number;
}

export interface MemberTree {
  /** The regular files: path → blob and size. What the member's data is read from. */
  files: Map<string, TreeEntry>;
  /** Every blob of the tree, links and names starting with a dot too: path → blob. What audit compares the history with. */
  blobs: Map<string, string>;
}

/** The files of a commit, from one `git ls-tree`. Throws a GitError when the repository cannot read the commit. */
export function listTree(at: At, commit: string): MemberTree {
  const args = ['ls-tree', '-r', '-z', '--long', '--full-tree', '--end-of-options', commit];
  const r = git(args, at);
  if (!r.ok) throw new GitError(args, r);
  const files = new Map<string, TreeEntry>();
  const blobs = new Map<string, string>();
  for (const rec of r.stdout.split('\0')) {
    if (rec === '') continue;
    const tab = rec.indexOf('\t');
    const [mode, type, blob, size] = rec.slice(0, tab).trim().split(/\s+/);
    const path = rec.slice(tab + 1);
    if (type !== 'blob' || !blob) continue;
    blobs.set(path, blob);
    // regular files only: 100644 and 100755, never a link (120000) or a submodule (160000)
    if (mode !== '100644' && mode !== '100755') continue;
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    files.set(path, { blob, size: Number(size) });
  }
  return { files, blobs };
}

export type TreeProblem =
  | { kind: 'outside'; setting: string; value: string }
  | { kind: 'too-large'; file: string; size: number }
  | { kind: 'missing'; file: string }
  /** The repository cannot read the commit (git's words in `detail`). */
  | { kind: 'missing-commit'; detail: string };

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
 * The member's files at `commit`, read through `reader` (a `git cat-file --batch` of the same
 * repository, which the caller closes). `settingsOf` parses the settings (the YAML parser is
 * loaded by the caller), since they say where the templates and ledgers are. A problem that stops
 * the member from being read is returned, not thrown.
 */
export async function readMemberFiles(at: At, reader: BlobReader, commit: string, settingsOf: (raw: RawFile | undefined) => Settings | undefined): Promise<MemberFiles | TreeProblem> {
  let whole: MemberTree;
  try {
    whole = listTree(at, commit);
  } catch (e) {
    if (e instanceof GitError) return { kind: 'missing-commit', detail: e.result.stderr.trim().split('\n')[0] ?? '' };
    throw e;
  }
  const tree = whole.files;
  try {
    const read = async (paths: string[]): Promise<RawFile[]> => {
      for (const p of paths) {
        const size = tree.get(p)!.size;
        if (size > MAX_FILE_BYTES) throw Object.assign(new Error('too-large'), { problem: { kind: 'too-large', file: p, size } satisfies TreeProblem });
      }
      const blobs = await reader.read(paths.map((p) => tree.get(p)!.blob));
      return paths.map((p) => ({ file: p, bytes: blobs.get(tree.get(p)!.blob)! }));
    };
    const settingsRaw = tree.has('qingdan.yaml') ? (await read(['qingdan.yaml']))[0] : undefined;
    const settings = settingsOf(settingsRaw) ?? {};
    const templatesDir = settings.paths?.templates ?? 'templates';
    const ledgersDir = settings.paths?.ledgers ?? 'ledgers';
    if (leadsOutOfTree(templatesDir)) return { kind: 'outside', setting: 'paths.templates', value: templatesDir };
    if (leadsOutOfTree(ledgersDir)) return { kind: 'outside', setting: 'paths.ledgers', value: ledgersDir };
    const tp = folderPrefix(templatesDir);
    const lp = folderPrefix(ledgersDir);
    const orgPath = `${tp}org.yaml`;
    const checklistPaths = [...tree.keys()].filter((p) => p.startsWith(tp) && /^checklist-.*\.ya?ml$/.test(p.slice(tp.length))).sort();
    const ledgerPaths = [...tree.keys()].filter((p) => p.startsWith(lp) && p.endsWith('.ledger')).sort();
    let total = 0;
    for (const p of [...checklistPaths, ...ledgerPaths]) total += tree.get(p)!.size;
    if (total > MAX_TOTAL_BYTES) return { kind: 'too-large', file: ledgersDir, size: total };
    const org = tree.has(orgPath) ? (await read([orgPath]))[0] : undefined;
    const checklists = await read(checklistPaths);
    const ledgers = await read(ledgerPaths);
    return {
      ...(settingsRaw ? { settings: settingsRaw } : {}),
      ...(org ? { org } : {}),
      checklists,
      ledgers,
      ledgersDir,
      templatesDir,
      tree: whole,
    };
  } catch (e) {
    const problem = (e as { problem?: TreeProblem }).problem;
    if (problem) return problem;
    throw e;
  }
}

/** The blobs of `paths` (regular files of the tree), by path, read through `reader`; those over the size limit are left out. */
export async function readTreeFiles(reader: BlobReader, tree: MemberTree, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  const want = paths.filter((p) => tree.files.has(p) && tree.files.get(p)!.size <= MAX_FILE_BYTES);
  const out = new Map<string, Uint8Array>();
  if (want.length === 0) return out;
  const blobs = await reader.read(want.map((p) => tree.files.get(p)!.blob));
  for (const p of want) out.set(p, blobs.get(tree.files.get(p)!.blob)!);
  return out;
}
