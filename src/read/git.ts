/**
 * The only code that runs git. Every call goes through `execFileSync` with an argument array —
 * never a shell — so that notes, paths and names are passed to git as data, whatever they hold
 * (`$(…)`, backticks, `;`). Paths always follow `--`, revisions follow `--end-of-options`, and
 * pathspecs are literal (`--literal-pathspecs`), so that nothing a user typed is read as an option
 * or a glob.
 */
import { execFileSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  cwd: string;
  /** Extra environment, on top of the process's own. */
  env?: Record<string, string | undefined>;
  input?: string | Uint8Array;
}

const MAX_BUFFER = 1 << 30;

/** The environment git runs with: the caller's, never prompting for anything. */
function envFor(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', ...extra };
}

/** Runs git and returns what it printed; never throws for a non-zero exit (see `ok`). */
export function git(args: readonly string[], opts: GitOptions): GitResult {
  try {
    const stdout = execFileSync('git', ['--literal-pathspecs', ...args], {
      cwd: opts.cwd,
      env: envFor(opts.env),
      input: opts.input,
      encoding: 'utf8',
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    return { ok: true, code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { status?: number | null; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT') return { ok: false, code: 127, stdout: '', stderr: 'git: command not found' };
    return { ok: false, code: err.status ?? 1, stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? err.message) };
  }
}

/** Runs git for its raw bytes (blob contents). Throws on failure. */
export function gitBytes(args: readonly string[], opts: GitOptions): Buffer {
  return execFileSync('git', ['--literal-pathspecs', ...args], {
    cwd: opts.cwd,
    env: envFor(opts.env),
    input: opts.input,
    maxBuffer: MAX_BUFFER,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(`git ${args[0] ?? ''}: ${result.stderr.trim() || `exit ${result.code}`}`);
  }
}

function must(args: readonly string[], opts: GitOptions): string {
  const r = git(args, opts);
  if (!r.ok) throw new GitError(args, r);
  return r.stdout;
}

export function gitAvailable(cwd: string): boolean {
  return git(['--version'], { cwd }).ok;
}

/** Where the repository containing `dir` is: its top level, the prefix of `dir` in it, its git dir. */
export interface GitRepo {
  top: string;
  /** `dir` relative to the top level, with a trailing slash, or '' at the top. */
  prefix: string;
  gitDir: string;
}

export function findGitRepo(dir: string): GitRepo | undefined {
  const r = git(['rev-parse', '--show-toplevel', '--show-prefix', '--absolute-git-dir'], { cwd: dir });
  if (!r.ok) return undefined;
  const [top, prefix, gitDir] = r.stdout.split('\n');
  if (!top || gitDir === undefined) return undefined;
  return { top, prefix: prefix ?? '', gitDir };
}

export function isWorkTreeTop(dir: string): boolean {
  const r = git(['rev-parse', '--show-prefix'], { cwd: dir });
  return r.ok && r.stdout.trim() === '';
}

export function init(dir: string): GitResult {
  return git(['init', '-q'], { cwd: dir });
}

export interface Identity {
  name: string;
  email: string;
}

/** git's own identity for `who` (AUTHOR or COMMITTER), or undefined when git has none. */
export function identity(cwd: string, who: 'AUTHOR' | 'COMMITTER', env?: Record<string, string | undefined>): Identity | undefined {
  const r = git(['var', `GIT_${who}_IDENT`], { cwd, ...(env ? { env } : {}) });
  if (!r.ok) return undefined;
  const m = /^(.*) <([^>]*)> \d+ [+-]\d{4}$/.exec(r.stdout.trim());
  return m ? { name: m[1]!, email: m[2]! } : undefined;
}

/** `git status --porcelain` for one path: '' when it is committed and unchanged. */
export function statusOf(cwd: string, path: string): string {
  return must(['status', '--porcelain', '--untracked-files=all', '--', path], { cwd });
}

export function add(cwd: string, paths: readonly string[]): void {
  must(['add', '--', ...paths], { cwd });
}

export interface CommitSpec {
  message: string;
  paths: readonly string[];
  author?: Identity;
  /** Used as committer only when git has no identity of its own. */
  committer?: Identity;
}

/** Commits exactly `paths` (`git commit -- paths`), whatever else is staged. Returns the new commit. */
export function commit(cwd: string, spec: CommitSpec): GitResult & { sha?: string } {
  const args = ['commit', '-q', '--no-edit', `--message=${spec.message}`];
  if (spec.author) args.push(`--author=${spec.author.name} <${spec.author.email}>`);
  args.push('--', ...spec.paths);
  const env = spec.committer
    ? { GIT_COMMITTER_NAME: spec.committer.name, GIT_COMMITTER_EMAIL: spec.committer.email }
    : undefined;
  const r = git(args, { cwd, ...(env ? { env } : {}) });
  if (!r.ok) return r;
  const head = git(['rev-parse', 'HEAD'], { cwd });
  return head.ok ? { ...r, sha: head.stdout.trim() } : r;
}

export function isTracked(cwd: string, path: string): boolean {
  return git(['ls-files', '--error-unmatch', '--', path], { cwd }).ok;
}

/** The commit a revision names, or undefined. */
export function resolveCommit(cwd: string, rev: string): string | undefined {
  const r = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd });
  return r.ok ? r.stdout.trim() : undefined;
}

export interface CommitInfo {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset. */
  authored: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  committed: string;
  subject: string;
}

/**
 * Every commit that changed anything under `path` — merges included, whichever parent the change
 * came from (`--full-history`, no parent rewriting, so `parents` are the real ones) — oldest first.
 */
export function commitsTouching(top: string, path: string, since?: string): CommitInfo[] {
  const range = since ? `${since}..HEAD` : 'HEAD';
  const out = must(
    [
      'log',
      '--full-history',
      '--topo-order',
      '--reverse',
      '--no-color',
      '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%s%x1e',
      '--end-of-options',
      range,
      '--',
      path,
    ],
    { cwd: top },
  );
  const commits: CommitInfo[] = [];
  for (const rec of out.split('\x1e')) {
    const t = rec.replace(/^\n/, '');
    if (t === '') continue;
    const [sha, parents, author, email, authored, committed, subject] = t.split('\x1f');
    commits.push({
      sha: sha!,
      parents: parents ? parents.split(' ').filter(Boolean) : [],
      author: author ?? '',
      email: email ?? '',
      authored: authored ?? '',
      committed: committed ?? '',
      subject: subject ?? '',
    });
  }
  return commits;
}

export function hasHead(top: string): boolean {
  return git(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: top }).ok;
}

export interface RawChange {
  /** A added, D deleted, M modified, T type changed. */
  status: string;
  path: string;
  oldBlob: string;
  newBlob: string;
  oldMode: string;
  newMode: string;
}

/**
 * For each pair — a commit and one parent, or a root commit alone — the files under `path` that
 * differ. One git process for all pairs (`diff-tree --stdin`); `--always` prints a header for
 * every pair, so answers line up with questions.
 */
export function changesOf(top: string, pairs: ReadonlyArray<readonly [string, string?]>, path: string): RawChange[][] {
  if (pairs.length === 0) return [];
  const input = pairs.map(([c, p]) => (p ? `${c} ${p}` : c)).join('\n') + '\n';
  const out = must(
    ['diff-tree', '--stdin', '-z', '-r', '--raw', '--no-abbrev', '--no-renames', '--always', '--root', '--no-color', '--', path],
    { cwd: top, input },
  );
  const tokens = out.split('\0');
  const result: RawChange[][] = [];
  let current: RawChange[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '') continue;
    if (t.startsWith(':')) {
      const [oldMode, newMode, oldBlob, newBlob, status] = t.slice(1).split(' ');
      const p = tokens[++i] ?? '';
      current?.push({ status: (status ?? 'M').slice(0, 1), path: p, oldBlob: oldBlob!, newBlob: newBlob!, oldMode: oldMode!, newMode: newMode! });
    } else {
      current = [];
      result.push(current);
    }
  }
  return result;
}

/** Contents of blobs, by id, in one `git cat-file --batch`. */
export function readBlobs(top: string, ids: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const buf = gitBytes(['cat-file', '--batch'], { cwd: top, input: unique.join('\n') + '\n' });
  let at = 0;
  for (const id of unique) {
    const nl = buf.indexOf(10, at);
    if (nl === -1) break;
    const header = buf.subarray(at, nl).toString('utf8');
    const [sha, type, size] = header.split(' ');
    if (type === 'missing' || size === undefined) {
      at = nl + 1;
      continue;
    }
    const n = Number(size);
    out.set(sha ?? id, buf.subarray(nl + 1, nl + 1 + n));
    at = nl + 1 + n + 1;
  }
  return out;
}

/** Files under `path` at a commit: path → blob id. */
export function treeFiles(top: string, rev: string, path: string): Map<string, string> {
  const out = new Map<string, string>();
  const r = git(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', rev, '--', path], { cwd: top });
  if (!r.ok) return out;
  for (const rec of r.stdout.split('\0')) {
    if (rec === '') continue;
    const tab = rec.indexOf('\t');
    const [, type, blob] = rec.slice(0, tab).split(' ');
    if (type === 'blob' && blob) out.set(rec.slice(tab + 1), blob);
  }
  return out;
}
