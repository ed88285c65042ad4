/**
 * One write of one ledger line, the step `record` and `void` share — under the repository lock,
 * from reading the ledgers to the end of the commit:
 *   refuse an unfinished git operation (and, when committing, a detached HEAD) → lock → read the
 *   repository afresh → plan the line → refuse a ledger path through a symbolic link, a cut-off
 *   ledger (and, when committing, one with changes not yet committed) → a fresh unique id →
 *   validate the dataset with the line added, in memory, with the checks of `qingdan check` →
 *   append (one write, fsync) → git add → git commit -- that file → unlock.
 * If git add or git commit fails, the append is taken back (the file cut back to its size, or
 * removed with the folders made for it) and the index entry restored: nothing is left behind.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildCatalog, type Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { LedgerLine } from '../core/entry.js';
import { newId, type RandomBytes } from '../core/id.js';
import type { Settings } from '../core/model.js';
import { CHECKS, checksFor, runChecks } from '../checks/index.js';
import { QingdanError } from '../errors.js';
import { assemble, withSources, type Templates } from '../parse/dataset.js';
import { printLine } from '../parse/ledger-print.js';
import * as git from '../read/git.js';
import { findLedgers, readLedgers, type RawFile } from '../read/repo.js';
import { templateStamps } from '../read/template-cache.js';
import { appendLine, cutOff, cutOffLine, undoAppend, type Appended } from '../write/append.js';
import { readIfExists, unsafePart } from '../read/files.js';
import type { Self, TestHooks } from '../io.js';
import { acquireLock, LockTimeout, type Lock } from '../write/lock.js';

export interface Loaded {
  root: string;
  settings: Settings;
  templates: Templates;
  ledgers: Iterable<RawFile>;
  ds: Dataset;
  cat: Catalog;
  ledgersDir: string;
}

/** The settings and templates the command opened the repository with, and the key of their bytes. */
export interface OpenedWith {
  settings: Settings;
  templates: Templates;
  templatesKey: string;
}

/**
 * Reads the repository afresh. The settings and templates must be the very bytes the command
 * loaded them from (they are not parsed again: no YAML under the lock); a change in between is
 * refused, and the command can be run again.
 */
export function loadRepo(root: string, opened: OpenedWith): Loaded {
  const settings = opened.settings;
  const ledgersDir = settings.paths?.ledgers ?? 'ledgers';
  if (templateStamps(root, settings.paths?.templates ?? 'templates').templatesKey !== opened.templatesKey) throw new QingdanError('templates-changed', {});
  const ledgers = readLedgers(root, findLedgers(root, ledgersDir));
  const parsed = assemble(opened.templates, ledgers, settings);
  if (!parsed.dataset) throw new QingdanError('bad-templates');
  return { root, settings, templates: opened.templates, ledgers, ds: parsed.dataset, cat: buildCatalog(parsed.dataset), ledgersDir };
}

/** The dataset as it would be with `bytes` as the content of `file`, and that file's diagnostics. */
export function withFile(loaded: Loaded, file: string, bytes: Uint8Array, asOf: string): { ds: Dataset; cat: Catalog; diagnostics: Diagnostic[] } {
  const ledgers: RawFile[] = [...loaded.ledgers].filter((l) => l.file !== file);
  ledgers.push({ file, bytes });
  ledgers.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const parsed = assemble(loaded.templates, ledgers, loaded.settings);
  if (!parsed.dataset) throw new QingdanError('bad-templates');
  const cat = buildCatalog(parsed.dataset);
  const diagnostics = [...parsed.diagnostics, ...runChecks({ ds: parsed.dataset, cat, asOf }, checksFor(CHECKS, loaded.templates))];
  const mine = sortDiagnostics(diagnostics).filter((d) => d.file === file);
  return { ds: parsed.dataset, cat, diagnostics: withSources(mine, new Map([[file, bytes]])) };
}

export interface Plan {
  /** The ledger, relative to the data repository, forward slashes. */
  file: string;
  /** The line to write; its id is filled in here. */
  line: LedgerLine;
  /** A comment line to start a new file with. */
  header: string;
  message: (id: string) => string;
}

export interface WriteOptions {
  root: string;
  asOf: string;
  /** The git repository the data repository is in, if any. */
  repo?: git.GitRepo;
  commit: boolean;
  author?: git.Identity;
  committer?: git.Identity;
  env: git.Env;
  self: Self;
  hooks?: TestHooks;
  random?: RandomBytes;
}

export interface Written {
  file: string;
  lineNo: number;
  id: string;
  text: string;
  line: LedgerLine;
  created: boolean;
  sha?: string;
  staged: boolean;
  /** The dataset with the line, for showing the obligation's status. */
  ds: Dataset;
  cat: Catalog;
  /** Problems of the new line that are only warnings. */
  warnings: Diagnostic[];
}

const defaultRandom: RandomBytes = (n) => randomBytes(n);

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

/** Every id in use, entries and voids alike. */
function takenIds(ds: Dataset): Set<string> {
  const out = new Set<string>();
  for (const l of ds.ledgers) for (const line of l.lines) if (line.id !== undefined) out.add(line.id);
  return out;
}

export function lockPathOf(root: string, repo?: git.GitRepo): string {
  return repo ? join(repo.gitDir, 'qingdan.lock') : join(root, '.qingdan.lock');
}

/**
 * A commit now would be lost or mixed into something else: refused during an unfinished merge,
 * rebase, am, cherry-pick, revert or bisect (always), and on a detached HEAD (when committing).
 */
function refuseGitState(opts: WriteOptions): void {
  if (!opts.repo) return;
  const op = git.unfinishedOperation(opts.repo.gitDir);
  if (op) throw new QingdanError('git-in-progress', { op });
  if (opts.commit && !git.onBranch({ cwd: opts.root, env: opts.env })) throw new QingdanError('detached-head');
}

export function writeLine(opened: OpenedWith, opts: WriteOptions, plan: (loaded: Loaded) => Plan): Written {
  refuseGitState(opts);
  let lock: Lock;
  try {
    lock = acquireLock(lockPathOf(opts.root, opts.repo), { self: opts.self, timeoutMs: opts.hooks?.lockTimeoutMs ?? 60_000 });
  } catch (e) {
    if (e instanceof LockTimeout) {
      const owner = { lock: e.path, pid: e.owner?.pid ?? '?', host: e.owner?.host ?? '?', since: e.owner?.since ?? '?' };
      throw new QingdanError(e.foreign ? 'locked-elsewhere' : 'locked', owner);
    }
    throw e;
  }
  try {
    const loaded = loadRepo(opts.root, opened);
    const p = plan(loaded);
    // never through a link, never out of the repository
    const unsafe = unsafePart(opts.root, p.file);
    if (unsafe) throw new QingdanError('unsafe-path', { ...unsafe, file: p.file });
    const abs = join(opts.root, p.file);
    const before = readIfExists(abs);
    const cut = before ? cutOffLine(before) : undefined;
    if (cut) throw cutOff(p.file, cut.line, cut.text);
    const at = { cwd: opts.root, env: opts.env };
    if (opts.repo && opts.commit) {
      const status = git.statusOf(at, p.file);
      if (status.trim() !== '') throw new QingdanError('uncommitted', { file: p.file }, status.trimEnd());
    }
    const id = newId(opts.random ?? defaultRandom, takenIds(loaded.ds));
    const line = { ...p.line, id } as LedgerLine;
    const text = printLine(line);
    const prefix = before ?? Buffer.from(`${p.header}\n`, 'utf8');
    const after = Buffer.concat([prefix, Buffer.from(`${text}\n`, 'utf8')]);
    const lineNo = countLines(after);
    const checked = withFile(loaded, p.file, after, opts.asOf);
    const mine = checked.diagnostics.filter((d) => d.line === lineNo);
    const errors = mine.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw invalidLine(text, errors);

    // the line as `check` reads it back from the file
    const written = checked.ds.ledgers.find((l) => l.file === p.file)?.lines.find((l) => l.line === lineNo);
    if (!written || printLine(written) !== text) throw new Error(`the line does not read back as written: ${text}`);

    const appended = appendLine(abs, text, before ? undefined : p.header, p.file);
    opts.hooks?.afterAppend?.();

    let sha: string | undefined;
    let staged = false;
    if (opts.repo) {
      const done = addAndCommit(opts, at, p.file, abs, appended, p.message(id));
      staged = done.staged;
      sha = done.sha;
    }
    return {
      file: p.file,
      lineNo,
      id,
      text,
      line: written,
      created: appended.created,
      ...(sha ? { sha } : {}),
      staged,
      ds: checked.ds,
      cat: checked.cat,
      warnings: mine.filter((d) => d.severity === 'warning'),
    };
  } finally {
    lock.release();
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs a git step that takes the index; while another git holds `index.lock` (an editor's or a
 * shell prompt's `git status`, usually done in milliseconds) it is tried again, with backoff, for
 * up to `waitMs`.
 */
function patiently<R extends git.GitResult>(step: () => R, waitMs: number): R {
  const deadline = Date.now() + waitMs;
  let wait = 20;
  for (;;) {
    const r = step();
    if (!git.indexLocked(r) || Date.now() >= deadline) return r;
    Atomics.wait(sleeper, 0, 0, Math.min(wait, Math.max(1, deadline - Date.now())));
    wait = Math.min(wait * 2, 400);
  }
}

/** How long `git add` and `git commit` wait for another git's `index.lock`. */
const INDEX_LOCK_WAIT_MS = 2_000;

/**
 * `git add -- file`, then (when committing) `git commit -- file`. If either fails, the append is
 * taken back and the index entry of the file restored (the file was committed and unchanged
 * before a committing record, so HEAD's entry is the one it had), then the failure is thrown
 * with git's words: the ledger and the index are exactly as before.
 */
function addAndCommit(opts: WriteOptions, at: git.At, file: string, abs: string, appended: Appended, message: string): { staged: boolean; sha?: string | undefined } {
  const lockFile = join(opts.repo!.gitDir, 'index.lock');
  let added = false;
  let step = 'git add';
  try {
    const a = patiently(() => git.git(['add', '--', file], at), INDEX_LOCK_WAIT_MS);
    if (!a.ok) throw gitStepFailed(step, a, file, lockFile);
    added = true;
    if (!opts.commit) return { staged: true };
    step = 'git commit';
    const spec: git.CommitSpec = {
      message,
      paths: [file],
      ...(opts.author ? { author: opts.author } : {}),
      ...(opts.committer ? { committer: opts.committer } : {}),
    };
    const c = patiently(() => git.commit(at, spec), INDEX_LOCK_WAIT_MS);
    if (!c.ok) throw gitStepFailed(step, c, file, lockFile);
    return { staged: false, sha: c.sha };
  } catch (e) {
    try {
      undoAppend(abs, appended, file);
      if (added && opts.commit) {
        const r = patiently(() => git.restoreIndexEntry(at, file), INDEX_LOCK_WAIT_MS);
        if (!r.ok) throw new Error(r.stderr.trim() || `git reset exit ${r.code}`);
      }
    } catch (undo) {
      const said = e instanceof QingdanError ? e.details : (e as Error).message;
      const why = undo instanceof QingdanError ? `${undo.key}: ${String(undo.params.path ?? '')} ${undo.details ?? ''}` : (undo as Error).message;
      throw new QingdanError('undo-failed', { file, step }, [said, why].filter(Boolean).join('\n'));
    }
    throw e;
  }
}

function gitStepFailed(step: string, r: git.GitResult, file: string, lockFile: string): QingdanError {
  const said = (r.stderr || r.stdout).trim() || `exit ${r.code}`;
  if (git.indexLocked(r)) return new QingdanError('index-locked', { lock: lockFile, step, file }, said);
  return new QingdanError(step === 'git add' ? 'add-failed' : 'commit-failed', { file }, said);
}

/** The line would not pass `qingdan check`: nothing was written. */
function invalidLine(text: string, diagnostics: Diagnostic[]): QingdanError {
  const e = new QingdanError('invalid-entry', { count: diagnostics.length });
  e.refused = { text, diagnostics };
  return e;
}

/** Who the commit is by: `--by`'s person as author, else git's identity; committer git's, else the person. */
export function identities(
  at: git.At,
  person: { id: string; name: string } | undefined,
): { author?: git.Identity; committer?: git.Identity } | undefined {
  const byPerson = person ? { name: person.name, email: `${person.id}@qingdan.invalid` } : undefined;
  const gitAuthor = git.identity(at, 'AUTHOR');
  const gitCommitter = git.identity(at, 'COMMITTER');
  const author = byPerson ?? gitAuthor;
  if (!author) return undefined;
  if (gitCommitter) return { ...(byPerson ? { author: byPerson } : {}) };
  if (byPerson) return { author: byPerson, committer: byPerson };
  return undefined;
}
