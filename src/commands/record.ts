/**
 * `qingdan record [UNIT ITEM [QTY]]`: one completion, one ledger line, one commit. Units and items
 * by id or Chinese name; on a terminal, whatever is missing is asked for; without one, a missing
 * argument is an error (exit 2), never a wait. The writing is src/recording/.
 */
import { resolve } from 'node:path';
import { buildCatalog, type Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import { printQuantity } from '../parse/ledger-print.js';
import { isCalendarDate } from '../core/dates.js';
import type { Person } from '../core/model.js';
import { parsePeriod } from '../core/periods.js';
import { closest } from '../core/suggest.js';
import { QingdanError, speaking } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import type { GlobalOptions, Io, Prompter } from '../io.js';
import { openRepo, soundDataset, type Opened } from '../open/repo.js';
import { askEntry, type Answers } from '../prompt/ask-entry.js';
import { targetHint } from '../prompt/choose.js';
import { checkText, findItem, findPerson, findSubject, needsQuantity, parseQty } from '../recording/lookup.js';
import { placeEvidence } from '../recording/evidence.js';
import { entryOf, ledgerOwner, recordEntry, type EntryInput } from '../recording/record-entry.js';
import { checklistYearOf } from '../core/entry.js';
import type { Written } from '../recording/write-line.js';
import { statusAfterWrite } from '../recording/status-after.js';
import { writeTarget } from '../recording/target.js';
import { markOf, type MarkOptions } from '../recording/marks.js';
import type { Extra } from '../core/entry.js';
import { closedOn, DEFAULT_CLOSE_DAYS, isBackdated } from '../core/audit/registration.js';
import { subjectId, subjectName } from '../core/expand.js';
import { renderWritten, writtenJson } from '../render/written.js';

export interface RecordOptions extends GlobalOptions, MarkOptions {
  date?: string;
  note?: string;
  by?: string;
  evidence?: string;
  period?: string;
  /** false with --no-commit */
  commit?: boolean;
}

export async function runRecord(args: string[], opts: RecordOptions, io: Io): Promise<number> {
  // the ledgers are read under the lock, and only as far as the new line needs them
  const repo = await openRepo(opts, io, { writeCache: true, ledgers: false });
  const prompter = io.prompter ? await io.prompter(repo.lang) : undefined;
  try {
    return await speaking(repo.lang, () => record(args, opts, io, repo, recordCatalogue(repo.lang), prompter));
  } finally {
    prompter?.close();
  }
}

async function record(args: string[], opts: RecordOptions, io: Io, repo: Opened, rm: RecordCatalogue, prompter: Prompter | undefined): Promise<number> {
  if (args.length > 3) throw new QingdanError('missing-args', { extra: args.slice(3).join(' ') });
  if (opts.date !== undefined && !isCalendarDate(opts.date)) throw new QingdanError('bad-date', { option: '--date', value: opts.date });
  if (opts.note !== undefined) checkText(opts.note, '--note');
  const period = opts.period === undefined ? undefined : parsePeriod(opts.period);
  if (opts.period !== undefined && !period) throw new QingdanError('bad-period', { value: opts.period });
  if (opts.evidence !== undefined && /\s/.test(opts.evidence)) throw new QingdanError('evidence', { path: opts.evidence, reason: 'spaces' });
  const ds = soundDataset(repo);
  const cat = buildCatalog(ds);

  const [unitArg, itemArg, qtyArg] = args as [string?, string?, string?];
  const missing = [unitArg === undefined ? 'UNIT' : '', itemArg === undefined ? 'ITEM' : ''].filter(Boolean);
  // a finding, a rectification or a rating: from the command line only, never asked for
  const mark = markOf(cat, opts, qtyArg);
  if (missing.length > 0 && (!prompter || mark)) throw new QingdanError('missing-args', { missing: missing.join(' ') });
  const interactive = missing.length > 0;

  const a: Answers = { exempt: false, ...(opts.date !== undefined ? { date: opts.date } : {}), ...(opts.note !== undefined ? { note: opts.note } : {}) };
  if (unitArg !== undefined) {
    a.subject = findSubject(cat, unitArg);
    if (!a.subject) throw new QingdanError('unknown-unit', { name: unitArg, suggestion: closest(unitArg, [...cat.units.keys(), ...cat.people.keys(), 'org']) ?? '' });
  }
  if (itemArg !== undefined) {
    // the checklist year: the period's, else the date's
    const year = period?.year ?? +(a.date ?? repo.asOf).slice(0, 4);
    const checklist = cat.checklists.get(year);
    if (!checklist) throw new QingdanError('no-checklist-for-year', { year, years: [...cat.checklists.keys()].join(', ') });
    a.ref = findItem(checklist.items, itemArg);
    // a finding or its rectification may be against a whole area
    if (!a.ref && mark && (mark.points !== undefined || mark.rectifies !== undefined)) {
      const area = checklist.source.value.areas.find((x) => x.id === itemArg || x.name === itemArg || x.id.toLowerCase() === itemArg.toLowerCase());
      if (area) return write(a, opts, io, repo, rm, ds, cat, { mark, area: area.id });
    }
    if (!a.ref) throw new QingdanError('unknown-item', { item: itemArg, year, suggestion: closest(itemArg, checklist.items.keys()) ?? '' });
  }
  if (mark) return write(a, opts, io, repo, rm, ds, cat, { mark });
  if (qtyArg !== undefined) Object.assign(a, parseQty(qtyArg));

  const asking = prompter && (interactive || (a.ref && qtyArg === undefined && needsQuantity(a.ref.item)));
  try {
    if (asking) {
      const ctx = { ds, cat, asOf: repo.asOf, rm, messages: repo.messages, ...(period ? { periodYear: period.year } : {}) };
      await askEntry(prompter, ctx, a, { quantity: qtyArg === undefined, date: interactive, note: interactive });
    }
    return write(a, opts, io, repo, rm, ds, cat);
  } catch (e) {
    // what was answered is not lost: the command that records it without the questions
    if (asking && e instanceof QingdanError && a.subject) io.stderr(`qingdan: ${rm.prompt.rerun({ command: commandLine(a, opts) })}\n`);
    throw e;
  }
}

/** `marked`: a finding, rectification or rating (its tags), against an item or an area (its id). */
function write(a: Answers, opts: RecordOptions, io: Io, repo: Opened, rm: RecordCatalogue, ds: Dataset, cat: Catalog, marked?: { mark: Extra; area?: string }): number {
  const commit = opts.commit !== false;
  const item = marked?.area !== undefined ? { id: marked.area } : a.ref!.item;
  if (!marked && a.quantity === undefined && !a.exempt && needsQuantity(a.ref!.item)) throw new QingdanError('quantity-needed', { item: item.id, hint: targetHint(a.ref!.item, rm) });
  const { quantity, exempt, note } = a;
  const date = a.date ?? repo.asOf;
  if (exempt && (note === undefined || note.trim() === '')) throw new QingdanError('bad-note', { option: '--note', exempt: 1 });

  let by: Person | undefined;
  if (opts.by !== undefined) {
    by = findPerson(cat, opts.by);
    if (!by) throw new QingdanError('unknown-person', { name: opts.by, suggestion: closest(opts.by, cat.people.keys()) ?? '' });
  }
  const target = writeTarget(repo.root, repo.asOf, io, commit, by);
  const chosen = a.subject!;
  const input: EntryInput = {
    subject: chosen,
    item,
    date,
    exempt,
    ...(quantity ? { quantity } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(by ? { by } : {}),
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(marked ? { extra: marked.mark } : {}),
  };
  // a file outside the repository is copied in first; taken back if the record fails
  const evidence = opts.evidence === undefined ? undefined : placeEvidence(repo.root, resolve(io.cwd, opts.C ?? '.'), opts.evidence, checklistYearOf(entryOf(input)), ledgerOwner(chosen));
  if (evidence) input.evidence = { rel: evidence.rel, sha: evidence.sha };
  let written: Written;
  try {
    written = recordEntry(repo, target, input, (year) => rm.record.header({ year, name: subjectName(chosen, ds.org.value.name) }));
  } catch (e) {
    evidence?.undo();
    throw e;
  }
  if (evidence?.copiedFrom) io.stderr(`qingdan: ${rm.record.evidenceCopied({ from: evidence.copiedFrom, rel: evidence.rel })}\n`);
  // a finding, rectification or rating is not a completion: no obligation status to show
  const st = written.line.kind === 'entry' && !marked ? statusAfterWrite(written, written.line, repo.asOf) : undefined;
  io.stdout(opts.json ? writtenJson(written, st, {}) : renderWritten(written, st, repo.color, repo.messages, rm));
  // recorded after its period was closed, yet claiming it on time: what audit calls back-dating
  if (st && isBackdated({ date, exempt }, st.due, repo.asOf, DEFAULT_CLOSE_DAYS)) {
    io.stderr(`qingdan: ${rm.record.backdated({ period: rm.period(st.period.kind, st.period.index, st.period.year), due: st.due, closed: closedOn(st.due, DEFAULT_CLOSE_DAYS) })}\n`);
  }
  return 0;
}

/** `qingdan record UNIT ITEM [QTY] --date … --note …` for what is known, quoted for a POSIX shell. */
function commandLine(a: Answers, opts: RecordOptions): string {
  const words = ['qingdan', 'record', a.subject ? subjectId(a.subject) : 'UNIT', a.ref?.item.id ?? 'ITEM'];
  if (a.exempt) words.push('exempt');
  else if (a.quantity) words.push(printQuantity(a.quantity));
  if (a.date !== undefined) words.push('--date', a.date);
  if (a.note !== undefined) words.push('--note', a.note);
  for (const [flag, value] of [['--by', opts.by], ['--period', opts.period], ['--evidence', opts.evidence]] as const) if (value !== undefined) words.push(flag, value);
  if (opts.commit === false) words.push('--no-commit');
  return words.map(shellWord).join(' ');
}

function shellWord(w: string): string {
  return /^[A-Za-z0-9._:/@%+=,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
