/**
 * `qingdan record [UNIT ITEM [QTY]]`: one completion, one ledger line, one commit. Units and items
 * by id or Chinese name; on a terminal, whatever is missing is asked for; without one, a missing
 * argument is an error (exit 2), never a wait. The writing is src/recording/.
 */
import { resolve } from 'node:path';
import { buildCatalog, type ItemRef, type Subject } from '../core/catalog.js';
import { isCalendarDate } from '../core/dates.js';
import type { Quantity } from '../core/entry.js';
import type { Person } from '../core/model.js';
import { parsePeriod } from '../core/periods.js';
import { closest } from '../core/suggest.js';
import { QingdanError, speaking } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import type { GlobalOptions, Io, Prompter } from '../io.js';
import { openRepo, soundDataset, type Opened } from '../open/repo.js';
import { askOrCancel, choose, itemChoices, subjectChoices, targetHint } from '../prompt/choose.js';
import { fileInside, readIfExists, sha256Hex } from '../read/files.js';
import * as git from '../read/git.js';
import { asksQuantity, checkText, findItem, findPerson, findSubject, needsQuantity, parseQty } from '../recording/lookup.js';
import { recordEntry } from '../recording/record-entry.js';
import { statusAfterWrite } from '../recording/status-after.js';
import { writeTarget } from '../recording/target.js';
import { closedOn, DEFAULT_CLOSE_DAYS, isBackdated } from '../core/audit/registration.js';
import { subjectName } from '../core/expand.js';
import { renderWritten, writtenJson } from '../render/written.js';

export interface RecordOptions extends GlobalOptions {
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
  const prompter = io.prompter ? await io.prompter() : undefined;
  try {
    return await speaking(repo.lang, () => record(args, opts, io, repo, recordCatalogue(repo.lang), prompter));
  } finally {
    prompter?.close();
  }
}

async function record(args: string[], opts: RecordOptions, io: Io, repo: Opened, rm: RecordCatalogue, prompter: Prompter | undefined): Promise<number> {
  const commit = opts.commit !== false;
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
  if (missing.length > 0 && !prompter) throw new QingdanError('missing-args', { missing: missing.join(' ') });
  const interactive = missing.length > 0;

  let subject: Subject | undefined;
  if (unitArg !== undefined) {
    subject = findSubject(cat, unitArg);
    if (!subject) throw new QingdanError('unknown-unit', { name: unitArg, suggestion: closest(unitArg, [...cat.units.keys(), ...cat.people.keys(), 'org']) ?? '' });
  } else {
    subject = await choose(prompter!, rm.prompt.unit({}), subjectChoices(ds), rm);
  }

  // the checklist year: the period's, else the date's
  let date = opts.date;
  const yearGuess = period?.year ?? +(date ?? repo.asOf).slice(0, 4);
  const checklist = cat.checklists.get(yearGuess);
  if (!checklist) throw new QingdanError('no-checklist-for-year', { year: yearGuess, years: [...cat.checklists.keys()].join(', ') });

  let ref: ItemRef | undefined;
  if (itemArg !== undefined) {
    ref = findItem(checklist.items, itemArg);
    if (!ref) throw new QingdanError('unknown-item', { item: itemArg, year: yearGuess, suggestion: closest(itemArg, checklist.items.keys()) ?? '' });
  } else {
    ref = await choose(prompter!, rm.prompt.item({}), itemChoices(checklist.items.values(), subject, rm), rm);
  }
  const item = ref.item;

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
    throw new QingdanError('quantity-needed', { item: item.id, hint: targetHint(item, rm) });
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
  if (exempt && (note === undefined || note.trim() === '')) throw new QingdanError('bad-note', { option: '--note', exempt: 1 });

  let by: Person | undefined;
  if (opts.by !== undefined) {
    by = findPerson(cat, opts.by);
    if (!by) throw new QingdanError('unknown-person', { name: opts.by, suggestion: closest(opts.by, cat.people.keys()) ?? '' });
  }
  let evidence: { rel: string; sha: string } | undefined;
  if (opts.evidence !== undefined) {
    const r = fileInside(repo.root, resolve(io.cwd, opts.C ?? '.'), opts.evidence);
    if (!r.ok) throw new QingdanError('evidence', { path: opts.evidence, reason: r.reason });
    evidence = { rel: r.rel, sha: sha256Hex(readIfExists(r.abs)!).slice(0, 12) };
  }

  const target = writeTarget(repo.root, repo.asOf, io, commit, by);
  const chosen = subject;
  const written = recordEntry(
    repo,
    target,
    {
      subject: chosen,
      item,
      date,
      exempt,
      ...(quantity ? { quantity } : {}),
      ...(note !== undefined ? { note } : {}),
      ...(by ? { by } : {}),
      ...(opts.period !== undefined ? { period: opts.period } : {}),
      ...(evidence ? { evidence } : {}),
    },
    (year) => rm.record.header({ year, name: subjectName(chosen, ds.org.value.name) }),
  );
  const st = written.line.kind === 'entry' ? statusAfterWrite(written, written.line, repo.asOf) : undefined;
  io.stdout(opts.json ? writtenJson(written, st, {}) : renderWritten(written, st, repo.color, repo.messages, rm));
  // recorded after its period was closed, yet claiming it on time: what audit calls back-dating
  if (st && isBackdated({ date, exempt }, st.due, repo.asOf, DEFAULT_CLOSE_DAYS)) {
    io.stderr(`qingdan: ${rm.record.backdated({ period: rm.period(st.period.kind, st.period.index, st.period.year), due: st.due, closed: closedOn(st.due, DEFAULT_CLOSE_DAYS) })}\n`);
  }
  if (evidence && target.repo && !git.isTracked({ cwd: repo.root, env: io.env }, evidence.rel)) io.stderr(`qingdan: ${rm.record.evidenceUntracked({ path: evidence.rel })}\n`);
  return 0;
}
