/**
 * One member of a roll-up, judged and evaluated from the commit members.lock names, in the
 * member's own repository inside the umbrella's `.git` (read/members.ts): its files are read as
 * git objects (read/member-tree.ts), parsed by the same parsers as a checked-out repository
 * (parse/), checked by every check of `qingdan check`, its history audited by the audit of
 * `qingdan audit` (core/audit/), and only then evaluated and summed up (core/rollup/summary.ts).
 * Trust comes before counting: a member whose audit or check fails is not evaluated at all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidenceLinesOf } from '../core/audit/evidence.js';
import { auditHistory, type AuditReport, type LastChange } from '../core/audit/history.js';
import { buildCatalog } from '../core/catalog.js';
import { asOfView } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { LedgerLine } from '../core/entry.js';
import { evaluate } from '../core/evaluate.js';
import type { Settings } from '../core/model.js';
import { formatPeriod, periodStart, periodEnd } from '../core/periods.js';
import { longestGrace, selectPeriod, type PeriodOptions, type ReportKind } from '../core/reports/select.js';
import { memberSummary, type MemberSummary } from '../core/rollup/summary.js';
import type { MemberProvenance, UnverifiedReason } from '../core/rollup/report.js';
import { CHECKS, checksFor, runChecks, TEMPLATE_CHECKS } from '../checks/index.js';
import { assemble, checkedTemplates } from '../parse/dataset.js';
import { Interner, parseLedger } from '../parse/ledger.js';
import * as git from '../read/git.js';
import { openHistory } from '../read/history.js';
import { LOCK_FILE } from '../read/members-lock.js';
import { MAX_FILE_BYTES, OverLimit, readMemberFiles, readTreeFiles, type MemberFiles } from '../read/member-tree.js';
import type { RawFile } from '../read/repo.js';
import { isKeptSettings, isTemplateSources, type TemplateSources } from '../read/template-cache.js';

export interface EvaluateSpec {
  kind: ReportKind;
  options: PeriodOptions;
  asOf: string;
  /** The version of qingdan: part of every cache key. */
  version: string;
  /** Where cached audits and results are kept (inside the umbrella's .git), or undefined for none. */
  cacheDir?: string;
}

export type Judged =
  /** Counted: its summary; for an umbrella without a checklist of its own, none (its members count), and its members.lock. */
  | { ok: true; summary?: MemberSummary; settings: Settings; lock?: string; audit: Pick<MemberProvenance, 'audit' | 'auditCommits' | 'violations'> }
  | { ok: false; reason: UnverifiedReason; detail: string; settings?: Settings; audit: Pick<MemberProvenance, 'audit' | 'auditCommits' | 'violations'> };

const NOT_RUN = { audit: 'not-run' } as const;

/** The first few diagnostics, as `file:line: code`, for the reason a member's check failed. */
function firstProblems(list: readonly Diagnostic[]): string {
  const shown = list.slice(0, 3).map((d) => `${d.file}:${d.line}: ${d.code}`);
  return `${list.length}: ${shown.join('; ')}${list.length > 3 ? '; …' : ''}`;
}

interface AuditVerdict {
  commits: number;
  violations: number;
  shallow: boolean;
  first?: string;
}

/** Reads a cached JSON value, or undefined (missing, unreadable, of another shape). */
function cached<T>(dir: string | undefined, key: string): T | undefined {
  if (!dir) return undefined;
  const file = join(dir, `${key}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function keep(dir: string | undefined, key: string, value: unknown): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${key}.json`), JSON.stringify(value));
  } catch {
    // a cache that cannot be written only costs time
  }
}

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/** The latest commit of a member up to which its whole history audited clean, and how many commits that walked. */
interface CleanUpTo {
  commit: string;
  commits: number;
}

/**
 * The audit of the member's history up to `commit`: cached by commit (and version), since a
 * commit's history never changes. When an earlier commit of the member audited clean and is an
 * ancestor of this one, only the commits since are walked (`audit --since`, which knows what
 * the ledgers held there): one new recording day costs one commit, not the whole history. When
 * neither holds the other, the member rewrote its history after it was audited: a violation,
 * which no audit of the new history alone could see.
 */
async function auditMember(at: git.At, reader: git.BlobReader, commit: string, files: MemberFiles, ds: Parameters<typeof auditHistory>[1], spec: EvaluateSpec, parser: () => Promise<typeof import('../parse/templates.js')>): Promise<AuditVerdict> {
  // shallowness is the repository's, not the commit's: the same commit fetched whole is another verdict
  const shallow = shallowRepo(at.cwd);
  const key = keyOf('audit', at.cwd, commit, String(shallow), spec.version);
  const hit = cached<AuditVerdict>(spec.cacheDir, key);
  if (hit) return hit;
  const cleanKey = keyOf('audit-clean', at.cwd, spec.version);
  const clean = cached<CleanUpTo>(spec.cacheDir, cleanKey);
  const known = clean && typeof clean.commit === 'string' && /^[0-9a-f]{40,64}$/.test(clean.commit) && !shallow ? clean : undefined;
  // undefined when the commit audited before is not there any more: the whole history is audited
  const ahead = known ? git.isAncestor(at, known.commit, commit) : undefined;
  const since = ahead === true ? known : undefined;
  // a history that no longer holds the commit audited before, nor is held by it: it was rewritten
  // (an older commit, as an old members.lock names, is not a rewrite)
  if (known && ahead === false && git.isAncestor(at, commit, known.commit) !== true) {
    const verdict: AuditVerdict = { commits: 0, violations: 1, shallow: false, first: `rewritten: ${known.commit.slice(0, 12)} → ${commit.slice(0, 12)}` };
    keep(spec.cacheDir, key, verdict);
    return verdict;
  }
  const g: git.GitRepo = { top: at.cwd, prefix: '', gitDir: at.cwd };
  const history = await openHistory(at, g, since?.commit, { rev: commit, blobs: files.tree.blobs, reader, each: MAX_FILE_BYTES });
  let report: AuditReport;
  try {
    // the member has no working tree: what it would hold is the commit itself
    const headBlobs = await history.blobs([...new Set(history.head.values())]);
    const head = new Map([...history.head].map(([path, id]) => [path, headBlobs.get(id)]));
    const evidenceLines = (ds?.ledgers ?? []).flatMap(evidenceLinesOf);
    const evidencePaths = new Set(evidenceLines.map((l) => l.evidence));
    const evidenceBytes = await readTreeFiles(reader, files.tree, [...evidencePaths]);
    const evidence = new Map<string, string | undefined>();
    for (const p of evidencePaths) {
      const b = evidenceBytes.get(p);
      evidence.set(p, b ? createHash('sha256').update(b).digest('hex') : undefined);
    }
    const intern = new Interner();
    // a ledger is a ledger of the folder the settings of its time named, which may have moved
    const folders = [files.ledgersDir];
    if (history.settings.length > 0) {
      const { parseSettings } = await parser();
      for (const bytes of history.settings) folders.push(parseSettings({ file: 'qingdan.yaml', bytes }).settings?.paths?.ledgers ?? 'ledgers');
    }
    report = await auditHistory({ ...history, workTree: (path) => head.get(path) }, ds, {
      closeDays: 10,
      folders,
      evidenceLines,
      evidence,
      evidenceChange: (path): LastChange => {
        const c = git.git(['log', '-1', '-z', '--no-color', '--format=%H%x00%an%x00%ae%x00%aI%x00%cI', '--end-of-options', commit, '--', path], at);
        const [sha, author, email, date, committed] = c.stdout.split('\0');
        return c.ok && sha ? { commit: sha, author: author ?? '', email: email ?? '', date: date ?? '', committed: committed ?? '' } : { commit: null };
      },
      parseLines: (file, texts) => {
        const out = new Array<LedgerLine | undefined>(texts.length);
        if (texts.length === 0) return out;
        for (const l of parseLedger(file, `${texts.join('\n')}\n`, intern).lines) out[l.line - 1] = l;
        return out;
      },
    });
  } finally {
    history.close();
  }
  const v = report.violations[0];
  const verdict: AuditVerdict = {
    commits: (since?.commits ?? 0) + report.commits,
    violations: report.violations.length,
    shallow: report.violations.some((x) => x.kind === 'shallow'),
    ...(v ? { first: `${v.kind} ${v.file}${v.line !== undefined ? `:${v.line}` : ''}${v.commit ? ` (${v.commit.slice(0, 12)})` : ''}` } : {}),
  };
  keep(spec.cacheDir, key, verdict);
  if (verdict.violations === 0) keep(spec.cacheDir, cleanKey, { commit, commits: verdict.commits } satisfies CleanUpTo);
  return verdict;
}

/** The months (YYYY-MM) of a monthly or quarterly period. */
function monthsOf(kind: ReportKind, period: { kind: string; year: number; index: number }): string[] | undefined {
  if (kind === 'annual') return undefined;
  const start = periodStart(period as never);
  const end = periodEnd(period as never);
  const out: string[] = [];
  for (let m = +start.slice(5, 7); m <= +end.slice(5, 7); m++) out.push(`${start.slice(0, 4)}-${String(m).padStart(2, '0')}`);
  return out;
}

/** Whether the member's repository is shallow: git's own `shallow` file, looked at without running git. */
const shallowRepo = (repo: string) => existsSync(join(repo, 'shallow'));

const resultKey = (repo: string, commit: string, spec: EvaluateSpec) =>
  keyOf('result', repo, String(shallowRepo(repo)), commit, spec.kind, JSON.stringify(spec.options), spec.asOf, spec.version);

/**
 * The member's result as found in the cache, keyed by (repository, shallowness, commit, report,
 * period, as-of, version): an unchanged member costs a file read, no git and no parsing.
 */
export function cachedJudgement(repo: string, commit: string, spec: EvaluateSpec): Judged | undefined {
  return cached<Judged>(spec.cacheDir, resultKey(repo, commit, spec));
}

export function keepJudgement(repo: string, commit: string, spec: EvaluateSpec, judged: Judged): void {
  keep(spec.cacheDir, resultKey(repo, commit, spec), judged);
}

/**
 * Judges and evaluates the member whose repository is `repo` at `commit`, afresh (the caller
 * looks in the cache first and keeps what this returns). Never throws for what the member holds:
 * every problem is a reason it does not count, a commit the repository cannot read too. One
 * `git cat-file` reads all the member's files and versions.
 */
export async function judgeMember(repo: string, commit: string, spec: EvaluateSpec, env: git.Env): Promise<Judged> {
  // a member never fetched has no repository yet
  if (!existsSync(join(repo, 'HEAD'))) return { ok: false, reason: 'missing-commit', detail: commit, audit: NOT_RUN };
  const at = { cwd: repo, env };
  const reader = git.blobReader(at);
  try {
    return await judgeAfresh(at, reader, commit, spec);
  } catch (e) {
    // a file read after the member's data (its evidence, its members.lock) may be over the limits too
    if (e instanceof OverLimit) return { ok: false, reason: 'too-large', detail: `${e.problem.file}: ${e.problem.size} bytes`, audit: NOT_RUN };
    throw e;
  } finally {
    reader.close();
  }
}

/**
 * A member's settings from their bytes. Clean settings are kept by their bytes, as templates by
 * their blobs: found again, they need no YAML parser (nor zod) loaded.
 */
export async function settingsFrom(raw: RawFile, spec: Pick<EvaluateSpec, 'cacheDir' | 'version'>): Promise<{ settings?: Settings; diagnostics: Diagnostic[] }> {
  const key = keyOf('settings', spec.version, Buffer.from(raw.bytes).toString('latin1'));
  const kept = cached<unknown>(spec.cacheDir, key);
  if (isKeptSettings(kept)) return { settings: kept, diagnostics: [] };
  const p = (await import('../parse/templates.js')).parseSettings(raw);
  if (p.settings && p.diagnostics.length === 0) keep(spec.cacheDir, key, p.settings);
  return p;
}

async function judgeAfresh(at: git.At, reader: git.BlobReader, commit: string, spec: EvaluateSpec): Promise<Judged> {
  // YAML and zod are loaded only when something kept from an earlier member does not do
  const parser = () => import('../parse/templates.js');
  let settingsDiagnostics: Diagnostic[] = [];
  let settings: Settings = {};
  const files = await readMemberFiles(reader, commit, async (raw) => {
    if (!raw) return settings;
    const p = await settingsFrom(raw, spec);
    settingsDiagnostics = p.diagnostics;
    return (settings = p.settings ?? {});
  });
  if ('kind' in files) {
    if (files.kind === 'missing-commit') return { ok: false, reason: 'missing-commit', detail: commit, audit: NOT_RUN };
    if (files.kind === 'unreadable') return { ok: false, reason: 'failed', detail: files.detail, audit: NOT_RUN };
    const detail = files.kind === 'outside' ? `${files.setting}: ${files.value}` : files.kind === 'too-large' ? `${files.file}: ${files.size} bytes` : files.file;
    return { ok: false, reason: files.kind === 'missing' ? 'no-templates' : files.kind, detail, audit: NOT_RUN };
  }
  // an umbrella without a checklist of its own is judged on its history alone
  const hasTemplates = files.org !== undefined && files.checklists.length > 0;
  // templates that passed their checks are kept by the blobs they came from: members with the same ones skip YAML and those checks
  const templatesKey = keyOf('templates', spec.version, ...[files.org, ...files.checklists].map((f) => (f ? `${f.file}\0${files.tree.files.get(f.file)}` : '')));
  const kept = hasTemplates ? cached<unknown>(spec.cacheDir, templatesKey) : undefined;
  const templates = !hasTemplates ? undefined : isTemplateSources(kept) ? checkedTemplates(kept.org, kept.checklists) : (await parser()).parseTemplates(files.org!, files.checklists);
  const parsed = templates ? assemble(templates, files.ledgers, settings) : undefined;
  const ds = parsed?.dataset;

  const audit = await auditMember(at, reader, commit, files, ds, spec, parser);
  const auditFacts = { audit: audit.violations > 0 ? ('violations' as const) : ('clean' as const), auditCommits: audit.commits, violations: audit.violations };
  if (audit.shallow) return { ok: false, reason: 'shallow', detail: audit.first ?? '', settings, audit: auditFacts };
  if (audit.violations > 0) return { ok: false, reason: 'audit', detail: `${audit.violations}: ${audit.first ?? ''}`, settings, audit: auditFacts };

  const umbrella = (settings.members?.length ?? 0) > 0;
  const lock = umbrella ? (await readTreeFiles(reader, files.tree, [LOCK_FILE])).get(LOCK_FILE) : undefined;
  const lockText = lock ? { lock: Buffer.from(lock).toString('utf8') } : {};
  // the members a member umbrella pinned are what the level below is read at: its lock is checked as its own `check` would
  if (lockText.lock !== undefined) {
    const { membersLockDiagnostics } = await import('../checks/members-lock.js');
    const bad = membersLockDiagnostics(LOCK_FILE, lockText.lock, settings.members!.map((m) => m.id));
    if (bad.length > 0) return { ok: false, reason: 'check', detail: firstProblems(bad), settings, audit: auditFacts };
  }
  if (!templates) {
    return umbrella ? { ok: true, settings, audit: auditFacts, ...lockText } : { ok: false, reason: 'no-templates', detail: files.templatesDir, settings, audit: auditFacts };
  }
  const errors = [...settingsDiagnostics, ...parsed!.diagnostics].filter((d) => d.severity === 'error');
  if (!ds || errors.length > 0) return { ok: false, reason: 'check', detail: firstProblems(errors), settings, audit: auditFacts };
  const cat = buildCatalog(ds);
  const ctx = { ds, cat, asOf: spec.asOf };
  const templateFindings = templates.checked ? [] : runChecks(ctx, TEMPLATE_CHECKS);
  if (!templates.checked && templateFindings.length === 0 && templates.diagnostics.length === 0) {
    keep(spec.cacheDir, templatesKey, { org: { file: ds.org.file, value: ds.org.value }, checklists: ds.checklists.map((c) => ({ file: c.file, value: c.value })) } satisfies TemplateSources);
  }
  const checked = [...templateFindings, ...runChecks(ctx, checksFor(CHECKS, { checked: true }))].filter((d) => d.severity === 'error');
  if (checked.length > 0) return { ok: false, reason: 'check', detail: firstProblems(checked), settings, audit: auditFacts };

  const first = selectPeriod(spec.kind, spec.options, spec.asOf);
  if ('error' in first) return { ok: false, reason: 'failed', detail: first.error.option, settings, audit: auditFacts };
  const year = first.period.year;
  const checklist = cat.checklists.get(year);
  if (!checklist) return { ok: false, reason: 'no-checklist', detail: String(year), settings, audit: auditFacts };
  const { period, evalDate } = selectPeriod(spec.kind, spec.options, spec.asOf, longestGrace(checklist.source.value)) as typeof first;
  const view = asOfView(ds, evalDate);
  const ev = evaluate(view, cat, year, evalDate);
  return { ok: true, summary: memberSummary(view, ev, monthsOf(spec.kind, period)), settings, audit: auditFacts, ...lockText };
}

/** The period a roll-up is about, as its heading names it, from the umbrella's as-of. */
export function rollupPeriod(kind: ReportKind, options: PeriodOptions, asOf: string): string | { option: string; value: string; hint: string } {
  const s = selectPeriod(kind, options, asOf);
  if ('error' in s) return s.error;
  return formatPeriod(s.period);
}
