/**
 * `qingdan record [UNIT ITEM [QTY]]`: one completion, one ledger line, one commit
 * (“完成一项，登记一项”). Units and items by id or Chinese name; on a terminal, whatever is missing
 * is asked for; without one, a missing argument is an error (exit 2), never a wait. The line is
 * validated with the checks of `qingdan check` before it is written, and the obligation's status
 * is shown afterwards. The writing itself — lock, fresh id, single append, fsync, commit — is in
 * src/write/ledger-writer.ts.
 */
import { buildCatalog, inScope, isRateItem, measureOfItem, resolveSubject, type Catalog, type ItemRef, type Subject } from '../core/catalog.js';
import { dayOf, isCalendarDate } from '../core/dates.js';
import type { Dataset } from '../core/dataset.js';
import type { Entry, Quantity } from '../core/entry.js';
import { evaluate } from '../core/evaluate.js';
import { subjectId, subjectKeyOf, subjectName } from '../core/expand.js';
import { periodForEntry } from '../core/match.js';
import type { Item, Person } from '../core/model.js';
import { formatPeriod, parsePeriod, type Period } from '../core/periods.js';
import { closest } from '../core/suggest.js';
import { checklistYearOf } from '../checks/ledger-year.js';
import { ConfigError, UsageError } from '../errors.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { recordCatalogue, type RecordCatalogue } from '../i18n/record-zh.js';
import { parseQuantity } from '../parse/ledger.js';
import { printQuantity } from '../parse/ledger-print.js';
import { renderLineProblems } from '../render/line-problems.js';
import { padEnd, truncate } from '../render/width.js';
import { fileInside, folderPath, sha256Hex, readIfExists } from '../read/files.js';
import * as git from '../read/git.js';
import { RecordError } from '../write/errors.js';
import { asRecordError } from '../write/git-errors.js';
import { identities, InvalidLine, writeLine, type WriteOptions, type Written } from '../write/ledger-writer.js';
import { openRepo, soundDataset, type GlobalOptions, type Io, type Opened } from './context.js';
import { resolve } from 'node:path';

export interface RecordOptions extends GlobalOptions {
  date?: string;
  note?: string;
  by?: string;
  evidence?: string;
  period?: string;
  /** false with --no-commit */
  commit?: boolean;
}

/** Asking on a terminal. `ask` resolves to undefined at end of input (Ctrl-D). */
export interface Prompter {
  ask(question: string): Promise<string | undefined>;
  say(text: string): void;
}

export interface Choice<T> {
  value: T;
  /** What the list shows. */
  label: string;
  /** Exact words that pick it (id, name). */
  keys: string[];
}

/** Choices with a key (id, name, title) containing `query`, case-insensitive; an exact key wins alone. */
export function search<T>(choices: readonly Choice<T>[], query: string): Choice<T>[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...choices];
  const exact = choices.filter((c) => c.keys.some((k) => k.toLowerCase() === q));
  if (exact.length > 0) return exact;
  return choices.filter((c) => c.keys.some((k) => k.toLowerCase().includes(q)));
}

const LIST_MAX = 40;

async function askOrCancel(p: Prompter, question: string): Promise<string> {
  const a = await p.ask(question);
  if (a === undefined) throw new RecordError('cancelled');
  return a;
}

/** A searchable choice: type part of an id, name or title; a number picks from the list shown. */
export async function choose<T>(p: Prompter, question: string, choices: readonly Choice<T>[], rm: RecordCatalogue): Promise<T> {
  let shown: Choice<T>[] = [];
  for (;;) {
    const a = (await askOrCancel(p, question)).trim();
    if (/^\d+$/.test(a) && shown.length > 0) {
      const c = shown[+a - 1];
      if (c) return c.value;
    }
    const found = search(choices, a);
    if (found.length === 1 && a !== '') return found[0]!.value;
    if (found.length === 0) {
      p.say(rm.prompt.noMatch({ query: a }));
      continue;
    }
    shown = found.slice(0, LIST_MAX);
    const w = String(shown.length).length;
    p.say(shown.map((c, i) => `  ${String(i + 1).padStart(w)}. ${c.label}`).join('\n') + (found.length > LIST_MAX ? `\n  … ${rm.prompt.more({ n: found.length - LIST_MAX })}` : ''));
    p.say(rm.prompt.pick({}));
  }
}

/** Refuses what a ledger line cannot hold: newlines and other control characters. */
export function checkText(key: 'bad-note', value: string, option: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
    throw new RecordError(key, { option, newline: /[\r\n]/.test(value) ? 1 : 0 });
  }
}

export function subjectChoices(ds: Dataset): Choice<Subject>[] {
  const out: Choice<Subject>[] = ds.org.value.units.map((u) => ({
    value: { kind: 'unit', unit: u },
    label: `${padEnd(u.id, 12)} ${u.name}`,
    keys: [u.id, u.name],
  }));
  out.push({ value: { kind: 'org' }, label: `${padEnd('org', 12)} ${ds.org.value.name}`, keys: ['org', '全行', '党委'] });
  for (const p of ds.org.value.people) {
    out.push({ value: { kind: 'person', person: p }, label: `${padEnd(p.id, 12)} ${p.name}${p.title ? `（${p.title}）` : ''}`, keys: [p.id, p.name] });
  }
  return out;
}

function targetHint(item: Item, rm: RecordCatalogue): string {
  const t = item.target;
  if (t === undefined || t === 'done') return rm.prompt.hintDone({});
  if (t.rate !== undefined) return rm.prompt.hintRate({ rate: Math.round(t.rate * 100) });
  const m = t.measure ?? '次';
  if (t.sum !== undefined) return rm.prompt.hintSum({ sum: t.sum, measure: m });
  return rm.prompt.hintCount({ count: t.count ?? 1, measure: m });
}

export function itemChoices(items: Iterable<ItemRef>, subject: Subject | undefined, rm: RecordCatalogue): Choice<ItemRef>[] {
  const seen = new Set<string>();
  const out: Choice<ItemRef>[] = [];
  for (const ref of items) {
    if (seen.has(ref.item.id)) continue;
    seen.add(ref.item.id);
    if (subject && !inScope(ref.item, subject)) continue;
    out.push({
      value: ref,
      label: `${padEnd(ref.item.id, 6)} ${padEnd(truncate(ref.item.title, 28), 28)}  ${rm.prompt.cadence[ref.item.cadence] ?? ref.item.cadence} · ${targetHint(ref.item, rm)}`,
      keys: [ref.item.id, ref.item.title],
    });
  }
  return out;
}

/** A unit, `org` or a person, by id or name; ids also case-insensitively. */
/** The value of `token` in `map`, or else of the key equal to it but for case (`OFFICE`, `t1.1`). */
function caseless<T>(map: ReadonlyMap<string, T>, token: string): T | undefined {
  const exact = map.get(token);
  if (exact !== undefined) return exact;
  const lower = token.toLowerCase();
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function findSubject(cat: Catalog, token: string): Subject | undefined {
  const s = resolveSubject(cat, token);
  if (s) return s;
  if (token.toLowerCase() === 'org') return { kind: 'org' };
  const unit = caseless(cat.units, token);
  if (unit) return { kind: 'unit', unit };
  const person = caseless(cat.people, token);
  return person ? { kind: 'person', person } : undefined;
}

export function findItem(items: Map<string, ItemRef>, token: string): ItemRef | undefined {
  return caseless(items, token);
}

export function findPerson(cat: Catalog, token: string): Person | undefined {
  return caseless(cat.people, token);
}

function needsQuantity(item: Item): boolean {
  return typeof item.target === 'object' && item.target.sum !== undefined;
}

function asksQuantity(item: Item): boolean {
  return typeof item.target === 'object' && (item.target.sum !== undefined || item.target.rate !== undefined || (item.target.count ?? 1) > 1);
}

export function parseQty(text: string): { quantity?: Quantity; exempt: boolean } {
  const t = text.trim();
  if (t === 'exempt' || t === '免于考核' || t === '免考核') return { exempt: true };
  const q = parseQuantity(t);
  if (!q) throw new RecordError('bad-quantity', { text: t });
  return { quantity: q, exempt: false };
}

/** The period a line names, in words: 三月 / March, 一季度 / Q1, 上半年 / H1, 全年 / 2026. */
export function periodWords(p: Period, rm: RecordCatalogue): string {
  return rm.period(p.kind, p.index, p.year);
}

/** “T3.4 主题党日 · 办公室 · 三月：已完成” — the obligation an entry counts for, as of today. */
export function statusAfter(
  ds: Dataset,
  cat: Catalog,
  line: Entry,
  asOf: string,
  messages: Catalogue,
  rm: RecordCatalogue,
): { text: string; json: Record<string, unknown> } | undefined {
  const year = checklistYearOf(line);
  const ref = cat.checklists.get(year)?.items.get(line.item);
  const subject = resolveSubject(cat, line.subject);
  if (!ref || !subject) return undefined;
  const period = periodForEntry(ref.item, line);
  if (!period) return undefined;
  const ev = evaluate(ds, cat, year, asOf);
  const key = subjectKeyOf(subject);
  const periodKey = formatPeriod(period);
  const i = ev.obligations.findIndex((o) => o.item.id === ref.item.id && o.subjectKey === key && o.periodKey === periodKey);
  if (i === -1) return undefined;
  const o = ev.obligations[i]!;
  const pr = ev.progress[i]!;
  const measure = measureOfItem(ref.item) ?? '';
  const amount = pr.status === 'exempt' ? '' : isRateItem(ref.item) && pr.rate !== undefined ? `${Math.round(pr.rate * 100)}%` : pr.goal > 1 || measure ? `${pr.done}/${pr.goal}${measure ? ` ${measure}` : ''}` : '';
  const text = rm.record.status({
    item: ref.item.id,
    title: ref.item.title,
    subject: subjectName(subject, ds.org.value.name),
    period: periodWords(period, rm),
    status: messages.status[pr.status],
    amount,
    due: o.due,
  });
  return {
    text,
    json: { item: ref.item.id, subject: subjectId(subject), period: periodKey, due: o.due, status: pr.status, done: pr.done, goal: pr.goal },
  };
}

/** The dataset, once settings and templates are known to load (commands/context.ts `soundDataset`). */
/**
 * The git repository `root` is in. Outside one (or without git) that is an error when `required`,
 * else undefined; when git is there but refuses the repository ("dubious ownership"…), always an
 * error, with git's own words.
 */
export function gitRepoOf(root: string, required: boolean): git.GitRepo | undefined {
  const probe = git.probeGitRepo(root);
  if (probe.repo) return probe.repo;
  const available = git.gitAvailable(root);
  if (available && !probe.notRepo) throw new RecordError('git-unusable', { dir: root }, probe.stderr);
  if (!required) return undefined;
  throw available ? new RecordError('not-git', { dir: root }) : new RecordError('no-git');
}

/** The git repository and commit identity for writing; errors when committing cannot work. */
export function gitFor(root: string, commit: boolean, person: Person | undefined) {
  const repo = gitRepoOf(root, commit);
  if (!repo) return { repo: undefined, ids: {} };
  if (!commit) return { repo, ids: {} };
  const ids = identities(root, person);
  if (!ids) throw new RecordError('no-identity');
  return { repo, ids };
}

/** The base folder relative paths on the command line are read against: -C, else the cwd. */
export function baseDir(opts: GlobalOptions, io: Io): string {
  return resolve(io.cwd, opts.C ?? '.');
}

export function ledgerFileFor(ledgersDir: string, year: number, subject: Subject): string {
  return `${folderPath(ledgersDir)}/${year}/${subject.kind === 'unit' ? subject.unit.id : 'org'}.ledger`;
}

export function printWritten(w: Written, repoOpened: Opened, rm: RecordCatalogue, io: Io, json: boolean, extra: Record<string, unknown>): void {
  const line = w.line;
  const st = line.kind === 'entry' ? statusAfter(w.ds, w.cat, line, repoOpened.asOf, repoOpened.messages, rm) : undefined;
  if (json) {
    io.stdout(
      JSON.stringify(
        { file: w.file, line: w.lineNo, id: w.id, text: w.text, commit: w.sha ?? null, staged: w.staged, ...extra, ...(st ? { obligation: st.json } : {}) },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const c = repoOpened.color;
  const where = `${w.file}:${w.lineNo}`;
  const how = w.sha ? rm.record.committed({ sha: w.sha.slice(0, 7) }) : w.staged ? rm.record.staged({}) : rm.record.notInGit({});
  io.stdout(`${c.green('✓')} ${line.kind === 'void' ? rm.void.done({ id: line.target, where, how }) : rm.record.done({ where, how })}\n`);
  io.stdout(`  ${c.dim(w.text)}\n`);
  if (st) io.stdout(`${st.text}\n`);
}

export async function runRecord(args: string[], opts: RecordOptions, io: Io, prompter?: Prompter): Promise<number> {
  const repo = await openRepo(opts, io);
  const rm = recordCatalogue(repo.lang);
  try {
    return await record(args, opts, io, repo, rm, prompter);
  } catch (e) {
    throw asRecordError(e, repo.lang);
  }
}

async function record(args: string[], opts: RecordOptions, io: Io, repo: Opened, rm: RecordCatalogue, prompter?: Prompter): Promise<number> {
  const commit = opts.commit !== false;
  if (args.length > 3) throw new RecordError('missing-args', { extra: args.slice(3).join(' ') });
  if (opts.date !== undefined && !isCalendarDate(opts.date)) throw new RecordError('bad-date', { option: '--date', value: opts.date });
  if (opts.note !== undefined) checkText('bad-note', opts.note, '--note');
  const period = opts.period === undefined ? undefined : parsePeriod(opts.period);
  if (opts.period !== undefined && !period) throw new RecordError('bad-period', { value: opts.period });
  if (opts.evidence !== undefined && /\s/.test(opts.evidence)) throw new RecordError('evidence', { path: opts.evidence, reason: 'spaces' });
  const ds = soundDataset(repo);
  const cat = buildCatalog(ds);

  const [unitArg, itemArg, qtyArg] = args as [string?, string?, string?];
  const missing = [unitArg === undefined ? 'UNIT' : '', itemArg === undefined ? 'ITEM' : ''].filter(Boolean);
  if (missing.length > 0 && !prompter) throw new RecordError('missing-args', { missing: missing.join(' ') });
  const interactive = missing.length > 0;

  // the subject
  let subject: Subject | undefined;
  if (unitArg !== undefined) {
    subject = findSubject(cat, unitArg);
    if (!subject) {
      const names = [...cat.units.keys(), ...cat.people.keys(), 'org'];
      throw new RecordError('unknown-unit', { name: unitArg, suggestion: closest(unitArg, names) ?? '' });
    }
  } else {
    subject = await choose(prompter!, rm.prompt.unit({}), subjectChoices(ds), rm);
  }

  // the date and the checklist year
  let date = opts.date;
  const yearGuess = period?.year ?? +(date ?? repo.asOf).slice(0, 4);
  const checklist = cat.checklists.get(yearGuess);
  if (!checklist) throw new UsageError('no-checklist-for-year', { year: yearGuess, years: [...cat.checklists.keys()].join(', ') });

  // the item
  let ref: ItemRef | undefined;
  if (itemArg !== undefined) {
    ref = findItem(checklist.items, itemArg);
    if (!ref) throw new RecordError('unknown-item', { item: itemArg, year: yearGuess, suggestion: closest(itemArg, checklist.items.keys()) ?? '' });
  } else {
    const choices = itemChoices(checklist.items.values(), subject, rm);
    ref = await choose(prompter!, rm.prompt.item({}), choices, rm);
  }
  const item = ref.item;

  // the quantity
  let quantity: Quantity | undefined;
  let exempt = false;
  if (qtyArg !== undefined) ({ quantity, exempt } = parseQty(qtyArg));
  else if (prompter && (interactive || needsQuantity(item)) && asksQuantity(item)) {
    for (;;) {
      const a = (await askOrCancel(prompter, rm.prompt.quantity({ hint: targetHint(item, rm) }))).trim();
      if (a === '' && !needsQuantity(item)) break;
      try {
        ({ quantity, exempt } = parseQty(a));
        break;
      } catch {
        prompter.say(rm.prompt.badQuantity({ text: a }));
      }
    }
  } else if (needsQuantity(item)) {
    throw new RecordError('quantity-needed', { item: item.id, hint: targetHint(item, rm) });
  }

  // date and note, asked for when prompting anyway
  if (interactive && date === undefined) {
    for (;;) {
      const a = (await askOrCancel(prompter!, rm.prompt.date({ today: repo.asOf }))).trim();
      if (a === '') break;
      if (isCalendarDate(a)) {
        date = a;
        break;
      }
      prompter!.say(rm.prompt.badDate({ text: a }));
    }
  }
  date ??= repo.asOf;
  let note = opts.note;
  if (interactive && note === undefined) {
    const a = (await askOrCancel(prompter!, rm.prompt.note({}))).trim();
    if (a !== '') note = a;
  }
  if (exempt && (note === undefined || note.trim() === '')) throw new RecordError('bad-note', { option: '--note', exempt: 1 });

  // who, and the evidence
  let by: Person | undefined;
  if (opts.by !== undefined) {
    by = findPerson(cat, opts.by);
    if (!by) throw new RecordError('unknown-person', { name: opts.by, suggestion: closest(opts.by, cat.people.keys()) ?? '' });
  }
  let evidence: { rel: string; sha: string } | undefined;
  if (opts.evidence !== undefined) {
    const r = fileInside(repo.root, baseDir(opts, io), opts.evidence);
    if (!r.ok) throw new RecordError('evidence', { path: opts.evidence, reason: r.reason });
    evidence = { rel: r.rel, sha: sha256Hex(readIfExists(r.abs)!).slice(0, 12) };
  }

  const g = gitFor(repo.root, commit, by);
  // What printLine needs; the position comes from parsing the written text back. Typed without
  // file and line only, so that a field the model adds (like `day`) cannot be forgotten here.
  const fields: Omit<Entry, 'file' | 'line'> = { kind: 'entry', date, day: dayOf(date), subject: subjectId(subject), item: item.id, exempt };
  const entry = fields as Entry;
  if (quantity) entry.quantity = quantity;
  if (note !== undefined) entry.note = note;
  if (by) entry.by = by.id;
  if (opts.period !== undefined) entry.period = opts.period;
  if (evidence) {
    entry.evidence = evidence.rel;
    entry.sha256 = evidence.sha;
  }
  const year = checklistYearOf(entry);
  const qtyText = exempt ? 'exempt' : quantity ? printQuantity(quantity) : '';
  const written = write(repo, rm, {
    root: repo.root,
    asOf: repo.asOf,
    ...(g.repo ? { repo: g.repo } : {}),
    commit,
    ...g.ids,
    env: io.env,
  }, (loaded) => ({
    file: ledgerFileFor(loaded.ledgersDir, year, subject!),
    line: entry,
    header: rm.record.header({ year, name: subjectName(subject!, ds.org.value.name) }),
    message: (id) => `record: ${entry.subject} ${item.id}${qtyText ? ` ${qtyText}` : ''} ${date} (id:${id})`,
  }));
  printWritten(written, repo, rm, io, Boolean(opts.json), {});
  if (evidence && g.repo && !git.isTracked(repo.root, evidence.rel)) io.stderr(`qingdan: ${rm.record.evidenceUntracked({ path: evidence.rel })}\n`);
  return 0;
}

/** writeLine with the templates `repo` was opened with, and a refused line rendered under the error. */
export function write(repo: Opened, rm: RecordCatalogue, opts: Omit<WriteOptions, 'opened'>, plan: Parameters<typeof writeLine>[1]): Written {
  try {
    return writeLine({ ...opts, opened: repo }, plan);
  } catch (e) {
    if (e instanceof InvalidLine) throw new RecordError('invalid-entry', { count: e.diagnostics.length }, renderLineProblems(e.text, e.diagnostics, repo.messages));
    if (e instanceof RecordError && e.key === 'cut-off') {
      throw new RecordError('cut-off', e.params, `  ${String(e.params.line)} | ${String(e.params.text)}`);
    }
    throw e;
  }
}
