/**
 * `qingdan rollup fetch|monthly|quarterly|annual` (docs/rollup.md): an umbrella repository ranks
 * the offices it lists under `members:` in its settings. `fetch` fetches every member into the
 * umbrella's `.git` and pins each member's commit in the committed `members.lock`; a report judges
 * each member at its pinned commit — audit, then check, then evaluation (src/rollup/member.ts) —
 * and ranks those that count. Nothing needs the network but `fetch`.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { Chalk } from 'chalk';
import type { Member, Settings } from '../core/model.js';
import { REPORT_KINDS, type ReportKind } from '../core/reports/select.js';
import { rollupReport, umbrellaSummary, type MemberOutcome, type MemberProvenance } from '../core/rollup/report.js';
import { QingdanError, speaking } from '../errors.js';
import { resolveLang } from '../i18n/index.js';
import { rollupEn, rollupZh, type RollupLabels } from '../i18n/rollup-labels.js';
import type { GlobalOptions, Io } from '../io.js';
import { colorFor, terminalWidth } from '../open/repo.js';
import { progress } from '../open/progress.js';
import { instant, today } from '../read/clock.js';
import { kindOf, readIfExists } from '../read/files.js';
import * as git from '../read/git.js';
import { fetchMember, hasCommit, memberRepo, rewritesUrls } from '../read/members.js';
import { lockProblems, parseLock, printLock, type LockEntry } from '../parse/members-lock.js';
import { LOCK_FILE, readLockText } from '../read/members-lock.js';
import { findRoot, readSettingsFile, SETTINGS_FILE } from '../read/repo.js';
import { isKeptSettings } from '../read/template-cache.js';
import { renderCsv } from '../render/csv.js';
import type { Doc } from '../render/doc.js';
import { renderHtml } from '../render/html.js';
import { layoutRollup, tidyRollup } from '../render/layout/rollup.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable } from '../render/table.js';
import type { TidyTable } from '../render/tidy/table.js';
import { printable } from '../render/width.js';
import { cachedJudgement, keepJudgement, rollupPeriod, settingsFrom, type EvaluateSpec, type Judged } from '../rollup/member.js';
import { workerJudge, type Judge } from '../rollup/workers.js';
import { writeFileAtomic } from '../write/atomic-file.js';

declare const QINGDAN_VERSION: string;
const VERSION = typeof QINGDAN_VERSION === 'string' ? QINGDAN_VERSION : 'dev';

const FORMATS = ['table', 'md', 'json', 'csv', 'html', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<string, Format> = { '.md': 'md', '.json': 'json', '.csv': 'csv', '.html': 'html', '.htm': 'html', '.txt': 'table', '.xlsx': 'xlsx' };
/** Levels below the umbrella that are fetched and evaluated: a province, its prefectures, their counties, and one more. */
const MAX_DEPTH = 3;
/** How long one member's fetch may take. */
const FETCH_TIMEOUT_MS = 300_000;
/** How long one member's audit, checks and evaluation may take (QINGDAN_MEMBER_TIMEOUT_MS in the environment sets another). */
const MEMBER_TIMEOUT_MS = 120_000;

export interface RollupOptions extends GlobalOptions {
  month?: string;
  quarter?: string;
  year?: string;
  period?: string;
  format?: string;
  out?: string;
  commit?: boolean;
  jobs?: string;
  /** A report fetches first, as `rollup fetch` does, and judges each member that moved while the others are still asked. */
  fetch?: boolean;
}

interface Umbrella {
  root: string;
  settings: Settings;
  members: Member[];
  lang: 'zh' | 'en';
  R: RollupLabels;
  gitDir: string;
}

async function openUmbrella(opts: GlobalOptions, io: Io): Promise<Umbrella> {
  const lang0 = resolveLang(opts.lang);
  const root = findRoot(opts.C ?? io.cwd);
  const g = git.gitRepoOf({ cwd: root, env: io.env }, true)!;
  // settings that parsed cleanly are found again by their bytes: a warm roll-up loads no YAML parser
  const raw = readSettingsFile(root);
  const cacheFile = raw && join(g.gitDir, 'qingdan', 'cache', `settings-${createHash('sha256').update(raw.bytes).update(VERSION).digest('hex').slice(0, 32)}.json`);
  let settings = cacheFile ? readCachedSettings(cacheFile) : undefined;
  if (!settings) {
    const { parseSettings } = await import('../parse/templates.js');
    const p = parseSettings(raw);
    if (!p.settings || p.diagnostics.some((d) => d.severity === 'error')) throw new QingdanError('bad-settings', { file: SETTINGS_FILE });
    settings = p.settings;
    if (cacheFile && p.diagnostics.length === 0) writeCachedSettings(cacheFile, settings);
  }
  const lang = lang0 ?? settings.lang ?? 'zh';
  const members = settings.members ?? [];
  if (members.length === 0) throw Object.assign(new QingdanError('no-members', { file: SETTINGS_FILE }), { lang });
  return { root, settings, members, lang, R: lang === 'en' ? rollupEn : rollupZh, gitDir: g.gitDir };
}

function readCachedSettings(file: string): Settings | undefined {
  const bytes = readIfExists(file);
  if (!bytes) return undefined;
  try {
    const v: unknown = JSON.parse(bytes.toString('utf8'));
    return isKeptSettings(v) && Array.isArray(v.members) ? v : undefined;
  } catch {
    return undefined;
  }
}

function writeCachedSettings(file: string, settings: Settings): void {
  try {
    writeFileAtomic(file, JSON.stringify(settings));
  } catch {
    // a cache that cannot be written only costs time
  }
}

/** Runs `f` over `items`, at most `limit` at a time, keeping their order in the results. */
async function pool<T, R>(items: readonly T[], limit: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

function jobsOf(opts: RollupOptions, fallback: number): number {
  if (opts.jobs === undefined) return fallback;
  if (!/^[1-9]\d{0,2}$/.test(opts.jobs)) throw new QingdanError('bad-option', { option: '--jobs', value: opts.jobs, hint: '1–999' });
  return +opts.jobs;
}

export async function runRollup(what: string, opts: RollupOptions, io: Io): Promise<number> {
  if (what !== 'fetch' && !(REPORT_KINDS as readonly string[]).includes(what)) {
    throw new QingdanError('bad-option', { option: 'rollup', value: what, hint: ['fetch', ...REPORT_KINDS].join(', ') });
  }
  if (what === 'fetch' && opts.fetch) throw new QingdanError('bad-option', { option: 'rollup fetch', value: '--fetch', hint: `qingdan rollup ${REPORT_KINDS.join('|')} --fetch` });
  const u = await openUmbrella(opts, io);
  return speaking(u.lang, () => (what === 'fetch' ? fetchAll(u, opts, io) : report(u, what as ReportKind, opts, io)));
}

// ------------------------------------------------------------------------------------- fetch

/**
 * Fetches a member, and for a member that is an umbrella the members its own members.lock pins
 * (a level down, to MAX_DEPTH): each into a repository of its own. The entry keeps the commit and
 * when it was first fetched; a failure keeps what was fetched before, and says when and why.
 */
/**
 * What every member of one `rollup fetch` shares: its time, whether git:// servers may be asked
 * directly, and what is told of each member as soon as its commit is known.
 */
interface FetchRun {
  now: string;
  ask: boolean;
  fetched?: (path: string[], entry: LockEntry) => void;
}

async function fetchOne(u: Umbrella, path: string[], m: Member, old: LockEntry | undefined, run: FetchRun, io: Io, pinned?: string): Promise<LockEntry> {
  const { now } = run;
  const repo = memberRepo(u.gitDir, path);
  const base: LockEntry = { id: m.id, url: m.url, ...(m.branch !== undefined ? { branch: m.branch } : {}) };
  const r = await fetchMember(repo, m, io.env, FETCH_TIMEOUT_MS, { known: old?.commit, ask: run.ask });
  // what was fetched before is looked for only when a failure needs it
  const keepOld = async () => old?.commit !== undefined && (await hasCommit(repo, old.commit, io.env));
  if (!r.ok) {
    return { ...base, ...((await keepOld()) ? { commit: old!.commit!, ...(old!.fetched ? { fetched: old!.fetched } : {}) } : {}), failed: { at: now, reason: r.reason, detail: r.detail }, ...(old?.members ? { members: old.members } : {}) };
  }
  // below the top, the commit is the one the umbrella above pinned, not the member's latest
  let commit = r.commit;
  if (pinned !== undefined) {
    if (!(await hasCommit(repo, pinned, io.env))) {
      return { ...base, ...((await keepOld()) ? { commit: old!.commit!, ...(old!.fetched ? { fetched: old!.fetched } : {}) } : {}), failed: { at: now, reason: 'missing-commit', detail: pinned } };
    }
    commit = pinned;
  }
  const entry: LockEntry = { ...base, commit, fetched: old?.commit === commit && old.fetched ? old.fetched : now };
  run.fetched?.(path, entry);
  // whether the member is an umbrella is read from its commit once: a plain office's commit is marked
  const plain = join(u.gitDir, 'qingdan', 'cache', `plain-${createHash('sha256').update(`${repo}\0${commit}\0${VERSION}`).digest('hex').slice(0, 32)}`);
  if (path.length < MAX_DEPTH && kindOf(plain) !== 'file') {
    const nested = await nestedMembers(u, repo, commit, io);
    if (!nested) markPlain(plain);
    if (nested) {
      entry.members = await Promise.all(
        nested.members.map((n) => fetchOne(u, [...path, n.id], n, old?.members?.find((o) => o.id === n.id), run, io, nested.lock.find((l) => l.id === n.id)?.commit)),
      );
    }
  }
  return entry;
}

function markPlain(file: string): void {
  try {
    writeFileAtomic(file, '');
  } catch {
    // a mark that cannot be written only costs time
  }
}

/** The members a member's settings list at `commit`, and what its members.lock pins; undefined for an office that is no umbrella. */
async function nestedMembers(u: Umbrella, repo: string, commit: string, io: Io): Promise<{ members: Member[]; lock: LockEntry[] } | undefined> {
  const { listTree, readTreeFiles, OverLimit } = await import('../read/member-tree.js');
  const reader = git.blobReader({ cwd: repo, env: io.env });
  const files = await listTree(reader, commit)
    .then((tree) => readTreeFiles(reader, tree, [SETTINGS_FILE, LOCK_FILE]))
    // files too large to read, or a tree git cannot read, make no umbrella: the member is refused when it is judged
    .catch((e: unknown) => (e instanceof OverLimit || e instanceof git.GitError ? new Map<string, Uint8Array>() : Promise.reject(e)))
    .finally(() => reader.close());
  const raw = files.get(SETTINGS_FILE);
  if (!raw) return undefined;
  const members = (await settingsFrom({ file: SETTINGS_FILE, bytes: raw }, { cacheDir: join(u.gitDir, 'qingdan', 'cache'), version: VERSION })).settings?.members;
  if (!members || members.length === 0) return undefined;
  const lockBytes = files.get(LOCK_FILE);
  return { members, lock: parseLock(lockBytes ? Buffer.from(lockBytes).toString('utf8') : undefined).members };
}

/** What one `rollup fetch` did: the members' entries as members.lock now pins them, and what they were. */
interface Fetched {
  entries: LockEntry[];
  before: LockEntry[];
  failed: number;
  /** members.lock was written (it changed). */
  changed: boolean;
  /** The commit of members.lock, unless --no-commit or unchanged. */
  committed?: string;
}

/** Fetches every member, writes members.lock and commits it (unless --no-commit). */
async function fetchMembers(u: Umbrella, opts: RollupOptions, io: Io, fetched?: FetchRun['fetched']): Promise<Fetched> {
  // a corrupt lock is what `fetch` mends, by writing it afresh: said, since what it pinned is lost
  const lockText = readLockText(u.root);
  const corrupt = await lockErrors(lockText);
  if (corrupt) io.stderr(`${u.R.lockUnreadable(corrupt)}\n`);
  const lock = parseLock(lockText);
  // git would send a git:// URL elsewhere (insteadOf, a proxy): its servers are not asked directly
  const run: FetchRun = { now: instant(io.now), ask: !(await rewritesUrls(u.root, io.env)), ...(fetched ? { fetched } : {}) };
  const bar = progress(io, (done, total) => u.R.fetching({ done, total }));
  let done = 0;
  const entries = await pool(u.members, jobsOf(opts, 4), async (m) => {
    const e = await fetchOne(u, [m.id], m, lock.members.find((o) => o.id === m.id), run, io);
    bar.step(++done, u.members.length);
    return e;
  });
  bar.end();
  const failed = entries.filter((e) => e.failed).length;
  const text = printLock({ members: entries });
  const at = { cwd: u.root, env: io.env };
  const changed = printLock(parseLock(readLockText(u.root))) !== text;
  let committed: string | undefined;
  if (changed) {
    writeFileAtomic(join(u.root, LOCK_FILE), text);
    if (opts.commit !== false) {
      git.add(at, [LOCK_FILE]);
      const c = git.commit(at, { message: `rollup fetch: ${entries.length - failed} members fetched${failed ? `, ${failed} failed` : ''}`, paths: [LOCK_FILE] });
      if (!c.ok) throw new git.GitError(['commit'], c);
      committed = c.sha;
    }
  }
  return { entries, before: lock.members, failed, changed, ...(committed ? { committed } : {}) };
}

/** `fetch`'s last two lines: how many members were fetched, and what became of members.lock (committed, written with --no-commit, or unchanged). */
function fetchSummary(u: Umbrella, f: Fetched): string {
  const lock = f.committed ? u.R.committed({ commit: f.committed.slice(0, 12) }) : f.changed ? u.R.written : u.R.unchanged;
  return `${u.R.fetchSummary({ ok: f.entries.length - f.failed, failed: f.failed })}\n${lock}\n`;
}

/** `fetch`'s line for each member, a level down indented: every member's, or only those that failed. */
function fetchLines(u: Umbrella, f: Fetched, only: 'all' | 'failed'): string[] {
  const lines: string[] = [];
  const say = (prefix: string, e: LockEntry, old: LockEntry | undefined) => {
    if (e.failed) lines.push(prefix + u.R.fetchFailed({ id: e.id, reason: e.failed.reason, since: e.fetched ?? '', detail: e.failed.detail.replace(/\s*\n\s*/g, ' ') }));
    else if (only === 'all') lines.push(prefix + u.R.fetched({ id: e.id, commit: e.commit!.slice(0, 12), changed: old?.commit !== e.commit ? 1 : 0 }));
    for (const n of e.members ?? []) say(`${prefix}  `, n, old?.members?.find((o) => o.id === n.id));
  };
  for (const e of f.entries) say('', e, f.before.find((o) => o.id === e.id));
  // what a member's server said is shown, never obeyed
  return lines.map((l) => `${printable(l)}\n`);
}

async function fetchAll(u: Umbrella, opts: RollupOptions, io: Io): Promise<number> {
  const f = await fetchMembers(u, opts, io);
  if (opts.json) {
    io.stdout(`${JSON.stringify({ members: f.entries, changed: f.changed, ...(f.committed ? { commit: f.committed } : {}) }, null, 2)}\n`);
  } else {
    io.stdout(fetchLines(u, f, 'all').join(''));
    io.stderr(fetchSummary(u, f));
  }
  return f.failed > 0 ? 1 : 0;
}

// ------------------------------------------------------------------------------------ report

function formatOf(opts: RollupOptions): Format {
  if (opts.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(opts.format)) throw new QingdanError('bad-option', { option: '--format', value: opts.format, hint: FORMATS.join(', ') });
    return opts.format as Format;
  }
  if (opts.json) return 'json';
  const ext = opts.out?.match(/\.[a-z]+$/i)?.[0]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || 'table';
}

function provenanceOf(e: LockEntry | undefined): MemberProvenance {
  return {
    audit: 'not-run',
    ...(e?.commit ? { commit: e.commit } : {}),
    ...(e?.fetched ? { fetched: e.fetched } : {}),
    ...(e?.failed ? { stale: { ...(e.fetched ? { since: e.fetched } : {}), failed: e.failed.at, reason: e.failed.reason, detail: e.failed.detail } } : {}),
  };
}

/**
 * A member's judgement at a commit: cached, under way, or started now (and kept when it is worth
 * keeping). `early` is told of each member as its fetch ends, and starts judging those that moved
 * while the others are still being fetched — but only while few have moved: at most `limit`, and
 * one in FEW of the members fetched so far. A fetch in which many members moved keeps the cores
 * busy by itself, and every git it starts is forked from a process whose workers hold members'
 * data, which costs more (docs/performance.md, "Roll-up").
 */
interface Judgements {
  (repo: string, commit: string): Promise<Judged>;
  early(repo: string, commit: string): void;
}

/** Members that moved are judged during the fetch only while they are at most one in this many of those fetched. */
const FEW = 4;

function judgements(spec: EvaluateSpec, io: Io, judge: Judge, limit: number): Judgements {
  const started = new Map<string, Promise<Judged>>();
  // members fetched so far, those of them that moved, and how many of those were started early
  let fetched = 0;
  let moved = 0;
  let early = 0;
  /** Members that moved, not started yet. */
  const waiting: Array<{ repo: string; commit: string; key: string }> = [];
  const start = (repo: string, commit: string, key: string): Promise<Judged> => {
    const p = judge.judge({ repo, commit, spec, env: io.env }).then((judged) => {
      // a member that timed out or broke a worker is judged again next time, and one whose commit is not there yet after its next fetch
      if (judged.ok || (judged.reason !== 'timeout' && judged.reason !== 'failed' && judged.reason !== 'missing-commit')) keepJudgement(repo, commit, spec, judged);
      return judged;
    });
    // one started while fetching may end up unused (below an umbrella that does not count): never an unhandled rejection
    p.catch(() => undefined);
    started.set(key, p);
    return p;
  };
  /** The cached judgement, kept at hand; undefined when there is none. */
  const fromCache = (repo: string, commit: string, key: string): Promise<Judged> | undefined => {
    // an unchanged member costs a file read: no git, no parsing
    const hit = cachedJudgement(repo, commit, spec);
    if (!hit) return undefined;
    const p = Promise.resolve(hit);
    started.set(key, p);
    return p;
  };
  const judged = (repo: string, commit: string): Promise<Judged> => {
    const key = `${repo}\0${commit}`;
    return started.get(key) ?? fromCache(repo, commit, key) ?? start(repo, commit, key);
  };
  // while fetching, a cached member is read now, so that little is left to do once the last server answers
  judged.early = (repo: string, commit: string) => {
    fetched++;
    const key = `${repo}\0${commit}`;
    if (!started.has(key) && !fromCache(repo, commit, key)) {
      moved++;
      waiting.push({ repo, commit, key });
    }
    while (waiting.length > 0 && early < limit && moved * FEW <= fetched) {
      const w = waiting.shift()!;
      early++;
      if (!started.has(w.key)) void start(w.repo, w.commit, w.key);
    }
  };
  return judged;
}

/** A member judged at its pinned commit; an umbrella member with its own members, one level down. */
async function outcomeOf(u: Umbrella, path: string[], m: Member, entry: LockEntry | undefined, spec: EvaluateSpec, year: number, judged: Judgements): Promise<MemberOutcome> {
  const provenance = provenanceOf(entry);
  if (!entry?.commit) return { id: m.id, name: m.name, provenance, result: { ok: false, reason: 'not-fetched', detail: entry?.failed?.detail.split('\n')[0] ?? '' } };
  const j = await judged(memberRepo(u.gitDir, path), entry.commit);
  Object.assign(provenance, j.audit);
  if (!j.ok) return { id: m.id, name: m.name, provenance, result: { ok: false, reason: j.reason, detail: j.detail } };
  const nested = j.settings.members ?? [];
  if (nested.length === 0 || path.length >= MAX_DEPTH) {
    return j.summary
      ? { id: m.id, name: m.name, provenance, result: { ok: true, summary: j.summary } }
      : { id: m.id, name: m.name, provenance, result: { ok: false, reason: 'no-templates', detail: '' } };
  }
  const ownLock = parseLock(j.lock).members;
  const children = await Promise.all(
    nested.map((n) => {
      // what this umbrella fetched for the member below (at the commit the member's own lock pins), else that lock's entry
      const e = entry.members?.find((x) => x.id === n.id) ?? ownLock.find((x) => x.id === n.id);
      return outcomeOf(u, [...path, n.id], n, e, spec, year, judged);
    }),
  );
  const summary = umbrellaSummary(j.summary?.org ?? m.name, year, spec.asOf, children, j.summary);
  if (!summary) return { id: m.id, name: m.name, provenance, children, result: { ok: false, reason: 'no-templates', detail: '' } };
  return { id: m.id, name: m.name, provenance, children, result: { ok: true, summary } };
}

async function report(u: Umbrella, kind: ReportKind, opts: RollupOptions, io: Io): Promise<number> {
  const format = formatOf(opts);
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new QingdanError('bad-date-option', { option: '--as-of', value: opts.asOf });
  const asOf = opts.asOf ?? io.today ?? today();
  const options = { ...(opts.month !== undefined ? { month: opts.month } : {}), ...(opts.quarter !== undefined ? { quarter: opts.quarter } : {}), ...(opts.year !== undefined ? { year: opts.year } : {}), ...(opts.period !== undefined ? { period: opts.period } : {}) };
  // a workbook is a file, never bytes on a terminal
  if (format === 'xlsx' && opts.out === undefined) throw new QingdanError('xlsx-needs-out', {});
  const period = rollupPeriod(kind, options, asOf);
  if (typeof period !== 'string') throw new QingdanError('bad-option', period);
  const spec: EvaluateSpec = { kind, options, asOf, version: VERSION, cacheDir: join(u.gitDir, 'qingdan', 'cache') };
  const year = +period.slice(0, 4);
  const threads = jobsOf(opts, availableParallelism());
  const limit = Number(io.env.QINGDAN_MEMBER_TIMEOUT_MS);
  const judge = workerJudge(threads, Number.isInteger(limit) && limit > 0 ? limit : MEMBER_TIMEOUT_MS);
  const judged = judgements(spec, io, judge, threads);
  let outcomes: MemberOutcome[];
  let fetched: Fetched | undefined;
  try {
    // with --fetch, the first members that moved are judged while the others are still being asked
    if (opts.fetch) fetched = await fetchMembers(u, opts, io, (path, e) => judged.early(memberRepo(u.gitDir, path), e.commit!));
    const lock = fetched ? { members: fetched.entries } : await readLock(u);
    // twice as many members under way as threads, so that a thread never waits for git
    outcomes = await pool(u.members, threads * 2, (m) => outcomeOf(u, [m.id], m, lock.members.find((e) => e.id === m.id), spec, year, judged));
  } finally {
    await judge.close();
  }
  if (fetched) {
    io.stderr(fetchLines(u, fetched, 'failed').join('') + fetchSummary(u, fetched));
  }
  const code = fetched && fetched.failed > 0 ? 1 : 0;
  const value = rollupReport({ report: kind, period, asOf, umbrella: u.settings.org ?? basename(u.root) }, outcomes);

  let text: string | Uint8Array;
  if (format === 'json') text = `${JSON.stringify({ ...value, generator: VERSION }, null, 2)}\n`;
  else {
    const doc = layoutRollup(value, { R: u.R, lang: u.lang, version: VERSION });
    const color = opts.out !== undefined ? new Chalk({ level: 0 }) : colorFor(opts, io);
    text = format === 'xlsx' ? await xlsxOf(doc, tidyRollup(value, u.R), u.R) : format === 'md' ? renderMarkdown(doc) : format === 'csv' ? renderCsv(tidyRollup(value, u.R)) : format === 'html' ? renderHtml(doc) : renderTable(doc, color, opts.out !== undefined ? Infinity : terminalWidth(io));
  }
  if (opts.out === undefined) {
    io.stdout(text as string);
    return code;
  }
  const cwd = opts.C !== undefined ? resolve(io.cwd, opts.C) : io.cwd;
  const abs = resolve(cwd, opts.out);
  const target = opts.out.endsWith('/') || opts.out.endsWith('\\') || kindOf(abs) === 'directory' ? join(abs, `rollup-${kind}-${period}.${format === 'table' ? 'txt' : format}`) : abs;
  const k = kindOf(target);
  if (k !== 'missing' && k !== 'file') throw new QingdanError('out-special', { path: opts.out, kind: k });
  writeFileAtomic(target, text);
  const shown = relative(io.cwd, target);
  const { catalogue } = await import('../i18n/index.js');
  io.stderr(`${catalogue(u.lang).ui.wrote({ file: shown.startsWith('..') || isAbsolute(shown) ? target : shown })}\n`);
  return code;
}

/**
 * members.lock as committed. A corrupt or hand-edited lock would read as members never fetched, or
 * pin data nobody fetched; an entry of a member the settings no longer list is only `check`'s
 * business (it is not evaluated).
 */
async function readLock(u: Umbrella): Promise<{ members: LockEntry[] }> {
  const lockText = readLockText(u.root);
  const corrupt = await lockErrors(lockText);
  if (corrupt) throw new QingdanError('bad-lock', { file: LOCK_FILE, ...corrupt });
  return parseLock(lockText);
}

/** How many errors `check` finds in the text of members.lock, and the line of the first; undefined for a sound lock (or none). */
async function lockErrors(text: string | undefined): Promise<{ count: number; line: number } | undefined> {
  if (text === undefined || lockProblems(text).length === 0) return undefined;
  const { membersLockDiagnostics } = await import('../checks/members-lock.js');
  const found = membersLockDiagnostics(LOCK_FILE, text);
  return { count: found.length, line: found[0]!.line };
}

/**
 * The workbook (src/render/xlsx.ts, as `report --format xlsx`), with exceljs loaded now: no other
 * format or command pays for it. The tidy table first, a sheet per table, and on the about sheet
 * what the tables need said: the totals, the areas' names, the checklists in use (and that they differ).
 */
async function xlsxOf(doc: Doc, tidy: TidyTable, R: RollupLabels): Promise<Uint8Array> {
  const [{ renderXlsx }, excel] = await Promise.all([import('../render/xlsx.js'), import('exceljs')]);
  const notes = doc.sections.flatMap((s) => (s.text && s.text.length > 0 ? [s.heading, ...s.text.map((t) => `  ${t}`)] : []));
  return renderXlsx(doc, tidy, excel.default.Workbook, R.sheets, notes);
}
