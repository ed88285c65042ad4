/**
 * One write of one ledger line, the step `record` and `void` share — under the repository lock,
 * from reading the ledgers to the end of the commit:
 *   refuse an unfinished git operation (and, when committing, a detached HEAD) → lock → list the
 *   ledger files afresh → plan the line → refuse a ledger path through a symbolic link, a cut-off
 *   ledger (and, when committing, one with changes not yet committed) → a fresh id, one that no
 *   ledger holds as `id:…` (a search of their bytes) → check the line with the checks of
 *   `qingdan check`, on the line alone (and for a void, the ledgers that mention its id) →
 *   append (one write, fsync) → git add → git commit -- that file → unlock.
 * Only the target ledger is read whole; the others are searched, never parsed, so that a record
 * takes about as long in a repository of a million entries as in an office's year, and a broken
 * ledger elsewhere does not stop it (`check` reports that one).
 * If git add or git commit fails, the append is taken back (the file cut back to its size, or
 * removed with the folders made for it) and the index entry restored: nothing is left behind.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildCatalog, type Catalog } from '../core/catalog.js';
import type { Dataset, Ledger } from '../core/dataset.js';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { LedgerLine } from '../core/entry.js';
import { newId, type RandomBytes } from '../core/id.js';
import type { Settings } from '../core/model.js';
import { CHECKS, TEMPLATE_CHECKS, runChecks } from '../checks/index.js';
import { QingdanError } from '../errors.js';
import { assemble, withSource, type Templates } from '../parse/dataset.js';
import { parseLineAt } from '../parse/ledger.js';
import { linesMentioning } from '../parse/select-lines.js';
import { printLine } from '../parse/ledger-print.js';
import * as git from '../read/git.js';
import { findLedgers, readLedgers } from '../read/repo.js';
import { filesContaining } from '../read/scan.js';
import { templateStamps } from '../read/template-cache.js';
import { appendLine, cutOff, cutOffLine, undoAppend, type Appended } from '../write/append.js';
import { readIfExists, unsafePart } from '../read/files.js';
import type { Self, TestHooks } from '../io.js';
import { acquireLock, LockTimeout, type Lock } from '../write/lock.js';

/** The repository as the lock step sees it: the templates, and the ledger files by name only. */
export interface Loaded {
  root: string;
  settings: Settings;
  templates: Templates;
  /** The templates as a dataset without ledgers. */
  base: Dataset;
  cat: Catalog;
  ledgersDir: string;
  /** Every ledger file, relative to the root, as listed under the lock. */
  files: string[];
}

/** The settings and templates the command opened the repository with, and the key of their bytes. */
export interface OpenedWith {
  settings: Settings;
  templates: Templates;
  templatesKey: string;
}

/**
 * Lists the repository's ledgers afresh. The settings and templates must be the very bytes the
 * command loaded them from (they are not parsed again: no YAML under the lock); a change in
 * between is refused, and the command can be run again. No ledger is read here.
 */
export function loadRepo(root: string, opened: OpenedWith): Loaded {
  const settings = opened.settings;
  const ledgersDir = settings.paths?.ledgers ?? 'ledgers';
  if (templateStamps(root, settings.paths?.templates ?? 'templates').templatesKey !== opened.templatesKey) throw new QingdanError('templates-changed', {});
  const { org, checklists, complete } = opened.templates;
  if (!org || !complete) throw new QingdanError('bad-templates');
  const base: Dataset = { settings, org, checklists, ledgers: [] };
  return { root, settings, templates: opened.templates, base, cat: buildCatalog(base), ledgersDir, files: findLedgers(root, ledgersDir) };
}

/** `files` read and parsed (a few: those a search found, or the target ledger). */
export function parseLedgers(loaded: Loaded, files: readonly string[]): Ledger[] {
  return assemble(loaded.templates, readLedgers(loaded.root, files), loaded.settings).dataset!.ledgers;
}

/** The dataset of one ledger, `file`, with `bytes` as its content. */
function datasetOf(loaded: Loaded, file: string, bytes: Uint8Array): Dataset {
  return { ...loaded.base, ledgers: assemble(loaded.templates, [{ file, bytes }], loaded.settings).dataset!.ledgers };
}

/** The checks of ledger lines: the templates were checked when they were loaded. */
const LINE_CHECKS = CHECKS.filter((c) => !TEMPLATE_CHECKS.includes(c));

/**
 * The line `text`, to be line `lineNo` of `file`, parsed as it will read there and checked with
 * the checks of `qingdan check`, beside the `context` ledgers (a void's: those that mention its
 * id). Every check but the id check looks at one line at a time; of that one, what concerns a
 * new line is that its id is not in use (searched for in every ledger before) and that a void's
 * target exists (in `context`). Returns the line as read back and its findings.
 */
export function checkLine(loaded: Loaded, file: string, text: string, lineNo: number, context: readonly Ledger[], asOf: string): { line?: LedgerLine; diagnostics: Diagnostic[] } {
  const parsed = parseLineAt(file, text, lineNo);
  const line = parsed.lines[0];
  const ledgers = context.filter((l) => l.file !== file);
  const own = context.find((l) => l.file === file);
  ledgers.push({ file, lines: [...(own?.lines ?? []), ...(line ? [line] : [])] });
  const ds = { ...loaded.base, ledgers };
  const found = [...parsed.diagnostics, ...runChecks({ ds, cat: loaded.cat, asOf }, LINE_CHECKS)];
  const mine = sortDiagnostics(found).filter((d) => d.file === file && d.line === lineNo);
  return { ...(line ? { line } : {}), diagnostics: mine.map((d) => withSource(d, text)) };
}

export interface Plan {
  /** The ledger, relative to the data repository, forward slashes. */
  file: string;
  /** Ledgers the line is checked beside (a void's: those that mention its id); none for an entry. */
  context?: Ledger[];
  /** The line to write; its id is filled in here. */
  line: LedgerLine;
  /** A comment line to start a new file with. */
  header: string;
  message: (id: string) => string;
  /** Other files of the repository committed with the line (its evidence), relative, forward slashes. */
  with?: string[];
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
  /**
   * The lines of the target ledger (with the new one) that mention one of `tokens` — an item's
   * id and title — and its voids, as a dataset: what the status of one obligation needs (the
   * bytes are searched; only those lines are parsed). A unit's entries are in its own ledger of
   * the year, the organisation's and persons' in org.ledger, and a void goes beside its entry.
   * Lines written by hand into another file are not seen here: the status shown after a write is
   * for information (`due` and the reports read every ledger).
   */
  linesOf: (tokens: readonly string[]) => Dataset;
  cat: Catalog;
  /** Problems of the new line that are only warnings. */
  warnings: Diagnostic[];
}

const defaultRandom: RandomBytes = (n) => randomBytes(n);

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Whether any ledger holds `id:<id>`, entries and voids alike: a search of the bytes. A match
 * that is not really that id's token (inside a note, or the start of a longer id written by
 * hand) only makes the caller draw another id.
 */
function idInUse(loaded: Loaded, id: string): boolean {
  return filesContaining(loaded.root, loaded.files, `id:${id}`, 1).length > 0;
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
    const id = newId(opts.random ?? defaultRandom, { has: (candidate) => idInUse(loaded, candidate) });
    const line = { ...p.line, id } as LedgerLine;
    const text = printLine(line);
    const prefix = before ?? Buffer.from(`${p.header}\n`, 'utf8');
    const after = Buffer.concat([prefix, Buffer.from(`${text}\n`, 'utf8')]);
    const lineNo = countLines(after);
    const checked = checkLine(loaded, p.file, text, lineNo, p.context ?? [], opts.asOf);
    const mine = checked.diagnostics;
    const errors = mine.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw invalidLine(text, errors);

    // the line as `check` reads it back from the file
    const written = checked.line;
    if (!written || printLine(written) !== text) throw new Error(`the line does not read back as written: ${text}`);

    const appended = appendLine(abs, text, before ? undefined : p.header, p.file);
    opts.hooks?.afterAppend?.();

    let sha: string | undefined;
    let staged = false;
    if (opts.repo) {
      const done = addAndCommit(opts, at, [p.file, ...(p.with ?? [])], abs, appended, p.message(id));
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
      linesOf: (tokens) => datasetOf(loaded, p.file, linesMentioning(after, [...tokens, 'void'])),
      cat: loaded.cat,
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
 * `git add -- files`, then (when committing) `git commit -- files`: the ledger, and the files
 * committed with its line. If either fails, the append is taken back and the index entries of
 * the files restored (the ledger was committed and unchanged before a committing record, so
 * HEAD's entry is the one it had), then the failure is thrown with git's words: the ledger and
 * the index are exactly as before.
 */
function addAndCommit(opts: WriteOptions, at: git.At, files: string[], abs: string, appended: Appended, message: string): { staged: boolean; sha?: string | undefined } {
  const file = files[0]!;
  const lockFile = join(opts.repo!.gitDir, 'index.lock');
  let added = false;
  let step = 'git add';
  try {
    const a = patiently(() => git.git(['add', '--', ...files], at), INDEX_LOCK_WAIT_MS);
    if (!a.ok) throw gitStepFailed(step, a, file, lockFile);
    added = true;
    if (!opts.commit) return { staged: true };
    step = 'git commit';
    const spec: git.CommitSpec = {
      message,
      paths: files,
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
        for (const f of files) {
          const r = patiently(() => git.restoreIndexEntry(at, f), INDEX_LOCK_WAIT_MS);
          if (!r.ok) throw new Error(r.stderr.trim() || `git reset exit ${r.code}`);
        }
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
