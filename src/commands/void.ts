/**
 * `qingdan void ID --reason TEXT`: cancels an entry by appending a void line to the entry's own
 * ledger, committed like a record. Refuses an id that names no entry, a void line, or an entry
 * already voided — checked again under the lock, against the ledgers as they are then.
 */
import { dayOf, isCalendarDate } from '../core/dates.js';
import type { Dataset } from '../core/dataset.js';
import type { Entry, Void } from '../core/entry.js';
import type { Person } from '../core/model.js';
import { closest } from '../core/suggest.js';
import { buildCatalog } from '../core/catalog.js';
import { recordCatalogue, type RecordCatalogue } from '../i18n/record-zh.js';
import { RecordError } from '../write/errors.js';
import { asRecordError } from '../write/git-errors.js';
import { checkText, findPerson, gitFor, printWritten, statusAfter, write } from './record.js';
import { openRepo, soundDataset, type GlobalOptions, type Io, type Opened } from './context.js';

export interface VoidOptions extends GlobalOptions {
  reason?: string;
  date?: string;
  by?: string;
  commit?: boolean;
}

/** The entry `id` names, or why it cannot be voided. */
export function voidTarget(ds: Dataset, id: string): Entry {
  let entry: Entry | undefined;
  let voidedAt: string | undefined;
  let isVoid = false;
  const ids: string[] = [];
  for (const l of ds.ledgers) {
    for (const line of l.lines) {
      if (line.id !== undefined) ids.push(line.id);
      if (line.id === id) {
        if (line.kind === 'entry') entry ??= line;
        else isVoid = true;
      }
      if (line.kind === 'void' && line.target === id && voidedAt === undefined) voidedAt = `${line.file}:${line.line}`;
    }
  }
  if (!entry) {
    if (isVoid) throw new RecordError('void-void', { id });
    throw new RecordError('void-unknown', { id, suggestion: closest(id, ids) ?? '' });
  }
  if (voidedAt) throw new RecordError('void-twice', { id, first: voidedAt });
  return entry;
}

export async function runVoid(id: string, opts: VoidOptions, io: Io): Promise<number> {
  const repo = await openRepo(opts, io);
  const rm = recordCatalogue(repo.lang);
  try {
    return doVoid(id, opts, io, repo, rm);
  } catch (e) {
    throw asRecordError(e, repo.lang);
  }
}

function doVoid(id: string, opts: VoidOptions, io: Io, repo: Opened, rm: RecordCatalogue): number {
  const commit = opts.commit !== false;
  const reason = opts.reason?.trim();
  if (!reason) throw new RecordError('reason-needed');
  checkText('bad-note', reason, '--reason');
  if (opts.date !== undefined && !isCalendarDate(opts.date)) throw new RecordError('bad-date', { option: '--date', value: opts.date });
  const ds = soundDataset(repo);
  const cat = buildCatalog(ds);
  voidTarget(ds, id); // early, friendly refusal; checked again under the lock
  let by: Person | undefined;
  if (opts.by !== undefined) {
    by = findPerson(cat, opts.by);
    if (!by) throw new RecordError('unknown-person', { name: opts.by, suggestion: closest(opts.by, cat.people.keys()) ?? '' });
  }
  const date = opts.date ?? repo.asOf;
  const g = gitFor(repo.root, commit, by);
  let target: Entry | undefined;
  const written = write(
    repo,
    rm,
    { root: repo.root, asOf: repo.asOf, ...(g.repo ? { repo: g.repo } : {}), commit, ...g.ids, env: io.env },
    (loaded) => {
      target = voidTarget(loaded.ds, id);
      // what printLine needs; the position comes from parsing the written text back
      const fields: Omit<Void, 'file' | 'line'> = { kind: 'void', date, day: dayOf(date), target: id, reason };
      const line = fields as Void;
      if (by) line.by = by.id;
      return {
        file: target.file,
        line,
        header: '',
        message: (newId) => `void: ${id} ${date} (id:${newId})`,
      };
    },
  );
  printWritten(written, repo, rm, io, Boolean(opts.json), { voided: id });
  if (!opts.json && target) {
    const st = statusAfter(written.ds, written.cat, target, repo.asOf, repo.messages, rm);
    if (st) io.stdout(`${st.text}\n`);
  }
  return 0;
}
