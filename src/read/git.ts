/**
 * The only code that runs git. Every call goes through `execFile` with an argument array — never
 * a shell — so that notes, paths and names are passed to git as data, whatever they hold (`$(…)`,
 * backticks, `;`). Paths always follow `--`, revisions follow `--end-of-options`, pathspecs are
 * literal (`--literal-pathspecs`), so that nothing a user typed is read as an option or a glob,
 * and replace objects are off, so that `git replace` cannot change what a command sees. git runs
 * with the environment the command was given (`Io.env`), never the process's own.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Commit } from '../core/audit/history.js';
import { QingdanError } from '../errors.js';

/** Where git runs and with which environment. */
export interface At {
  cwd: string;
  env: Env;
}

export type Env = Readonly<Record<string, string | undefined>>;

const GLOBAL_ARGS = ['--no-replace-objects', '--literal-pathspecs'];

export interface GitResult {
  ok: boolean;
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions extends At {
  /** Set on top of `env`. */
  extraEnv?: Record<string, string>;
  input?: string | Uint8Array;
}

const MAX_BUFFER = 1 << 30;

/** The environment git runs with: the command's, never prompting for anything. */
function envFor(opts: GitOptions): NodeJS.ProcessEnv {
  return { ...opts.env, GIT_TERMINAL_PROMPT: '0', GIT_NO_REPLACE_OBJECTS: '1', ...opts.extraEnv };
}

/** Runs git and returns what it printed; never throws for a non-zero exit (see `ok`). */
export function git(args: readonly string[], opts: GitOptions): GitResult {
  try {
    const stdout = execFileSync('git', [...GLOBAL_ARGS, ...args], {
      cwd: opts.cwd,
      env: envFor(opts),
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
    // a git ended by a signal has no status: never read as the definite "no" some commands exit 1 for
    return { ok: false, code: err.status ?? 128, stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? err.message) };
  }
}

/** `git`, run in the background: for a question whose answer can wait while other work is done. */
function gitAsync(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', [...GLOBAL_ARGS, ...args], { cwd: opts.cwd, env: envFor(opts), encoding: 'utf8', maxBuffer: MAX_BUFFER, windowsHide: true }, (e, stdout, stderr) => {
      const err = e as (NodeJS.ErrnoException & { code?: string | number }) | null;
      if (!err) resolve({ ok: true, code: 0, stdout, stderr });
      else if (err.code === 'ENOENT') resolve({ ok: false, code: 127, stdout: '', stderr: 'git: command not found' });
      else resolve({ ok: false, code: typeof err.code === 'number' ? err.code : 128, stdout, stderr });
    });
  });
}

/** A git command that had to succeed and did not; the details are git's own words. */
export class GitError extends QingdanError {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super('git-failed', { command: `git ${args.find((a) => !a.startsWith('-')) ?? ''}`.trim() }, result.stderr.trim() || `exit ${result.code}`);
  }
}

function must(args: readonly string[], opts: GitOptions): string {
  const r = git(args, opts);
  if (!r.ok) throw new GitError(args, r);
  return r.stdout;
}

export function gitAvailable(at: At): boolean {
  return git(['--version'], at).ok;
}

/** Where the repository containing `dir` is: its top level, the prefix of `dir` in it, its git dir. */
export interface GitRepo {
  top: string;
  /** `dir` relative to the top level, with a trailing slash, or '' at the top. */
  prefix: string;
  gitDir: string;
}

/**
 * The repository containing `dir`, or why there is none in git's own words (`stderr`): "not a git
 * repository", but also "detected dubious ownership…" with git's advice, which must reach the user.
 * `notRepo` tells the first case from the others.
 */
export function probeGitRepo(at: At): { repo: GitRepo } | { repo?: undefined; stderr: string; notRepo: boolean } {
  const r = git(['rev-parse', '--show-toplevel', '--show-prefix', '--absolute-git-dir'], at);
  const [top, prefix, gitDir] = r.stdout.split('\n');
  if (r.ok && top && gitDir !== undefined) return { repo: { top, prefix: prefix ?? '', gitDir } };
  const stderr = r.stderr.trim();
  return { stderr, notRepo: r.code === 127 || stderr === '' || /not a git repository/i.test(stderr) };
}

/**
 * The git repository `at.cwd` is in. Outside one (or without git) that is an error when
 * `required`, else undefined; when git is there but refuses the repository ("dubious
 * ownership"…), always an error, with git's own words.
 */
export function gitRepoOf(at: At, required: boolean): GitRepo | undefined {
  const probe = probeGitRepo(at);
  if (probe.repo) return probe.repo;
  const available = gitAvailable(at);
  if (available && !probe.notRepo) throw new QingdanError('git-unusable', { dir: at.cwd }, probe.stderr);
  if (!required) return undefined;
  throw available ? new QingdanError('not-git', { dir: at.cwd }) : new QingdanError('no-git');
}

export function isWorkTreeTop(at: At): boolean {
  const r = git(['rev-parse', '--show-prefix'], at);
  return r.ok && r.stdout.trim() === '';
}

export function init(at: At): GitResult {
  return git(['init', '-q'], at);
}

export interface Identity {
  name: string;
  email: string;
}

/** git's own identity for `who` (AUTHOR or COMMITTER), or undefined when git has none. */
export function identity(at: At, who: 'AUTHOR' | 'COMMITTER'): Identity | undefined {
  const r = git(['var', `GIT_${who}_IDENT`], at);
  if (!r.ok) return undefined;
  const m = /^(.*) <([^>]*)> \d+ [+-]\d{4}$/.exec(r.stdout.trim());
  return m ? { name: m[1]!, email: m[2]! } : undefined;
}

/** `git status --porcelain` for one path: '' when it is committed and unchanged. */
export function statusOf(at: At, path: string): string {
  return must(['status', '--porcelain', '--untracked-files=all', '--', path], at);
}

export function add(at: At, paths: readonly string[]): void {
  must(['add', '--', ...paths], at);
}

export interface CommitSpec {
  message: string;
  paths: readonly string[];
  author?: Identity;
  /** Used as committer only when git has no identity of its own. */
  committer?: Identity;
}

/** Commits exactly `paths` (`git commit -- paths`), whatever else is staged. Returns the new commit. */
export function commit(at: At, spec: CommitSpec): GitResult & { sha?: string } {
  const args = ['commit', '-q', '--no-edit', `--message=${spec.message}`];
  if (spec.author) args.push(`--author=${spec.author.name} <${spec.author.email}>`);
  args.push('--', ...spec.paths);
  const env = spec.committer
    ? { GIT_COMMITTER_NAME: spec.committer.name, GIT_COMMITTER_EMAIL: spec.committer.email }
    : undefined;
  const r = git(args, { ...at, ...(env ? { extraEnv: env } : {}) });
  if (!r.ok) return r;
  const head = git(['rev-parse', 'HEAD'], at);
  return head.ok ? { ...r, sha: head.stdout.trim() } : r;
}

/** A git operation that stopped half-way and waits for the user (`git status` tells of it). */
export type GitOperation = 'merge' | 'rebase' | 'am' | 'cherry-pick' | 'revert' | 'bisect';

/**
 * The unfinished operation of the repository whose git directory is `gitDir`, from the files git
 * keeps there meanwhile (MERGE_HEAD, rebase-merge/, rebase-apply/, CHERRY_PICK_HEAD, REVERT_HEAD,
 * sequencer/, BISECT_LOG), or undefined.
 */
export function unfinishedOperation(gitDir: string): GitOperation | undefined {
  const has = (p: string) => existsSync(join(gitDir, p));
  if (has('rebase-merge')) return 'rebase';
  if (has('rebase-apply')) return has('rebase-apply/applying') ? 'am' : 'rebase';
  if (has('MERGE_HEAD')) return 'merge';
  if (has('CHERRY_PICK_HEAD')) return 'cherry-pick';
  if (has('REVERT_HEAD')) return 'revert';
  if (has('sequencer/todo')) {
    let todo = '';
    try {
      todo = readFileSync(join(gitDir, 'sequencer/todo'), 'utf8');
    } catch {
      /* gone meanwhile */
    }
    return /^\s*revert\b/.test(todo) ? 'revert' : 'cherry-pick';
  }
  if (has('BISECT_LOG')) return 'bisect';
  return undefined;
}

/** Whether HEAD is a branch (possibly one without commits yet), not a detached commit. */
export function onBranch(at: At): boolean {
  return git(['symbolic-ref', '-q', 'HEAD'], at).ok;
}

/** Whether git failed because another git holds the index (`index.lock` exists). */
export function indexLocked(r: GitResult): boolean {
  return !r.ok && /index\.lock/.test(r.stderr);
}

/** The index entry of `path` put back as HEAD has it (removed when HEAD has no such file). */
export function restoreIndexEntry(at: At, path: string): GitResult {
  return hasHead(at) ? git(['reset', '-q', '--', path], at) : git(['rm', '--cached', '-q', '--ignore-unmatch', '--', path], at);
}

export function isTracked(at: At, path: string): boolean {
  return git(['ls-files', '--error-unmatch', '--', path], at).ok;
}

/** The commit a revision names, or undefined. */
export function resolveCommit(at: At, rev: string): string | undefined {
  const r = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], at);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Whether commit `a` is `b` or one of its ancestors; undefined when either is not there. */
export function isAncestor(at: At, a: string, b: string): boolean | undefined {
  const r = git(['merge-base', '--is-ancestor', '--end-of-options', a, b], at);
  return r.ok ? true : r.code === 1 ? false : undefined;
}

/** A commit as `git log` gives it: the shape audit reads (core/audit/history.ts). */
export type CommitInfo = Commit;

const LOG_FIELDS = 6;

/**
 * Every commit that changed anything under `path` (the whole repository when `path` is undefined)
 * — merges included, whichever parent the change came from (`--full-history`, no parent
 * rewriting, so `parents` are the real ones) — oldest first. Fields and commits are NUL-separated
 * (`-z`, `%x00`): git's names cannot hold a NUL, so no text of a commit can split a record.
 */
export function commitsTouching(at: At, path: string | undefined, since?: string, rev = 'HEAD'): CommitInfo[] {
  const range = since ? `${since}..${rev}` : rev;
  const out = must(
    [
      'log',
      '-z',
      '--full-history',
      '--topo-order',
      '--reverse',
      '--no-color',
      '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI',
      '--end-of-options',
      range,
      ...pathspec(path),
    ],
    at,
  );
  const t = out.split('\0');
  const commits: CommitInfo[] = [];
  // a NUL ends every commit, the last one too; `%P` of a root commit is empty
  for (let i = 0; i + LOG_FIELDS <= t.length; i += LOG_FIELDS) {
    const [sha, parents, author, email, authored, committed] = t.slice(i, i + LOG_FIELDS) as [string, string, string, string, string, string];
    if (sha === '') break;
    commits.push({ sha, parents: parents.split(' ').filter(Boolean), author, email, authored, committed });
  }
  return commits;
}

/** `-- path`, or nothing for the whole repository. */
function pathspec(path: string | undefined): string[] {
  return path === undefined || path === '' ? [] : ['--', path];
}

export function hasHead(at: At): boolean {
  return git(['rev-parse', '--verify', '--quiet', 'HEAD'], at).ok;
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
 * For each pair — a commit and one parent, or a root commit alone — the files under `path` (the
 * whole repository when undefined) that differ. One git process for all pairs (`diff-tree --stdin`); `--always` prints a header for
 * every pair, so answers line up with questions.
 */
export function changesOf(at: At, pairs: ReadonlyArray<readonly [string, string?]>, path: string | undefined): RawChange[][] {
  if (pairs.length === 0) return [];
  const input = pairs.map(([c, p]) => (p ? `${c} ${p}` : c)).join('\n') + '\n';
  const out = must(
    ['diff-tree', '--stdin', '-z', '-r', '--raw', '--no-abbrev', '--no-renames', '--always', '--root', '--no-color', ...pathspec(path)],
    { ...at, input },
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

/** The size in bytes of each of `ids` that is there, in one `git cat-file --batch-check`. */
export function objectSizes(at: At, ids: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const text = must(['cat-file', '--batch-check=%(objectname) %(objectsize)'], { ...at, input: ids.join('\n') + '\n' });
  for (const line of text.split('\n')) {
    const [id, size] = line.split(' ');
    if (id && size && /^\d+$/.test(size)) out.set(id, Number(size));
  }
  return out;
}

/** Files under `path` (the whole tree when undefined) at a commit: path → blob id. */
export function treeFiles(at: At, rev: string, path: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', rev, ...pathspec(path)];
  const r = git(args, at);
  if (!r.ok) throw new GitError(args, r);
  for (const rec of r.stdout.split('\0')) {
    if (rec === '') continue;
    const tab = rec.indexOf('\t');
    const [, type, blob] = rec.slice(0, tab).split(' ');
    if (type === 'blob' && blob) out.set(rec.slice(tab + 1), blob);
  }
  return out;
}

/**
 * Reads blobs from one `git cat-file --batch` kept running, a few at a time (audit asks for the
 * versions one commit changed, then the next commit's): never the whole history's at once. Each
 * blob arrives in a buffer of its own. Close it when done.
 */
export interface BlobReader {
  /**
   * The contents of `ids` (object names: ids, or `<commit>^{tree}`); rejects with a GitError when
   * git fails, an object is missing or is not of `limits.type`, and with TooLarge when an object
   * is over `limits`. Either way the reader is done: git is stopped, later reads reject too.
   */
  read(ids: readonly string[], limits?: ReadLimits): Promise<Map<string, Buffer>>;
  close(): void;
}

/** What one read takes: git says an object's type and size before its contents, so more is never read. */
export interface ReadLimits {
  type?: 'blob' | 'tree';
  /** The most bytes one object may hold. */
  each?: number;
  /** The most bytes the objects of the read may hold together. */
  total?: number;
}

/** An object over a read's limits (`whole`: the read's objects together), with its size or the total so far. */
export class TooLarge extends Error {
  constructor(
    readonly id: string,
    readonly size: number,
    readonly whole: boolean,
  ) {
    super(`${id}: ${size} bytes`);
  }
}

export function blobReader(at: At): BlobReader {
  const args = ['cat-file', '--batch'];
  const child = spawn('git', [...GLOBAL_ARGS, ...args], { cwd: at.cwd, env: envFor(at), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 1 << 16) stderr += d;
  });
  interface Pending {
    ids: string[];
    limits: ReadLimits;
    /** The bytes of this read's objects so far. */
    bytes: number;
    got: Map<string, Buffer>;
    resolve: (m: Map<string, Buffer>) => void;
    reject: (e: Error) => void;
  }
  const queue: Pending[] = [];
  const chunks: Buffer[] = [];
  let body: { size: number; buf: Buffer; filled: number } | undefined;
  let failed: Error | undefined;
  const fail = (e: Error) => {
    failed ??= e;
    for (const p of queue.splice(0)) p.reject(failed);
  };
  /** Fails, and stops git, whose output nobody will read. */
  const stop = (e: Error) => {
    fail(e);
    chunks.length = 0;
    child.kill();
  };
  const gitFailed = (text: string, code = 128) => new GitError(args, { ok: false, code, stdout: '', stderr: text });
  /** Removes `n` bytes from the front of what arrived (n ≤ what arrived). */
  const drop = (n: number) => {
    while (n > 0) {
      const c = chunks[0]!;
      if (c.length <= n) {
        chunks.shift();
        n -= c.length;
      } else {
        chunks[0] = c.subarray(n);
        n = 0;
      }
    }
  };
  /** The header line at the front, without its newline, once it has all arrived. */
  const header = (): string | undefined => {
    const parts: Buffer[] = [];
    for (const c of chunks) {
      const nl = c.indexOf(10);
      if (nl === -1) {
        parts.push(c);
        continue;
      }
      parts.push(c.subarray(0, nl));
      const line = Buffer.concat(parts);
      drop(line.length + 1);
      return line.toString('utf8');
    }
    return undefined;
  };
  const pump = () => {
    for (;;) {
      const p = queue[0];
      if (!p) return;
      const asked = p.ids[p.got.size]!;
      if (!body) {
        const h = header();
        if (h === undefined) return;
        const [, type, sizeText] = h.split(' ');
        if (type === 'missing' || sizeText === undefined || !/^\d+$/.test(sizeText)) return stop(gitFailed(`fatal: ${h}`));
        if (p.limits.type !== undefined && type !== p.limits.type) return stop(gitFailed(`fatal: ${asked} is a ${type}, not a ${p.limits.type}`));
        const size = Number(sizeText);
        p.bytes += size;
        if (size > (p.limits.each ?? Infinity)) return stop(new TooLarge(asked, size, false));
        if (p.bytes > (p.limits.total ?? Infinity)) return stop(new TooLarge(asked, p.bytes, true));
        body = { size, buf: Buffer.allocUnsafe(size), filled: 0 };
      }
      while (body.filled < body.size && chunks.length > 0) {
        const c = chunks[0]!;
        const k = Math.min(c.length, body.size - body.filled);
        c.copy(body.buf, body.filled, 0, k);
        body.filled += k;
        drop(k);
      }
      // the contents, then a newline
      if (body.filled < body.size || chunks.length === 0) return;
      drop(1);
      p.got.set(asked, body.buf);
      body = undefined;
      if (p.got.size === p.ids.length) {
        queue.shift();
        p.resolve(p.got);
      }
    }
  };
  child.stdout.on('data', (d: Buffer) => {
    if (failed) return;
    chunks.push(d);
    pump();
  });
  child.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? gitFailed('git: command not found', 127) : e));
  child.on('close', (code) => {
    if (queue.length > 0) fail(gitFailed(stderr.trim() || `exit ${code ?? 1}`, code ?? 1));
    failed ??= gitFailed('git cat-file has ended', code ?? 1);
  });
  // a git that died is reported by 'close'
  child.stdin.on('error', () => undefined);
  return {
    read(ids, limits = {}) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return Promise.resolve(new Map());
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        queue.push({ ids: unique, limits, bytes: 0, got: new Map(), resolve, reject });
        child.stdin.write(unique.join('\n') + '\n');
      });
    },
    close() {
      child.stdin.end();
    },
  };
}

/**
 * Whether the repository is a shallow clone, and where git keeps some of its own files
 * (`shallow`, `info/grafts`): relative to `at.cwd`, or absolute. One git for all of it.
 */
export function shallowAndPaths(at: At, names: readonly string[]): { shallow: boolean; paths: string[] } {
  const out = must(['rev-parse', '--is-shallow-repository', ...names.flatMap((n) => ['--git-path', n])], at).split('\n');
  return { shallow: out[0] === 'true', paths: names.map((_, i) => out[i + 1] ?? '') };
}

/** The replace refs (`refs/replace/*`): each ref, the object it replaces (its name) and the object put in its place. */
export function replaceRefs(at: At): Array<{ ref: string; object: string; by: string }> {
  const out = must(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/replace/'], at);
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [ref, by] = l.split('\0') as [string, string];
      return { ref, object: ref.slice(ref.lastIndexOf('/') + 1), by };
    });
}

/** The last commit that changed `path` (relative to `at.cwd`), or undefined when none did. */
export function lastCommitOf(at: At, path: string): CommitInfo | undefined {
  const out = must(['log', '-1', '-z', '--no-color', '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI', '--', path], at);
  const [sha, parents, author, email, authored, committed] = out.split('\0');
  if (!sha || committed === undefined) return undefined;
  return { sha, parents: (parents ?? '').split(' ').filter(Boolean), author: author ?? '', email: email ?? '', authored: authored ?? '', committed };
}

export interface GitState {
  commit?: string;
  dirty?: boolean;
}

/** What a report reads besides the ledgers: the templates and the settings (default paths). */
export const REPORT_INPUTS: readonly string[] = ['templates', 'qingdan.yaml'];

/**
 * The git facts a report states about its data: the last commit that changed what it read — the
 * ledgers, and `others` (by default the templates and qingdan.yaml) — not HEAD, so that a report
 * made again over the same data (after the cron job committed the last one) is the same bytes;
 * and whether that data has changes not committed (untracked files included). Paths are relative
 * to `root`. Outside git, or before the first commit, nothing.
 */
export async function gitState(at: At, ledgersDir: string, others: readonly string[] = REPORT_INPUTS): Promise<GitState> {
  const paths = ['--', ledgersDir, ...others];
  const [status, last] = await Promise.all([
    gitAsync(['status', '--porcelain', '--untracked-files=all', ...paths], at),
    gitAsync(['log', '-1', '--format=%H', 'HEAD', ...paths], at),
  ]);
  if (!status.ok || !last.ok) return {};
  const commit = last.stdout.trim();
  const dirty = status.stdout.trim() !== '';
  // no commit has touched the data yet: only whether it has changes
  return /^[0-9a-f]{40,64}$/.test(commit) ? { commit, dirty } : { dirty };
}
