/**
 * `qingdan audit [--since REV]`: git history as the audit trail. Walks every commit that touched
 * the ledgers — merges included, against each of their parents — and proves each ledger only
 * grew (src/core/audit.ts); then reports the registration lag per unit, entries recorded after
 * their period was closed (back-dating), entries dated after their own commit, and evidence files
 * whose hash no longer matches. Exit 0 clean, 1 violations. Rules: docs/audit.md.
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
import { recordCatalogue, type RecordCatalogue } from '../i18n/record-zh.js';
import { parseLedger } from '../parse/ledger.js';
import * as git from '../read/git.js';
import { padEnd, padStart, width } from '../render/width.js';
import { RecordError } from '../write/errors.js';
import { hashOf, readIfExists } from '../write/files.js';
import { openRepo, type GlobalOptions, type Io, type Opened } from './context.js';

export interface AuditOptions extends GlobalOptions {
  since?: string;
  closeDays?: string;
}

export type ViolationKind = ChangeKind | 'deleted' | 'renamed' | 'future-dated' | 'evidence-changed' | 'evidence-missing';

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
  /** For renamed: where the ledger went. */
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

interface Seen {
  entry: Entry;
  commit: git.CommitInfo;
  file: string;
  line: number;
  text: string;
}

const isLedger = (p: string) => p.endsWith('.ledger');

export function runAudit(opts: AuditOptions, io: Io): number {
  const repo = openRepo(opts, io);
  const rm = recordCatalogue(repo.lang);
  try {
    const report = audit(opts, repo);
    io.stdout(opts.json ? JSON.stringify({ clean: report.violations.length === 0, ...report }, null, 2) + '\n' : renderAudit(report, repo, rm));
    return report.violations.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof RecordError) e.lang ??= repo.lang;
    throw e;
  }
}

function audit(opts: AuditOptions, repo: Opened): AuditReport {
  let closeDays = DEFAULT_CLOSE_DAYS;
  if (opts.closeDays !== undefined) {
    if (!/^\d{1,3}$/.test(opts.closeDays)) throw new UsageError('bad-option', { option: '--close-days', value: opts.closeDays, hint: '0–999' });
    closeDays = +opts.closeDays;
  }
  const g = git.findGitRepo(repo.root);
  if (!g) throw new RecordError(git.gitAvailable(repo.root) ? 'not-git' : 'no-git', { dir: repo.root });
  const ledgersDir = (repo.settings.paths?.ledgers ?? 'ledgers').replace(/\\/g, '/').replace(/\/+$/, '');
  const gitPath = `${g.prefix}${ledgersDir}`;
  const rel = (p: string) => (g.prefix && p.startsWith(g.prefix) ? p.slice(g.prefix.length) : p);
  let since: string | undefined;
  if (opts.since !== undefined) {
    since = git.resolveCommit(g.top, opts.since);
    if (!since) throw new RecordError('bad-rev', { rev: opts.since });
  }
  const report: AuditReport = { since: since ?? null, commits: 0, merges: 0, entries: 0, closeDays, violations: [], lag: [], backdated: [] };
  if (!git.hasHead(g.top)) return report;

  const commits = git.commitsTouching(g.top, gitPath, since);
  const pairs: Array<[string, string?]> = [];
  for (const c of commits) {
    if (c.parents.length === 0) pairs.push([c.sha]);
    else for (const p of c.parents) pairs.push([c.sha, p]);
  }
  const changes = git.changesOf(g.top, pairs, gitPath);
  const ids: string[] = [];
  for (const list of changes) {
    for (const ch of list) {
      if (!isLedger(ch.path)) continue;
      if (!/^0+$/.test(ch.oldBlob)) ids.push(ch.oldBlob);
      if (!/^0+$/.test(ch.newBlob)) ids.push(ch.newBlob);
    }
  }
  const blobs = git.readBlobs(g.top, ids);
  const blob = (id: string) => (/^0+$/.test(id) ? new Uint8Array(0) : (blobs.get(id) ?? new Uint8Array(0)));

  const seen = new Map<string, Seen>();
  const violations: Violation[] = [];
  const whoOf = (c: git.CommitInfo) => ({ commit: c.sha, author: c.author, email: c.email, date: c.authored, committed: c.committed });
  const fromChange = (c: git.CommitInfo, file: string, ch: LineChange, parent?: string): Violation => ({
    kind: ch.kind,
    ...whoOf(c),
    ...(parent ? { parent } : {}),
    file: rel(file),
    line: ch.line,
    ...(ch.afterLine !== undefined ? { afterLine: ch.afterLine } : {}),
    ...(ch.count > 1 ? { count: ch.count } : {}),
    ...(ch.before !== undefined ? { before: ch.before } : {}),
    ...(ch.after !== undefined ? { after: ch.after } : {}),
  });
  const addNew = (c: git.CommitInfo, file: string, added: AddedLine[]) => {
    for (const a of added) {
      const parsed = parseLedger(rel(file), `${a.text}\n`).lines[0];
      if (!parsed || parsed.kind !== 'entry') continue;
      const key = parsed.id ?? `${rel(file)}\u0000${a.text}`;
      if (seen.has(key)) continue;
      seen.set(key, { entry: { ...parsed, line: a.line }, commit: c, file: rel(file), line: a.line, text: a.text });
    }
  };

  let k = 0;
  for (const c of commits) {
    report.commits++;
    const merge = c.parents.length > 1;
    if (merge) report.merges++;
    const perParent = (c.parents.length === 0 ? [undefined] : c.parents).map((p) => ({ parent: p, list: (changes[k++] ?? []).filter((ch) => isLedger(ch.path)) }));
    for (const { parent, list } of perParent) {
      const addedHere = list.filter((ch) => ch.status === 'A');
      for (const ch of list) {
        if (ch.status === 'D') {
          const old = blob(ch.oldBlob);
          const to = addedHere.find((a) => a.newBlob === ch.oldBlob) ?? addedHere.find((a) => compareAppend(old, blob(a.newBlob)).changes.length === 0 && old.length > 0);
          violations.push({
            kind: to ? 'renamed' : 'deleted',
            ...whoOf(c),
            ...(merge && parent ? { parent } : {}),
            file: rel(ch.path),
            ...(to ? { to: rel(to.path) } : {}),
          });
        } else if (ch.status === 'M' || ch.status === 'T') {
          if (merge) {
            for (const v of compareUnion(blob(ch.oldBlob), blob(ch.newBlob))) violations.push(fromChange(c, ch.path, v, parent));
          } else {
            const cmp = compareAppend(blob(ch.oldBlob), blob(ch.newBlob));
            for (const v of cmp.changes) violations.push(fromChange(c, ch.path, v));
            addNew(c, ch.path, cmp.added);
          }
        } else if (ch.status === 'A' && !merge) {
          addNew(c, ch.path, compareAppend(new Uint8Array(0), blob(ch.newBlob)).added);
        }
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
      for (const [path, e] of byPath) if (e.n === c.parents.length) addNew(c, path, newInMerge(e.olds, blob(e.newBlob)));
    }
  }

  // the working tree: changes not committed yet must be appends too
  const head = git.treeFiles(g.top, 'HEAD', gitPath);
  const headBlobs = git.readBlobs(g.top, [...head.entries()].filter(([p]) => isLedger(p)).map(([, b]) => b));
  for (const [path, id] of head) {
    if (!isLedger(path)) continue;
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
    const committedOn = s.commit.committed.slice(0, 10);
    const lag = lagDays(s.entry.date, committedOn);
    report.entries++;
    if (lag < 0) {
      violations.push({
        kind: 'future-dated',
        ...whoOf(s.commit),
        file: s.file,
        line: s.line,
        after: s.text,
        ...(s.entry.id ? { id: s.entry.id } : {}),
      });
      continue;
    }
    samples.push({ subject: subjectKey(cat, s.entry.subject), lag });
    const ref = cat?.checklists.get(checklistYearOf(s.entry))?.items.get(s.entry.item);
    const period = ref ? periodForEntry(ref.item, s.entry) : undefined;
    if (!ref || !period) continue;
    const due = dueOf(ref.item, period);
    if (isBackdated(s.entry, due, committedOn, closeDays)) {
      report.backdated.push({
        commit: s.commit.sha,
        author: s.commit.author,
        committed: committedOn,
        file: s.file,
        line: s.line,
        text: s.text,
        ...(s.entry.id ? { id: s.entry.id } : {}),
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
    const byId = new Map([...seen.values()].filter((s) => s.entry.id).map((s) => [s.entry.id!, s]));
    for (const l of ds.ledgers) {
      for (const line of l.lines) {
        if (line.kind !== 'entry' || line.evidence === undefined || line.sha256 === undefined) continue;
        const actual = hashOf(repo.root, line.evidence);
        const expected = line.sha256.toLowerCase();
        if (actual !== undefined && actual.startsWith(expected)) continue;
        const s = line.id ? byId.get(line.id) : undefined;
        violations.push({
          kind: actual === undefined ? 'evidence-missing' : 'evidence-changed',
          ...(s ? whoOf(s.commit) : { commit: null }),
          file: l.file,
          line: line.line,
          ...(line.id ? { id: line.id } : {}),
          to: line.evidence,
          expected,
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

const visible = (s: string) => s.replace(/\r/g, '␍').replace(/\t/g, '→').replace(/ +$/, (m) => '·'.repeat(m.length));

const MAX_LISTED = 20;

export function renderAudit(r: AuditReport, repo: Opened, rm: RecordCatalogue): string {
  const c = repo.color;
  const out: string[] = [];
  out.push(c.bold(rm.audit.heading({ commits: r.commits, merges: r.merges, entries: r.entries, since: r.since ? r.since.slice(0, 7) : '' })));
  if (r.violations.length > 0) {
    out.push('', c.red.bold(rm.audit.violations({ n: r.violations.length })));
    for (const v of r.violations) {
      const commit = v.commit ? v.commit.slice(0, 7) : rm.audit.workingTree({});
      const who = v.commit ? ` ${(v.date ?? '').slice(0, 10)} ${v.author ?? ''} <${v.email ?? ''}>` : '';
      const where = `${v.file}${v.line ? `:${v.line}` : ''}`;
      const merge = v.parent ? ` ${rm.audit.againstParent({ parent: v.parent.slice(0, 7) })}` : '';
      out.push(`  ${c.yellow(commit)}${who}  ${where}  ${rm.audit.kind(v)}${merge}`);
      if (v.before !== undefined) out.push(c.red(`    - ${visible(v.before)}`));
      if (v.after !== undefined) out.push(c.green(`    + ${visible(v.after)}`));
    }
  }
  if (r.lag.length > 0) {
    out.push('', c.bold(rm.audit.lagHeading({})));
    const h = rm.audit.lagColumns;
    const rows = r.lag.map((l) => [`${l.subject} ${l.name}`, String(l.entries), String(l.median), String(l.max)]);
    const width0 = Math.max(...[h.subject, ...rows.map((x) => x[0]!)].map(width));
    out.push(`  ${padEnd(h.subject, width0)}  ${padStart(h.entries, 6)}  ${padStart(h.median, 8)}  ${padStart(h.max, 6)}`);
    for (const row of rows) out.push(`  ${padEnd(row[0]!, width0)}  ${padStart(row[1]!, 6)}  ${padStart(row[2]!, 8)}  ${padStart(row[3]!, 6)}`);
  }
  if (r.backdated.length > 0) {
    out.push('', c.yellow.bold(rm.audit.backdatedHeading({ n: r.backdated.length, days: r.closeDays })));
    for (const b of r.backdated.slice(0, MAX_LISTED)) {
      out.push(`  ${b.commit.slice(0, 7)} ${b.committed}  ${b.file}:${b.line}  ${b.item} ${b.period}  ${rm.audit.dueClosed({ due: b.due, closed: b.closed })}`);
    }
    if (r.backdated.length > MAX_LISTED) out.push(`  ${rm.audit.more({ n: r.backdated.length - MAX_LISTED })}`);
  }
  out.push('', r.violations.length === 0 ? c.green(rm.audit.clean({})) : c.red.bold(rm.audit.dirty({ n: r.violations.length })));
  return out.join('\n') + '\n';
}
