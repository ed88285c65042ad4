/**
 * `qingdan audit [--since REV]`: git history as the audit trail. Walks every commit that touched a
 * `*.ledger` file of the data repository — wherever it lay, so that a ledger folder moved (and
 * `paths.ledgers` changed with it) is still followed — merges included, against each of their
 * parents, and proves each ledger only grew (src/core/audit.ts); then reports the registration
 * lag per subject, entries recorded after their period was closed (back-dating), entries dated
 * after their own commit, ids reused for another line, and evidence files whose hash no longer
 * matches (or was too short to tell). Exit 0 clean, 1 violations. Rules: docs/audit.md.
 */
import { join } from 'node:path';
import {
  compareAppend,
  compareUnion,
  DEFAULT_CLOSE_DAYS,
  isBackdated,
  closedOn,
  lagDays,
  lagStats,
  newInMerge,
  splitLines,
  type AddedLine,
  type ChangeKind,
  type LagRow,
  type LagSample,
  type LineChange,
} from '../core/audit.js';
import { buildCatalog, resolveSubject, type Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import type { Entry } from '../core/entry.js';
import { dueOf } from '../core/expand.js';
import { periodForEntry } from '../core/match.js';
import { formatPeriod } from '../core/periods.js';
import { checklistYearOf } from '../checks/ledger-year.js';
import { UsageError } from '../errors.js';
import { recordCatalogue } from '../i18n/record-zh.js';
import { parseLedger } from '../parse/ledger.js';
import { hashOf, readIfExists } from '../read/files.js';
import * as git from '../read/git.js';
import { ledgerBytesRead } from '../read/workload.js';
import { renderAudit } from '../render/audit-text.js';
import { RecordError } from '../write/errors.js';
import { asRecordError } from '../write/git-errors.js';
import { openRepo, type GlobalOptions, type Io, type Opened } from './context.js';
import { gitRepoOf } from './record.js';

export interface AuditOptions extends GlobalOptions {
  since?: string;
  closeDays?: string;
}

export type ViolationKind =
  | ChangeKind
  | 'deleted'
  | 'renamed'
  | 'future-dated'
  | 'reused-id'
  | 'evidence-changed'
  | 'evidence-missing'
  | 'evidence-unverifiable';

export interface Violation {
  kind: ViolationKind;
  /** The commit, or null for the working tree (changes not committed). */
  commit: string | null;
  /** For a merge: the parent the comparison was made against. */
  parent?: string;
  author?: string;
  email?: string;
  /** Author date. */
  date?: string;
  /** Committer date. */
  committed?: string;
  file: string;
  line?: number;
  afterLine?: number;
  count?: number;
  before?: string;
  after?: string;
  /** For renamed: where the ledger went (also on the line changes found in the renamed copy); for evidence: the file. */
  to?: string;
  id?: string;
  expected?: string;
  actual?: string;
}

export interface Backdated {
  commit: string;
  author: string;
  committed: string;
  file: string;
  line: number;
  text: string;
  id?: string;
  item: string;
  period: string;
  due: string;
  closed: string;
}

export interface AuditReport {
  since: string | null;
  commits: number;
  merges: number;
  entries: number;
  closeDays: number;
  violations: Violation[];
  lag: Array<LagRow & { name: string }>;
  backdated: Backdated[];
}

/** A ledger line as first added to the history: by which commit, where. */
interface Seen {
  /** The entry, or undefined for a void line. */
  entry?: Entry;
  id?: string;
  commit: git.CommitInfo;
  file: string;
  line: number;
  text: string;
}

const isLedger = (p: string) => p.endsWith('.ledger');

/**
 * The data repository a path marks, if it is `qingdan.yaml` or `templates/org.yaml` (what
 * `findRoot` looks for): that repository's folder, '' for the top.
 */
function markedRoot(path: string): string | undefined {
  for (const marker of ['qingdan.yaml', 'templates/org.yaml']) {
    if (path === marker) return '';
    if (path.endsWith(`/${marker}`)) return path.slice(0, -marker.length - 1);
  }
  return undefined;
}

/**
 * Whether a ledger is this data repository's: not inside another data repository nested in it
 * (a folder below with its own settings or organisation, like test fixtures), which is the root
 * qingdan would find for that ledger.
 */
function ownLedger(path: string, nested: ReadonlySet<string>): boolean {
  if (!isLedger(path)) return false;
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) if (nested.has(path.slice(0, i))) return false;
  return true;
}

/** A line as the same line: without trailing blanks or a carriage return. */
const lineKey = (text: string) => text.replace(/\s+$/, '');

/** Fewer hex digits than this prove little: 1 in 16^n files matches by chance. */
export const MIN_SHA256_DIGITS = 12;

export async function runAudit(opts: AuditOptions, io: Io): Promise<number> {
  const repo = await openRepo(opts, io);
  const rm = recordCatalogue(repo.lang);
  try {
    const report = audit(opts, repo);
    io.stdout(opts.json ? JSON.stringify({ clean: report.violations.length === 0, ...report }, null, 2) + '\n' : renderAudit(report, repo.color, rm));
    return report.violations.length > 0 ? 1 : 0;
  } catch (e) {
    throw asRecordError(e, repo.lang);
  }
}

/**
 * The ledger `added` most likely is `deleted` under a new name: the same bytes, the same plus
 * appended lines, or else the one that keeps the most of its lines (at least half of them).
 */
function renamedTo(old: Uint8Array, candidates: Array<{ path: string; bytes: Uint8Array }>): { path: string; bytes: Uint8Array } | undefined {
  if (old.length === 0) return undefined;
  const exact = candidates.find((c) => Buffer.compare(Buffer.from(c.bytes), Buffer.from(old)) === 0);
  if (exact) return exact;
  const grown = candidates.find((c) => compareAppend(old, c.bytes).changes.length === 0);
  if (grown) return grown;
  const oldLines = splitLines(new TextDecoder().decode(old)).map((l) => lineKey(l.bare)).filter((l) => l !== '');
  if (oldLines.length === 0) return undefined;
  let best: { path: string; bytes: Uint8Array } | undefined;
  let bestKept = 0;
  for (const c of candidates) {
    const have = new Map<string, number>();
    for (const l of splitLines(new TextDecoder().decode(c.bytes))) {
      const k = lineKey(l.bare);
      have.set(k, (have.get(k) ?? 0) + 1);
    }
    let kept = 0;
    for (const l of oldLines) {
      const n = have.get(l) ?? 0;
      if (n > 0) {
        kept++;
        have.set(l, n - 1);
      }
    }
    if (kept > bestKept) {
      best = c;
      bestKept = kept;
    }
  }
  return best && bestKept * 2 >= oldLines.length ? best : undefined;
}

function audit(opts: AuditOptions, repo: Opened): AuditReport {
  let closeDays = DEFAULT_CLOSE_DAYS;
  if (opts.closeDays !== undefined) {
    if (!/^\d{1,3}$/.test(opts.closeDays)) throw new UsageError('bad-option', { option: '--close-days', value: opts.closeDays, hint: '0–999' });
    closeDays = +opts.closeDays;
  }
  const g = gitRepoOf(repo.root, true)!;
  // Every *.ledger of the data repository, not just those under today's `paths.ledgers`: a
  // ledger that was moved away must still be seen going, and followed where it went.
  const scope = g.prefix === '' ? undefined : g.prefix.replace(/\/+$/, '');
  const rel = (p: string) => (g.prefix && p.startsWith(g.prefix) ? p.slice(g.prefix.length) : p);
  let since: string | undefined;
  if (opts.since !== undefined) {
    since = git.resolveCommit(g.top, opts.since);
    if (!since) throw new RecordError('bad-rev', { rev: opts.since });
  }
  const report: AuditReport = { since: since ?? null, commits: 0, merges: 0, entries: 0, closeDays, violations: [], lag: [], backdated: [] };
  if (!git.hasHead(g.top)) return report;

  const commits = git.commitsTouching(g.top, scope, since);
  const pairs: Array<[string, string?]> = [];
  for (const c of commits) {
    if (c.parents.length === 0) pairs.push([c.sha]);
    else for (const p of c.parents) pairs.push([c.sha, p]);
  }
  const allChanges = git.changesOf(g.top, pairs, scope);
  const headTree = git.treeFiles(g.top, 'HEAD', scope);
  // data repositories nested in this one, now or at any point of the history walked
  const nested = new Set<string>();
  for (const path of [...headTree.keys(), ...allChanges.flatMap((list) => list.map((ch) => ch.path))]) {
    const root = markedRoot(rel(path));
    if (root) nested.add(root);
  }
  const ours = (path: string) => ownLedger(rel(path), nested);
  const changes = allChanges.map((list) => list.filter((ch) => ours(ch.path)));
  const ids: string[] = [];
  for (const list of changes) {
    for (const ch of list) {
      if (!/^0+$/.test(ch.oldBlob)) ids.push(ch.oldBlob);
      if (!/^0+$/.test(ch.newBlob)) ids.push(ch.newBlob);
    }
  }
  const blobs = git.readBlobs(g.top, ids);
  for (const [id, b] of blobs) ledgerBytesRead(id, b.length);
  const blob = (id: string) => (/^0+$/.test(id) ? new Uint8Array(0) : (blobs.get(id) ?? new Uint8Array(0)));

  /** Every line first added, by id and text (lines without an id: by file and text). */
  const seen = new Map<string, Seen>();
  /** The first line that carried each id. */
  const firstWithId = new Map<string, Seen>();
  const violations: Violation[] = [];
  const whoOf = (c: git.CommitInfo) => ({ commit: c.sha, author: c.author, email: c.email, date: c.authored, committed: c.committed });
  const fromChange = (c: git.CommitInfo, file: string, ch: LineChange, parent?: string, to?: string): Violation => ({
    kind: ch.kind,
    ...whoOf(c),
    ...(parent ? { parent } : {}),
    file: rel(file),
    line: ch.line,
    ...(ch.afterLine !== undefined ? { afterLine: ch.afterLine } : {}),
    ...(ch.count > 1 ? { count: ch.count } : {}),
    ...(ch.before !== undefined ? { before: ch.before } : {}),
    ...(ch.after !== undefined ? { after: ch.after } : {}),
    ...(to !== undefined ? { to: rel(to) } : {}),
  });
  const addNew = (c: git.CommitInfo, file: string, added: AddedLine[]) => {
    for (const a of added) {
      const parsed = parseLedger(rel(file), `${a.text}\n`).lines[0];
      if (!parsed) continue;
      const id = parsed.id;
      const key = id !== undefined ? `${id}\u0000${lineKey(a.text)}` : `${rel(file)}\u0000${lineKey(a.text)}`;
      // the same line again (a renamed ledger, a cherry-pick, the other side of a merge): counted once
      if (seen.has(key)) continue;
      const s: Seen = { ...(parsed.kind === 'entry' ? { entry: { ...parsed, line: a.line } } : {}), ...(id !== undefined ? { id } : {}), commit: c, file: rel(file), line: a.line, text: a.text };
      seen.set(key, s);
      if (id === undefined) continue;
      const first = firstWithId.get(id);
      if (!first) {
        firstWithId.set(id, s);
        continue;
      }
      // an id already used by another line: a new line passed off as a recorded one
      violations.push({ kind: 'reused-id', ...whoOf(c), file: rel(file), line: a.line, id, before: first.text, after: a.text });
    }
  };

  let k = 0;
  for (const c of commits) {
    const perParent = (c.parents.length === 0 ? [undefined] : c.parents).map((p) => ({ parent: p, list: changes[k++] ?? [] }));
    if (perParent.every(({ list }) => list.length === 0)) continue;
    report.commits++;
    const merge = c.parents.length > 1;
    if (merge) report.merges++;
    /** Per ledger, the lines of this commit's version already reported as a changed recorded line. */
    const changedLines = new Map<string, Set<number>>();
    const pushChange = (v: Violation, path: string) => {
      violations.push(v);
      if (v.afterLine === undefined || v.kind === 'inserted') return;
      const set = changedLines.get(path) ?? new Set<number>();
      for (let i = 0; i < (v.count ?? 1); i++) set.add(v.afterLine + i);
      changedLines.set(path, set);
    };
    for (const { parent, list } of perParent) {
      const addedHere = list.filter((ch) => ch.status === 'A').map((ch) => ({ path: ch.path, bytes: blob(ch.newBlob) }));
      const claimed = new Set<string>();
      for (const ch of list) {
        if (ch.status === 'D') {
          const old = blob(ch.oldBlob);
          const to = renamedTo(old, addedHere.filter((a) => !claimed.has(a.path)));
          violations.push({
            kind: to ? 'renamed' : 'deleted',
            ...whoOf(c),
            ...(merge && parent ? { parent } : {}),
            file: rel(ch.path),
            ...(to ? { to: rel(to.path) } : {}),
          });
          if (!to) continue;
          // the ledger under its new name: compared with the old one, line by line
          claimed.add(to.path);
          const cmp = compareAppend(old, to.bytes);
          for (const v of cmp.changes) violations.push(fromChange(c, ch.path, v, merge ? parent : undefined, to.path));
          if (!merge) addNew(c, to.path, cmp.added);
        } else if (ch.status === 'M' || ch.status === 'T') {
          if (merge) {
            for (const v of compareUnion(blob(ch.oldBlob), blob(ch.newBlob))) pushChange(fromChange(c, ch.path, v, parent), ch.path);
          } else {
            const cmp = compareAppend(blob(ch.oldBlob), blob(ch.newBlob));
            for (const v of cmp.changes) violations.push(fromChange(c, ch.path, v));
            addNew(c, ch.path, cmp.added);
          }
        }
      }
      // new ledgers (not a renamed one): every line is new
      if (!merge) {
        for (const a of addedHere) if (!claimed.has(a.path)) addNew(c, a.path, compareAppend(new Uint8Array(0), a.bytes).added);
      }
    }
    if (merge) {
      // lines no parent had: what the merge itself added
      const byPath = new Map<string, { olds: Uint8Array[]; newBlob: string; n: number }>();
      for (const { list } of perParent) {
        for (const ch of list) {
          if (ch.status === 'D') continue;
          const e = byPath.get(ch.path) ?? { olds: [], newBlob: ch.newBlob, n: 0 };
          e.olds.push(blob(ch.oldBlob));
          e.n++;
          byPath.set(ch.path, e);
        }
      }
      for (const [path, e] of byPath) {
        if (e.n !== c.parents.length) continue;
        // a recorded line the merge changed is reported as such, not counted as a new line
        const changed = changedLines.get(path);
        addNew(c, path, newInMerge(e.olds, blob(e.newBlob)).filter((a) => !changed?.has(a.line)));
      }
    }
  }

  // the working tree: changes not committed yet must be appends too
  const head = new Map([...headTree].filter(([p]) => ours(p)));
  const headBlobs = git.readBlobs(g.top, [...head.values()]);
  for (const [path, id] of head) {
    const now = readIfExists(join(g.top, path));
    const committed = headBlobs.get(id) ?? new Uint8Array(0);
    if (now === undefined) {
      violations.push({ kind: 'deleted', commit: null, file: rel(path) });
      continue;
    }
    if (Buffer.compare(Buffer.from(committed), now) === 0) continue;
    for (const v of compareAppend(committed, now).changes) {
      violations.push({
        kind: v.kind,
        commit: null,
        file: rel(path),
        line: v.line,
        ...(v.afterLine !== undefined ? { afterLine: v.afterLine } : {}),
        ...(v.count > 1 ? { count: v.count } : {}),
        ...(v.before !== undefined ? { before: v.before } : {}),
        ...(v.after !== undefined ? { after: v.after } : {}),
      });
    }
  }

  // registration: lag, back-dating, dates after their commit
  const ds = repo.dataset;
  const cat = ds ? buildCatalog(ds) : undefined;
  const samples: LagSample[] = [];
  for (const s of seen.values()) {
    const entry = s.entry;
    if (!entry) continue;
    const committedOn = s.commit.committed.slice(0, 10);
    const lag = lagDays(entry.date, committedOn);
    report.entries++;
    if (lag < 0) {
      violations.push({
        kind: 'future-dated',
        ...whoOf(s.commit),
        file: s.file,
        line: s.line,
        after: s.text,
        ...(entry.id ? { id: entry.id } : {}),
      });
      continue;
    }
    samples.push({ subject: subjectKey(cat, entry.subject), lag });
    const ref = cat?.checklists.get(checklistYearOf(entry))?.items.get(entry.item);
    const period = ref ? periodForEntry(ref.item, entry) : undefined;
    if (!ref || !period) continue;
    const due = dueOf(ref.item, period);
    if (isBackdated(entry, due, committedOn, closeDays)) {
      report.backdated.push({
        commit: s.commit.sha,
        author: s.commit.author,
        committed: committedOn,
        file: s.file,
        line: s.line,
        text: s.text,
        ...(entry.id ? { id: entry.id } : {}),
        item: ref.item.id,
        period: formatPeriod(period),
        due,
        closed: closedOn(due, closeDays),
      });
    }
  }
  report.lag = lagStats(samples, ds ? subjectOrder(ds) : []).map((r) => ({ ...r, name: nameOf(ds, r.subject) }));

  // evidence: the file must still have the hash recorded with it
  if (ds) {
    const withId = new Map<string, Seen[]>();
    for (const s of seen.values()) if (s.entry?.id) withId.set(s.entry.id, [...(withId.get(s.entry.id) ?? []), s]);
    for (const l of ds.ledgers) {
      for (const line of l.lines) {
        if (line.kind !== 'entry' || line.evidence === undefined || line.sha256 === undefined) continue;
        const expected = line.sha256.toLowerCase();
        const candidates = line.id ? (withId.get(line.id) ?? []) : [];
        const s = candidates.find((x) => x.entry?.evidence === line.evidence && x.entry?.sha256 === line.sha256) ?? candidates[0];
        const where = { ...(s ? whoOf(s.commit) : { commit: null }), file: l.file, line: line.line, ...(line.id ? { id: line.id } : {}), to: line.evidence, expected };
        // a digest too short (or not hex) matches too many files to prove anything
        if (!new RegExp(`^[0-9a-f]{${MIN_SHA256_DIGITS},64}$`).test(expected)) {
          violations.push({ kind: 'evidence-unverifiable', ...where });
          continue;
        }
        const actual = hashOf(repo.root, line.evidence);
        if (actual !== undefined && actual.startsWith(expected)) continue;
        violations.push({
          kind: actual === undefined ? 'evidence-missing' : 'evidence-changed',
          ...where,
          ...(actual ? { actual: actual.slice(0, expected.length) } : {}),
        });
      }
    }
  }
  report.violations = violations;
  return report;
}

function subjectKey(cat: Catalog | undefined, token: string): string {
  const s = cat ? resolveSubject(cat, token) : undefined;
  if (!s) return token;
  return s.kind === 'unit' ? s.unit.id : s.kind === 'person' ? s.person.id : 'org';
}

function subjectOrder(ds: Dataset): string[] {
  return [...ds.org.value.units.map((u) => u.id), 'org', ...ds.org.value.people.map((p) => p.id)];
}

function nameOf(ds: Dataset | undefined, id: string): string {
  if (!ds) return id;
  if (id === 'org') return ds.org.value.name;
  return ds.org.value.units.find((u) => u.id === id)?.name ?? ds.org.value.people.find((p) => p.id === id)?.name ?? id;
}
