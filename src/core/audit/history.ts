/**
 * The audit of a ledger history (`qingdan audit`), as a pure function of what was read from git:
 * every commit that touched a ledger — merges against each of their parents — must only have
 * appended (compare.ts), and a merge must be the union of its parents, nothing more; then the
 * registration lag per subject, entries recorded after their period was closed (back-dating),
 * entries dated after their own commit, ids reused for another line, exact copies of a recorded
 * line, and evidence files whose hash no longer matches. A repository whose history cannot be
 * taken at its word — shallow, with replace refs or grafts — is a violation too. The rules:
 * docs/audit.md.
 *
 * The history is walked commit by commit: the versions of the ledgers one commit changed are
 * read (`HistorySource.blobs`), compared and dropped, so that memory is bounded by the largest
 * ledger, not by the length of the history. What is kept of each recorded line is where it is and a hash of its
 * text, to know it again (first-lines.ts).
 */
import { buildCatalog, resolveSubject, type Catalog } from '../catalog.js';
import type { Dataset } from '../dataset.js';
import type { Entry, LedgerLine } from '../entry.js';
import { checklistYearOf } from '../entry.js';
import { dueOf } from '../expand.js';
import { periodForEntry } from '../match.js';
import { formatPeriod } from '../periods.js';
import { compareAppend, compareUnion, lineInfoOf, newInMerge, splitLines, type AddedLine, type ChangeKind, type LineChange, type LineInfo } from './compare.js';
import { closedOn, countLag, isBackdated, lagDays, lagRows, type LagCounts, type LagRow } from './registration.js';
import { lineKey, renamedTo, sameBytes } from './rename.js';
import { FirstLines, textHash } from './first-lines.js';
import { followMovesBack, LedgerScope, type LedgerChange } from './scope.js';
import { evidenceViolations, type EvidenceLine, type RecordedEvidence } from './evidence.js';

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

/** A `*.ledger` file that differs between a commit and one parent; the path is relative to the data repository. */
export type FileChange = LedgerChange;

export interface CommitChanges {
  commit: Commit;
  /** For each parent (a root commit: one list), the `*.ledger` files that differ. */
  changes: FileChange[][];
}

/** What makes a repository's history not the history its objects record. */
export interface RepositoryFacts {
  /** A shallow clone: git's `shallow` file, and the commits where the history was cut. */
  shallow?: { file: string; commits: string[] };
  /** `refs/replace/*`: the object each one replaces, and by which. */
  replaceRefs: Array<{ ref: string; object: string; by: string }>;
  /** A grafts file (which gives commits other parents): where it is. */
  grafts?: string;
}

/** What audit reads of a git history, as it goes. */
export interface HistorySource {
  /** Oldest first: every commit of the walk, with the `*.ledger` files it changed. */
  commits: readonly CommitChanges[];
  /** The `*.ledger` files of HEAD: path (relative to the data repository) → blob id. */
  head: ReadonlyMap<string, string>;
  /**
   * With `--since`: the `*.ledger` files of that commit, path → blob id. What they hold was
   * recorded before: a line of theirs that comes again later is known (a copy, not a new entry).
   */
  before?: ReadonlyMap<string, string>;
  /** The contents of blobs, by id. */
  blobs(ids: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>>;
  /** The bytes of a file of the working tree (relative to the data repository), undefined when it is gone. */
  workTree(path: string): Uint8Array | undefined;
  facts: RepositoryFacts;
}

/** Who last changed a file: a commit, or `commit: null` when it has changes not committed (or was never committed). */
export interface LastChange {
  commit: string | null;
  author?: string;
  email?: string;
  /** Author date. */
  date?: string;
  /** Committer date. */
  committed?: string;
}

export interface AuditOptions {
  /** The commit `--since` named. */
  since?: string;
  closeDays: number;
  /**
   * The ledger folders, relative to the data repository: today's `paths.ledgers`, and any other
   * the settings named in the history walked (scope.ts).
   */
  folders: readonly string[];
  /** The current ledger lines that name an evidence file with its digest (evidence.ts). */
  evidenceLines: readonly EvidenceLine[];
  /** The SHA-256 (hex) of each evidence file those lines name, undefined when it is not there. */
  evidence: ReadonlyMap<string, string | undefined>;
  /** Who last changed an evidence file whose hash no longer matches. */
  evidenceChange?: (path: string) => LastChange;
  /**
   * Reads ledger lines (src/parse/ledger.ts), each without its newline: for each, what it says, or
   * undefined for a comment, a blank or a line that does not parse.
   */
  parseLines: (file: string, texts: readonly string[]) => Array<LedgerLine | undefined>;
  /** Told after each commit walked, `done` of `total`: a long audit shows how far it has got. */
  step?: (done: number, total: number) => void;
}

export type ViolationKind =
  | ChangeKind
  | 'deleted'
  | 'renamed'
  | 'merge-added'
  | 'merge-duplicated'
  | 'duplicated'
  | 'future-dated'
  | 'reused-id'
  | 'evidence-changed'
  | 'evidence-missing'
  | 'evidence-unverifiable'
  | 'shallow'
  | 'replace-refs'
  | 'grafts';

/** The violations that concern the repository rather than a ledger (their `file` is git's). */
export const REPOSITORY_KINDS: readonly ViolationKind[] = ['shallow', 'replace-refs', 'grafts'];

export interface Violation {
  kind: ViolationKind;
  /**
   * The commit, or null for the working tree (changes not committed). For `replace-refs`: the
   * object replaced; for `shallow`: the first commit the history was cut at.
   */
  commit: string | null;
  /** For a merge: the parent the comparison was made against. */
  parent?: string;
  author?: string;
  email?: string;
  /** Author date. */
  date?: string;
  /** Committer date. */
  committed?: string;
  /** The ledger; for `replace-refs` the ref, for `shallow` and `grafts` git's file. */
  file: string;
  line?: number;
  afterLine?: number;
  count?: number;
  before?: string;
  after?: string;
  /**
   * For renamed: where the ledger went (also on the line changes found in the renamed copy); for
   * evidence: the file; for `replace-refs`: the object put in its place.
   */
  to?: string;
  id?: string;
  expected?: string;
  actual?: string;
  /** For `evidence-changed`: who last changed the evidence file. */
  changed?: LastChange;
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

const ZERO = /^0+$/;
const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The lines of a version as they are known again (lineKey). */
function keysOf(bytes: Uint8Array): Set<string> {
  return new Set(splitLines(decoder.decode(bytes)).map((l) => lineKey(l.bare)));
}

/** `ds`: the settings, organisation and checklists, to know items and periods; its ledgers are not read. */
export async function auditHistory(src: HistorySource, ds: Dataset | undefined, opts: AuditOptions): Promise<AuditReport> {
  const closeDays = opts.closeDays;
  const report: AuditReport = { since: opts.since ?? null, commits: 0, merges: 0, entries: 0, closeDays, violations: [], lag: [], backdated: [] };
  const scope = new LedgerScope(opts.folders);
  await followMovesBack(
    src.commits.flatMap((c) => c.changes),
    scope,
    (ids) => src.blobs(ids),
  );

  const violations: Violation[] = repositoryViolations(src.facts);
  /** Entries dated after their commit: reported after the changes to the history. */
  const dated: Violation[] = [];
  const cat = ds ? buildCatalog(ds) : undefined;
  const lags = new Map<string, LagCounts>();

  /** Each id's first line, the only one allowed to carry it: where it is, and a hash of its text. */
  const firstWithId = new FirstLines();
  /** The version last read again to see a first line (a run of copies reads it once). */
  let again: { id: string; bytes: Uint8Array; starts?: Int32Array } | undefined;
  /** Line `line` of the version `id`, as a line is known again (lineKey). */
  const lineAt = async (id: string, line: number): Promise<string> => {
    if (again?.id !== id) again = { id, bytes: (await src.blobs([id])).get(id) ?? EMPTY };
    const a = again;
    if (!a.starts) {
      const starts = [0];
      for (let i = a.bytes.indexOf(10); i !== -1; i = a.bytes.indexOf(10, i + 1)) starts.push(i + 1);
      a.starts = Int32Array.from(starts);
    }
    const from = a.starts[line - 1] ?? a.bytes.length;
    const to = a.starts[line] ?? a.bytes.length;
    return lineKey(decoder.decode(a.bytes.subarray(from, to)));
  };
  /** Other lines seen with an id already used (`id\0line`): each a reused-id, reported once. */
  const otherWithId = new Set<string>();
  /** Lines without an id, by file and line. */
  const seenNoId = new Set<string>();
  /** Entries with evidence and a digest, by id: where they were recorded. */
  const withEvidence = new Map<string, RecordedEvidence[]>();
  /** The complete lines of each version seen so far, and whether it ends with a newline. */
  const lineInfo = new Map<string, LineInfo>();

  const whoOf = (c: Commit) => ({ commit: c.sha, author: c.author, email: c.email, date: c.authored, committed: c.committed });
  const fromChange = (c: Commit, file: string, ch: LineChange, parent?: string, to?: string): Violation => ({
    kind: ch.kind,
    ...whoOf(c),
    ...(parent ? { parent } : {}),
    file,
    line: ch.line,
    ...(ch.afterLine !== undefined ? { afterLine: ch.afterLine } : {}),
    ...(ch.count > 1 ? { count: ch.count } : {}),
    ...(ch.before !== undefined ? { before: ch.before } : {}),
    ...(ch.after !== undefined ? { after: ch.after } : {}),
    ...(to !== undefined ? { to } : {}),
  });

  /** A new entry: its lag, whether it was dated after its commit, whether it was back-dated. */
  const register = (c: Commit, file: string, line: number, text: string, entry: Entry) => {
    const committedOn = c.committed.slice(0, 10);
    const lag = lagDays(entry.date, committedOn);
    report.entries++;
    if (entry.id !== undefined && entry.evidence !== undefined && entry.sha256 !== undefined) {
      const list = withEvidence.get(entry.id) ?? [];
      list.push({ commit: c, evidence: entry.evidence, sha256: entry.sha256 });
      withEvidence.set(entry.id, list);
    }
    if (lag < 0) {
      dated.push({ kind: 'future-dated', ...whoOf(c), file, line, after: text, ...(entry.id ? { id: entry.id } : {}) });
      return;
    }
    const subject = subjectKey(cat, entry.subject);
    let counts = lags.get(subject);
    if (!counts) lags.set(subject, (counts = new Map()));
    countLag(counts, lag);
    const ref = cat?.checklists.get(checklistYearOf(entry))?.items.get(entry.item);
    const period = ref ? periodForEntry(ref.item, entry) : undefined;
    if (!ref || !period) return;
    const due = dueOf(ref.item, period);
    if (isBackdated(entry, due, committedOn, closeDays)) {
      report.backdated.push({
        commit: c.sha,
        author: c.author,
        committed: committedOn,
        file,
        line,
        text,
        ...(entry.id ? { id: entry.id } : {}),
        item: ref.item.id,
        period: formatPeriod(period),
        due,
        closed: closedOn(due, closeDays),
      });
    }
  };

  /**
   * Lines a commit added to `file`. A line seen before (a renamed ledger, a cherry-pick, the other
   * side of a merge) counts once, at its own commit; but a copy of a line the same ledger already
   * has (`before`), or has twice in what was added, is the violation `duplicated`.
   */
  const addNew = async (c: Commit, file: string, added: readonly AddedLine[], version: string, earlier?: () => Promise<Uint8Array>) => {
    let beforeKeys: Set<string> | undefined;
    const here = new Set<string>();
    const lines = opts.parseLines(
      file,
      added.map((a) => a.text),
    );
    for (let i = 0; i < added.length; i++) {
      const a = added[i]!;
      const parsed = lines[i];
      if (!parsed) continue;
      const id = parsed.id;
      const k = lineKey(a.text);
      const first = id === undefined ? undefined : firstWithId.get(id);
      let known: boolean;
      if (id === undefined) known = seenNoId.has(`${file}\u0000${k}`);
      // the same hash is only a hint: the first line is read again to be sure
      else known = (first !== undefined && first.hash === textHash(k) && (await lineAt(first.version, first.line)) === k) || otherWithId.has(`${id}\u0000${k}`);
      if (known) {
        if (here.has(k) || (earlier !== undefined && (beforeKeys ??= keysOf(await earlier())).has(k))) {
          violations.push({ kind: 'duplicated', ...whoOf(c), file, line: a.line, ...(id !== undefined ? { id } : {}), after: a.text });
        }
        here.add(k);
        continue;
      }
      here.add(k);
      if (id === undefined) seenNoId.add(`${file}\u0000${k}`);
      else if (first === undefined) firstWithId.add(id, { hash: textHash(k), version, line: a.line });
      else {
        // an id already used by another line: a new line passed off as a recorded one
        otherWithId.add(`${id}\u0000${k}`);
        violations.push({ kind: 'reused-id', ...whoOf(c), file, line: a.line, id, before: await lineAt(first.version, first.line), after: a.text });
      }
      if (parsed.kind === 'entry') register(c, file, a.line, a.text, { ...parsed, line: a.line });
    }
  };

  const walkCommit = async (c: Commit, changes: FileChange[][], merge: boolean) => {
    const perParent = (c.parents.length === 0 ? [undefined] : c.parents).map((parent, i) => {
      const list = changes[i] ?? [];
      const mine = list.filter((ch) => scope.has(ch.path));
      // where a ledger is deleted, any *.ledger added may be where it went
      const moving = mine.some((ch) => ch.status === 'D');
      const elsewhere = moving ? list.filter((ch) => ch.status === 'A' && !scope.has(ch.path)) : [];
      return { parent, mine, elsewhere };
    });
    if (perParent.every(({ mine }) => mine.length === 0)) return;
    report.commits++;
    if (merge) report.merges++;

    // the versions this commit needs, read now and dropped after it
    const ids = new Set<string>();
    for (const { mine, elsewhere } of perParent) {
      for (const ch of mine) {
        if (ch.status !== 'A') ids.add(ch.oldBlob);
        if (ch.status !== 'D') ids.add(ch.newBlob);
      }
      for (const ch of elsewhere) ids.add(ch.newBlob);
    }
    const got = await src.blobs([...ids].filter((id) => !ZERO.test(id)));
    const blob = (id: string) => (ZERO.test(id) ? EMPTY : (got.get(id) ?? EMPTY));
    /** An earlier version, to look for a line copied from it. */
    const earlier = (id: string) => async () => blob(id);
    const append = (oldBlob: string, newBlob: string) => {
      const before = ZERO.test(oldBlob) ? { lines: 0, complete: true } : lineInfo.get(oldBlob);
      const after = blob(newBlob);
      const cmp = compareAppend(blob(oldBlob), after, before?.complete ? before.lines : undefined);
      lineInfo.set(newBlob, cmp.lines !== undefined ? { lines: cmp.lines, complete: after.length === 0 || after[after.length - 1] === 10 } : lineInfoOf(after));
      return cmp;
    };

    /** Per ledger, the lines of this commit's version already reported as a changed recorded line. */
    const changedLines = new Map<string, Set<number>>();
    const pushChange = (v: Violation, path: string) => {
      violations.push(v);
      if (v.afterLine === undefined || v.kind === 'inserted') return;
      const set = changedLines.get(path) ?? new Set<number>();
      for (let i = 0; i < (v.count ?? 1); i++) set.add(v.afterLine + i);
      changedLines.set(path, set);
    };
    for (const { parent, mine, elsewhere } of perParent) {
      const addedHere = [...mine.filter((ch) => ch.status === 'A'), ...elsewhere].map((ch) => ({ path: ch.path, blob: ch.newBlob, bytes: blob(ch.newBlob) }));
      const claimed = new Set<string>();
      for (const ch of mine) {
        if (ch.status === 'D') {
          const old = blob(ch.oldBlob);
          const to = renamedTo(
            old,
            addedHere.filter((a) => !claimed.has(a.path)),
          );
          violations.push({
            kind: to ? 'renamed' : 'deleted',
            ...whoOf(c),
            ...(merge && parent ? { parent } : {}),
            file: ch.path,
            ...(to ? { to: to.path } : {}),
          });
          if (!to) continue;
          // the ledger under its new name: compared with the old one, line by line, and followed on
          claimed.add(to.path);
          scope.follow(to.path);
          const cmp = append(ch.oldBlob, to.blob);
          for (const v of cmp.changes) violations.push(fromChange(c, ch.path, v, merge ? parent : undefined, to.path));
          if (!merge) await addNew(c, to.path, cmp.added, to.blob, earlier(ch.oldBlob));
        } else if (ch.status === 'M' || ch.status === 'T') {
          if (merge) {
            for (const v of compareUnion(blob(ch.oldBlob), blob(ch.newBlob))) pushChange(fromChange(c, ch.path, v, parent), ch.path);
          } else {
            const cmp = append(ch.oldBlob, ch.newBlob);
            for (const v of cmp.changes) violations.push(fromChange(c, ch.path, v));
            await addNew(c, ch.path, cmp.added, ch.newBlob, earlier(ch.oldBlob));
          }
        }
      }
      // new ledgers (not a renamed one): every line is new
      if (!merge) {
        for (const a of addedHere) if (!claimed.has(a.path) && scope.has(a.path)) await addNew(c, a.path, append('0', a.blob).added, a.blob);
      }
    }
    if (merge) {
      // a merge is the union of its parents: a line no parent had, or had as often, is the merge's own
      const byPath = new Map<string, { olds: Uint8Array[]; newBlob: string; n: number }>();
      for (const { mine } of perParent) {
        for (const ch of mine) {
          if (ch.status === 'D') continue;
          const e = byPath.get(ch.path) ?? { olds: [], newBlob: ch.newBlob, n: 0 };
          e.olds.push(blob(ch.oldBlob));
          e.n++;
          byPath.set(ch.path, e);
        }
      }
      for (const [path, e] of byPath) {
        const merged = blob(e.newBlob);
        lineInfo.set(e.newBlob, lineInfoOf(merged));
        if (e.n !== c.parents.length) continue;
        // a recorded line the merge changed is reported as such already
        const changed = changedLines.get(path);
        const extra = newInMerge(e.olds, merged).filter((a) => !changed?.has(a.line));
        for (const v of foldAdded(extra)) violations.push({ ...whoOf(c), file: path, ...v });
        await addNew(
          c,
          path,
          extra.filter((a) => !a.known),
          e.newBlob,
        );
      }
    }
  };

  // what was recorded before `--since`, as the walk up to there would have left it
  for (const [path, id] of src.before ?? []) {
    if (!scope.has(path)) continue;
    const bytes = (await src.blobs([id])).get(id) ?? EMPTY;
    lineInfo.set(id, lineInfoOf(bytes));
    const texts = splitLines(decoder.decode(bytes))
      .filter((l) => l.complete)
      .map((l) => l.bare);
    const lines = opts.parseLines(path, texts);
    for (let i = 0; i < texts.length; i++) {
      const parsed = lines[i];
      if (!parsed) continue;
      const k = lineKey(texts[i]!);
      if (parsed.id === undefined) seenNoId.add(`${path}\u0000${k}`);
      else if (!firstWithId.get(parsed.id)) firstWithId.add(parsed.id, { hash: textHash(k), version: id, line: i + 1 });
      else otherWithId.add(`${parsed.id}\u0000${k}`);
    }
  }
  let done = 0;
  for (const { commit: c, changes } of src.commits) {
    await walkCommit(c, changes, c.parents.length > 1);
    opts.step?.(++done, src.commits.length);
  }
  again = undefined;

  // the working tree: changes not committed yet must be appends too, and copy no line
  for (const [path, id] of src.head) {
    if (!scope.has(path)) continue;
    const now = src.workTree(path);
    if (now === undefined) {
      violations.push({ kind: 'deleted', commit: null, file: path });
      continue;
    }
    const committed = (await src.blobs([id])).get(id) ?? EMPTY;
    if (sameBytes(committed, now)) continue;
    const cmp = compareAppend(committed, now);
    for (const v of cmp.changes) {
      violations.push({
        kind: v.kind,
        commit: null,
        file: path,
        line: v.line,
        ...(v.afterLine !== undefined ? { afterLine: v.afterLine } : {}),
        ...(v.count > 1 ? { count: v.count } : {}),
        ...(v.before !== undefined ? { before: v.before } : {}),
        ...(v.after !== undefined ? { after: v.after } : {}),
      });
    }
    let keys: Set<string> | undefined;
    const lines = opts.parseLines(
      path,
      cmp.added.map((a) => a.text),
    );
    for (let i = 0; i < cmp.added.length; i++) {
      const a = cmp.added[i]!;
      const parsed = lines[i];
      if (!parsed) continue;
      const k = lineKey(a.text);
      keys ??= keysOf(committed);
      if (keys.has(k)) violations.push({ kind: 'duplicated', commit: null, file: path, line: a.line, ...(parsed.id !== undefined ? { id: parsed.id } : {}), after: a.text });
      keys.add(k);
    }
  }
  for (const v of dated) violations.push(v);
  report.lag = lagRows(lags, ds ? subjectOrder(ds) : []).map((r) => ({ ...r, name: nameOf(ds, r.subject) }));

  // evidence: the file must still have the hash recorded with it
  for (const v of evidenceViolations(opts.evidenceLines, withEvidence, opts.evidence, opts.evidenceChange)) violations.push(v);
  report.violations = violations;
  return report;
}

/** The violations of a history that cannot be taken at its word. */
function repositoryViolations(f: RepositoryFacts): Violation[] {
  const out: Violation[] = [];
  if (f.shallow) out.push({ kind: 'shallow', commit: f.shallow.commits[0] ?? null, file: f.shallow.file, ...(f.shallow.commits.length > 1 ? { count: f.shallow.commits.length } : {}) });
  for (const r of f.replaceRefs) out.push({ kind: 'replace-refs', commit: r.object, file: r.ref, to: r.by });
  if (f.grafts !== undefined) out.push({ kind: 'grafts', commit: null, file: f.grafts });
  return out;
}

/** Lines a merge added (`merge-added`) or copied (`merge-duplicated`), consecutive ones of a kind as one with a count. */
function foldAdded(extra: readonly AddedLine[]): Array<Pick<Violation, 'kind' | 'line' | 'afterLine' | 'after' | 'count'>> {
  const out: Array<Pick<Violation, 'kind' | 'line' | 'afterLine' | 'after' | 'count'>> = [];
  for (const a of extra) {
    const kind = a.known ? 'merge-duplicated' : 'merge-added';
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind && prev.afterLine! + (prev.count ?? 1) === a.line) prev.count = (prev.count ?? 1) + 1;
    else out.push({ kind, line: a.line, afterLine: a.line, after: a.text });
  }
  return out;
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
