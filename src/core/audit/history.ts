/**
 * The audit of a ledger history (`qingdan audit`), as a pure function of what was read from git:
 * every commit that touched a ledger — merges against each of their parents — must only have
 * appended (compare.ts); then the registration lag per subject, entries recorded after their
 * period was closed (back-dating), entries dated after their own commit, ids reused for another
 * line, and evidence files whose hash no longer matches. The rules: docs/audit.md.
 */
import { buildCatalog, resolveSubject, type Catalog } from '../catalog.js';
import type { Dataset } from '../dataset.js';
import type { Entry, LedgerLine } from '../entry.js';
import { dueOf } from '../expand.js';
import { periodForEntry } from '../match.js';
import { formatPeriod } from '../periods.js';
import { checklistYearOf } from '../entry.js';
import { compareAppend, compareUnion, newInMerge, splitLines, type AddedLine, type ChangeKind, type LineChange } from './compare.js';
import { closedOn, isBackdated, lagDays, lagStats, type LagRow, type LagSample } from './registration.js';

export interface Commit {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset. */
  authored: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  committed: string;
}

export interface FileChange {
  /** A added, D deleted, M modified, T type changed. */
  status: string;
  path: string;
  oldBlob: string;
  newBlob: string;
}

/** What audit reads of a git history: only the data repository's ledgers (scope.ts). */
export interface History {
  /** Where the data repository is in the git repository: '' at its top, else `dir/`. */
  prefix: string;
  /** Oldest first. */
  commits: Commit[];
  /** For each commit, for each parent (a root commit: one list), the ledgers that differ. */
  changes: FileChange[][][];
  /** The blobs those changes name, by id. */
  blobs: ReadonlyMap<string, Uint8Array>;
  /** The ledgers of HEAD: path → blob id (their blobs are in `blobs`). */
  head: ReadonlyMap<string, string>;
  /** The working tree's bytes of each ledger of HEAD; undefined when it is gone. */
  workTree: ReadonlyMap<string, Uint8Array | undefined>;
}

export interface AuditOptions {
  /** The commit `--since` named. */
  since?: string;
  closeDays: number;
  /** The SHA-256 (hex) of each evidence file the ledgers name, undefined when it is not there. */
  evidence: ReadonlyMap<string, string | undefined>;
  /** Reads one ledger line (src/parse/ledger.ts), undefined for a comment or a blank. */
  parseLine: (file: string, text: string) => LedgerLine | undefined;
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
  commit: Commit;
  file: string;
  line: number;
  text: string;
}

/** A line as the same line: without trailing blanks or a carriage return. */
const lineKey = (text: string) => text.replace(/\s+$/, '');

/** Fewer hex digits than this prove little: 1 in 16^n files matches by chance. */
export const MIN_SHA256_DIGITS = 12;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The ledger `added` most likely is `deleted` under a new name: the same bytes, the same plus
 * appended lines, or else the one that keeps the most of its lines (at least half of them).
 */
function renamedTo(old: Uint8Array, candidates: Array<{ path: string; bytes: Uint8Array }>): { path: string; bytes: Uint8Array } | undefined {
  if (old.length === 0) return undefined;
  const exact = candidates.find((c) => sameBytes(c.bytes, old));
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

export function auditHistory(h: History, ds: Dataset | undefined, opts: AuditOptions): AuditReport {
  const closeDays = opts.closeDays;
  const rel = (p: string) => (h.prefix && p.startsWith(h.prefix) ? p.slice(h.prefix.length) : p);
  const report: AuditReport = { since: opts.since ?? null, commits: 0, merges: 0, entries: 0, closeDays, violations: [], lag: [], backdated: [] };
  const commits = h.commits;
  const changes = h.changes;

  const blob = (id: string) => (/^0+$/.test(id) ? new Uint8Array(0) : (h.blobs.get(id) ?? new Uint8Array(0)));

  /** Every line first added, by id and text (lines without an id: by file and text). */
  const seen = new Map<string, Seen>();
  /** The first line that carried each id. */
  const firstWithId = new Map<string, Seen>();
  const violations: Violation[] = [];
  const whoOf = (c: Commit) => ({ commit: c.sha, author: c.author, email: c.email, date: c.authored, committed: c.committed });
  const fromChange = (c: Commit, file: string, ch: LineChange, parent?: string, to?: string): Violation => ({
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
  const addNew = (c: Commit, file: string, added: AddedLine[]) => {
    for (const a of added) {
      const parsed = opts.parseLine(rel(file), a.text);
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
    const perParent = (c.parents.length === 0 ? [undefined] : c.parents).map((p, i) => ({ parent: p, list: changes[k]?.[i] ?? [] }));
    k++;
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
  for (const [path, id] of h.head) {
    const now = h.workTree.get(path);
    const committed = blob(id);
    if (now === undefined) {
      violations.push({ kind: 'deleted', commit: null, file: rel(path) });
      continue;
    }
    if (sameBytes(committed, now)) continue;
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
        const actual = opts.evidence.get(line.evidence);
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
